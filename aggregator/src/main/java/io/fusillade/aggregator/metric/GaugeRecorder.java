package io.fusillade.aggregator.metric;

import io.fusillade.aggregator.summary.GaugeSummary;
import io.fusillade.aggregator.summary.Unit;

/** The last value set, and the lowest and highest ever set. */
final class GaugeRecorder implements Recorder {
    private final Unit unit;
    private double value;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private long samples;
    /** When the value was last set, in the order of the run's samples: merging keeps the latest. */
    private long lastSequence;

    GaugeRecorder(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void add(double sample) {
        value = sample;
        min = Math.min(min, sample);
        max = Math.max(max, sample);
        samples++;
    }

    /** {@link #add} with the sample's position in the run, so merged gauges keep the latest value. */
    void add(double sample, long sequence) {
        add(sample);
        lastSequence = sequence;
    }

    @Override
    public void mergeFrom(Recorder other) {
        GaugeRecorder o = (GaugeRecorder) other;
        if (o.samples == 0) {
            return;
        }
        if (samples == 0 || o.lastSequence >= lastSequence) {
            value = o.value;
            lastSequence = o.lastSequence;
        }
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
        samples += o.samples;
    }

    double value() {
        return value;
    }

    @Override
    public boolean hasSamples() {
        return samples > 0;
    }

    @Override
    public GaugeSummary summarize(double durationSecs) {
        return samples == 0 ? new GaugeSummary(0, 0, 0, unit) : new GaugeSummary(value, min, max, unit);
    }
}
