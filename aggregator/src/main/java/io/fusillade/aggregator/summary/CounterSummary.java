package io.fusillade.aggregator.summary;

import io.fusillade.ingest.MetricType;

/** A running sum and its average rate per second over the run. */
public record CounterSummary(double count, double ratePerSecond, Unit unit) implements MetricSummary {
    @Override
    public MetricType type() {
        return MetricType.COUNTER;
    }
}
