package io.fusillade.aggregator.summary;

/**
 * A frozen copy of a trend's histogram, for percentiles nobody asked for in advance
 * ({@code p(99.9)} in a threshold, a custom report). Values come back in the trend's unit.
 */
public sealed interface Distribution permits DurationDistribution, ValueDistribution {
    /** The value below which {@code percentile} percent (0 to 100) of the samples fall. */
    double percentile(double percentile);

    /** How many samples the distribution holds. */
    long count();
}
