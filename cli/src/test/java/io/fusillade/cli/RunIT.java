package io.fusillade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Real runs of the packaged launcher against a real HTTP server on 127.0.0.1. */
class RunIT extends LauncherTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path script(String name, String body) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, body);
        return file;
    }

    @Test
    void countsMatchWhatTheServerSawAndAnalyzeReproducesTheSummary() throws Exception {
        Files.createDirectories(work.resolve("lib"));
        Files.writeString(work.resolve("lib/paths.js"), "export const ITEM = '/api/items/1';\n");
        script("load.js", """
                import { ITEM } from './lib/paths.js';
                export const options = { workers: 4, duration: '2s', thresholds: { http_req_duration: ['p95 < 2000'] } };
                export default function () {
                  const r = http.get(__ENV.BASE_URL + ITEM, { name: 'item' });
                  check(r, { 'status is 200': (x) => x.status === 200, 'is json': (x) => x.json().id === 1 });
                  http.post(__ENV.BASE_URL + '/api/items', JSON.stringify({ name: 'w' }), { headers: { 'Content-Type': 'application/json' } });
                }
                """);
        target.reset();
        Launcher.Result run = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()),
                "run", "load.js", "--headless", "--export-json", "live.json");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("http_req_duration", "http_reqs", "✓ 'p95 < 2000'", "✓ status is 200");

        JsonNode live = JSON.readTree(work.resolve("live.json").toFile());
        long served = target.requestCount();
        assertThat(served).isGreaterThan(20);
        assertThat(live.path("total_requests").asLong()).isEqualTo(served);
        assertThat(live.path("total_errors").asLong()).isZero();
        for (String field : List.of("duration_secs", "avg_latency", "p50", "p95", "p99", "rps", "endpoints", "metrics", "thresholds")) {
            assertThat(live.has(field)).as("summary has " + field).isTrue();
        }
        assertThat(target.requestCount("/api/items/{id}")).isEqualTo(served / 2);

        Path runDir = onlyRunDir();
        assertThat(run.stdout()).contains(runDir.getFileName().toString());
        assertThat(runDir.resolve("run.json")).exists();
        assertThat(runDir.resolve("summary.json")).exists();

        Launcher.Result analyzed = Launcher.run(work, "analyze", runDir.toString(), "--export-json", "replayed.json");
        assertThat(analyzed.exitCode()).as(analyzed.all()).isZero();
        JsonNode replayed = JSON.readTree(work.resolve("replayed.json").toFile());
        assertThat(replayed.path("metrics")).isEqualTo(live.path("metrics"));
        assertThat(replayed.path("endpoints")).isEqualTo(live.path("endpoints"));
        assertThat(replayed.path("checks")).isEqualTo(live.path("checks"));
        assertThat(replayed.path("total_requests")).isEqualTo(live.path("total_requests"));
        assertThat(replayed.path("p99")).isEqualTo(live.path("p99"));

        // A new threshold judged on the old run, without running it again.
        Launcher.Result judged = Launcher.run(work, "analyze", runDir.toString(), "--threshold", "http_reqs:count<5");
        assertThat(judged.exitCode()).as(judged.all()).isEqualTo(99);
        assertThat(judged.stdout()).contains("✗ 'count<5'");
    }

    @Test
    void failedThresholdExitsWith99AndCliOverridesApply() throws Exception {
        script("t.js", """
                export const options = { workers: 1, duration: '30s', thresholds: { 'http_req_failed': ['rate < 0.01'] } };
                export default function () { http.get(__ENV.BASE_URL + '/status/500'); }
                """);
        Launcher.Result run = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()),
                "run", "t.js", "--headless", "-w", "2", "-d", "1s", "--threshold", "http_req_duration:p(95)<60000");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(99);
        assertThat(run.stdout()).contains("✗ 'rate < 0.01'", "✓ 'p(95)<60000'");
        assertThat(run.stderr()).contains("2 VU(s), 1s");
    }

    @Test
    void refusedConnectionsAreSamplesWithStatusZeroAndTheRunCompletes() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        script("refused.js", """
                export const options = { workers: 2, iterations: 5 };
                export default function () {
                  const r = http.get('http://127.0.0.1:%d/');
                  check(r, {
                    'status 0': (x) => x.status === 0,
                    'ECONNREFUSED': (x) => x.errorCode === 'ECONNREFUSED' || x.errorCode,
                    'CONNECT': (x) => x.error === 'CONNECT',
                  });
                }
                """.formatted(closedPort));
        Launcher.Result run = Launcher.run(work, "run", "refused.js", "--headless", "--export-json", "s.json");
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode summary = JSON.readTree(work.resolve("s.json").toFile());
        assertThat(summary.path("total_requests").asLong()).isEqualTo(10);
        assertThat(summary.path("total_errors").asLong()).isEqualTo(10);
        assertThat(run.stdout()).contains("✓ status 0", "✓ ECONNREFUSED", "✓ CONNECT");
    }

    @Test
    void syntaxErrorNamesFileLineAndColumnAndExits107() throws Exception {
        script("broken.js", """
                export const options = { workers: 1 };
                export default function () {
                  const x = ;
                }
                """);
        Launcher.Result run = Launcher.run(work, "run", "broken.js");
        assertThat(run.exitCode()).isEqualTo(107);
        assertThat(run.stderr()).containsPattern("broken\\.js:3:\\d+");
        assertThat(run.all()).doesNotContain("\tat ", "Exception in thread");
        assertThat(work.resolve("runs")).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(),
                p -> assertThat(Files.list(p)).isEmpty());
    }

    @Test
    void missingScriptAndBadDurationGiveOneClearLine() throws Exception {
        Launcher.Result missing = Launcher.run(work, "run", "nope.js");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr().strip()).isEqualTo("fusillade: script not found: nope.js");

        script("ok.js", "export default function () {}\n");
        Launcher.Result badDuration = Launcher.run(work, "run", "ok.js", "-d", "10 parsecs");
        assertThat(badDuration.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(badDuration.stderr().strip()).startsWith("fusillade: invalid option '--duration'").contains("10 parsecs");
        assertThat(badDuration.stderr().lines().count()).isEqualTo(1);

        script("badopt.js", "export const options = { duration: 'soon' };\nexport default function () {}\n");
        Launcher.Result badOption = Launcher.run(work, "run", "badopt.js");
        assertThat(badOption.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(badOption.stderr()).contains("invalid option 'duration'", "'soon'");
    }

    @Test
    void analyzeNeedsNothingOfTheEngine() throws Exception {
        script("one.js", "export const options = { workers: 1, iterations: 3 };\n"
                + "export default function () { http.get(__ENV.BASE_URL + '/health'); }\n");
        Launcher.Result run = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()), "run", "one.js", "--headless");
        assertThat(run.exitCode()).as(run.all()).isZero();

        // The class path without the engine module and without GraalJS: analyze must still work.
        List<String> classPath = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Launcher.home().resolve("lib"))) {
            jars.filter(j -> !j.getFileName().toString().startsWith("fusillade-engine"))
                    .forEach(j -> classPath.add(j.toString()));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("fusillade.jvm.flags", "").split(" ")).stream().filter(s -> !s.isBlank()).toList());
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classPath), "io.fusillade.cli.Main",
                "analyze", onlyRunDir().toString()));
        Launcher.Result analyzed = Launcher.exec(work, Map.of(), command);
        assertThat(analyzed.exitCode()).as(analyzed.all()).isZero();
        assertThat(analyzed.stdout()).contains("http_reqs", "3 ");
    }

    @Test
    void analyzeOfSomethingThatIsNotARunSaysSo() throws Exception {
        Launcher.Result result = Launcher.run(work, "analyze", work.resolve("nothing-here").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_JOURNAL);
        assertThat(result.stderr()).contains("nothing-here");
        assertThat(result.all()).doesNotContain("\tat ");
    }

    @Test
    void demoRunsTheQuickstartAndTheShippedScenariosPass() throws Exception {
        // A 2 s run is all cold JIT: its latency thresholds may fail on a slow machine (exit 99),
        // but it must run, pass its checks and report.
        Launcher.Result demo = Launcher.run(work, "demo", "--headless", "-d", "2s", "-w", "3");
        assertThat(demo.exitCode()).as(demo.all()).isIn(ExitCodes.OK, ExitCodes.THRESHOLDS_FAILED);
        assertThat(demo.stderr()).contains("demo target listening on http://127.0.0.1:");
        assertThat(demo.stdout()).contains("✓ list is 200", "✓ item created", "run directory:");

        Launcher.Result checkout = Launcher.run(work, "demo", "--headless", "-d", "2s", "-w", "2",
                "--script", Launcher.home().resolve("scenarios/checkout.js").toString());
        assertThat(checkout.exitCode()).as(checkout.all()).isIn(ExitCodes.OK, ExitCodes.THRESHOLDS_FAILED);
        assertThat(checkout.stdout()).contains("✓ item created", "✓ item found");
    }
}
