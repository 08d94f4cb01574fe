package io.fusillade.aggregator.threshold;

/** A parsed condition, {@code p(95) < 500}: aggregation, operator and bound. */
public record ThresholdExpression(Aggregation aggregation, Operator operator, double bound) {
    /** The canonical form, as k6 writes it: {@code p(95)<500}. */
    @Override
    public String toString() {
        return aggregation.label() + operator.symbol() + Numbers.plain(bound);
    }
}
