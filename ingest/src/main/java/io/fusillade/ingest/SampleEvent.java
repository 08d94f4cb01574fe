package io.fusillade.ingest;

/**
 * One record of the sample stream: a pre-allocated, reusable ring slot.
 *
 * <p>The VU thread that makes a request writes its outcome straight into a slot and publishes
 * it; every consumer (journal, aggregator, thresholds, exporters) then reads the same slot.
 * Fields are plain and public because a slot lives for one trip round the ring and is then
 * overwritten: no copy, no boxing, no allocation per request. Which fields mean something
 * depends on {@link #kind}; {@code docs/journal-format.md} lists them per kind.
 *
 * <p>Times are nanoseconds. {@link #startNanos} is wall-clock (epoch) time;
 * {@link #intendedStartNanos} is when an arrival-rate schedule wanted the iteration to begin,
 * which lets latency be read free of coordinated omission. Strings are ids into the run's
 * {@link Dictionary}.
 */
public final class SampleEvent {
    /** Marks an id field that names nothing. */
    public static final int NO_ID = 0;

    public SampleKind kind;
    /** Wall-clock start, epoch nanoseconds. */
    public long startNanos;
    /** Intended start (arrival-rate schedule), epoch nanoseconds; equals start otherwise. */
    public long intendedStartNanos;
    /** Total time: a request's duration, or an iteration's wall time including sleep. */
    public long durationNanos;
    public long blockedNanos;
    public long connectingNanos;
    public long tlsNanos;
    public long sendingNanos;
    public long waitingNanos;
    public long receivingNanos;
    /** For ITERATION records: the part of {@link #durationNanos} spent sleeping. */
    public long sleepNanos;
    public int status;
    public ErrorCode error = ErrorCode.NONE;
    public Protocol protocol = Protocol.NONE;
    public long bytesSent;
    public long bytesReceived;
    public int methodId;
    /** Request name (URL or explicit name) or, for CHECK/METRIC/VU_GAUGE, the check or metric name. */
    public int nameId;
    public int scenarioId;
    /** The tag set (see {@link TagSets}); {@link #NO_ID} when the sample has no extra tags. */
    public int tagSetId;
    /** The VU number (1-based; 0 for setup, teardown and engine-side records). */
    public int vu;
    public long iteration;
    /** Metric value: custom metric sample, check result (1 or 0), gauge reading. */
    public double value;
    /** The custom metric's type, for METRIC records. */
    public MetricType metricType = MetricType.COUNTER;
    /** Dictionary entry id, for DICTIONARY records. */
    public int entryId;
    /**
     * Free text for the rare kinds that need it: the dictionary entry, run metadata JSON,
     * a marker's label, a failed check's custom message. Null on the hot path.
     */
    public String text;

    /** Clears every field so a reused slot carries nothing from its previous trip. */
    public void clear() {
        kind = null;
        startNanos = 0;
        intendedStartNanos = 0;
        durationNanos = 0;
        blockedNanos = 0;
        connectingNanos = 0;
        tlsNanos = 0;
        sendingNanos = 0;
        waitingNanos = 0;
        receivingNanos = 0;
        sleepNanos = 0;
        status = 0;
        error = ErrorCode.NONE;
        protocol = Protocol.NONE;
        bytesSent = 0;
        bytesReceived = 0;
        methodId = NO_ID;
        nameId = NO_ID;
        scenarioId = NO_ID;
        tagSetId = NO_ID;
        vu = 0;
        iteration = 0;
        value = 0;
        metricType = MetricType.COUNTER;
        entryId = NO_ID;
        text = null;
    }

    /** Copies every field of {@code other} into this slot. */
    public void copyFrom(SampleEvent other) {
        kind = other.kind;
        startNanos = other.startNanos;
        intendedStartNanos = other.intendedStartNanos;
        durationNanos = other.durationNanos;
        blockedNanos = other.blockedNanos;
        connectingNanos = other.connectingNanos;
        tlsNanos = other.tlsNanos;
        sendingNanos = other.sendingNanos;
        waitingNanos = other.waitingNanos;
        receivingNanos = other.receivingNanos;
        sleepNanos = other.sleepNanos;
        status = other.status;
        error = other.error;
        protocol = other.protocol;
        bytesSent = other.bytesSent;
        bytesReceived = other.bytesReceived;
        methodId = other.methodId;
        nameId = other.nameId;
        scenarioId = other.scenarioId;
        tagSetId = other.tagSetId;
        vu = other.vu;
        iteration = other.iteration;
        value = other.value;
        metricType = other.metricType;
        entryId = other.entryId;
        text = other.text;
    }

    /** True when a REQUEST failed in k6's sense: a network error or a status of 400 or more. */
    public boolean requestFailed() {
        return error != ErrorCode.NONE || status == 0 || status >= 400;
    }

    @Override
    public String toString() {
        return "SampleEvent{" + kind + ", start=" + startNanos + ", duration=" + durationNanos
                + ", status=" + status + ", error=" + error + ", name=" + nameId + ", vu=" + vu
                + ", iteration=" + iteration + ", value=" + value + ", text=" + text + '}';
    }
}
