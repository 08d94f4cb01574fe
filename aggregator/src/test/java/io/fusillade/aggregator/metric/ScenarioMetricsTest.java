package io.fusillade.aggregator.metric;

import static io.fusillade.aggregator.Events.MS;
import static io.fusillade.aggregator.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.aggregator.Events;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.threshold.Threshold;
import io.fusillade.aggregator.threshold.ThresholdParser;
import io.fusillade.aggregator.threshold.ThresholdResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioMetricsTest {
    /** A run of two scenarios: browse's requests are fast and fine, checkout's slow and failing. */
    private static Events twoScenarios() {
        Events events = new Events().marker("run-start", T0);
        int browse = events.id("browse");
        int checkout = events.id("checkout");
        for (int i = 0; i < 10; i++) {
            events.request("GET", "/items", T0 + i * MS, 10 * MS, 200).scenarioId = browse;
        }
        for (int i = 0; i < 4; i++) {
            events.request("POST", "/cart", T0 + i * MS, 900 * MS, 500).scenarioId = checkout;
        }
        return events.marker("run-end", T0 + 2000 * MS);
    }

    private static List<Threshold> thresholds() {
        return ThresholdParser.parseAll(Map.of(
                "http_req_failed{scenario:browse}", List.of("rate < 0.01"),
                "http_req_duration{scenario:checkout,method:POST}", List.of("p95 < 500"),
                "http_reqs", List.of("count == 14"),
                "http_reqs{scenario:nobody}", List.of("count > 0")));
    }

    @Test
    void thresholdsNarrowedToAScenarioAreJudgedOnItsRecordsOnly() throws Exception {
        List<Threshold> thresholds = thresholds();
        MetricRegistry registry = new MetricRegistry();
        ScenarioMetrics scenarios = ScenarioMetrics.forRun();
        scenarios.watch(thresholds);
        Events events = twoScenarios();
        events.feed(registry);
        events.feed(scenarios);

        Summary summary = scenarios.summary(registry, thresholds);
        assertThat(summary.thresholds()).extracting(ThresholdResult::threshold).containsExactlyElementsOf(thresholds);
        assertThat(verdict(summary, "http_req_failed{scenario:browse}").passed()).isTrue();
        assertThat(verdict(summary, "http_req_failed{scenario:browse}").observed()).hasValue(0);
        assertThat(verdict(summary, "http_req_duration{method:POST,scenario:checkout}").passed()).isFalse();
        assertThat(verdict(summary, "http_reqs").passed()).isTrue();
        assertThat(verdict(summary, "http_reqs{scenario:nobody}").noData()).isTrue();
        assertThat(summary.thresholdsPassed()).isFalse();
        // The whole run's metrics are untouched.
        assertThat(summary.totalRequests()).isEqualTo(14);
    }

    @Test
    void aReplayWatchesEveryScenario() throws Exception {
        ScenarioMetrics scenarios = ScenarioMetrics.forAll();
        MetricRegistry registry = new MetricRegistry();
        Events events = twoScenarios();
        events.feed(registry);
        events.feed(scenarios);
        Summary summary = scenarios.summary(registry, thresholds());
        assertThat(verdict(summary, "http_req_failed{scenario:browse}").passed()).isTrue();
        assertThat(verdict(summary, "http_req_duration{method:POST,scenario:checkout}").observed()).hasValue(900);
    }

    private static ThresholdResult verdict(Summary summary, String key) {
        return summary.thresholds().stream().filter(r -> r.threshold().metric().toString().equals(key)).findFirst().orElseThrow();
    }
}
