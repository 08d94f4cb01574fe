package io.fusillade.aggregator.threshold;

import java.util.OptionalDouble;

/**
 * A threshold's verdict. {@code observed} is the aggregated value the condition was tested
 * on, in the metric's unit (milliseconds for built-in timings); it is empty when there was
 * nothing to test, and then {@code note} says why.
 *
 * @param note empty when the condition was tested; otherwise {@value #NO_DATA} or what was wrong
 */
public record ThresholdResult(Threshold threshold, OptionalDouble observed, boolean passed, String note) {
    /** The note of a threshold whose metric had no samples. */
    public static final String NO_DATA = "no data";

    /** True when the metric had no samples to test, which counts as passing. */
    public boolean noData() {
        return NO_DATA.equals(note);
    }
}
