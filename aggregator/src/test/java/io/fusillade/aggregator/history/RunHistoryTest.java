package io.fusillade.aggregator.history;

import static io.fusillade.aggregator.Events.MS;
import static io.fusillade.aggregator.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fusillade.aggregator.Events;
import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.aggregator.summary.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    @TempDir
    Path work;

    private static Summary summary(long latencyMs) throws Exception {
        Events events = new Events();
        events.marker("run-start", T0);
        for (int i = 0; i < 100; i++) {
            events.request("GET", "/api", T0 + i * 10 * MS, latencyMs * MS, i % 20 == 0 ? 500 : 200);
        }
        events.marker("run-end", T0 + 1_000 * MS);
        MetricRegistry registry = new MetricRegistry();
        events.feed(registry);
        return registry.summary();
    }

    @Test
    void runsRoundTripThroughSqliteNewestFirst() throws Exception {
        Path db = work.resolve("sub/history.db");
        try (RunHistory history = RunHistory.open(db, true)) {
            long first = history.save(HistoryEntry.of(summary(10), "a.js", "runs/1", "passed"));
            long second = history.save(HistoryEntry.of(summary(30), "b.js", "runs/2", "thresholds_failed"));
            assertThat(second).isGreaterThan(first);
        }
        try (RunHistory history = RunHistory.open(db, false)) {
            List<HistoryEntry> recent = history.recent(10);
            assertThat(recent).extracting(HistoryEntry::script).containsExactly("b.js", "a.js");
            assertThat(history.recent(1)).hasSize(1);
            HistoryEntry a = history.find(recent.get(1).id()).orElseThrow();
            assertThat(a.startedAt()).isEqualTo(Instant.ofEpochSecond(0, T0));
            assertThat(a.requests()).isEqualTo(100);
            assertThat(a.errors()).isEqualTo(5);
            assertThat(a.errorRate()).isEqualTo(0.05);
            assertThat(a.rps()).isEqualTo(100.0);
            assertThat(a.p95Ms()).isBetween(9.9, 10.1);
            assertThat(a.outcome()).isEqualTo("passed");
            assertThat(a.runDirectory()).isEqualTo("runs/1");
            assertThat(a.summaryJson()).contains("\"total_requests\" : 100");
            assertThat(history.find(999)).isEmpty();
        }
    }

    @Test
    void aMissingOrForeignFileIsNamed() throws Exception {
        assertThatThrownBy(() -> RunHistory.open(work.resolve("none.db"), false))
                .hasMessageContaining("no run history at " + work.resolve("none.db"));
        Path notSqlite = Files.writeString(work.resolve("text.db"), "this is not a database, just enough text to be a page".repeat(100));
        assertThatThrownBy(() -> RunHistory.open(notSqlite, false)).isInstanceOf(HistoryException.class)
                .hasMessageContaining("cannot open the run history " + notSqlite);
    }
}
