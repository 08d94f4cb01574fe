package io.fusillade.aggregator.output;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code analyze --window FROM..TO}: a stretch of a run, in time since its start, e.g.
 * {@code 30s..2m}, {@code 1m30s..} (to the end) or {@code ..45s} (from the start).
 *
 * @param fromNanos where the window starts, since the run's start
 * @param toNanos where it ends; {@link Long#MAX_VALUE} for the run's end
 */
public record TimeWindow(long fromNanos, long toNanos) {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    /**
     * Parses {@code FROM..TO}.
     *
     * @throws IllegalArgumentException naming {@code --window} and what was wrong
     */
    public static TimeWindow parse(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            throw new IllegalArgumentException("invalid --window '" + text + "': expected FROM..TO, e.g. 30s..2m, 1m.. or ..90s");
        }
        String from = text.substring(0, dots).strip();
        String to = text.substring(dots + 2).strip();
        long fromNanos = from.isEmpty() ? 0 : nanos(text, from);
        long toNanos = to.isEmpty() ? Long.MAX_VALUE : nanos(text, to);
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("invalid --window '" + text + "': its end must come after its start");
        }
        return new TimeWindow(fromNanos, toNanos);
    }

    private static long nanos(String whole, String duration) {
        Matcher m = PART.matcher(duration);
        long total = 0;
        int at = 0;
        while (m.find() && m.start() == at) {
            double value = Double.parseDouble(m.group(1));
            long unit = switch (m.group(2)) {
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            total += (long) (value * unit);
            at = m.end();
        }
        if (at != duration.length() || at == 0) {
            throw new IllegalArgumentException("invalid --window '" + whole + "': '" + duration
                    + "' is not a duration such as 500ms, 30s, 2m or 1m30s");
        }
        return total;
    }
}
