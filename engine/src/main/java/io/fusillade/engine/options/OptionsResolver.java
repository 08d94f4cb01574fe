package io.fusillade.engine.options;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a script's {@code options} object (already converted to Java maps, lists, strings
 * and numbers) plus command-line overrides into {@link TestOptions}. Accepts the spec's names
 * and k6's ({@code vus}, {@code criteria}, {@code gracefulStop}, ...). Thresholds are kept as
 * text here; the aggregator parses them. A wrong type or an
 * invalid duration is an {@link OptionException} naming the key; an unknown key is a warning.
 */
public final class OptionsResolver {
    /** Overrides from the command line; null fields leave the script's value alone. */
    public record Overrides(Integer workers, Duration duration, Long iterations,
                            Boolean responseSink, Boolean insecureSkipTlsVerify) {
        /** No overrides at all. */
        public static Overrides none() {
            return new Overrides(null, null, null, null, null);
        }
    }

    private static final Set<String> KNOWN = Set.of("workers", "vus", "duration", "iterations", "thresholds",
            "criteria", "stop", "gracefulStop", "insecureSkipTLSVerify", "response_sink", "responseSink");
    private static final Set<String> NOT_YET_SUPPORTED = Set.of("stages", "schedule", "scenarios", "executor",
            "rate", "timeUnit", "time_unit", "warmup", "min_iteration_duration", "stack_size", "abort_on_fail",
            "jitter", "drop", "no_endpoint_tracking", "memory_safe", "startTime", "start_time", "preAllocatedVUs",
            "maxVUs", "startVUs", "startRate", "gracefulRampDown", "setupTimeout", "teardownTimeout");

    private final List<String> warnings = new ArrayList<>();

    /** Warnings collected while resolving (unknown or not yet supported keys). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Merges {@code script} options with {@code overrides} (the command line wins). */
    public TestOptions resolve(Map<String, Object> script, Overrides overrides) {
        Map<String, Object> options = script == null ? Map.of() : script;
        for (String key : options.keySet()) {
            if (NOT_YET_SUPPORTED.contains(key)) {
                warnings.add("option '" + key + "' is not supported by this version and is ignored");
            } else if (!KNOWN.contains(key)) {
                warnings.add("unknown option '" + key + "' is ignored");
            }
        }
        int workers = intOption(options, 1, "workers", "vus");
        Duration duration = options.containsKey("duration") ? Durations.fromValue("duration", options.get("duration")) : null;
        long iterations = intOption(options, 0, "iterations");
        Duration gracefulStop = TestOptions.DEFAULT_GRACEFUL_STOP;
        for (String key : List.of("stop", "gracefulStop")) {
            if (options.containsKey(key)) {
                gracefulStop = Durations.fromValue(key, options.get(key));
            }
        }
        Map<String, List<String>> thresholds = new LinkedHashMap<>();
        for (String key : List.of("thresholds", "criteria")) {
            if (options.containsKey(key)) {
                thresholds.putAll(thresholds(key, options.get(key)));
            }
        }
        boolean sink = bool(options, "response_sink") || bool(options, "responseSink");
        boolean insecure = bool(options, "insecureSkipTLSVerify");

        if (overrides.workers() != null) {
            workers = overrides.workers();
        }
        if (overrides.duration() != null) {
            duration = overrides.duration();
        }
        if (overrides.iterations() != null) {
            iterations = overrides.iterations();
        }
        if (overrides.responseSink() != null) {
            sink = overrides.responseSink();
        }
        if (overrides.insecureSkipTlsVerify() != null) {
            insecure = overrides.insecureSkipTlsVerify();
        }
        if (workers < 1) {
            throw new OptionException("workers", "needs at least 1 worker, got " + workers);
        }
        if (duration != null && duration.isNegative()) {
            throw new OptionException("duration", "cannot be negative");
        }
        if (iterations < 0) {
            throw new OptionException("iterations", "cannot be negative, got " + iterations);
        }
        if (duration == null && iterations == 0) {
            // As in k6: with neither a duration nor iterations, each VU runs one iteration.
            iterations = 1;
        }
        return new TestOptions(workers, duration, iterations, gracefulStop, thresholds, insecure, sink, options);
    }

    private static int intOption(Map<String, Object> options, int fallback, String... keys) {
        int value = fallback;
        for (String key : keys) {
            if (!options.containsKey(key)) {
                continue;
            }
            Object v = options.get(key);
            if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new OptionException(key, "expected a whole number, got " + Durations.describe(v));
            }
            value = n.intValue();
        }
        return value;
    }

    private static boolean bool(Map<String, Object> options, String key) {
        Object v = options.get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new OptionException(key, "expected true or false, got " + Durations.describe(v));
    }

    private static Map<String, List<String>> thresholds(String key, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new OptionException(key, "expected an object of metric name to a list of expressions, got " + Durations.describe(value));
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String metric = String.valueOf(entry.getKey());
            List<String> exprs = new ArrayList<>();
            Object v = entry.getValue();
            List<?> items = v instanceof List<?> list ? list : List.of(v == null ? "" : v);
            for (Object item : items) {
                if (item instanceof String s) {
                    exprs.add(s);
                } else if (item instanceof Map<?, ?> m && m.get("threshold") instanceof String s) {
                    exprs.add(s);
                } else {
                    throw new OptionException(key + "." + metric, "expected an expression string such as 'p95 < 500', got " + Durations.describe(item));
                }
            }
            result.put(metric, exprs);
        }
        return result;
    }
}
