package io.fusillade.aggregator.output;

import io.fusillade.ingest.Dictionary;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The run second by second, built from the sample stream: requests, failures and latency
 * percentiles per second, iterations, failed checks and the VU count, plus one histogram of
 * every request's duration for the latency distribution. What the HTML report's charts read.
 *
 * <p>Seconds count from the run-start marker (else the first record with a time), so a live
 * run and its replayed journal give the same timeline. Each second keeps a small two-digit
 * HdrHistogram that grows only as far as its slowest request: about 2 KB a second.
 * Single-writer: one consumer thread; read {@link #points()} after the stream has ended.
 */
public final class Timeline implements SampleSink {
    private static final long SECOND = 1_000_000_000L;
    private static final long MICROS = 1_000L;
    private static final String RUN_START = "run-start";
    private static final String VUS = "vus";

    private final Dictionary dictionary = new Dictionary();
    private final List<Second> seconds = new ArrayList<>();
    private final Histogram all = newHistogram(3);
    private long originNanos;
    private boolean originFromMarker;

    private static final class Second {
        final Histogram latency = newHistogram(2);
        long requests;
        long failed;
        long iterations;
        long checksFailed;
        double vus = Double.NaN;
    }

    private static Histogram newHistogram(int digits) {
        Histogram histogram = new Histogram(1, 60_000_000L, digits);
        histogram.setAutoResize(true);
        return histogram;
    }

    @Override
    public void onSample(SampleEvent e, boolean endOfBatch) {
        if (e.kind == null) {
            return;
        }
        switch (e.kind) {
            case DICTIONARY -> dictionary.define(e.entryId, e.text == null ? "" : e.text);
            case MARKER -> {
                if (RUN_START.equals(e.text) && !originFromMarker) {
                    originNanos = e.startNanos;
                    originFromMarker = true;
                }
            }
            case REQUEST -> {
                Second s = second(e.startNanos);
                s.requests++;
                if (e.requestFailed()) {
                    s.failed++;
                }
                long micros = Math.max(1, e.durationNanos / MICROS);
                s.latency.recordValue(micros);
                all.recordValue(micros);
            }
            case ITERATION -> second(e.startNanos).iterations++;
            case CHECK -> {
                if (e.value == 0) {
                    second(e.startNanos).checksFailed++;
                }
            }
            case VU_GAUGE -> {
                if (VUS.equals(dictionary.text(e.nameId))) {
                    second(e.startNanos).vus = e.value;
                }
            }
            default -> {
                // Custom metrics, dropped iterations and metadata are not drawn over time.
            }
        }
    }

    private Second second(long startNanos) {
        if (originNanos == 0) {
            originNanos = startNanos;
        }
        int index = (int) Math.max(0, Math.min(Integer.MAX_VALUE - 1, (startNanos - originNanos) / SECOND));
        while (seconds.size() <= index) {
            seconds.add(new Second());
        }
        return seconds.get(index);
    }

    /** Every second from the start to the last one with a record; a VU count carries over seconds without a reading. */
    public List<TimelinePoint> points() {
        List<TimelinePoint> points = new ArrayList<>(seconds.size());
        double vus = Double.NaN;
        for (int i = 0; i < seconds.size(); i++) {
            Second s = seconds.get(i);
            if (!Double.isNaN(s.vus)) {
                vus = s.vus;
            }
            Histogram h = s.latency;
            boolean any = h.getTotalCount() > 0;
            points.add(new TimelinePoint(i, s.requests, s.failed,
                    any ? h.getMean() / 1e3 : Double.NaN,
                    percentile(h, 50), percentile(h, 90), percentile(h, 95), percentile(h, 99),
                    any ? h.getMaxValue() / 1e3 : Double.NaN, s.iterations, s.checksFailed, vus));
        }
        return points;
    }

    /**
     * The latency distribution: request counts in {@code bins} buckets spaced evenly on a
     * logarithmic scale between the fastest and slowest request; empty when there were none.
     */
    public List<LatencyBin> distribution(int bins) {
        long total = all.getTotalCount();
        if (total == 0) {
            return List.of();
        }
        double low = Math.max(1, all.getMinValue());
        double high = Math.max(low * 1.0001, all.getMaxValue() + 1);
        double ratio = Math.pow(high / low, 1.0 / bins);
        List<LatencyBin> result = new ArrayList<>(bins);
        double from = low;
        long below = 0;
        for (int i = 0; i < bins; i++) {
            double to = i == bins - 1 ? high : from * ratio;
            long upTo = all.getCountBetweenValues(0, (long) Math.ceil(to) - 1);
            long count = Math.max(0, upTo - below);
            result.add(new LatencyBin(from / 1e3, to / 1e3, count));
            below = Math.max(below, upTo);
            from = to;
        }
        return result;
    }

    private static double percentile(Histogram h, double p) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1e3;
    }

    /** A bucket of the latency distribution: requests taking from {@code fromMs} up to {@code toMs}. */
    public record LatencyBin(double fromMs, double toMs, long count) {
    }
}
