package io.fusillade.engine.js.modules.k6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fusillade.engine.js.ScriptException;
import io.fusillade.engine.js.host.VuInterruptedException;
import io.fusillade.engine.testing.ScriptHarness;
import io.fusillade.ingest.MetricType;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** k6 scripts' imports, against a real server on 127.0.0.1. */
class K6ModulesTest {
    @RegisterExtension
    static final ScriptHarness harness = new ScriptHarness();

    @Test
    void aK6ScriptWithGroupsChecksAndCustomMetricsRunsUnchanged() throws IOException {
        ScriptHarness.Run run = harness.run("""
                import http from 'k6/http';
                import { check, group, sleep } from 'k6';
                import { Counter, Rate, Trend, Gauge } from 'k6/metrics';

                const orders = new Counter('orders');
                const ok = new Rate('ok_rate');
                const size = new Trend('body_size');
                const depth = new Gauge('queue_depth');

                export default function () {
                  group('browse', () => {
                    const r = http.get(`${__ENV.BASE_URL}/api/items/1`, { tags: { name: 'item' } });
                    check(r, { 'status is 200': (x) => x.status === 200 });
                    size.add(r.body.length, { kind: 'item' });
                  });
                  orders.add(2);
                  ok.add(true);
                  ok.add(0);
                  depth.add(7);
                  sleep(0.001);
                }
                """, 1, 3);
        assertThat(run.errors()).isEmpty();
        ScriptHarness.Collector c = run.collected();
        List<SampleEvent> requests = c.of(SampleKind.REQUEST);
        assertThat(requests).hasSize(3).allSatisfy(r -> {
            assertThat(r.status).isEqualTo(200);
            assertThat(c.name(r)).isEqualTo("item");
            assertThat(c.tags(r)).containsEntry("group", "::browse").containsEntry("name", "item");
        });
        assertThat(c.of(SampleKind.CHECK)).hasSize(3).allSatisfy(check -> {
            assertThat(check.value).isEqualTo(1);
            assertThat(c.tags(check)).containsEntry("group", "::browse");
        });
        List<SampleEvent> metrics = c.of(SampleKind.METRIC);
        assertThat(metrics.stream().filter(m -> c.name(m).equals("orders")))
                .hasSize(3).allSatisfy(m -> {
                    assertThat(m.metricType).isEqualTo(MetricType.COUNTER);
                    assertThat(m.value).isEqualTo(2);
                });
        assertThat(metrics.stream().filter(m -> c.name(m).equals("ok_rate")).map(m -> m.value)).containsExactly(1.0, 0.0, 1.0, 0.0, 1.0, 0.0);
        assertThat(metrics.stream().filter(m -> c.name(m).equals("body_size"))).hasSize(3).allSatisfy(m -> {
            assertThat(m.metricType).isEqualTo(MetricType.TREND);
            assertThat(m.value).isGreaterThan(10);
            assertThat(c.tags(m)).containsEntry("kind", "item").containsEntry("group", "::browse");
        });
        assertThat(metrics.stream().filter(m -> c.name(m).equals("queue_depth"))).allSatisfy(m -> assertThat(m.metricType).isEqualTo(MetricType.GAUGE));
        assertThat(metrics.stream().filter(m -> c.name(m).equals("group_duration"))).hasSize(3)
                .allSatisfy(m -> assertThat(c.tags(m)).containsEntry("group", "::browse"));
    }

    @Test
    void executionCryptoEncodingDataAndFailAreThere() throws IOException {
        ScriptHarness.Run run = harness.run("""
                import exec from 'k6/execution';
                import { vu, scenario } from 'k6/execution';
                import crypto from 'k6/crypto';
                import { sha256, hmac } from 'k6/crypto';
                import encoding from 'k6/encoding';
                import { SharedArray } from 'k6/data';
                import { fail } from 'k6';
                import { randomIntBetween, uuidv4 } from 'https://jslib.k6.io/k6-utils/1.4.0/index.js';

                const users = new SharedArray('users', () => [{ name: 'ann' }, { name: 'bob' }]);

                export default function () {
                  print(`vu=${exec.vu.idInTest} iter=${vu.iterationInScenario} scenario=${scenario.name} global=${__ITER}`);
                  print(`md5=${crypto.md5('abc', 'hex')} sha=${sha256('abc', 'base64')}`);
                  print(`hmac=${hmac('sha256', 'key', 'The quick brown fox jumps over the lazy dog', 'hex')}`);
                  print(`b64=${encoding.b64encode('hello')} back=${encoding.b64decode('aGVsbG8=', 'std', 's')} bytes=${encoding.b64decode('aGVsbG8=').byteLength}`);
                  print(`users=${users.length} first=${users[0].name} names=${users.map((u) => u.name).join('+')}`);
                  const n = randomIntBetween(3, 3);
                  print(`rand=${n} uuid=${uuidv4().length}`);
                  if (__ITER === 1) {
                    fail('second iteration fails');
                  }
                }
                """, 2, 2);
        assertThat(run.stdout()).contains("vu=1 iter=0 scenario=default global=0", "vu=2 iter=1 scenario=default global=1",
                "md5=900150983cd24fb0d6963f7d28e17f72", "sha=ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=",
                "hmac=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                "b64=aGVsbG8= back=hello bytes=5", "users=2 first=ann names=ann+bob", "rand=3 uuid=36");
        assertThat(run.errors()).hasSize(2).allSatisfy(e -> assertThat(e).contains("test.js:").contains("second iteration fails"));
    }

    @Test
    void anUnsupportedK6ModuleOrRemoteUrlIsOneClearError() {
        assertThatThrownBy(() -> harness.run("import ws from 'k6/ws';\nexport default function () {}\n", 1, 1))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("unsupported k6 module 'k6/ws'")
                .hasMessageContaining("k6/http");
        assertThatThrownBy(() -> harness.run("import x from 'https://example.com/lib.js';\nexport default function () {}\n", 1, 1))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("remote module 'https://example.com/lib.js' cannot be imported");
    }

    @Test
    void testAbortStopsTheVuAndTellsTheRun() throws IOException {
        assertThatThrownBy(() -> harness.run("""
                import exec from 'k6/execution';
                export default function () { exec.test.abort('enough'); }
                """, 1, 1)).isInstanceOf(VuInterruptedException.class);
        assertThatThrownBy(() -> harness.run("""
                import exec from 'k6/execution';
                exec.test.abort('no data');
                export default function () {}
                """, 1, 1)).isInstanceOf(ScriptException.class).hasMessageContaining("test.js:2:").hasMessageContaining("the script aborted the test: no data");
    }

    @Test
    void metricTypeConflictsAreErrors() {
        assertThatThrownBy(() -> harness.run("""
                import { Counter, Trend } from 'k6/metrics';
                const a = new Counter('x');
                const b = new Trend('x');
                export default function () {}
                """, 1, 1)).isInstanceOf(ScriptException.class).hasMessageContaining("metric 'x' is already a counter");
    }
}
