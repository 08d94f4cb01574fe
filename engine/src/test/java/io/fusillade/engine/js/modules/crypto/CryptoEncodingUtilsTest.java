package io.fusillade.engine.js.modules.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.engine.testing.ScriptHarness;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code crypto}, {@code encoding} and {@code utils} globals, as a script sees them. */
class CryptoEncodingUtilsTest {
    @RegisterExtension
    static final ScriptHarness harness = new ScriptHarness();

    @Test
    void cryptoEncodingAndUtilsGlobals() throws IOException {
        ScriptHarness.Run run = harness.run("""
                export default function () {
                  print(`md5=${crypto.md5('abc')} sha1=${crypto.sha1('abc')}`);
                  print(`sha256=${crypto.sha256('abc')}`);
                  print(`hmac=${crypto.hmac('md5', 'key', 'The quick brown fox jumps over the lazy dog')}`);
                  print(`b64=${encoding.b64encode('user:pass')} back=${encoding.b64decode('dXNlcjpwYXNz')}`);
                  const id = utils.uuid();
                  print(`uuid=${/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)}`);
                  const n = utils.randomInt(5, 7);
                  print(`int=${n >= 5 && n <= 7 && Number.isInteger(n)} str=${utils.randomString(12).length} item=${utils.randomItem(['x'])}`);
                  print(`email=${/^[a-z0-9]{8}@test\\.com$/.test(utils.randomEmail())} phone=${/^\\+1-555-\\d{3}-\\d{4}$/.test(utils.randomPhone())}`);
                  const name = utils.randomName();
                  const date = utils.randomDate(1970, 1970);
                  print(`name=${name.full === name.first + ' ' + name.last} date=${date.startsWith('1970-')} seq=${utils.sequentialId() < utils.sequentialId()}`);
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        assertThat(run.stdout()).contains("md5=900150983cd24fb0d6963f7d28e17f72 sha1=a9993e364706816aba3e25717850c26c9cd0d89d",
                "sha256=ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                "hmac=80070713463e7749b90c2dc24911e275", "b64=dXNlcjpwYXNz back=user:pass", "uuid=true",
                "int=true str=12 item=x", "email=true phone=true", "name=true date=true seq=true");
    }
}
