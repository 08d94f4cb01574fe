package io.fusillade.aggregator.threshold;

/** The named aggregations: {@code avg}, {@code min}, {@code med}, {@code max}, {@code count}, {@code rate}, {@code value}. */
public enum Statistic implements Aggregation {
    AVG("avg"),
    MIN("min"),
    MED("med"),
    MAX("max"),
    COUNT("count"),
    RATE("rate"),
    VALUE("value");

    private final String label;

    Statistic(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
