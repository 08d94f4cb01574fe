package io.fusillade.ingest;

/**
 * The closed set of record kinds that travel through the sample ring and the journal.
 * The numeric code is what the journal stores, so codes are never reused or renumbered.
 */
public enum SampleKind {
    /** One HTTP (or other protocol) request: timings, status, bytes, ids. */
    REQUEST(1),
    /** One evaluated check: pass (value 1) or fail (value 0), optional failure message. */
    CHECK(2),
    /** One finished iteration: total duration including sleep, and the sleep part. */
    ITERATION(3),
    /** One custom metric sample (counter, gauge, rate or trend). */
    METRIC(4),
    /** An arrival-rate iteration that could not start because no VU was free. */
    DROPPED_ITERATION(5),
    /** A reading of a VU gauge (vus or vus_max). */
    VU_GAUGE(6),
    /** A dictionary entry: id to string. Always precedes the first record that uses the id. */
    DICTIONARY(7),
    /** Run metadata as JSON text (options, script, hash, start). */
    RUN_META(8),
    /** A point in time worth marking (run start, run end, stop, abort). */
    MARKER(9);

    private static final SampleKind[] BY_CODE = new SampleKind[16];

    static {
        for (SampleKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final int code;

    SampleKind(int code) {
        this.code = code;
    }

    /** The byte stored in the journal for this kind. */
    public int code() {
        return code;
    }

    /** The kind for a stored code; fails on a code this version does not know. */
    public static SampleKind ofCode(int code) {
        SampleKind kind = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (kind == null) {
            throw new IllegalArgumentException("unknown sample kind code " + code);
        }
        return kind;
    }
}
