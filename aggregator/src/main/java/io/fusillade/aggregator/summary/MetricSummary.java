package io.fusillade.aggregator.summary;

import io.fusillade.ingest.MetricType;

/** One metric's end-of-run numbers; which numbers depends on the metric's type. */
public sealed interface MetricSummary permits TrendSummary, CounterSummary, RateSummary, GaugeSummary {
    /** The metric's type, which decides the aggregations thresholds may use on it. */
    MetricType type();

    /** What the numbers measure. */
    Unit unit();
}
