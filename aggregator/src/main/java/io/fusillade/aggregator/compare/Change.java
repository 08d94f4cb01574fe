package io.fusillade.aggregator.compare;

/**
 * One compared figure.
 *
 * @param metric what was compared, e.g. {@code http_req_duration p(95)} or {@code rps}
 * @param unit {@code ms}, {@code /s}, {@code %} or empty, for printing
 * @param baseline the baseline run's value
 * @param current the current run's value
 * @param direction which way is better
 */
public record Change(String metric, String unit, double baseline, double current, Direction direction) {
    /**
     * The change in percent of the baseline: positive when the value rose. Infinite when the
     * baseline was 0 and the current value is not; 0 when both are 0.
     */
    public double percent() {
        if (baseline == current) {
            return 0;
        }
        if (baseline == 0) {
            return current > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return (current - baseline) / Math.abs(baseline) * 100;
    }

    /** True when the value moved the better way. */
    public boolean improved() {
        double p = percent();
        return direction == Direction.LOWER_IS_BETTER ? p < 0 : p > 0;
    }

    /** True when the value moved the worse way by more than {@code tolerancePercent}. */
    public boolean regressed(double tolerancePercent) {
        double p = percent();
        return direction == Direction.LOWER_IS_BETTER ? p > tolerancePercent : p < -tolerancePercent;
    }
}
