package io.fusillade.engine.js.modules.metrics;

import io.fusillade.engine.js.host.TrendStats;
import io.fusillade.engine.js.host.VuContext;
import io.fusillade.ingest.MetricType;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/** The host side of one VU's {@code metrics} module: custom metric samples and {@code stats.get()}. */
public final class MetricsHost {
    private static final long STATS_MAX_AGE_NANOS = 250_000_000L;
    private static final int MAX_CACHED_STATS = 1_000;

    private final VuContext vu;
    private final Map<String, CachedStats> statsCache = new HashMap<>();

    MetricsHost(VuContext vu) {
        this.vu = vu;
    }

    /** Registers a custom metric's type for the run and returns its name's id. */
    @HostAccess.Export
    public int defineMetric(String name, int typeCode) {
        vu.run().defineMetric(name, MetricType.ofCode(typeCode));
        return vu.samples().intern(name);
    }

    @HostAccess.Export
    public void addMetric(int nameId, int typeCode, double value) {
        publish(nameId, MetricType.ofCode(typeCode), value, vu.tagSetId());
    }

    @HostAccess.Export
    public void addTaggedMetric(int nameId, int typeCode, double value, Value tags) {
        TreeMap<String, String> map = new TreeMap<>();
        if (tags != null && tags.hasMembers()) {
            for (String key : tags.getMemberKeys()) {
                Value v = tags.getMember(key);
                map.put(key, v.isString() ? v.asString() : v.toString());
            }
        }
        publish(nameId, MetricType.ofCode(typeCode), value, vu.tagSet(map));
    }

    private void publish(int nameId, MetricType type, double value, int tagSetId) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a metric value must be a finite number, not " + value);
        }
        vu.samples().metric(nameId, type, value, tagSetId);
    }

    /**
     * {@code stats.get(name)}: live statistics as JSON, or null. Asking the aggregator waits for
     * its next batch, so each VU keeps an answer for a quarter of a second.
     */
    @HostAccess.Export
    public String stats(String name) {
        long now = System.nanoTime();
        CachedStats cached = statsCache.get(name);
        if (cached != null && now - cached.atNanos() < STATS_MAX_AGE_NANOS) {
            return cached.json();
        }
        String json = vu.run().stats(name).map(TrendStats::toJson).orElse(null);
        if (statsCache.size() > MAX_CACHED_STATS) {
            statsCache.clear();
        }
        statsCache.put(name, new CachedStats(now, json));
        return json;
    }

    private record CachedStats(long atNanos, String json) {
    }
}
