package io.fusillade.aggregator.summary;

import io.fusillade.ingest.MetricType;

/**
 * A distribution's summary: exact count, average, min and max, and percentiles read from an
 * HdrHistogram (three significant digits), clamped to the exact min and max.
 * Further percentiles come from {@link #percentile(double)}.
 */
public record TrendSummary(long count, double avg, double min, double med, double max,
                           double p90, double p95, double p99, Distribution distribution, Unit unit)
        implements MetricSummary {

    /** A summary with the standard percentiles read from {@code distribution}. */
    public static TrendSummary of(long count, double sum, double min, double max, Distribution distribution, Unit unit) {
        if (count == 0) {
            return new TrendSummary(0, 0, 0, 0, 0, 0, 0, 0, distribution, unit);
        }
        return new TrendSummary(count, sum / count, min,
                clamp(distribution.percentile(50), min, max), max,
                clamp(distribution.percentile(90), min, max),
                clamp(distribution.percentile(95), min, max),
                clamp(distribution.percentile(99), min, max),
                distribution, unit);
    }

    /** The value below which {@code percentile} percent (0 to 100) of the samples fall. */
    public double percentile(double percentile) {
        if (count == 0) {
            return 0;
        }
        if (percentile <= 0) {
            return min;
        }
        if (percentile >= 100) {
            return max;
        }
        return clamp(distribution.percentile(percentile), min, max);
    }

    @Override
    public MetricType type() {
        return MetricType.TREND;
    }

    /** A histogram reports a bucket's upper edge; never claim a value outside what was seen. */
    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
