package io.fusillade.engine.options;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations the way k6 users write them: {@code 30s}, {@code 1m30s}, {@code 500ms},
 * {@code 1.5s}, {@code 2h}, {@code 100us}; a bare number means milliseconds.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses {@code text} for the option {@code option}.
     *
     * @throws OptionException naming the option when the text is not a duration
     */
    public static Duration parse(String option, String text) {
        if (text == null) {
            throw new OptionException(option, "a duration is required, e.g. 30s, 1m30s, 500ms");
        }
        String s = text.trim();
        if (s.isEmpty()) {
            throw new OptionException(option, "empty duration; expected e.g. 30s, 1m30s, 500ms");
        }
        if (s.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofNanos(Math.round(Double.parseDouble(s) * 1_000_000d));
        }
        Matcher m = PART.matcher(s);
        int at = 0;
        double nanos = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new OptionException(option, "'" + text + "' is not a duration; expected e.g. 30s, 1m30s, 500ms");
            }
            double amount = Double.parseDouble(m.group(1));
            nanos += amount * switch (m.group(2)) {
                case "ns" -> 1d;
                case "us", "µs" -> 1_000d;
                case "ms" -> 1_000_000d;
                case "s" -> 1_000_000_000d;
                case "m" -> 60_000_000_000d;
                case "h" -> 3_600_000_000_000d;
                default -> 86_400_000_000_000d;
            };
            at = m.end();
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /** A duration from a script value: a string as above, or a number of milliseconds. */
    public static Duration fromValue(String option, Object value) {
        if (value instanceof Number n) {
            if (n.doubleValue() < 0) {
                throw new OptionException(option, "a duration cannot be negative: " + n);
            }
            return Duration.ofNanos(Math.round(n.doubleValue() * 1_000_000d));
        }
        if (value instanceof String s) {
            return parse(option, s);
        }
        throw new OptionException(option, "expected a duration such as '30s', got " + describe(value));
    }

    /** Formats like k6: {@code 1m30s}, {@code 500ms}, {@code 2h0m0s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = d.toSeconds();
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        long fracMs = ms % 1000;
        String secPart = fracMs == 0 ? sec + "s" : String.format(java.util.Locale.ROOT, "%.1fs", sec + fracMs / 1000d);
        if (h > 0) {
            return h + "h" + m + "m" + secPart;
        }
        if (m > 0) {
            return m + "m" + secPart;
        }
        return secPart;
    }

    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        return value + " (" + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
