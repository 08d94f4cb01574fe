package io.fusillade.aggregator.threshold;

import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The metric a threshold watches, optionally narrowed by a k6 tag selector:
 * {@code http_req_duration} or {@code http_req_duration{name:login,method:POST}}.
 * Tags are kept sorted by key, so equal selectors compare equal.
 */
public record MetricKey(String name, Map<String, String> tags) {
    public MetricKey {
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** A key with no tag selector. */
    public static MetricKey of(String name) {
        return new MetricKey(name, Map.of());
    }

    /** True when the key narrows the metric with tags. */
    public boolean hasTags() {
        return !tags.isEmpty();
    }

    /** {@code name{key:value,...}}, tags sorted; just the name without tags. */
    @Override
    public String toString() {
        if (tags.isEmpty()) {
            return name;
        }
        StringJoiner joiner = new StringJoiner(",", name + "{", "}");
        tags.forEach((key, value) -> joiner.add(key + ":" + value));
        return joiner.toString();
    }
}
