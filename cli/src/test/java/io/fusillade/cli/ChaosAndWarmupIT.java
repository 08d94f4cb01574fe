package io.fusillade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chaos (jitter, drop), the warm-up request and no_endpoint_tracking, through the launcher. */
class ChaosAndWarmupIT extends LauncherTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void droppedRequestsNeverReachTheTargetAndJitterIsWaitedBeforeSending() throws Exception {
        Files.writeString(work.resolve("chaos.js"), """
                export const options = { workers: 1, iterations: 20, jitter: '40ms', no_endpoint_tracking: true };
                export default function () {
                  const r = http.get(__ENV.BASE_URL + '/api/items/1');
                  if (__ITERATION === 0) { print(`first status=${r.status} error=${r.error} message=${r.errorMessage}`); }
                }
                """);
        target.reset();
        Launcher.Result dropped = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()),
                "run", "chaos.js", "--headless", "--drop", "1", "--warmup", target.baseUrl() + "/health", "--export-json", "dropped.json");
        assertThat(dropped.exitCode()).as(dropped.all()).isZero();
        assertThat(dropped.stdout()).contains("first status=0 error=NETWORK message=Simulated network drop");
        assertThat(dropped.stderr()).contains("warmup: GET " + target.baseUrl() + "/health: 200 in");
        // Only the warm-up reached the server.
        assertThat(target.requestCount()).isEqualTo(1);
        JsonNode summary = JSON.readTree(work.resolve("dropped.json").toFile());
        assertThat(summary.path("total_requests").asLong()).isEqualTo(20);
        assertThat(summary.path("total_errors").asLong()).isEqualTo(20);
        assertThat(summary.path("endpoints").size()).isZero();

        target.reset();
        Launcher.Result jittered = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()),
                "run", "chaos.js", "--headless", "--export-json", "jittered.json");
        assertThat(jittered.exitCode()).as(jittered.all()).isZero();
        assertThat(target.requestCount()).isEqualTo(20);
        JsonNode blocked = JSON.readTree(work.resolve("jittered.json").toFile()).path("metrics").path("http_req_blocked");
        // 20 waits drawn from 0-40 ms: their mean is far above a loopback request's own blocked time.
        assertThat(blocked.toString()).contains("avg");
        assertThat(blocked.path("avg").asDouble(blocked.path("values").path("avg").asDouble())).isGreaterThan(5);

        Launcher.Result bad = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()), "run", "chaos.js", "--headless", "--drop", "1.5");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(bad.stderr()).contains("drop").contains("0.0 to 1.0");
    }
}
