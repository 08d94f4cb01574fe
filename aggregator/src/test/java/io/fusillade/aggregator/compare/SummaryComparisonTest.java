package io.fusillade.aggregator.compare;

import static io.fusillade.aggregator.Events.MS;
import static io.fusillade.aggregator.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fusillade.aggregator.Events;
import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.aggregator.report.JsonSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryComparisonTest {
    @TempDir
    Path work;

    /** A 10 s run of 1000 requests taking {@code latencyMs}, every {@code failEvery}th failing (0: none). */
    private Path summary(String name, long latencyMs, int failEvery) throws Exception {
        Events events = new Events();
        events.marker("run-start", T0);
        for (int i = 0; i < 1000; i++) {
            events.request("GET", "/api", T0 + i * 10 * MS, latencyMs * MS, failEvery > 0 && i % failEvery == 0 ? 500 : 200);
        }
        events.marker("run-end", T0 + 10_000 * MS);
        MetricRegistry registry = new MetricRegistry();
        events.feed(registry);
        Path file = work.resolve(name);
        new JsonSummary().write(registry.summary(), file);
        return file;
    }

    private static Change find(List<Change> changes, String metric) {
        return changes.stream().filter(c -> c.metric().equals(metric)).findFirst().orElseThrow();
    }

    @Test
    void slowerAndFailingIsARegressionFasterIsAnImprovement() throws Exception {
        Path base = summary("base.json", 100, 0);
        Path slower = summary("slower.json", 130, 10);
        List<Change> changes = SummaryComparison.compare(base, slower);
        Change p95 = find(changes, "http_req_duration p95");
        assertThat(p95.percent()).isBetween(29.0, 31.0);
        assertThat(p95.regressed(10)).isTrue();
        assertThat(p95.regressed(50)).isFalse();
        Change errors = find(changes, "error rate");
        assertThat(errors.baseline()).isZero();
        assertThat(errors.current()).isEqualTo(10.0);
        assertThat(errors.percent()).isInfinite();
        assertThat(errors.regressed(1000)).isTrue();
        assertThat(find(changes, "GET /api p95").regressed(10)).isTrue();
        assertThat(find(changes, "rps").percent()).isZero();

        List<Change> back = SummaryComparison.compare(slower, base);
        assertThat(find(back, "http_req_duration p95").improved()).isTrue();
        assertThat(back.stream().anyMatch(c -> c.regressed(10))).isFalse();
    }

    @Test
    void aFileThatIsNotASummaryIsNamed() throws Exception {
        Path bad = Files.writeString(work.resolve("bad.json"), "{\"hello\": 1}");
        Path base = summary("base.json", 100, 0);
        assertThatThrownBy(() -> SummaryComparison.compare(base, bad)).hasMessageContaining(bad + " is not a Fusillade JSON summary");
        assertThatThrownBy(() -> SummaryComparison.compare(work.resolve("none.json"), base))
                .hasMessageContaining("none.json: no such file");
    }
}
