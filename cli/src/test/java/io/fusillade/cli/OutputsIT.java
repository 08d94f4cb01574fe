package io.fusillade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The run's outputs (--json, --export-html, --out csv/junit, --abort-on-fail) from real runs of the launcher. */
class OutputsIT extends LauncherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Test
    void everyOutputFromTheLiveRunAndAgainFromItsJournal() throws Exception {
        Files.writeString(work.resolve("out.js"), """
                export const options = { workers: 2, duration: '2s', thresholds: { http_req_duration: ['p95 < 5000'] } };
                export default function () {
                  const r = http.get(__ENV.BASE_URL + '/api/items/1', { name: 'item' });
                  check(r, { 'status is 200': (x) => x.status === 200 });
                  sleep(0.01);
                }
                """);
        Launcher.Result run = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()), "run", "out.js", "--headless", "--json",
                "--export-json", "live.json", "--export-html", "live.html", "--out", "csv=live.csv", "--out", "junit=live.xml");
        assertThat(run.exitCode()).as(run.all()).isZero();
        long requests = JSON.readTree(work.resolve("live.json").toFile()).path("total_requests").asLong();
        assertThat(requests).isGreaterThan(10);

        // --json owns stdout: every line is a JSON object; the human summary went to stderr.
        List<String> lines = run.stdout().lines().toList();
        long requestLines = 0;
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            if (node.path("type").asText().equals("request")) {
                requestLines++;
                assertThat(node.path("name").asText()).isEqualTo("item");
            }
        }
        assertThat(requestLines).isEqualTo(requests);
        assertThat(JSON.readTree(lines.getLast()).path("scope").asText()).isEqualTo("run");
        assertThat(run.stderr()).contains("http_reqs", "report: live.html", "report: live.xml");

        assertThat(Files.readAllLines(work.resolve("live.csv")).stream().filter(l -> l.startsWith("request,"))).hasSize((int) requests);
        assertThat(Files.readString(work.resolve("live.html"))).contains("out.js", "GET item", "p95 &lt; 5000");
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(work.resolve("live.xml").toFile());
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(junit.getElementsByTagName("failure").getLength()).isZero();

        Launcher.Result analyze = Launcher.run(work, "analyze", onlyRunDir().toString(), "--export-html", "again.html",
                "--out", "csv=again.csv", "--out", "junit=again.xml");
        assertThat(analyze.exitCode()).as(analyze.all()).isZero();
        assertThat(Files.readString(work.resolve("again.csv"))).isEqualTo(Files.readString(work.resolve("live.csv")));
        assertThat(Files.readString(work.resolve("again.xml"))).isEqualTo(Files.readString(work.resolve("live.xml")));
        assertThat(Files.readString(work.resolve("again.html"))).isEqualTo(Files.readString(work.resolve("live.html")));
    }

    @Test
    void abortOnFailStopsTheRunAtOnceWithExit99AndStillWritesReports() throws Exception {
        Files.writeString(work.resolve("abort.js"), """
                export const options = { workers: 2, duration: '60s',
                  thresholds: { http_req_failed: [{ threshold: 'rate < 0.01', abortOnFail: true }] } };
                export default function () { http.get(__ENV.BASE_URL + '/status/500'); sleep(0.01); }
                """);
        long started = System.nanoTime();
        Launcher.Result run = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()), "run", "abort.js", "--headless",
                "--export-html", "abort.html", "--out", "junit=abort.xml");
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(run.exitCode()).as(run.all()).isEqualTo(99);
        assertThat(run.stderr()).contains("run aborted", "http_req_failed: rate < 0.01");
        assertThat(seconds).as("stopped long before its 60 s").isLessThan(40);
        assertThat(work.resolve("abort.html")).exists();
        assertThat(Files.readString(work.resolve("abort.xml"))).contains("<failure");
        assertThat(Files.readString(onlyRunDir().resolve("run.json"))).contains("aborted_by_threshold");
    }

    @Test
    void badOutValueIsOneClearLineAndExit104() throws Exception {
        Files.writeString(work.resolve("t.js"), "export default function () {}\n");
        Launcher.Result run = Launcher.run(work, "run", "t.js", "--out", "prometheus=x");
        assertThat(run.exitCode()).isEqualTo(104);
        assertThat(run.stderr().strip()).isEqualTo("fusillade: invalid --out 'prometheus=x': expected csv=FILE, junit=FILE or otlp=URL");
    }
}
