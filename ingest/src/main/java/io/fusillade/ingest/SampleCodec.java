package io.fusillade.ingest;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The binary form of a {@link SampleEvent}: a kind byte, then only the fields that kind uses,
 * integers as unsigned LEB128 varints (signed ones zig-zagged), doubles as 8 raw bytes and
 * strings as a varint length plus UTF-8. A typical request record takes about 40 bytes.
 *
 * <p>The layout is versioned by {@link #FORMAT_VERSION} and documented in
 * {@code docs/journal-format.md}; change one and the other together.
 */
public final class SampleCodec {
    /** The version of the record layout; stored in every journal header. */
    public static final int FORMAT_VERSION = 1;

    /** An upper bound for one record without text, for sizing buffers. */
    public static final int MAX_FIXED_RECORD_BYTES = 1 + 24 * 10 + 8;

    private SampleCodec() {
    }

    /**
     * Appends one record to {@code out}.
     *
     * @throws BufferOverflowException when {@code out} has no room left; the caller flushes and retries
     */
    public static void encode(SampleEvent e, ByteBuffer out) {
        out.put((byte) e.kind.code());
        switch (e.kind) {
            case REQUEST -> {
                putVarLong(out, e.startNanos);
                putSignedVarLong(out, e.startNanos - e.intendedStartNanos);
                putVarLong(out, e.durationNanos);
                putVarLong(out, e.blockedNanos);
                putVarLong(out, e.connectingNanos);
                putVarLong(out, e.tlsNanos);
                putVarLong(out, e.sendingNanos);
                putVarLong(out, e.waitingNanos);
                putVarLong(out, e.receivingNanos);
                putVarLong(out, e.status);
                out.put((byte) e.error.code());
                out.put((byte) e.protocol.code());
                putVarLong(out, e.bytesSent);
                putVarLong(out, e.bytesReceived);
                putVarLong(out, e.methodId);
                putVarLong(out, e.nameId);
                putIds(out, e);
            }
            case CHECK -> {
                putVarLong(out, e.startNanos);
                putVarLong(out, e.nameId);
                putIds(out, e);
                out.put((byte) (e.value != 0 ? 1 : 0));
                putOptionalString(out, e.text);
            }
            case ITERATION -> {
                putVarLong(out, e.startNanos);
                putSignedVarLong(out, e.startNanos - e.intendedStartNanos);
                putVarLong(out, e.durationNanos);
                putVarLong(out, e.sleepNanos);
                putIds(out, e);
            }
            case METRIC -> {
                putVarLong(out, e.startNanos);
                putVarLong(out, e.nameId);
                out.put((byte) e.metricType.code());
                out.putDouble(e.value);
                putIds(out, e);
            }
            case DROPPED_ITERATION -> {
                putVarLong(out, e.startNanos);
                putSignedVarLong(out, e.startNanos - e.intendedStartNanos);
                putIds(out, e);
            }
            case VU_GAUGE -> {
                putVarLong(out, e.startNanos);
                putVarLong(out, e.nameId);
                out.putDouble(e.value);
            }
            case DICTIONARY -> {
                putVarLong(out, e.entryId);
                putString(out, e.text);
            }
            case RUN_META, MARKER -> {
                putVarLong(out, e.startNanos);
                putString(out, e.text);
            }
        }
    }

    /** Reads one record from {@code in} into {@code e}, replacing everything it held. */
    public static void decode(ByteBuffer in, SampleEvent e) {
        e.clear();
        e.kind = SampleKind.ofCode(in.get() & 0xff);
        switch (e.kind) {
            case REQUEST -> {
                e.startNanos = getVarLong(in);
                e.intendedStartNanos = e.startNanos - getSignedVarLong(in);
                e.durationNanos = getVarLong(in);
                e.blockedNanos = getVarLong(in);
                e.connectingNanos = getVarLong(in);
                e.tlsNanos = getVarLong(in);
                e.sendingNanos = getVarLong(in);
                e.waitingNanos = getVarLong(in);
                e.receivingNanos = getVarLong(in);
                e.status = (int) getVarLong(in);
                e.error = ErrorCode.ofCode(in.get());
                e.protocol = Protocol.ofCode(in.get());
                e.bytesSent = getVarLong(in);
                e.bytesReceived = getVarLong(in);
                e.methodId = (int) getVarLong(in);
                e.nameId = (int) getVarLong(in);
                getIds(in, e);
            }
            case CHECK -> {
                e.startNanos = getVarLong(in);
                e.intendedStartNanos = e.startNanos;
                e.nameId = (int) getVarLong(in);
                getIds(in, e);
                e.value = in.get();
                e.text = getOptionalString(in);
            }
            case ITERATION -> {
                e.startNanos = getVarLong(in);
                e.intendedStartNanos = e.startNanos - getSignedVarLong(in);
                e.durationNanos = getVarLong(in);
                e.sleepNanos = getVarLong(in);
                getIds(in, e);
            }
            case METRIC -> {
                e.startNanos = getVarLong(in);
                e.intendedStartNanos = e.startNanos;
                e.nameId = (int) getVarLong(in);
                e.metricType = MetricType.ofCode(in.get());
                e.value = in.getDouble();
                getIds(in, e);
            }
            case DROPPED_ITERATION -> {
                e.startNanos = getVarLong(in);
                e.intendedStartNanos = e.startNanos - getSignedVarLong(in);
                getIds(in, e);
            }
            case VU_GAUGE -> {
                e.startNanos = getVarLong(in);
                e.intendedStartNanos = e.startNanos;
                e.nameId = (int) getVarLong(in);
                e.value = in.getDouble();
            }
            case DICTIONARY -> {
                e.entryId = (int) getVarLong(in);
                e.text = getString(in);
            }
            case RUN_META, MARKER -> {
                e.startNanos = getVarLong(in);
                e.intendedStartNanos = e.startNanos;
                e.text = getString(in);
            }
        }
    }

    private static void putIds(ByteBuffer out, SampleEvent e) {
        putVarLong(out, e.scenarioId);
        putVarLong(out, e.tagSetId);
        putVarLong(out, e.vu);
        putVarLong(out, e.iteration);
    }

    private static void getIds(ByteBuffer in, SampleEvent e) {
        e.scenarioId = (int) getVarLong(in);
        e.tagSetId = (int) getVarLong(in);
        e.vu = (int) getVarLong(in);
        e.iteration = getVarLong(in);
    }

    /** Writes a non-negative long as an unsigned LEB128 varint. */
    static void putVarLong(ByteBuffer out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    static long getVarLong(ByteBuffer in) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("malformed varint in sample record");
    }

    static void putSignedVarLong(ByteBuffer out, long value) {
        putVarLong(out, (value << 1) ^ (value >> 63));
    }

    static long getSignedVarLong(ByteBuffer in) {
        long raw = getVarLong(in);
        return (raw >>> 1) ^ -(raw & 1);
    }

    private static void putString(ByteBuffer out, String s) {
        byte[] bytes = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        putVarLong(out, bytes.length);
        out.put(bytes);
    }

    private static String getString(ByteBuffer in) {
        int length = (int) getVarLong(in);
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("malformed string length " + length + " in sample record");
        }
        if (in.hasArray()) {
            String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
            return s;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void putOptionalString(ByteBuffer out, String s) {
        if (s == null) {
            out.put((byte) 0);
        } else {
            out.put((byte) 1);
            putString(out, s);
        }
    }

    private static String getOptionalString(ByteBuffer in) {
        return in.get() == 0 ? null : getString(in);
    }
}
