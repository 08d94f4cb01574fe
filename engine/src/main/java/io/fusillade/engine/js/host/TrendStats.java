package io.fusillade.engine.js.host;

/**
 * What {@code stats.get(name)} returns: a trend's statistics so far, in its unit (milliseconds
 * for request durations).
 */
public record TrendStats(long count, double avg, double min, double med, double max, double p90, double p95, double p99) {
    /** The statistics as a JSON object. */
    public String toJson() {
        return "{\"count\":" + count + ",\"avg\":" + avg + ",\"min\":" + min + ",\"med\":" + med + ",\"max\":" + max
                + ",\"p90\":" + p90 + ",\"p95\":" + p95 + ",\"p99\":" + p99 + "}";
    }
}
