package io.fusillade.aggregator.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.aggregator.summary.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path work;

    private Path report() throws Exception {
        Path html = work.resolve("report.html");
        Outputs outputs = Outputs.open(new Outputs.Options(false, html, List.of(), null, null, null), System.out);
        Summary summary = RunFixture.run(RunFixture.events(), outputs);
        assertThat(outputs.finish(summary, "scenarios/<checkout>.js").files()).containsExactly(html);
        return html;
    }

    @Test
    void isOneSelfContainedPageWithEveryTable() throws Exception {
        String page = Files.readString(report());
        assertThat(page).startsWith("<!DOCTYPE html>")
                .contains("scenarios/&lt;checkout&gt;.js", "thresholds failed")
                .contains("id=\"thresholds\"", "rate &lt; 0.01", "✗ fail", "✓ pass")
                .contains("id=\"checks\"", "status is 200", "got 503")
                .contains("id=\"endpoints\"", "GET /api/items, &quot;all&quot;", "POST /api/orders")
                .contains("id=\"status-codes\"", "0 (network error)", "503")
                .contains("id=\"metrics\"", "http_req_duration");
        // Self-contained: no external scripts, styles, images or fetches.
        assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("fetch(", "XMLHttpRequest", "@import");
        assertThat(page).doesNotContain("<script src");
    }

    @Test
    void timelineHasOnePointPerSecondWithTheSlowMiddleAndFailingEnd() throws Exception {
        Timeline timeline = new Timeline();
        RunFixture.events().feed(timeline);
        List<TimelinePoint> points = timeline.points();
        assertThat(points).hasSize(20);
        assertThat(points.get(0).requests()).isEqualTo(100);
        assertThat(points.get(9).p50()).isBetween(190.0, 215.0);
        assertThat(points.get(2).p50()).isBetween(18.0, 30.0);
        assertThat(points.get(16).errorRate()).isEqualTo(0.1);
        assertThat(points.get(3).failed()).isZero();
        assertThat(points.get(10).vus()).isEqualTo(5);
        long binned = timeline.distribution(HtmlReport.DISTRIBUTION_BINS).stream().mapToLong(Timeline.LatencyBin::count).sum();
        assertThat(binned).isEqualTo(RunFixture.REQUESTS + 1);
    }

    @Test
    void longRunsAreMergedIntoAtMostTheMaximumPointsKeepingSpikes() {
        List<TimelinePoint> points = new ArrayList<>();
        for (int i = 0; i < 7_200; i++) {
            points.add(new TimelinePoint(i, 100, 0, 10, 10, 10, 10, i == 5_000 ? 900 : 12, 15, 50, 0, 10));
        }
        List<TimelinePoint> merged = HtmlReport.coarsen(points);
        assertThat(merged).hasSizeLessThanOrEqualTo(HtmlReport.MAX_POINTS);
        assertThat(merged.get(0).requests()).isEqualTo(100);
        assertThat(merged.stream().mapToDouble(TimelinePoint::p99).max().orElseThrow()).isEqualTo(900);
    }

    @Test
    void headlessChromiumDrawsEveryChart() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium), "Debian's chromium is not installed (.ci/run installs it)");
        Path html = report();
        Files.copy(html, Path.of("target", "html-report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String dom = chromium(chromium, "--dump-dom", html.toUri().toString());
        assertThat(dom).contains("data-charts-rendered=\"5\"");
        Matcher series = Pattern.compile("<path [^>]*class=\"series\"").matcher(dom);
        int lines = 0;
        while (series.find()) {
            lines++;
        }
        // requests/failed/iterations, four percentiles, error rate, VUs and failed checks.
        assertThat(lines).isEqualTo(10);
        assertThat(dom).contains("class=\"bar\"");

        Path screenshot = Path.of("target", "html-report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium(chromium, "--screenshot=" + screenshot, "--window-size=1300,1700", html.toUri().toString());
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(20_000);
    }

    private String chromium(Path chromium, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + work.resolve("profile")));
        command.addAll(List.of(args));
        Path out = work.resolve("chromium.out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(work.resolve("chromium.err").toFile()).start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
