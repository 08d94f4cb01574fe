package io.fusillade.aggregator.threshold;

/** What a threshold reads from a metric: a named statistic or a percentile. */
public sealed interface Aggregation permits Statistic, Percentile {
    /** The aggregation as k6 writes it: {@code avg}, {@code p(95)}. */
    String label();
}
