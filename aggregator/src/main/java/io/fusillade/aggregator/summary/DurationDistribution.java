package io.fusillade.aggregator.summary;

import java.util.Collection;
import org.HdrHistogram.Histogram;

/**
 * A distribution of durations recorded in nanoseconds and read back in milliseconds, to
 * within the histogram's precision (three significant digits).
 * Owns a private copy of the histogram, so it never changes after construction.
 */
public final class DurationDistribution implements Distribution {
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final Histogram nanos;

    /** Wraps {@code nanos}; the caller hands over a copy it will not touch again. */
    public DurationDistribution(Histogram nanos) {
        this.nanos = nanos;
    }

    /** One distribution holding every sample of {@code parts}: the same as if they had been recorded together. */
    public static DurationDistribution merge(Collection<DurationDistribution> parts) {
        Histogram merged = null;
        for (DurationDistribution part : parts) {
            if (merged == null) {
                merged = part.nanos.copy();
                merged.setAutoResize(true);
            } else {
                merged.add(part.nanos);
            }
        }
        return new DurationDistribution(merged == null ? new Histogram(3) : merged);
    }

    @Override
    public double percentile(double percentile) {
        if (nanos.getTotalCount() == 0) {
            return 0;
        }
        // The middle of the bucket, not its top edge: an error of half a bucket either way
        // rather than a whole bucket always upwards (79 ms reads 79 ms, not 79.04 ms).
        return nanos.medianEquivalentValue(nanos.getValueAtPercentile(percentile)) / NANOS_PER_MILLI;
    }

    @Override
    public long count() {
        return nanos.getTotalCount();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DurationDistribution d && nanos.equals(d.nanos);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nanos.getTotalCount()) * 31 + Long.hashCode(nanos.getMaxValue());
    }

    @Override
    public String toString() {
        return "DurationDistribution{count=" + nanos.getTotalCount() + '}';
    }
}
