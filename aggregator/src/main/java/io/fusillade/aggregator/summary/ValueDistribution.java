package io.fusillade.aggregator.summary;

import org.HdrHistogram.DoubleHistogram;

/**
 * A distribution of a custom trend's values, in whatever unit the script recorded them.
 * Owns a private copy of the histogram, so it never changes after construction.
 */
public final class ValueDistribution implements Distribution {
    private final DoubleHistogram values;

    /** Wraps {@code values}; the caller hands over a copy it will not touch again. */
    public ValueDistribution(DoubleHistogram values) {
        this.values = values;
    }

    @Override
    public double percentile(double percentile) {
        if (values.getTotalCount() == 0) {
            return 0;
        }
        // The middle of the bucket rather than its top edge, as for durations.
        return values.medianEquivalentValue(values.getValueAtPercentile(percentile));
    }

    @Override
    public long count() {
        return values.getTotalCount();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValueDistribution d && values.equals(d.values);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(values.getTotalCount()) * 31 + Double.hashCode(values.getMaxValue());
    }

    @Override
    public String toString() {
        return "ValueDistribution{count=" + values.getTotalCount() + '}';
    }
}
