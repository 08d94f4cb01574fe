package io.fusillade.aggregator.metric;

import io.fusillade.aggregator.summary.TrendSummary;
import io.fusillade.aggregator.summary.Unit;
import io.fusillade.aggregator.summary.ValueDistribution;
import org.HdrHistogram.DoubleHistogram;

/**
 * A custom trend: values of any magnitude in an auto-ranging HdrHistogram (three significant
 * digits) plus exact count, sum, min and max. The histogram cannot hold negative values, so
 * those count fully in count, avg and min but as zero in percentiles.
 */
final class ValueTrendRecorder implements Recorder {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final DoubleHistogram histogram = new DoubleHistogram(SIGNIFICANT_DIGITS);
    private long count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    @Override
    public void add(double value) {
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        try {
            histogram.recordValue(Math.max(0, value));
        } catch (ArrayIndexOutOfBoundsException outOfRange) {
            // Beyond the histogram's dynamic range (more than ~15 decades apart from the
            // other samples): the exact statistics above still include it.
        }
    }

    @Override
    public void mergeFrom(Recorder other) {
        ValueTrendRecorder o = (ValueTrendRecorder) other;
        count += o.count;
        sum += o.sum;
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
        try {
            histogram.add(o.histogram);
        } catch (ArrayIndexOutOfBoundsException outOfRange) {
            // As in add(): beyond the histogram's range, the exact statistics still count it.
        }
    }

    @Override
    public boolean hasSamples() {
        return count > 0;
    }

    @Override
    public TrendSummary summarize(double durationSecs) {
        ValueDistribution distribution = new ValueDistribution(histogram.copy());
        if (count == 0) {
            return TrendSummary.of(0, 0, 0, 0, distribution, Unit.NONE);
        }
        return TrendSummary.of(count, sum, min, max, distribution, Unit.NONE);
    }
}
