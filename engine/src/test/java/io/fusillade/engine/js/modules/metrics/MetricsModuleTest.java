package io.fusillade.engine.js.modules.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.engine.testing.ScriptHarness;
import io.fusillade.ingest.MetricType;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Custom metrics, {@code segment()} and {@code console.table()}, as a script sees them. */
class MetricsModuleTest {
    @RegisterExtension
    static final ScriptHarness harness = new ScriptHarness();

    @Test
    void segmentsMetricsAndConsoleTable() throws IOException {
        ScriptHarness.Run run = harness.run("""
                export default function () {
                  segment('Login Flow', () => {
                    http.get(`${__ENV.BASE_URL}/api/items/1`);
                    segment('Dashboard', () => {
                      http.get(`${__ENV.BASE_URL}/api/items/2`, { tags: { page: 'dash' } });
                      metrics.histogramAdd('checkout_duration', 42);
                    });
                  });
                  metrics.counterAdd('items_sold', 3);
                  metrics.rateAdd('payment_success', true);
                  metrics.gaugeSet('queue_depth', 9, { queue: 'a' });
                  sleepRandom(0.001, 0.002);
                  __VU_STATE.count = (__VU_STATE.count || 0) + 1;
                  print(`scenario=${__SCENARIO} state=${__VU_STATE.count}`);
                  console.table([{ name: 'Alice', score: 95 }, { name: 'Bob', score: 87 }]);
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        ScriptHarness.Collector c = run.collected();
        List<SampleEvent> requests = c.of(SampleKind.REQUEST);
        assertThat(c.tags(requests.get(0))).isEqualTo(Map.of("group", "::Login Flow"));
        assertThat(c.tags(requests.get(1))).isEqualTo(Map.of("group", "::Login Flow::Dashboard", "page", "dash"));
        List<SampleEvent> metrics = c.of(SampleKind.METRIC);
        assertThat(metrics).filteredOn(m -> c.name(m).equals("checkout_duration")).singleElement()
                .satisfies(m -> assertThat(c.tags(m)).containsEntry("group", "::Login Flow::Dashboard"));
        assertThat(metrics).filteredOn(m -> c.name(m).equals("items_sold")).singleElement()
                .satisfies(m -> assertThat(m.value).isEqualTo(3));
        assertThat(metrics).filteredOn(m -> c.name(m).equals("payment_success")).singleElement()
                .satisfies(m -> assertThat(m.metricType).isEqualTo(MetricType.RATE));
        assertThat(metrics).filteredOn(m -> c.name(m).equals("queue_depth")).singleElement()
                .satisfies(m -> assertThat(c.tags(m)).containsEntry("queue", "a"));
        assertThat(c.of(SampleKind.ITERATION)).isEmpty();
        assertThat(run.stderr()).contains("│ (index) │ name  │ score │", "│ 1       │ Bob   │ 87    │");
        assertThat(run.stdout()).contains("scenario=default state=1");
    }
}
