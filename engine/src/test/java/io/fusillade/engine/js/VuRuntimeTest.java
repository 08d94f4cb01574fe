package io.fusillade.engine.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fusillade.engine.testing.ScriptHarness;
import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A VU's script against a real server: what it sees and what it publishes. */
class VuRuntimeTest {
    @RegisterExtension
    static final ScriptHarness harness = new ScriptHarness();

    /** Runs {@code source} as VU 3. */
    private ScriptHarness.Run iterate(String source, int iterations) throws IOException {
        return harness.run(source, 3, 1, iterations, harness.local().http());
    }

    @Test
    void requestsChecksAndResponseFieldsReachTheScriptAndTheStream() throws IOException {
        ScriptHarness.Run run = iterate("""
                export default function () {
                  const r = http.get(`${__ENV.BASE_URL}/api/items/2`, { name: 'item', tags: { flow: 'browse' } });
                  check(r, {
                    'status 200': (x) => x.status === 200,
                    'json': (x) => x.json().name === 'Gadget',
                    'headers': (x) => x.headers['Content-Type'].startsWith('application/json') && x.hasHeader('content-type'),
                    'timings': (x) => x.timings.duration >= x.timings.waiting && x.timings.waiting > 0,
                    'proto': (x) => x.proto === 'h1' && x.statusText === 'OK',
                    'custom message': (x) => x.status === 404 || `expected 404, got ${x.status}`,
                  });
                  print(`vu=${__VU} worker=${__WORKER_ID} iteration=${__ITERATION}`);
                }
                """, 2);
        List<SampleEvent> requests = run.collected().of(SampleKind.REQUEST);
        assertThat(requests).hasSize(2);
        SampleEvent first = requests.get(0);
        assertThat(first.status).isEqualTo(200);
        assertThat(first.vu).isEqualTo(3);
        assertThat(first.iteration).isZero();
        assertThat(requests.get(1).iteration).isEqualTo(1);
        assertThat(run.collected().dictionary.text(first.nameId)).isEqualTo("item");
        assertThat(run.collected().dictionary.text(first.methodId)).isEqualTo("GET");
        assertThat(run.collected().dictionary.text(first.tagSetId)).contains("flow").contains("browse");
        assertThat(first.bytesReceived).isGreaterThan(20);
        assertThat(first.durationNanos).isEqualTo(first.sendingNanos + first.waitingNanos + first.receivingNanos);

        List<SampleEvent> checks = run.collected().of(SampleKind.CHECK);
        assertThat(checks).hasSize(12);
        assertThat(checks.stream().filter(c -> c.value == 1)).hasSize(10);
        assertThat(checks.stream().filter(c -> c.value == 0).map(c -> c.text)).containsOnly("expected 404, got 200");
        assertThat(run.stdout()).contains("vu=3 worker=2 iteration=0", "vu=3 worker=2 iteration=1");
    }

    @Test
    void postWithJsonAndFormBodies() throws IOException {
        ScriptHarness.Run run = iterate("""
                export default function () {
                  const created = http.post(`${__ENV.BASE_URL}/api/items`, JSON.stringify({ name: 'x' }),
                      { headers: { 'Content-Type': 'application/json' } });
                  check(created, { 'created': (r) => r.status === 201 && r.json().name === 'x' });
                  const login = http.post(`${__ENV.BASE_URL}/api/login`, JSON.stringify({ username: 'u', password: 'p' }),
                      { headers: { 'Content-Type': 'application/json' } });
                  check(login, { 'token': (r) => typeof r.json().token === 'string' });
                }
                """, 1);
        assertThat(run.collected().of(SampleKind.CHECK)).allMatch(c -> c.value == 1);
        assertThat(run.collected().of(SampleKind.REQUEST)).allMatch(r -> r.bytesSent > 0);
    }

    @Test
    void refusedConnectionIsStatusZeroNotAnException() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ScriptHarness.Run run = iterate("""
                export default function () {
                  const r = http.get('http://127.0.0.1:%d/');
                  check(r, { 'refused': (x) => x.status === 0 && x.errorCode === 'ECONNREFUSED' && x.error === 'CONNECT' });
                }
                """.formatted(port), 1);
        assertThat(run.collected().of(SampleKind.REQUEST)).singleElement()
                .satisfies(r -> assertThat(r.error).isEqualTo(ErrorCode.ECONNREFUSED));
        assertThat(run.collected().of(SampleKind.CHECK)).singleElement().satisfies(c -> assertThat(c.value).isEqualTo(1));
    }

    @Test
    void anExceptionEndsTheIterationWithItsLocation() throws IOException {
        ScriptHarness.Run run = iterate("""
                export default function () {
                  const missing = undefined;
                  missing.field = 1;
                }
                """, 2);
        assertThat(run.stderr()).contains("test.js:3:").contains("TypeError");
        assertThat(run.stderr().lines().filter(l -> l.contains("TypeError"))).hasSize(1);
    }

    @Test
    void syntaxErrorsAndInitRequestsAreScriptErrors() throws IOException {
        assertThatThrownBy(() -> iterate("export default function () {\n  let = ;\n}\n", 1))
                .isInstanceOf(ScriptException.class)
                .hasMessageMatching("(?s).*test\\.js:2:\\d+: .*");
        assertThatThrownBy(() -> iterate("http.get('http://127.0.0.1:1/');\nexport default function () {}\n", 1))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("test.js:1:")
                .hasMessageContaining("init context");
        assertThatThrownBy(() -> iterate("export const options = {};\n", 1))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("must export a function named 'default'");
    }

    @Test
    void localModuleImportsResolveNextToTheScript() throws IOException {
        Files.writeString(harness.dir().resolve("helpers.js"), "export const greet = (n) => `hello ${n}`;\n");
        ScriptHarness.Run run = iterate("import { greet } from './helpers.js';\nexport default function () { print(greet('vu')); }\n", 1);
        assertThat(run.stdout()).contains("hello vu");
    }
}
