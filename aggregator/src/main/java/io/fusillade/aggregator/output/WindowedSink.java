package io.fusillade.aggregator.output;

import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleSink;

/**
 * Passes on only the part of a run's stream inside a {@link TimeWindow}, as if the run had
 * lasted just that long: samples that started inside it, every dictionary entry and the run
 * metadata, and run-start / run-end markers moved to the window's edges, so the aggregator's
 * durations and per-second rates describe the window. The run's start is its run-start
 * marker, else its first record with a time.
 */
public final class WindowedSink implements SampleSink {
    private static final String RUN_START = "run-start";
    private static final String RUN_END = "run-end";

    private final TimeWindow window;
    private final SampleSink next;
    private final SampleEvent moved = new SampleEvent();
    private long originNanos;
    private long lastNanos;
    private boolean startSent;
    private long endMarkerNanos;

    public WindowedSink(TimeWindow window, SampleSink next) {
        this.window = window;
        this.next = next;
    }

    @Override
    public void onSample(SampleEvent e, boolean endOfBatch) throws Exception {
        if (e.kind == null) {
            return;
        }
        switch (e.kind) {
            case DICTIONARY, RUN_META -> next.onSample(e, endOfBatch);
            case MARKER -> {
                if (RUN_START.equals(e.text)) {
                    origin(e.startNanos, endOfBatch);
                } else if (RUN_END.equals(e.text)) {
                    endMarkerNanos = e.startNanos;
                    lastNanos = Math.max(lastNanos, e.startNanos);
                } else if (inside(e.startNanos)) {
                    next.onSample(e, endOfBatch);
                }
            }
            default -> {
                if (e.startNanos <= 0) {
                    return;
                }
                if (originNanos == 0) {
                    origin(e.startNanos, false);
                }
                lastNanos = Math.max(lastNanos, e.startNanos + Math.max(0, e.durationNanos));
                if (inside(e.startNanos)) {
                    next.onSample(e, endOfBatch);
                }
            }
        }
    }

    private void origin(long nanos, boolean endOfBatch) throws Exception {
        if (originNanos != 0) {
            return;
        }
        originNanos = nanos;
        if (!startSent) {
            startSent = true;
            marker(RUN_START, originNanos + window.fromNanos(), endOfBatch);
        }
    }

    private boolean inside(long nanos) {
        long since = nanos - originNanos;
        return originNanos != 0 && since >= window.fromNanos() && since < window.toNanos();
    }

    private void marker(String label, long atNanos, boolean endOfBatch) throws Exception {
        moved.clear();
        moved.kind = SampleKind.MARKER;
        moved.startNanos = atNanos;
        moved.intendedStartNanos = atNanos;
        moved.text = label;
        next.onSample(moved, endOfBatch);
    }

    @Override
    public void onEnd() throws Exception {
        if (originNanos != 0) {
            long windowEnd = window.toNanos() == Long.MAX_VALUE ? Long.MAX_VALUE : originNanos + window.toNanos();
            long end = Math.min(endMarkerNanos != 0 ? endMarkerNanos : lastNanos, windowEnd);
            // A journal without a run-end marker (a crashed run) keeps it that way.
            if (endMarkerNanos != 0 || windowEnd != Long.MAX_VALUE) {
                marker(RUN_END, Math.max(end, originNanos + window.fromNanos()), true);
            }
        }
        next.onEnd();
    }

    /** True when the stream reached the window: some of the run lay inside it. */
    public boolean reached() {
        return originNanos != 0 && lastNanos - originNanos > window.fromNanos();
    }
}
