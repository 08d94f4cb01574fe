package io.fusillade.aggregator.threshold;

/** A percentile of a trend, {@code p(95)}; {@code percentile} is between 0 and 100. */
public record Percentile(double percentile) implements Aggregation {
    public Percentile {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("a percentile must be between 0 and 100, not " + percentile);
        }
    }

    @Override
    public String label() {
        return "p(" + Numbers.plain(percentile) + ")";
    }
}
