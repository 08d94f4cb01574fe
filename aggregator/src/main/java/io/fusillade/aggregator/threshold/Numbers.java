package io.fusillade.aggregator.threshold;

import java.math.BigDecimal;

/** Prints threshold numbers the way people write them: {@code 95}, {@code 99.9}, {@code 0.01}. */
final class Numbers {
    private Numbers() {
    }

    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
