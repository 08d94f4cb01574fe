package io.fusillade.bench;

import io.fusillade.ingest.SampleKind;
import io.fusillade.journal.JournalReader;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an arrival-rate run's journal and prints how well it held its rate once warm: over
 * the iterations planned after the first {@code skip} seconds, how many ran, how many were
 * dropped, the rate at which they actually started, and how late they started.
 *
 * <pre>java -cp ... io.fusillade.bench.ArrivalTimeline RUN_DIR/journal [SKIP_SECONDS]</pre>
 *
 * Prints one line: {@code planned ran dropped actual-rate p50-lag-ms p99-lag-ms}. With
 * {@code -Dper.second=true} it first prints, per second of planned time: planned, ran,
 * dropped, and the p99 and largest start lag in ms, which shows when a run stalled.
 */
public final class ArrivalTimeline {
    private ArrivalTimeline() {
    }

    public static void main(String[] args) throws Exception {
        Path journal = Path.of(args[0]);
        double skip = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        long[] first = {Long.MAX_VALUE};
        long[] last = {Long.MIN_VALUE};
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.replay((e, end) -> {
                if (e.kind == SampleKind.ITERATION || e.kind == SampleKind.DROPPED_ITERATION) {
                    first[0] = Math.min(first[0], e.intendedStartNanos);
                    last[0] = Math.max(last[0], e.intendedStartNanos);
                }
            });
        }
        long from = first[0] + (long) (skip * 1e9);
        long[] counts = new long[2];
        long[] startBounds = {Long.MAX_VALUE, Long.MIN_VALUE};
        org.HdrHistogram.Histogram lag = new org.HdrHistogram.Histogram(3);
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.replay((e, end) -> {
                if (e.intendedStartNanos < from) {
                    return;
                }
                if (e.kind == SampleKind.ITERATION) {
                    counts[0]++;
                    startBounds[0] = Math.min(startBounds[0], e.startNanos);
                    startBounds[1] = Math.max(startBounds[1], e.startNanos);
                    lag.recordValue(Math.max(0, e.startNanos - e.intendedStartNanos) / 1000);
                } else if (e.kind == SampleKind.DROPPED_ITERATION) {
                    counts[1]++;
                }
            });
        }
        if (Boolean.getBoolean("per.second")) {
            perSecond(journal, first[0]);
        }
        double window = (last[0] - from) / 1e9;
        double rate = counts[0] > 1 ? (counts[0] - 1) / ((startBounds[1] - startBounds[0]) / 1e9) : 0;
        System.out.printf(Locale.ROOT, "%d %d %d %.1f %.2f %.2f %.1f%n", counts[0] + counts[1], counts[0], counts[1], rate,
                lag.getValueAtPercentile(50) / 1000.0, lag.getValueAtPercentile(99) / 1000.0, window);
    }

    private static void perSecond(Path journal, long first) throws Exception {
        java.util.TreeMap<Long, long[]> counts = new java.util.TreeMap<>();
        java.util.Map<Long, org.HdrHistogram.Histogram> lags = new java.util.HashMap<>();
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.replay((e, end) -> {
                if (e.kind != SampleKind.ITERATION && e.kind != SampleKind.DROPPED_ITERATION) {
                    return;
                }
                long second = (e.intendedStartNanos - first) / 1_000_000_000L;
                long[] c = counts.computeIfAbsent(second, s -> new long[2]);
                if (e.kind == SampleKind.ITERATION) {
                    c[0]++;
                    lags.computeIfAbsent(second, s -> new org.HdrHistogram.Histogram(3))
                            .recordValue(Math.max(0, e.startNanos - e.intendedStartNanos) / 1000);
                } else {
                    c[1]++;
                }
            });
        }
        counts.forEach((second, c) -> {
            org.HdrHistogram.Histogram h = lags.get(second);
            System.out.printf(Locale.ROOT, "second %3d: planned %6d ran %6d dropped %6d lag p99 %8.2f ms max %8.2f ms%n",
                    second, c[0] + c[1], c[0], c[1], h == null ? 0 : h.getValueAtPercentile(99) / 1000.0,
                    h == null ? 0 : h.getMaxValue() / 1000.0);
        });
    }
}
