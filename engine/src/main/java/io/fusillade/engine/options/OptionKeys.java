package io.fusillade.engine.options;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The option names Fusillade reads, and the other spellings it accepts for them: the spec's
 * aliases ({@code schedule} for {@code stages}, {@code criteria} for {@code thresholds},
 * {@code time_unit}, {@code start_time}, ...) and k6's camelCase names. Every spelling of a
 * key maps to one canonical name, so the layers of configuration can be merged key by key.
 */
public final class OptionKeys {
    private static final Map<String, String> CANONICAL = new LinkedHashMap<>();

    static {
        alias("workers", "vus");
        alias("stages", "schedule");
        alias("thresholds", "criteria");
        alias("timeUnit", "time_unit");
        alias("response_sink", "responseSink");
        alias("startTime", "start_time");
        alias("stop", "gracefulStop", "graceful_stop");
        alias("gracefulRampDown", "graceful_ramp_down");
        alias("preAllocatedVUs", "pre_allocated_vus", "preAllocatedVus");
        alias("maxVUs", "max_vus", "maxVus");
        alias("startVUs", "start_vus", "startVus");
        alias("startRate", "start_rate");
        alias("maxDuration", "max_duration");
        alias("min_iteration_duration", "minIterationDuration");
        alias("stack_size", "stackSize");
        alias("abort_on_fail", "abortOnFail");
        alias("no_endpoint_tracking", "noEndpointTracking");
        alias("memory_safe", "memorySafe");
        alias("insecureSkipTLSVerify", "insecure_skip_tls_verify");
        alias("setupTimeout", "setup_timeout");
        alias("teardownTimeout", "teardown_timeout");
        alias("httpVersion", "http_version");
        alias("tlsVersion", "tls_version");
        alias("tlsAuth", "tls_auth");
        alias("tlsCipherSuites", "tls_cipher_suites");
        for (String key : List.of("duration", "iterations", "scenarios", "executor", "rate", "exec", "tags", "env",
                "warmup", "jitter", "drop")) {
            CANONICAL.put(key, key);
        }
    }

    /** Keys that describe how one scenario runs; at the top level they describe the default scenario. */
    public static final Set<String> SCENARIO = Set.of("executor", "workers", "duration", "iterations", "stages", "rate",
            "timeUnit", "preAllocatedVUs", "maxVUs", "startVUs", "startRate", "gracefulRampDown", "maxDuration",
            "exec", "startTime", "stop", "min_iteration_duration", "response_sink", "stack_size", "tags", "env",
            "thresholds");

    /** Keys read only at the top level. */
    public static final Set<String> GLOBAL = Set.of("scenarios", "thresholds", "insecureSkipTLSVerify", "setupTimeout",
            "teardownTimeout", "abort_on_fail", "warmup", "jitter", "drop", "no_endpoint_tracking", "memory_safe",
            "httpVersion", "tlsVersion", "tlsAuth", "tlsCipherSuites");

    private OptionKeys() {
    }

    private static void alias(String canonical, String... others) {
        CANONICAL.put(canonical, canonical);
        for (String other : others) {
            CANONICAL.put(other, canonical);
        }
    }

    /** The canonical name for a spelling, or null when the key is not an option Fusillade knows. */
    public static String canonical(String key) {
        return CANONICAL.get(key);
    }

    /** Every accepted spelling, for "did you mean" hints. */
    public static Set<String> spellings() {
        return new TreeSet<>(CANONICAL.keySet());
    }

    /**
     * The known spelling closest to {@code key}, when it is close enough to be a typo
     * (an edit distance of at most a third of its length, and at least 1; case ignored).
     */
    public static String suggestion(String key, Set<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = Math.max(1, key.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance, with an adjacent swap counting as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
