package io.fusillade.engine.options;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges levels of configuration, lowest first: the script's {@code options}, then a
 * {@code --config} file, then the command line. A higher level wins key by key, whatever
 * spelling either used ({@code vus} in a config file overrides {@code workers} in a script).
 *
 * <p>As in k6, the execution shortcuts are replaced as a whole: when a higher level gives
 * {@code duration}, {@code iterations} or {@code stages} without naming an {@code executor},
 * and the lower level names none either, the lower level's other shortcuts and its
 * {@code scenarios} are dropped (so {@code -d 10s} on a script with stages runs 10 s of
 * constant VUs). A higher level's {@code scenarios} replaces the lower level's shortcuts too.
 */
public final class OptionLayers {
    private static final Set<String> SHORTCUTS = Set.of("duration", "iterations", "stages");
    private static final Set<String> SCENARIO_SHAPE = Set.of("executor", "duration", "iterations", "stages", "rate",
            "startRate", "timeUnit", "preAllocatedVUs", "maxVUs", "startVUs", "gracefulRampDown", "maxDuration");

    private OptionLayers() {
    }

    /** The merged options of {@code layers} (lowest first); each key keeps the spelling of the level it came from. */
    public static Map<String, Object> merge(List<Map<String, Object>> layers) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Map<String, Object> layer : layers) {
            merged = merge(merged, layer);
        }
        return merged;
    }

    private static Map<String, Object> merge(Map<String, Object> lower, Map<String, Object> upper) {
        Set<String> lowerKeys = canonicalKeys(lower);
        Set<String> upperKeys = canonicalKeys(upper);
        Set<String> dropped = new HashSet<>(upperKeys);
        boolean upperShortcut = upperKeys.stream().anyMatch(SHORTCUTS::contains);
        if (upperKeys.contains("scenarios")) {
            dropped.addAll(SCENARIO_SHAPE);
        } else if (upperShortcut && !upperKeys.contains("executor") && !lowerKeys.contains("executor")) {
            dropped.addAll(SHORTCUTS);
            dropped.add("scenarios");
        } else if (upperShortcut && lowerKeys.contains("scenarios") && !upperKeys.contains("executor")) {
            dropped.add("scenarios");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        lower.forEach((key, value) -> {
            if (!dropped.contains(canonical(key))) {
                result.put(key, value);
            }
        });
        result.putAll(upper);
        return result;
    }

    private static String canonical(String key) {
        String canonical = OptionKeys.canonical(key);
        return canonical == null ? key : canonical;
    }

    private static Set<String> canonicalKeys(Map<String, Object> level) {
        Set<String> keys = new HashSet<>();
        level.keySet().forEach(key -> keys.add(canonical(key)));
        return keys;
    }
}
