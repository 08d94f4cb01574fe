package io.fusillade.aggregator.threshold;

/** The comparisons a threshold may make between the observed value and its bound. */
public enum Operator {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL("=="),
    /** JavaScript's strict equality, accepted because k6 accepts it; the same as {@link #EQUAL} for numbers. */
    STRICT_EQUAL("==="),
    NOT_EQUAL("!=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written. */
    public String symbol() {
        return symbol;
    }

    /** True when {@code observed <op> bound} holds. */
    public boolean test(double observed, double bound) {
        return switch (this) {
            case LESS -> observed < bound;
            case LESS_OR_EQUAL -> observed <= bound;
            case GREATER -> observed > bound;
            case GREATER_OR_EQUAL -> observed >= bound;
            case EQUAL, STRICT_EQUAL -> observed == bound;
            case NOT_EQUAL -> observed != bound;
        };
    }
}
