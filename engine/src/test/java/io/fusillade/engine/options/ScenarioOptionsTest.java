package io.fusillade.engine.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioOptionsTest {
    private static TestOptions resolve(Map<String, Object> options) {
        return new OptionsResolver().resolve(options, OptionsResolver.Overrides.none());
    }

    private static ExecutorSpec only(TestOptions options) {
        assertThat(options.scenarios()).hasSize(1);
        return options.scenarios().getFirst().executor();
    }

    @Test
    void topLevelShortcutsImplyTheExecutor() {
        assertThat(only(resolve(Map.of("workers", 5, "duration", "10s"))))
                .isEqualTo(new ExecutorSpec.ConstantVus(5, Duration.ofSeconds(10), 0));
        assertThat(only(resolve(Map.of("vus", 3, "iterations", 4))))
                .isEqualTo(new ExecutorSpec.PerVuIterations(3, 4, Duration.ofMinutes(10)));
        assertThat(only(resolve(Map.of("stages", List.of(Map.of("duration", "30s", "target", 20), Map.of("duration", "10s", "target", 0))))))
                .isEqualTo(new ExecutorSpec.RampingVus(1, List.of(new Stage(Duration.ofSeconds(30), 20), new Stage(Duration.ofSeconds(10), 0)),
                        Duration.ofSeconds(30)));
        assertThat(only(resolve(Map.of())))
                .isEqualTo(new ExecutorSpec.PerVuIterations(1, 1, Duration.ofMinutes(10)));
    }

    @Test
    void specAndK6NamesForArrivalRates() {
        assertThat(only(resolve(Map.of("executor", "constant-arrival-rate", "rate", 100, "time_unit", "1m", "workers", 20,
                "duration", "2m"))))
                .isEqualTo(new ExecutorSpec.ConstantArrivalRate(100, Duration.ofMinutes(1), Duration.ofMinutes(2), 20, 20));
        assertThat(only(resolve(Map.of("executor", "ramping-arrival-rate", "startRate", 5, "timeUnit", "1s",
                "preAllocatedVUs", 10, "maxVUs", 50, "schedule", List.of(Map.of("duration", "1m", "target", 200))))))
                .isEqualTo(new ExecutorSpec.RampingArrivalRate(5, Duration.ofSeconds(1), List.of(new Stage(Duration.ofMinutes(1), 200)), 10, 50));
    }

    @Test
    void namedScenariosTakeTheirOwnSettingsAndInheritTheRest() {
        TestOptions o = resolve(Map.of("stop", "5s", "min_iteration_duration", "1s", "scenarios", Map.of(
                "browse", Map.of("workers", 10, "duration", "30s", "exec", "browseProducts"),
                "checkout", Map.of("executor", "constant-vus", "vus", 5, "duration", "1m", "start_time", "30s",
                        "gracefulStop", "1s", "response_sink", true, "tags", Map.of("flow", "buy"),
                        "thresholds", Map.of("http_req_failed", List.of("rate < 0.005"))))));
        assertThat(o.scenarios()).extracting(ScenarioOptions::name).containsExactlyInAnyOrder("browse", "checkout");
        ScenarioOptions browse = o.scenarios().stream().filter(s -> s.name().equals("browse")).findFirst().orElseThrow();
        ScenarioOptions checkout = o.scenarios().stream().filter(s -> s.name().equals("checkout")).findFirst().orElseThrow();
        assertThat(browse.exec()).isEqualTo("browseProducts");
        assertThat(browse.gracefulStop()).isEqualTo(Duration.ofSeconds(5));
        assertThat(browse.minIterationDuration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(checkout.startTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(checkout.gracefulStop()).isEqualTo(Duration.ofSeconds(1));
        assertThat(checkout.responseSink()).isTrue();
        assertThat(checkout.tags()).containsEntry("flow", "buy");
        assertThat(checkout.thresholds()).containsEntry("http_req_failed", List.of("rate < 0.005"));
        // The run judges them on the scenario's own records.
        assertThat(o.thresholds()).containsEntry("http_req_failed{scenario:checkout}", List.of("rate < 0.005"));
        assertThat(checkout.end()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.workers()).isEqualTo(15);
    }

    @Test
    void configOverridesScriptAndTheCommandLineOverridesBoth() {
        Map<String, Object> script = Map.of("workers", 5, "duration", "10s", "thresholds", Map.of("http_reqs", List.of("count > 1")));
        Map<String, Object> config = Map.of("vus", 8, "duration", "20s", "criteria", Map.of("http_req_failed", List.of("rate < 0.1")));
        OptionsResolver resolver = new OptionsResolver();
        TestOptions merged = resolver.resolve(List.of(script, config), OptionsResolver.Overrides.none());
        assertThat(only(merged)).isEqualTo(new ExecutorSpec.ConstantVus(8, Duration.ofSeconds(20), 0));
        assertThat(merged.thresholds()).containsOnlyKeys("http_req_failed");

        TestOptions cli = new OptionsResolver().resolve(List.of(script, config),
                new OptionsResolver.Overrides(2, Duration.ofSeconds(3), null, null, null));
        assertThat(only(cli)).isEqualTo(new ExecutorSpec.ConstantVus(2, Duration.ofSeconds(3), 0));
    }

    @Test
    void aShortcutFromAHigherLevelReplacesTheLowerLevelsShape() {
        Map<String, Object> script = Map.of("stages", List.of(Map.of("duration", "1m", "target", 10)));
        // -d on a script with stages: constant VUs for that long, as in k6.
        TestOptions o = new OptionsResolver().resolve(List.of(script),
                new OptionsResolver.Overrides(null, Duration.ofSeconds(5), null, null, null));
        assertThat(only(o)).isEqualTo(new ExecutorSpec.ConstantVus(1, Duration.ofSeconds(5), 0));
        // With an explicit executor, -d only changes its duration.
        Map<String, Object> arrival = Map.of("executor", "constant-arrival-rate", "rate", 10, "duration", "1m", "workers", 2);
        TestOptions shorter = new OptionsResolver().resolve(List.of(arrival),
                new OptionsResolver.Overrides(null, Duration.ofSeconds(5), null, null, null));
        assertThat(only(shorter)).isEqualTo(new ExecutorSpec.ConstantArrivalRate(10, Duration.ofSeconds(1), Duration.ofSeconds(5), 2, 2));
        // A config file's scenarios replace the script's shortcuts.
        TestOptions scenarios = new OptionsResolver().resolve(List.of(Map.of("workers", 5, "duration", "10s"),
                Map.of("scenarios", Map.of("only", Map.of("iterations", 2)))), OptionsResolver.Overrides.none());
        assertThat(scenarios.scenarios()).extracting(ScenarioOptions::name).containsExactly("only");
    }

    @Test
    void typosWarnWithASuggestionAndUnusedKeysAreNamed() {
        OptionsResolver resolver = new OptionsResolver();
        resolver.resolve(Map.of("wrokers", 3, "duraton", "1s", "scenarios", Map.of("s", Map.of("executr", "x", "iterations", 1, "gracefulRampDown", "3s"))),
                OptionsResolver.Overrides.none());
        assertThat(resolver.warnings()).anySatisfy(w -> assertThat(w).contains("'wrokers'").contains("did you mean 'workers'"));
        assertThat(resolver.warnings()).anySatisfy(w -> assertThat(w).contains("'duraton'").contains("did you mean 'duration'"));
        assertThat(resolver.warnings()).anySatisfy(w -> assertThat(w).contains("'scenarios.s.executr'").contains("did you mean 'executor'"));
        assertThat(resolver.warnings()).anySatisfy(w -> assertThat(w).contains("'scenarios.s.gracefulRampDown'")
                .contains("not used by the per-vu-iterations executor"));
    }

    @Test
    void badValuesNameTheKeyAsWritten() {
        assertThatThrownBy(() -> resolve(Map.of("scenarios", Map.of("x", Map.of("executor", "constant-arival-rate")))))
                .isInstanceOf(OptionException.class).hasMessageContaining("'scenarios.x.executor'")
                .hasMessageContaining("did you mean 'constant-arrival-rate'");
        assertThatThrownBy(() -> resolve(Map.of("executor", "constant-arrival-rate", "rate", 10, "duration", "1m")))
                .hasMessageContaining("preAllocatedVUs");
        assertThatThrownBy(() -> resolve(Map.of("schedule", List.of(Map.of("duration", "soon", "target", 1)))))
                .hasMessageContaining("'schedule[0].duration'").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> resolve(Map.of("time_unit", "1x", "executor", "constant-arrival-rate", "rate", 1,
                "duration", "1s", "vus", 1))).hasMessageContaining("'time_unit'");
        assertThatThrownBy(() -> resolve(Map.of("executor", "constant-vus", "workers", 2)))
                .hasMessageContaining("'duration'");
        assertThatThrownBy(() -> resolve(Map.of("scenarios", Map.of("x", Map.of("startTime", 1.5e300 * 1e10 > 0 ? "later" : "")))))
                .hasMessageContaining("'scenarios.x.startTime'");
        assertThatThrownBy(() -> resolve(Map.of("executor", "constant-arrival-rate", "rate", 10, "duration", "1m",
                "preAllocatedVUs", 5, "maxVUs", 2))).hasMessageContaining("'maxVUs'");
    }
}
