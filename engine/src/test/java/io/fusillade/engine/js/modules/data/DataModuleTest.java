package io.fusillade.engine.js.modules.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.engine.testing.ScriptHarness;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Shared arrays and CSV files, as a script sees them. */
class DataModuleTest {
    @RegisterExtension
    static final ScriptHarness harness = new ScriptHarness();

    @Test
    void sharedArrayIsBuiltOnceAndReadByEveryVu() throws IOException {
        ScriptHarness.Run run = harness.run("""
                const data = new SharedArray('numbers', () => {
                  print('building');
                  return Array.from({ length: 1000 }, (_, i) => ({ id: i, tag: 't' + i }));
                });
                export default function () {
                  const sum = data.reduce((n, x) => n + x.id, 0);
                  let seen = 0;
                  for (const item of data) { seen++; }
                  print(`vu=${__VU} length=${data.length} last=${data[999].tag} sum=${sum} seen=${seen} array=${Array.isArray(data)}`);
                  data[0] = 'x';
                }
                """, 3, 1);
        assertThat(run.stdout().lines().filter(l -> l.equals("building"))).hasSize(1);
        assertThat(run.stdout()).contains("vu=1 length=1000 last=t999 sum=499500 seen=1000", "vu=3 length=1000 last=t999");
        assertThat(run.errors()).hasSize(3).allSatisfy(e -> assertThat(e).contains("read-only"));
    }

    @Test
    void sharedCsvParsesHeadersQuotesAndRows() throws IOException {
        Files.writeString(harness.dir().resolve("users.csv"), "email,password,name\nuser1@example.com,pass123,John\n\"u2@example.com\",\"p,\"\"4\",Jane\n");
        ScriptHarness.Run run = harness.run("""
                const users = new SharedCSV('./users.csv');
                export default function () {
                  const second = users.get(1);
                  print(`rows=${users.length} headers=${users.headers.join('|')} first=${users.get(0).name} pw=${second.password}`);
                  print(`random=${['John', 'Jane'].includes(users.random().name)}`);
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        assertThat(run.stdout()).contains("rows=2 headers=email|password|name first=John pw=p,\"4", "random=true");
    }
}
