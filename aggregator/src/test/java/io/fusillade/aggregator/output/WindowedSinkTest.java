package io.fusillade.aggregator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.aggregator.summary.Summary;
import org.junit.jupiter.api.Test;

class WindowedSinkTest {
    private static Summary windowed(String window) throws Exception {
        MetricRegistry registry = new MetricRegistry();
        RunFixture.events().feed(new WindowedSink(TimeWindow.parse(window), registry));
        return registry.summary();
    }

    @Test
    void onlyTheSamplesInsideTheWindowCountAndRatesUseItsLength() throws Exception {
        // The fixture: 100 requests a second for 20 s, 200 ms from 8 s to 12 s, failures from 15 s.
        Summary slow = windowed("8s..12s");
        assertThat(slow.totalRequests()).isEqualTo(400);
        assertThat(slow.durationSecs()).isEqualTo(4.0);
        assertThat(slow.requestsPerSecond()).isEqualTo(100.0);
        assertThat(slow.trend("http_req_duration").orElseThrow().min()).isGreaterThanOrEqualTo(200);
        assertThat(slow.failedRequests()).isZero();

        Summary tail = windowed("15s..");
        assertThat(tail.totalRequests()).isEqualTo(501);
        assertThat(tail.failedRequests()).isEqualTo(51);
        Summary head = windowed("..1m30s");
        assertThat(head.totalRequests()).isEqualTo(RunFixture.REQUESTS + 1);
        assertThat(head.durationSecs()).isEqualTo(20.0);
    }

    @Test
    void badWindowsNameTheOption() {
        assertThatThrownBy(() -> TimeWindow.parse("30s")).hasMessageContaining("invalid --window '30s': expected FROM..TO");
        assertThatThrownBy(() -> TimeWindow.parse("2m..30s")).hasMessageContaining("its end must come after its start");
        assertThatThrownBy(() -> TimeWindow.parse("1x..2m")).hasMessageContaining("'1x' is not a duration");
        assertThat(TimeWindow.parse("1m30s..2m").fromNanos()).isEqualTo(90_000_000_000L);
        assertThat(TimeWindow.parse("500ms..").toNanos()).isEqualTo(Long.MAX_VALUE);
    }
}
