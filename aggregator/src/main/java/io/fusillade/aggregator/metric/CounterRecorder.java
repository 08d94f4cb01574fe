package io.fusillade.aggregator.metric;

import io.fusillade.aggregator.summary.CounterSummary;
import io.fusillade.aggregator.summary.Unit;

/** A running sum; its rate is the sum over the run's duration. */
final class CounterRecorder implements Recorder {
    private final Unit unit;
    private double sum;
    private long samples;

    CounterRecorder(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void add(double value) {
        sum += value;
        samples++;
    }

    @Override
    public void mergeFrom(Recorder other) {
        CounterRecorder o = (CounterRecorder) other;
        sum += o.sum;
        samples += o.samples;
    }

    @Override
    public boolean hasSamples() {
        return samples > 0;
    }

    @Override
    public CounterSummary summarize(double durationSecs) {
        return new CounterSummary(sum, durationSecs > 0 ? sum / durationSecs : 0, unit);
    }
}
