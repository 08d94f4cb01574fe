package io.fusillade.aggregator.output;

/**
 * Appends fixed-point numbers without {@code String.format} or {@code Double.toString}: a
 * stream output writes several per record, at tens of thousands of records a second.
 */
final class Decimals {
    private Decimals() {
    }

    /** {@code nanos} (a duration or an epoch time) as milliseconds with three decimals: {@code 12.345}. */
    static StringBuilder millis(StringBuilder out, long nanos) {
        return thousandths(out, nanos / 1_000);
    }

    /** {@code value / 1000} with exactly three decimals. */
    static StringBuilder thousandths(StringBuilder out, long value) {
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        out.append(value / 1_000).append('.');
        long fraction = value % 1_000;
        if (fraction < 100) {
            out.append('0');
        }
        if (fraction < 10) {
            out.append('0');
        }
        return out.append(fraction);
    }

    /** A double as plain text: integers without a fraction, NaN and infinities as {@code null}. */
    static StringBuilder number(StringBuilder out, double value) {
        if (!Double.isFinite(value)) {
            return out.append("null");
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return out.append((long) value);
        }
        return out.append(value);
    }
}
