package io.fusillade.aggregator.output;

import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Cuts the sample stream into seconds of stream time (from the run-start marker, else the
 * first record with a time) and hands each finished second, then the whole run, to a
 * listener: what {@code --json}'s aggregates and {@code --metrics-url}'s pushes report.
 * A second is finished when the first record of a later one arrives. Single-writer.
 */
final class PerSecond {
    private static final long SECOND = 1_000_000_000L;

    private final StreamText text;
    private final Consumer<IntervalStats> listener;
    private final Histogram second = newHistogram();
    private final Histogram whole = newHistogram();
    private long originNanos;
    private long secondEndNanos;
    private long latestNanos;
    private long requests;
    private long failed;
    private long iterations;
    private long totalRequests;
    private long totalFailed;
    private long totalIterations;
    private double vus = Double.NaN;

    /** @param text the owner's view of the dictionary, to recognise the {@code vus} gauge */
    PerSecond(StreamText text, Consumer<IntervalStats> listener) {
        this.text = text;
        this.listener = listener;
    }

    private static Histogram newHistogram() {
        Histogram histogram = new Histogram(1, 60_000_000L, 2);
        histogram.setAutoResize(true);
        return histogram;
    }

    /** Counts one record; DICTIONARY records are the owner's to define first. */
    void onSample(SampleEvent e) {
        if (e.kind == SampleKind.MARKER) {
            if ("run-start".equals(e.text)) {
                start(e.startNanos);
            }
            return;
        }
        if (e.kind == SampleKind.DICTIONARY || e.kind == SampleKind.RUN_META || e.startNanos <= 0) {
            return;
        }
        start(e.startNanos);
        while (e.startNanos >= secondEndNanos) {
            report(false);
        }
        latestNanos = Math.max(latestNanos, e.startNanos + Math.max(0, e.durationNanos));
        switch (e.kind) {
            case REQUEST -> {
                requests++;
                totalRequests++;
                if (e.requestFailed()) {
                    failed++;
                    totalFailed++;
                }
                long micros = Math.max(1, e.durationNanos / 1_000);
                second.recordValue(micros);
                whole.recordValue(micros);
            }
            case ITERATION -> {
                iterations++;
                totalIterations++;
            }
            case VU_GAUGE -> {
                if ("vus".equals(text.plain(e.nameId))) {
                    vus = e.value;
                }
            }
            default -> {
                // Checks, custom metrics and dropped iterations are not in the per-second figures.
            }
        }
    }

    private void start(long nanos) {
        if (originNanos == 0) {
            originNanos = nanos;
            secondEndNanos = nanos + SECOND;
        }
    }

    /** The stream ended: reports the last, partial second if anything happened in it, then the whole run. */
    void end() {
        if (originNanos == 0) {
            return;
        }
        if (requests > 0 || iterations > 0) {
            report(false);
        }
        report(true);
    }

    private void report(boolean total) {
        Histogram h = total ? whole : second;
        long start = total ? originNanos : secondEndNanos - SECOND;
        double seconds = total ? Math.max(1e-9, (latestNanos - originNanos) / 1e9) : 1.0;
        double elapsed = ((total ? latestNanos : start) - originNanos) / 1_000_000 / 1e3;
        boolean any = h.getTotalCount() > 0;
        listener.accept(new IntervalStats(total, start, elapsed, seconds, total ? totalRequests : requests,
                total ? totalFailed : failed, total ? totalIterations : iterations,
                any ? h.getValueAtPercentile(50) / 1e3 : Double.NaN, any ? h.getValueAtPercentile(90) / 1e3 : Double.NaN,
                any ? h.getValueAtPercentile(95) / 1e3 : Double.NaN, any ? h.getValueAtPercentile(99) / 1e3 : Double.NaN,
                any ? h.getMaxValue() / 1e3 : Double.NaN, vus));
        if (!total) {
            second.reset();
            requests = 0;
            failed = 0;
            iterations = 0;
            secondEndNanos += SECOND;
        }
    }
}
