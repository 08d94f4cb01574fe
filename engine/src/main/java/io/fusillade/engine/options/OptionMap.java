package io.fusillade.engine.options;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One level of options (the top level, or one scenario) with every key under its canonical
 * name, and typed reads whose errors name the key as the user spelled it, with its path
 * ({@code scenarios.browse.rate}).
 */
public final class OptionMap {
    private final String path;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> spelled = new LinkedHashMap<>();
    private final List<String> unknown = new ArrayList<>();

    private OptionMap(String path) {
        this.path = path;
    }

    /**
     * Canonicalises {@code raw}. Unknown keys are kept aside for warnings; when two spellings of
     * one key are both given, the last one written wins.
     *
     * @param path the prefix for messages: empty at the top level, {@code scenarios.NAME.} below
     */
    public static OptionMap of(String path, Map<String, Object> raw) {
        OptionMap map = new OptionMap(path);
        if (raw != null) {
            raw.forEach(map::put);
        }
        return map;
    }

    private void put(String key, Object value) {
        String canonical = OptionKeys.canonical(key);
        if (canonical == null) {
            unknown.add(key);
            values.put(key, value);
            spelled.put(key, key);
            return;
        }
        values.put(canonical, value);
        spelled.put(canonical, key);
    }

    /** The canonical keys and values (unknown keys included, under their own names). */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Keys Fusillade does not know, as written. */
    public List<String> unknownKeys() {
        return List.copyOf(unknown);
    }

    /** A warning per unknown key, with a "did you mean" hint for a likely typo among {@code allowed}. */
    public List<String> unknownKeyWarnings(Set<String> allowed) {
        List<String> warnings = new ArrayList<>();
        for (String key : unknown) {
            String hint = OptionKeys.suggestion(key, allowed);
            warnings.add("unknown option '" + path + key + "' is ignored" + (hint == null ? "" : "; did you mean '" + hint + "'?"));
        }
        return warnings;
    }

    /** True when the canonical key is present. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The raw value of a canonical key, or null. */
    public Object get(String key) {
        return values.get(key);
    }

    /** The key's name for messages: its path and the spelling the user wrote. */
    public String name(String key) {
        return path + spelled.getOrDefault(key, key);
    }

    /** The path prefix of this level. */
    public String path() {
        return path;
    }

    /** A whole number, or {@code fallback} when absent. */
    public long whole(String key, long fallback) {
        if (!has(key)) {
            return fallback;
        }
        Object v = get(key);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
            throw new OptionException(name(key), "expected a whole number, got " + Durations.describe(v));
        }
        return n.longValue();
    }

    /** A whole number of at least {@code min}. */
    public long whole(String key, long fallback, long min) {
        long value = whole(key, fallback);
        if (value < min) {
            throw new OptionException(name(key), "must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** A count of VUs: a whole number of at least {@code min}, at most {@link Integer#MAX_VALUE}. */
    public int vus(String key, int fallback, int min) {
        long value = whole(key, fallback, min);
        if (value > Integer.MAX_VALUE) {
            throw new OptionException(name(key), "too large: " + value);
        }
        return (int) value;
    }

    /** A duration, or {@code fallback} when absent. */
    public Duration duration(String key, Duration fallback) {
        if (!has(key)) {
            return fallback;
        }
        Duration d = Durations.fromValue(name(key), get(key));
        if (d.isNegative()) {
            throw new OptionException(name(key), "cannot be negative");
        }
        return d;
    }

    /** A boolean, or {@code fallback} when absent. */
    public boolean bool(String key, boolean fallback) {
        if (!has(key) || get(key) == null) {
            return fallback;
        }
        if (get(key) instanceof Boolean b) {
            return b;
        }
        throw new OptionException(name(key), "expected true or false, got " + Durations.describe(get(key)));
    }

    /** A string, or {@code fallback} when absent. */
    public String text(String key, String fallback) {
        if (!has(key)) {
            return fallback;
        }
        if (get(key) instanceof String s) {
            return s;
        }
        throw new OptionException(name(key), "expected a string, got " + Durations.describe(get(key)));
    }

    /** An object of string values ({@code tags}, {@code env}), empty when absent. */
    public Map<String, String> strings(String key) {
        if (!has(key)) {
            return Map.of();
        }
        if (!(get(key) instanceof Map<?, ?> map)) {
            throw new OptionException(name(key), "expected an object of names to values, got " + Durations.describe(get(key)));
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? String.valueOf(n.longValue()) : String.valueOf(v)));
        return result;
    }
}
