package io.fusillade.aggregator.compare;

/** Which way a metric gets better. */
public enum Direction {
    /** Latencies, error rates: a fall is an improvement. */
    LOWER_IS_BETTER,
    /** Throughput, check pass rates: a rise is an improvement. */
    HIGHER_IS_BETTER
}
