package io.fusillade.aggregator.metric;

import io.fusillade.aggregator.summary.DurationDistribution;
import io.fusillade.aggregator.summary.TrendSummary;
import io.fusillade.aggregator.summary.Unit;
import org.HdrHistogram.Histogram;

/**
 * A timing metric: nanoseconds into an HdrHistogram (three significant digits, up to an hour)
 * plus exact count, sum, min and max, so the average and extremes carry no histogram error.
 * Single-writer: only the consumer thread records.
 */
final class DurationTrend {
    /** Longer samples are still counted exactly but sit in the histogram's top bucket. */
    static final long HIGHEST_NANOS = 3_600_000_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final Histogram histogram;
    private long count;
    private long sumNanos;
    private long minNanos = Long.MAX_VALUE;
    private long maxNanos;

    private DurationTrend(Histogram histogram) {
        this.histogram = histogram;
    }

    /** Nanosecond resolution over the whole range, allocated once: for the run-wide timings. */
    static DurationTrend precise() {
        return new DurationTrend(new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS));
    }

    /**
     * Microsecond-ish resolution (512 ns steps below a millisecond, three digits above), growing
     * only as far as the slowest sample: a fraction of the memory, for per-endpoint histograms
     * of which there may be hundreds.
     */
    static DurationTrend compact() {
        Histogram histogram = new Histogram(1_000, 1_000_000_000L, SIGNIFICANT_DIGITS);
        histogram.setAutoResize(true);
        return new DurationTrend(histogram);
    }

    void record(long nanos) {
        long value = Math.max(0, nanos);
        count++;
        sumNanos += value;
        if (value < minNanos) {
            minNanos = value;
        }
        if (value > maxNanos) {
            maxNanos = value;
        }
        histogram.recordValue(Math.min(value, HIGHEST_NANOS));
    }

    /** Adds {@code other}'s samples to this trend's. */
    void mergeFrom(DurationTrend other) {
        if (other.count == 0) {
            return;
        }
        count += other.count;
        sumNanos += other.sumNanos;
        minNanos = Math.min(minNanos, other.minNanos);
        maxNanos = Math.max(maxNanos, other.maxNanos);
        histogram.add(other.histogram);
    }

    long count() {
        return count;
    }

    /** The trend so far, in milliseconds, with a private copy of the histogram. */
    TrendSummary summarize() {
        if (count == 0) {
            return TrendSummary.of(0, 0, 0, 0, new DurationDistribution(histogram.copy()), Unit.MILLISECONDS);
        }
        return TrendSummary.of(count, sumNanos / NANOS_PER_MILLI, minNanos / NANOS_PER_MILLI, maxNanos / NANOS_PER_MILLI,
                new DurationDistribution(histogram.copy()), Unit.MILLISECONDS);
    }
}
