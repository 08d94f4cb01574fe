package io.fusillade.aggregator.summary;

/** What a metric's numbers measure, so reports can print them in human units. */
public enum Unit {
    /** A plain number: a count, a custom metric's value. */
    NONE,
    /** Milliseconds: every built-in timing metric. */
    MILLISECONDS,
    /** Bytes: data sent and received. */
    BYTES
}
