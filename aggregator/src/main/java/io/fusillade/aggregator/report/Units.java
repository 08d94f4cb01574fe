package io.fusillade.aggregator.report;

import io.fusillade.aggregator.summary.Unit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers for people: durations as µs/ms/s, bytes as kB/MB, plain numbers without noise. */
public final class Units {
    private static final MathContext SIX_DIGITS = new MathContext(6);

    private Units() {
    }

    /** A duration given in milliseconds: {@code 850ns}, {@code 7.3µs}, {@code 12.3ms}, {@code 1.25s}, {@code 2m3.5s}, {@code 1h2m3s}. */
    public static String duration(double millis) {
        if (!Double.isFinite(millis)) {
            return "-";
        }
        if (millis < 0) {
            return "-" + duration(-millis);
        }
        if (millis == 0) {
            return "0s";
        }
        if (millis < 0.001) {
            return Math.round(millis * 1_000_000) + "ns";
        }
        if (millis < 1) {
            return twoDecimals(millis * 1_000) + "µs";
        }
        if (millis < 1_000) {
            return twoDecimals(millis) + "ms";
        }
        double seconds = millis / 1_000;
        if (seconds < 60) {
            return twoDecimals(seconds) + "s";
        }
        long wholeMinutes = (long) (seconds / 60);
        double restSeconds = seconds - wholeMinutes * 60;
        if (wholeMinutes < 60) {
            return wholeMinutes + "m" + oneDecimal(restSeconds) + "s";
        }
        return wholeMinutes / 60 + "h" + wholeMinutes % 60 + "m" + Math.round(Math.floor(restSeconds)) + "s";
    }

    /** A byte count in SI units as k6 prints them: {@code 512 B}, {@code 2.2 kB}, {@code 23 kB}, {@code 1.5 MB}. */
    public static String bytes(double bytes) {
        if (!Double.isFinite(bytes)) {
            return "-";
        }
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        if (unit == 0) {
            return Math.round(value) + " B";
        }
        String number = Math.abs(value) < 10 ? oneDecimal(value) : Long.toString(Math.round(value));
        return number + " " + units[unit];
    }

    /** A plain number: whole numbers without a decimal point, others to six significant digits. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(SIX_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** A share between 0 and 1 as a percentage with two decimals: {@code 99.50%}. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    /** A value of a metric with {@code unit}. */
    public static String of(double value, Unit unit) {
        return switch (unit) {
            case MILLISECONDS -> duration(value);
            case BYTES -> bytes(value);
            case NONE -> number(value);
        };
    }

    /** A per-second rate of a metric with {@code unit}: {@code 411.5/s}, {@code 2.2 kB/s}. */
    public static String perSecond(double value, Unit unit) {
        return (unit == Unit.BYTES ? bytes(value) : number(value)) + "/s";
    }

    private static String twoDecimals(double value) {
        return trim(String.format(Locale.ROOT, "%.2f", value));
    }

    private static String oneDecimal(double value) {
        return trim(String.format(Locale.ROOT, "%.1f", value));
    }

    private static String trim(String fixed) {
        if (fixed.indexOf('.') < 0) {
            return fixed;
        }
        String trimmed = fixed.replaceAll("0+$", "");
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
