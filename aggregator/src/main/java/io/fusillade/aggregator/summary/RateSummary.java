package io.fusillade.aggregator.summary;

import io.fusillade.ingest.MetricType;

/** The share of samples that were non-zero ("passes"), between 0 and 1. */
public record RateSummary(long passes, long fails, double rate) implements MetricSummary {
    /** A summary from its two counts. */
    public static RateSummary of(long passes, long fails) {
        long total = passes + fails;
        return new RateSummary(passes, fails, total == 0 ? 0 : (double) passes / total);
    }

    /** Passes plus fails. */
    public long total() {
        return passes + fails;
    }

    @Override
    public MetricType type() {
        return MetricType.RATE;
    }

    @Override
    public Unit unit() {
        return Unit.NONE;
    }
}
