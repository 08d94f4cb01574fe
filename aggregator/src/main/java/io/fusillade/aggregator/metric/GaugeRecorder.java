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
