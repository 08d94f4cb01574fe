package io.fusillade.aggregator.metric;

/**
 * When the run started and ended, as the stream tells it: the run-start and run-end markers
 * when present, else the first sample's start and the last sample's end (a journal cut short
 * by a crash has no run-end marker). Single-writer.
 */
final class RunWindow {
    static final String RUN_START = "run-start";
    static final String RUN_END = "run-end";

    private long startMarker;
    private long endMarker;
    private long firstSample = Long.MAX_VALUE;
    private long lastSample = Long.MIN_VALUE;

    void marker(String label, long epochNanos) {
        if (RUN_START.equals(label) && startMarker == 0) {
            startMarker = epochNanos;
        } else if (RUN_END.equals(label)) {
            endMarker = epochNanos;
        }
    }

    void sample(long startNanos, long durationNanos) {
        if (startNanos <= 0) {
            return;
        }
        if (startNanos < firstSample) {
            firstSample = startNanos;
        }
        long end = startNanos + Math.max(0, durationNanos);
        if (end > lastSample) {
            lastSample = end;
        }
    }

    /** Epoch nanos of the start; 0 when nothing with a time has been seen. */
    long start() {
        if (startMarker != 0) {
            return startMarker;
        }
        return firstSample == Long.MAX_VALUE ? 0 : firstSample;
    }

    /** Epoch nanos of the end, never before the start; 0 when nothing has been seen. */
    long end() {
        long start = start();
        if (endMarker != 0) {
            return Math.max(endMarker, start);
        }
        return lastSample == Long.MIN_VALUE ? start : Math.max(lastSample, start);
    }

    boolean ended() {
        return endMarker != 0;
    }

    /** The latest time the stream has spoken of: a sample's end or a marker. */
    long latest() {
        return Math.max(Math.max(lastSample, endMarker), startMarker);
    }
}
