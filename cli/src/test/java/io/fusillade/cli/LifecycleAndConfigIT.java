package io.fusillade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fusillade.web.demo.DemoTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** setup / teardown / handleSummary, scenarios and --config files, through the packaged launcher. */
class LifecycleAndConfigIT {
    private static DemoTarget target;

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
    void setupRunsOnceItsDataReachesEveryVuAndTeardownThenHandleSummaryWritesItsFiles() throws Exception {
        Files.writeString(work.resolve("hooks.js"), """
                export const options = { workers: 3, iterations: 4 };
                export function setup() {
                    http.get(`${__ENV.BASE_URL}/health`);
                    console.log('setup ran');
                    return { token: 'secret', list: [1, 2, 3] };
                }
                export default function (data) {
                    if (data.token !== 'secret') throw new Error('no setup data');
                    data.list.push(__VU);   // a VU's copy: nobody else sees this
                    if (data.list.length !== 4 + __ITERATION) throw new Error('setup data shared between VUs');
                    http.get(`${__ENV.BASE_URL}/health`);
                }
                export function teardown(data) {
                    if (data.list.length !== 3) throw new Error('teardown got a VU-modified copy');
                    http.get(`${__ENV.BASE_URL}/health`);
                    console.log('teardown ran with ' + data.token);
                }
                export function handleSummary(data) {
                    return {
                        stdout: `custom summary: ${data.metrics.iterations.values.count} iterations\\n`,
                        'reports/summary.json': JSON.stringify(data),
                        'reports/requests.txt': String(data.total_requests),
                    };
                }
                """);
        target.reset();
        Launcher.Result run = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()), "run", "hooks.js", "--headless");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("custom summary: 12 iterations").doesNotContain("TOTAL RESULTS");
        assertThat(run.stderr()).containsOnlyOnce("setup ran").containsOnlyOnce("teardown ran with secret");
        assertThat(target.requestCount()).isEqualTo(14);
        JsonNode summary = new ObjectMapper().readTree(work.resolve("reports/summary.json").toFile());
        assertThat(summary.path("metrics").path("iterations").path("values").path("count").asLong()).isEqualTo(12);
        assertThat(Files.readString(work.resolve("reports/requests.txt"))).isEqualTo("14");
    }

    @Test
    void aFailingSetupStopsTheRunNamingTheLine() throws Exception {
        Files.writeString(work.resolve("bad-setup.js"), """
                export function setup() {
                    throw new Error('login failed');
                }
                export default function () { }
                """);
        Launcher.Result run = Launcher.run(work, "run", "bad-setup.js", "--headless");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SCRIPT_ERROR);
        assertThat(run.stderr()).contains("setup() failed", "bad-setup.js:2", "login failed");
        assertThat(run.all()).doesNotContain("\tat ");
    }

    @Test
    void configFileSitsBetweenScriptAndCommandLine() throws Exception {
        Files.writeString(work.resolve("t.js"), """
                export const options = { workers: 1, iterations: 1, thresholds: { http_reqs: ['count > 1000000'] } };
                export default function () { if (__ITERATION === 0) console.log(`vu ${__VU} in ${__SCENARIO}`); }
                """);
        Files.writeString(work.resolve("load.yaml"), """
                vus: 2
                iterations: 3
                criteria:
                  iterations:
                    - "count > 5"
                wrokers: 4
                """);
        Launcher.Result config = Launcher.run(work, "run", "t.js", "--headless", "--config", "load.yaml");
        assertThat(config.exitCode()).as(config.all()).isZero();
        assertThat(config.stderr()).contains("2 VU(s), 3 iteration(s) each", "did you mean 'workers'");
        assertThat(config.stdout()).contains("iterations", "6");

        Launcher.Result cli = Launcher.run(work, "run", "t.js", "--headless", "--config", "load.yaml", "-w", "3");
        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.stderr()).contains("3 VU(s), 3 iteration(s) each", "vu 3 in default");

        Files.writeString(work.resolve("broken.yaml"), "workers: 2\nduration: [oops\n");
        Launcher.Result broken = Launcher.run(work, "run", "t.js", "--headless", "--config", "broken.yaml");
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(broken.stderr()).contains("broken.yaml:").contains("not valid YAML");
        assertThat(broken.all()).doesNotContain("\tat ");

        Files.writeString(work.resolve("typed.json"), "{ \"executor\": \"constant-arrival-rate\", \"rate\": \"fast\" }");
        Launcher.Result typed = Launcher.run(work, "run", "t.js", "--headless", "-c", "typed.json");
        assertThat(typed.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(typed.stderr()).contains("'rate'", "'fast'");
    }

    @Test
    void scenariosWithTheirOwnFunctionsAndAnArrivalRateReportDroppedIterations() throws Exception {
        Files.writeString(work.resolve("multi.js"), """
                export const options = { scenarios: {
                    steady: { executor: 'constant-arrival-rate', rate: 20, duration: '2s', preAllocatedVUs: 1, maxVUs: 1, exec: 'slow' },
                    quick: { executor: 'shared-iterations', vus: 2, iterations: 10, exec: 'quick',
                             thresholds: { http_reqs: ['count == 10'], iterations: ['count == 10'] } },
                }, thresholds: { 'http_reqs{scenario:steady}': ['count < 1'] } };
                export function slow() { sleep(0.2); }
                export function quick() { http.get(`${__ENV.BASE_URL}/health`); }
                """);
        Launcher.Result run = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()), "run", "multi.js", "--headless");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).contains("scenario steady: constant-arrival-rate", "scenario quick: shared-iterations",
                "arrival-rate iteration(s) were dropped");
        assertThat(run.stdout()).contains("dropped_iterations", "http_reqs{scenario:quick}", "iterations{scenario:quick}",
                "http_reqs{scenario:steady}");
        assertThat(run.stdout()).doesNotContain("✗ '");

        Files.writeString(work.resolve("missing.js"), """
                export const options = { scenarios: { a: { iterations: 1, exec: 'nothere' } } };
                export default function () { }
                """);
        Launcher.Result missing = Launcher.run(work, "run", "missing.js", "--headless");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.SCRIPT_ERROR);
        assertThat(missing.stderr()).contains("scenario 'a' runs nothere()");
    }
}
