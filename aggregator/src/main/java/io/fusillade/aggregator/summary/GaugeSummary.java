package io.fusillade.aggregator.summary;

import io.fusillade.ingest.MetricType;

/** A gauge's last value and the lowest and highest it reached. */
public record GaugeSummary(double value, double min, double max, Unit unit) implements MetricSummary {
    @Override
    public MetricType type() {
        return MetricType.GAUGE;
    }
}
