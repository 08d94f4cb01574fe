package io.fusillade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fusillade.web.demo.DemoTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The k6 scripts in {@code scenarios/k6}, run unchanged by the packaged launcher against the
 * demo target on 127.0.0.1: exit codes, counts in the summary and at the server. Also the
 * standard library's commands ({@code test}, {@code exec}) and {@code .env} files.
 */
class K6ScriptsIT {
    @RegisterExtension
    static final LocalDemoTarget LOCAL = new LocalDemoTarget();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    private DemoTarget target;

    @BeforeEach
    void target() {
        target = LOCAL.target();
    }

    private JsonNode run(String script, int expectedExit) throws Exception {
        Path scriptPath = Launcher.home().resolve("scenarios/k6").resolve(script);
        Launcher.Result run = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()),
                "run", scriptPath.toString(), "--headless", "--export-json", "summary.json");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(expectedExit);
        assertThat(run.all()).doesNotContain("\tat ");
        return JSON.readTree(work.resolve("summary.json").toFile());
    }

    private static JsonNode values(JsonNode summary, String metric) {
        return summary.path("metrics").path(metric).path("values");
    }

    @Test
    void shopGroupsChecksAndTagThresholds() throws Exception {
        JsonNode summary = run("shop.js", ExitCodes.OK);
        assertThat(summary.path("total_requests").asLong()).isEqualTo(30);
        assertThat(target.requestCount()).isEqualTo(30);
        assertThat(values(summary, "checks").path("passes").asLong()).isEqualTo(40);
        assertThat(values(summary, "http_reqs{group:::cart}").path("count").asLong()).isEqualTo(10);
        assertThat(values(summary, "http_reqs{status:201}").path("count").asLong()).isEqualTo(10);
        assertThat(values(summary, "http_req_duration{group:::browse}").path("count").asLong()).isEqualTo(20);
        assertThat(values(summary, "group_duration").path("count").asLong()).isEqualTo(20);
        assertThat(summary.path("thresholds_passed").asBoolean()).isTrue();
    }

    @Test
    void businessMetricsAreSummarisedJudgedAndReplayedByAnalyze() throws Exception {
        JsonNode summary = run("business-metrics.js", ExitCodes.OK);
        assertThat(values(summary, "items_sold").path("count").asDouble()).isEqualTo(60);
        assertThat(values(summary, "items_sold{region:eu}").path("count").asDouble()).isEqualTo(30);
        assertThat(values(summary, "cart_size").path("value").asDouble()).isEqualTo(20);
        assertThat(values(summary, "payment_success").path("rate").asDouble()).isEqualTo(0.75);
        assertThat(values(summary, "checkout_time").path("count").asLong()).isEqualTo(20);

        Path runDir;
        try (var runs = Files.list(work.resolve("runs"))) {
            runDir = runs.findFirst().orElseThrow();
        }
        Launcher.Result analyze = Launcher.run(work, "analyze", runDir.toString(), "--export-json", "replayed.json",
                "--threshold", "items_sold{region:us}:count==30", "--threshold", "payment_success:rate>0.9");
        assertThat(analyze.exitCode()).as(analyze.all()).isEqualTo(ExitCodes.THRESHOLDS_FAILED);
        JsonNode replayed = JSON.readTree(work.resolve("replayed.json").toFile());
        for (String metric : new String[] {"items_sold", "items_sold{region:eu}", "cart_size", "payment_success"}) {
            assertThat(values(replayed, metric)).as(metric).isEqualTo(values(summary, metric));
        }
        assertThat(values(replayed, "items_sold{region:us}").path("count").asDouble()).isEqualTo(30);
        assertThat(analyze.stdout()).contains("✗ 'rate>0.9'");
    }

    @Test
    void sharedUsersFromOpenWithExecutionCryptoAndEncoding() throws Exception {
        JsonNode summary = run("shared-users.js", ExitCodes.OK);
        assertThat(target.requestCount("/api/login")).isEqualTo(8);
        assertThat(values(summary, "checks").path("passes").asLong()).isEqualTo(40);
        assertThat(values(summary, "checks").path("fails").asLong()).isZero();
    }

    @Test
    void abortEndsTheRunWithK6sExitCode() throws Exception {
        JsonNode summary = run("abort.js", ExitCodes.SCRIPT_ABORTED);
        assertThat(summary.path("total_requests").asLong()).isEqualTo(5);
        assertThat(summary.path("duration_secs").asDouble()).isLessThan(20);
    }

    @Test
    void dotEnvFilesFeedEnvAndTheShellWins() throws Exception {
        Files.writeString(work.resolve(".env"), "# settings\nGREETING=hello from .env\nexport SHELL_WINS=file\nQUOTED=\"a\\tb\"\n");
        Files.writeString(work.resolve("env.js"), """
                export const options = { iterations: 1 };
                export default function () {
                  print(`greeting=${__ENV.GREETING} shell=${__ENV.SHELL_WINS} quoted=${JSON.stringify(__ENV.QUOTED)}`);
                }
                """);
        Launcher.Result run = Launcher.run(work, Map.of("SHELL_WINS", "shell"), "run", "env.js", "--headless");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("greeting=hello from .env shell=shell quoted=\"a\\tb\"");

        Files.writeString(work.resolve(".env"), "GOOD=1\nthis line is wrong\n");
        Launcher.Result bad = Launcher.run(work, "run", "env.js", "--headless");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(bad.stderr()).contains(".env:2: expected NAME=value");
        assertThat(bad.all()).doesNotContain("\tat ");
    }

    @Test
    void statsGetReadsTheLiveAggregator() throws Exception {
        Files.writeString(work.resolve("stats.js"), """
                export const options = { iterations: 4 };
                export default function () {
                  http.get(`${__ENV.BASE_URL}/api/items/1`, { name: 'getData' });
                  metrics.histogramAdd('think', 10 * (__ITER + 1));
                  sleep(0.3);
                  const s = stats.get('getData');
                  const t = stats.get('think');
                  print(`iter=${__ITER} count=${s.count} p95=${s.p95 > 0 && s.p95 >= s.avg - 1e-9} think.max=${t.max} none=${stats.get('nothing')}`);
                }
                """);
        Launcher.Result run = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()), "run", "stats.js", "--headless");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("iter=0 count=1 p95=true think.max=10 none=null",
                "iter=3 count=4 p95=true think.max=40 none=null");
    }

    @Test
    void testAndExecCommands() throws Exception {
        Files.writeString(work.resolve("cart.js"), """
                const total = (price, n) => price * n;
                describe('Cart Logic', () => {
                  test('calculates total correctly', () => { expect(total(100, 2)).toBe(200); });
                  test('is wrong on purpose', () => { expect(total(1, 1)).toEqual(3); });
                });
                export default function () {}
                """);
        Launcher.Result tests = Launcher.run(work, "test", "cart.js");
        assertThat(tests.exitCode()).as(tests.all()).isEqualTo(ExitCodes.TESTS_FAILED);
        assertThat(tests.stdout()).contains("✓ Cart Logic › calculates total correctly", "✗ Cart Logic › is wrong on purpose",
                "expected 1 to equal 3", "1 passed, 1 failed");

        Launcher.Result exec = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()), "exec",
                "http.get(__ENV.BASE_URL + '/api/items/1').json().name + ' ' + crypto.md5('abc')");
        assertThat(exec.exitCode()).as(exec.all()).isZero();
        assertThat(exec.stdout()).contains(" 900150983cd24fb0d6963f7d28e17f72");
        assertThat(target.requestCount()).isEqualTo(1);

        Launcher.Result unsupported = Launcher.run(work, "exec", "import ws from 'k6/ws'; export default function () {}");
        assertThat(unsupported.exitCode()).isEqualTo(ExitCodes.SCRIPT_ERROR);
        assertThat(unsupported.stderr()).contains("unsupported k6 module 'k6/ws'");
    }
}
