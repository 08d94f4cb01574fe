package io.fusillade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fusillade.web.demo.DemoTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --capture-errors, export --format curl and replay, through the launcher against a local server. */
class ErrorCaptureIT {
    private static DemoTarget target;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @BeforeAll
    static void startTarget() {
        target = new DemoTarget(0).start();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @Test
    void failedRequestsAreCapturedExportedAsCurlAndReplayed() throws Exception {
        Files.writeString(work.resolve("errors.js"), """
                export const options = { workers: 1, iterations: 1 };
                export default function () {
                  http.get(__ENV.BASE_URL + '/api/items/1');
                  http.post(__ENV.BASE_URL + '/status/500', JSON.stringify({ item: "it's" }), { headers: { 'Content-Type': 'application/json' } });
                  http.get(__ENV.BASE_URL + '/flaky/2');
                  http.get('http://127.0.0.1:1/refused');
                }
                """);
        target.reset();
        Launcher.Result run = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()),
                "run", "errors.js", "--headless", "--capture-errors", "captured.jsonl");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).contains("captured 3 failed request(s) to captured.jsonl");

        List<String> lines = Files.readAllLines(work.resolve("captured.jsonl"));
        assertThat(lines).hasSize(3);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("method").asText()).isEqualTo("POST");
        assertThat(first.path("url").asText()).isEqualTo(target.baseUrl() + "/status/500");
        assertThat(first.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
        assertThat(first.path("body").asText()).isEqualTo("{\"item\":\"it's\"}");
        assertThat(first.path("status").asInt()).isEqualTo(500);
        assertThat(first.path("error").asText()).isEqualTo("Internal Server Error");
        assertThat(first.path("response_body").asText()).isEqualTo("{\"status\":500}");
        assertThat(first.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode refused = JSON.readTree(lines.get(2));
        assertThat(refused.path("status").asInt()).isZero();
        assertThat(refused.path("error_code").asText()).isEqualTo("ECONNREFUSED");

        Launcher.Result export = Launcher.run(work, "export", "captured.jsonl", "--format", "curl");
        assertThat(export.exitCode()).as(export.all()).isZero();
        assertThat(export.stdout()).contains("# Request 1 - POST " + target.baseUrl() + "/status/500 (Status: 500, Error: Internal Server Error)",
                "curl -X POST \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{\"item\":\"it'\\''s\"}' \\\n  '"
                        + target.baseUrl() + "/status/500'");
        // The exported command is one a shell runs: bash parses it back to the same words.
        String firstCommand = export.stdout().split("\n\n")[0].lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        Launcher.Result words = Launcher.exec(work, Map.of(), List.of("bash", "-c", "set -- " + firstCommand.replace("curl ", "").strip()
                + "; printf '%s\\n' \"$@\""));
        assertThat(words.stdout().lines().toList()).containsExactly("-X", "POST", "-H", "Content-Type: application/json", "--data-raw",
                "{\"item\":\"it's\"}", target.baseUrl() + "/status/500");

        // The flaky endpoint answers every 2nd request: the replay is its 2nd, so that one is fixed.
        long before = target.requestCount();
        Launcher.Result replay = Launcher.run(work, "replay", "captured.jsonl");
        assertThat(replay.exitCode()).as(replay.all()).isEqualTo(1);
        assertThat(replay.stdout()).contains("still failing #1 POST " + target.baseUrl() + "/status/500: was 500 Internal Server Error, now 500",
                "fixed", "#2 GET " + target.baseUrl() + "/flaky/2", "replayed 3 request(s)");
        assertThat(replay.stdout()).containsPattern("fixed +#2 GET .*/flaky/2: was 503 Service Unavailable, now 200 OK");
        assertThat(target.requestCount() - before).isEqualTo(2);

        Launcher.Result bad = Launcher.run(work, "replay", "errors.js");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(bad.stderr()).contains("errors.js:1: not a JSON line");
    }
}
