package io.fusillade.aggregator.threshold;

/**
 * One pass/fail criterion: a metric (with an optional tag selector) and a condition on it.
 *
 * @param source the expression as the user wrote it, for reports
 * @param abortOnFail stop the run as soon as this threshold fails (k6's {@code abortOnFail})
 */
public record Threshold(MetricKey metric, ThresholdExpression expression, String source, boolean abortOnFail) {
    @Override
    public String toString() {
        return metric + ": " + source;
    }
}
