package io.fusillade.aggregator.threshold;

import static io.fusillade.aggregator.Events.MS;
import static io.fusillade.aggregator.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fusillade.aggregator.Events;
import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdWatcherTest {

    /** 10 s at 100 req/s; from 6 s on every request fails. */
    private static Events degradingRun() {
        Events events = new Events();
        events.marker("run-start", T0);
        for (int i = 0; i < 1000; i++) {
            long at = T0 + i * 10 * MS;
            events.request("GET", "/api", at, 5 * MS, i >= 600 ? 503 : 200);
        }
        events.marker("run-end", T0 + 10_000 * MS);
        return events;
    }

    /** Delivers each record as its own batch, as a ring that keeps up would. */
    private static void feedLive(Events events, SampleSink sink) throws Exception {
        SampleEvent slot = new SampleEvent();
        for (SampleEvent e : events.list()) {
            slot.copyFrom(e);
            sink.onSample(slot, true);
        }
        sink.onEnd();
    }

    @Test
    void abortsOnceWhenAnAbortOnFailThresholdFails() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        List<List<ThresholdResult>> aborts = new ArrayList<>();
        List<Long> abortedAtRequests = new ArrayList<>();
        ThresholdWatcher watcher = new ThresholdWatcher(registry,
                List.of(ThresholdParser.parse("http_req_failed", "rate < 0.1", true),
                        ThresholdParser.parse("http_req_duration", "p95 < 1000")),
                Duration.ofSeconds(1), breached -> {
                    aborts.add(breached);
                    abortedAtRequests.add(registry.live().requests());
                });
        feedLive(degradingRun(), watcher);

        assertThat(aborts).hasSize(1);
        assertThat(aborts.getFirst()).extracting(r -> r.threshold().metric().name()).containsExactly("http_req_failed");
        // 10% of requests have failed a little after 6.6 s; evaluations are 1 s of stream time apart.
        assertThat(abortedAtRequests.getFirst()).isBetween(667L, 800L);
        assertThat(watcher.aborted()).isTrue();
        assertThat(watcher.latest()).extracting(ThresholdResult::passed).containsExactly(false, true);
    }

    @Test
    void thresholdsWithoutAbortOnFailOnlyReport() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        List<List<ThresholdResult>> aborts = new ArrayList<>();
        ThresholdWatcher watcher = new ThresholdWatcher(registry,
                List.of(ThresholdParser.parse("http_req_failed", "rate < 0.1")), Duration.ofSeconds(1), aborts::add);
        feedLive(degradingRun(), watcher);
        assertThat(aborts).isEmpty();
        assertThat(watcher.latest()).singleElement().satisfies(r -> assertThat(r.passed()).isFalse());
        assertThat(registry.summary().totalRequests()).isEqualTo(1000);
    }

    @Test
    void thePartialSummaryJudgesExactlyAsTheFullOne() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        degradingRun().feed(registry);
        List<Threshold> thresholds = List.of(
                ThresholdParser.parse("http_req_failed", "rate < 0.1"),
                ThresholdParser.parse("http_req_duration{name:/api}", "p(99.9) < 10"),
                ThresholdParser.parse("http_reqs", "rate > 50"),
                ThresholdParser.parse("missing", "count > 1"));
        Summary partial = registry.summaryFor(thresholds);
        assertThat(partial.thresholds()).isEqualTo(registry.summary(thresholds).thresholds());
        assertThat(partial.metrics()).containsOnlyKeys("http_req_failed", "http_reqs");
    }

    @Test
    void rejectsANonPositiveInterval() {
        assertThatThrownBy(() -> new ThresholdWatcher(new MetricRegistry(), List.of(), Duration.ZERO, r -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval must be positive");
    }
}
