package io.fusillade.engine.options;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads scenarios: the named ones under {@code scenarios}, or, without it, the one the top-level
 * options describe ({@code default}). A scenario without {@code executor} gets the one its keys
 * imply: {@code stages} ramp VUs, {@code rate} sets an arrival rate, {@code duration} keeps VUs
 * constant, and {@code iterations} alone runs that many per VU. Settings a scenario does not
 * give ({@code stop}, {@code min_iteration_duration}, {@code response_sink}, {@code stack_size})
 * come from the top level.
 */
final class ScenarioParser {
    static final String DEFAULT_NAME = "default";
    static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);
    static final Duration DEFAULT_GRACEFUL_RAMP_DOWN = Duration.ofSeconds(30);
    private static final Set<String> EXECUTORS = Set.of("constant-vus", "ramping-vus", "constant-arrival-rate",
            "ramping-arrival-rate", "per-vu-iterations", "shared-iterations");
    /** Keys every executor reads. */
    private static final Set<String> COMMON = Set.of("executor", "exec", "startTime", "stop", "min_iteration_duration",
            "response_sink", "stack_size", "tags", "env", "thresholds");
    private static final Map<String, Set<String>> READS = Map.of(
            "constant-vus", Set.of("workers", "duration", "iterations"),
            "ramping-vus", Set.of("workers", "startVUs", "stages", "gracefulRampDown"),
            "constant-arrival-rate", Set.of("rate", "timeUnit", "duration", "workers", "preAllocatedVUs", "maxVUs"),
            "ramping-arrival-rate", Set.of("startRate", "rate", "timeUnit", "stages", "workers", "preAllocatedVUs", "maxVUs"),
            "per-vu-iterations", Set.of("workers", "iterations", "maxDuration"),
            "shared-iterations", Set.of("workers", "iterations", "maxDuration"));

    private final List<String> warnings;

    ScenarioParser(List<String> warnings) {
        this.warnings = warnings;
    }

    /** The run's scenarios, in the order they were written. */
    List<ScenarioOptions> parse(OptionMap top) {
        if (!top.has("scenarios")) {
            return List.of(scenario(DEFAULT_NAME, top, top, true));
        }
        if (!(top.get("scenarios") instanceof Map<?, ?> named) || named.isEmpty()) {
            throw new OptionException(top.name("scenarios"), "expected an object of scenario names to their options, got "
                    + Durations.describe(top.get("scenarios")));
        }
        for (String key : List.of("executor", "workers", "duration", "iterations", "stages", "rate")) {
            if (top.has(key)) {
                warnings.add("option '" + top.name(key) + "' is ignored because 'scenarios' is set; give it inside a scenario");
            }
        }
        List<ScenarioOptions> scenarios = new ArrayList<>();
        for (Map.Entry<?, ?> entry : named.entrySet()) {
            String name = String.valueOf(entry.getKey());
            String path = top.name("scenarios") + "." + name;
            if (name.isBlank()) {
                throw new OptionException(path, "a scenario needs a name");
            }
            if (!(entry.getValue() instanceof Map<?, ?> body)) {
                throw new OptionException(path, "expected an object of scenario options, got " + Durations.describe(entry.getValue()));
            }
            OptionMap level = OptionMap.of(path + ".", stringKeys(body));
            for (String unknown : level.unknownKeyWarnings(OptionKeys.SCENARIO)) {
                warnings.add(unknown);
            }
            for (String key : level.values().keySet()) {
                if (OptionKeys.canonical(key) != null && !OptionKeys.SCENARIO.contains(key)) {
                    warnings.add("option '" + level.name(key) + "' only applies at the top level and is ignored here");
                }
            }
            scenarios.add(scenario(name, level, top, false));
        }
        return scenarios;
    }

    private ScenarioOptions scenario(String name, OptionMap level, OptionMap top, boolean isTop) {
        String executorName = level.has("executor") ? level.text("executor", null) : implied(level);
        if (!EXECUTORS.contains(executorName)) {
            String hint = OptionKeys.suggestion(executorName, EXECUTORS);
            throw new OptionException(level.name("executor"), "unknown executor '" + executorName + "'; expected one of "
                    + String.join(", ", new java.util.TreeSet<>(EXECUTORS)) + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        }
        ExecutorSpec executor = executor(executorName, level);
        Set<String> reads = READS.get(executorName);
        for (String key : level.values().keySet()) {
            if (OptionKeys.SCENARIO.contains(key) && !COMMON.contains(key) && !reads.contains(key)) {
                warnings.add("option '" + level.name(key) + "' is not used by the " + executorName + " executor and is ignored");
            }
        }
        OptionMap inherited = isTop ? level : top;
        Duration gracefulStop = level.duration("stop", inherited.duration("stop", TestOptions.DEFAULT_GRACEFUL_STOP));
        Duration minIteration = level.duration("min_iteration_duration", inherited.duration("min_iteration_duration", Duration.ZERO));
        boolean sink = level.bool("response_sink", inherited.bool("response_sink", false));
        long stack = level.whole("stack_size", inherited.whole("stack_size", 0, 0), 0);
        String exec = level.text("exec", "default");
        if (exec.isBlank()) {
            throw new OptionException(level.name("exec"), "needs the name of an exported function");
        }
        Map<String, List<String>> thresholds = isTop ? Map.of() : OptionsResolver.thresholds(level.name("thresholds"), level.get("thresholds"));
        return new ScenarioOptions(name, executor, exec, level.duration("startTime", Duration.ZERO), gracefulStop, minIteration,
                sink, stack, level.strings("tags"), level.strings("env"), thresholds);
    }

    private static String implied(OptionMap level) {
        boolean stages = level.has("stages");
        if (level.has("rate") || level.has("startRate")) {
            return stages ? "ramping-arrival-rate" : "constant-arrival-rate";
        }
        if (stages) {
            return "ramping-vus";
        }
        if (level.has("duration")) {
            return "constant-vus";
        }
        return "per-vu-iterations";
    }

    private static ExecutorSpec executor(String name, OptionMap o) {
        return switch (name) {
            case "constant-vus" -> new ExecutorSpec.ConstantVus(o.vus("workers", 1, 1), required(o, "duration", name),
                    o.whole("iterations", 0, 0));
            case "ramping-vus" -> new ExecutorSpec.RampingVus(o.vus("startVUs", o.vus("workers", 1, 0), 0),
                    stages(o, name), o.duration("gracefulRampDown", DEFAULT_GRACEFUL_RAMP_DOWN));
            case "constant-arrival-rate" -> {
                int pre = preAllocated(o, name);
                yield new ExecutorSpec.ConstantArrivalRate(rate(o, "rate", true), timeUnit(o), required(o, "duration", name),
                        pre, maxVus(o, pre));
            }
            case "ramping-arrival-rate" -> {
                int pre = preAllocated(o, name);
                String start = o.has("startRate") ? "startRate" : "rate";
                yield new ExecutorSpec.RampingArrivalRate(rate(o, start, false), timeUnit(o), stages(o, name), pre, maxVus(o, pre));
            }
            case "per-vu-iterations" -> new ExecutorSpec.PerVuIterations(o.vus("workers", 1, 1), o.whole("iterations", 1, 1),
                    o.duration("maxDuration", DEFAULT_MAX_DURATION));
            default -> {
                long iterations = o.whole("iterations", 1, 1);
                int vus = o.vus("workers", 1, 1);
                yield new ExecutorSpec.SharedIterations((int) Math.min(vus, iterations), iterations,
                        o.duration("maxDuration", DEFAULT_MAX_DURATION));
            }
        };
    }

    private static Duration required(OptionMap o, String key, String executor) {
        if (!o.has(key)) {
            throw new OptionException(o.path() + key, "the " + executor + " executor needs a " + key + ", e.g. '30s'");
        }
        Duration d = o.duration(key, null);
        if (d.isZero()) {
            throw new OptionException(o.name(key), "must be longer than 0");
        }
        return d;
    }

    private static double rate(OptionMap o, String key, boolean required) {
        if (!o.has(key)) {
            if (required) {
                throw new OptionException(o.path() + key, "the constant-arrival-rate executor needs a rate (iterations per timeUnit)");
            }
            return 0;
        }
        if (!(o.get(key) instanceof Number n) || !(n.doubleValue() >= 0) || Double.isInfinite(n.doubleValue())) {
            throw new OptionException(o.name(key), "expected a number of iterations per timeUnit, got " + Durations.describe(o.get(key)));
        }
        if (required && n.doubleValue() == 0) {
            throw new OptionException(o.name(key), "must be more than 0");
        }
        return n.doubleValue();
    }

    private static Duration timeUnit(OptionMap o) {
        Duration unit = o.duration("timeUnit", Duration.ofSeconds(1));
        if (unit.isZero()) {
            throw new OptionException(o.name("timeUnit"), "must be longer than 0");
        }
        return unit;
    }

    private static int preAllocated(OptionMap o, String executor) {
        String key = o.has("preAllocatedVUs") ? "preAllocatedVUs" : "workers";
        if (!o.has(key)) {
            throw new OptionException(o.path() + "preAllocatedVUs", "the " + executor
                    + " executor needs a pool of VUs: preAllocatedVUs (or workers)");
        }
        return o.vus(key, 1, 1);
    }

    private static int maxVus(OptionMap o, int preAllocated) {
        int max = o.vus("maxVUs", preAllocated, 1);
        if (max < preAllocated) {
            throw new OptionException(o.name("maxVUs"), "cannot be less than the " + preAllocated + " pre-allocated VUs");
        }
        return max;
    }

    private static List<Stage> stages(OptionMap o, String executor) {
        if (!o.has("stages")) {
            throw new OptionException(o.path() + "stages", "the " + executor + " executor needs stages, e.g. [{ duration: '30s', target: 10 }]");
        }
        if (!(o.get("stages") instanceof List<?> list) || list.isEmpty()) {
            throw new OptionException(o.name("stages"), "expected a list of { duration, target }, got " + Durations.describe(o.get("stages")));
        }
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = o.name("stages") + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> stage)) {
                throw new OptionException(at, "expected { duration, target }, got " + Durations.describe(list.get(i)));
            }
            OptionMap s = OptionMap.of(at + ".", stringKeys(stage));
            if (!s.has("duration")) {
                throw new OptionException(at + ".duration", "every stage needs a duration");
            }
            long target = s.whole("target", -1);
            if (target < 0) {
                if (!s.has("target")) {
                    throw new OptionException(at + ".target", "every stage needs a target");
                }
                throw new OptionException(s.name("target"), "cannot be negative");
            }
            stages.add(new Stage(s.duration("duration", null), target));
        }
        return stages;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }
}
