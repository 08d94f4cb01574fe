package io.fusillade.engine.js.modules.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.engine.testing.ScriptHarness;
import io.fusillade.ingest.Protocol;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code params.httpVersion}, {@code res.proto} and batches as HTTP/2 streams, against the demo target's h2c. */
class Http2ScriptTest {
    @RegisterExtension
    static final ScriptHarness harness = new ScriptHarness();

    @BeforeEach
    void reset() {
        harness.local().target().reset();
    }

    @Test
    void aRequestChoosesItsHttpVersion() throws IOException {
        ScriptHarness.Run run = harness.run("""
                const B = __ENV.BASE_URL;
                export default function () {
                  const h2 = http.get(`${B}/api/items/3`, { httpVersion: '2' });
                  print(`h2 status=${h2.status} proto=${h2.proto} name=${h2.json().name}`);
                  const h1 = http.get(`${B}/health`);
                  print(`default proto=${h1.proto}`);
                  const posted = http.post(`${B}/upload`, { field: 'value' }, { httpVersion: 2 });
                  print(`post status=${posted.status} proto=${posted.proto}`);
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        assertThat(run.stdout()).contains("h2 status=200 proto=h2 name=Doohickey", "default proto=h1", "post status=200 proto=h2");
        List<SampleEvent> requests = run.collected().of(SampleKind.REQUEST);
        assertThat(requests).extracting(e -> e.protocol).containsExactly(Protocol.H2, Protocol.H1, Protocol.H2);
        assertThat(requests.getFirst().bytesReceived).isPositive();
    }

    @Test
    void headersAndCookiesWorkOverH2() throws IOException {
        ScriptHarness.Run run = harness.run("""
                const B = __ENV.BASE_URL;
                export default function () {
                  const set = http.get(`${B}/cookies/set?session=abc`, { httpVersion: '2' });
                  print(`set proto=${set.proto} type=${set.headers['Content-Type']} cookie=${http.cookieJar().cookiesForURL(B).session}`);
                  const seen = http.get(`${B}/cookies`, { httpVersion: '2' });
                  print(`sent back ${seen.proto} ${seen.body}`);
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        assertThat(run.stdout()).contains("set proto=h2 type=application/json", "cookie=abc", "sent back h2").contains("abc");
    }

    @Test
    void aBatchToAnH2OriginIsStreamsOfOneConnection() throws IOException {
        ScriptHarness.Run run = harness.run("""
                const B = __ENV.BASE_URL;
                export default function () {
                  const started = Date.now();
                  const responses = http.batch(Array.from({ length: 6 }, () => ['GET', `${B}/slow?ms=300`, null, { httpVersion: '2' }]));
                  print(`took=${Date.now() - started} protos=${responses.map(r => r.proto).join(',')} statuses=${responses.map(r => r.status).join(',')}`);
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        assertThat(run.stdout()).contains("protos=h2,h2,h2,h2,h2,h2 statuses=200,200,200,200,200,200");
        long took = Long.parseLong(run.stdout().replaceAll("(?s).*took=(\\d+).*", "$1"));
        // Six 300 ms answers at once, not one after another.
        assertThat(took).isLessThan(1500);
        assertThat(harness.local().target().connectionCount()).isEqualTo(1);
    }

    @Test
    void aBadHttpVersionIsAClearScriptError() throws IOException {
        ScriptHarness.Run run = harness.run("""
                export default function () {
                  http.get(`${__ENV.BASE_URL}/health`, { httpVersion: '3' });
                }
                """, 1, 1);
        assertThat(String.join("\\n", run.errors())).contains("params.httpVersion").contains("'1.1' or '2'");
    }
}
