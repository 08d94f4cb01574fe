package io.fusillade.aggregator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.aggregator.summary.Summary;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {
    private static Summary summary;
    private static String text;

    @BeforeAll
    static void render() throws Exception {
        summary = ReportFixture.summary();
        text = new ConsoleSummary(false).render(summary);
    }

    private static List<String> lines() {
        return Arrays.stream(text.split("\n")).map(String::strip).toList();
    }

    private static String lineStartingWith(String prefix) {
        return lines().stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in:\n" + text));
    }

    @Test
    void marksEachThresholdWithItsExpressionAndObservedValue() {
        assertThat(text).contains("█ THRESHOLDS");
        assertThat(lineStartingWith("✓ 'p95 < 500'")).matches("✓ 'p95 < 500' p\\(95\\)=\\d+(\\.\\d+)?ms");
        assertThat(lineStartingWith("✗ 'avg < 20'")).startsWith("✗ 'avg < 20' avg=");
        assertThat(lineStartingWith("✗ 'rate < 0.01'")).isEqualTo("✗ 'rate < 0.01' rate=1.99%");
        assertThat(lineStartingWith("✓ 'p(99) < 6000'")).isEqualTo("✓ 'p(99) < 6000' p(99)=5s");
        assertThat(lineStartingWith("✓ 'count < 10'")).isEqualTo("✓ 'count < 10' no data");
        assertThat(lines()).contains("http_req_duration{name:/api/login}");
    }

    @Test
    void printsAnOverallLine() {
        assertThat(lineStartingWith("duration:"))
                .isEqualTo("duration: 10s   requests: 251 (25.1/s)   failed: 5 (1.99%)   iterations: 100");
    }

    @Test
    void printsChecksWithTicksAndPassPercentages() {
        assertThat(lines()).contains("✗ status is 200", "↳  96% — ✓ 96 / ✗ 4", "↳  Expected 200, got 500", "✓ has body");
    }

    @Test
    void printsOneLinePerMetricInAlphabeticalOrder() {
        List<String> names = lines().stream()
                .filter(l -> l.matches("^([✓✗] )?[a-z_{ ][^.]*\\.{3,}:.*"))
                .map(l -> l.replaceFirst("^[✓✗] ", "").replaceFirst("\\.{3,}:.*", "").strip())
                .toList();
        assertThat(names).containsExactly("checkout_duration", "checks", "data_received", "data_sent",
                "http_req_blocked", "http_req_connecting", "http_req_duration", "{ expected_response:true }",
                "http_req_failed", "http_req_receiving", "http_req_sending", "http_req_tls_handshaking",
                "http_req_waiting", "http_reqs", "items_sold", "iteration", "iteration_duration", "iteration_total",
                "iterations", "vus", "vus_max");
    }

    @Test
    void formatsEachKindOfMetricTheK6Way() {
        assertThat(lineStartingWith("✗ http_req_duration...")).containsPattern(
                ": avg=\\S+ms +min=10ms +med=\\S+ms +max=5s +p\\(90\\)=\\S+ +p\\(95\\)=\\S+ +p\\(99\\)=\\S+$");
        assertThat(lineStartingWith("http_req_blocked...")).contains("max=7.3µs");
        assertThat(lineStartingWith("data_received...")).containsPattern(": 485 kB +49 kB/s$");
        assertThat(lineStartingWith("http_reqs...")).containsPattern(": 251 +25.1/s$");
        assertThat(lineStartingWith("✗ http_req_failed...")).containsPattern(": 1.99% +✓ 5 +✗ 246$");
        assertThat(lineStartingWith("checks...")).containsPattern(": 98.00% +✓ 196 +✗ 4$");
        assertThat(lineStartingWith("vus...")).containsPattern(": 10 +min=1 +max=10$");
        assertThat(lineStartingWith("iteration...")).contains("avg=100ms");
        assertThat(lineStartingWith("iteration_total...")).contains("avg=600ms");
        assertThat(lineStartingWith("checkout_duration...")).contains("avg=120.5 ");
    }

    @Test
    void listsTheBusiestEndpoints() {
        assertThat(text).contains("█ ENDPOINTS");
        assertThat(lineStartingWith("ENDPOINT")).containsPattern("ENDPOINT +REQS +FAILED +AVG +P50 +P95 +P99 +MAX");
        assertThat(lineStartingWith("GET /api/users")).containsPattern("GET /api/users +200 +4 ");
        assertThat(lineStartingWith("POST /api/login")).containsPattern("POST /api/login +51 +1 ");
        assertThat(lineStartingWith("status codes:")).isEqualTo("status codes:  error=1  200=246  500=4");
    }

    @Test
    void usesAnsiColourOnlyWhenAsked() {
        assertThat(text).doesNotContain("\u001B[");
        String coloured = new ConsoleSummary(true).render(summary);
        assertThat(coloured).contains("\u001B[32m✓\u001B[0m", "\u001B[31m✗\u001B[0m");
        assertThat(coloured.replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(text);
    }

    @Test
    void rendersAnEmptyRunWithoutFailing() {
        String empty = new ConsoleSummary(false).render(new MetricRegistry().summary());
        assertThat(empty).contains("requests: 0");
    }
}
