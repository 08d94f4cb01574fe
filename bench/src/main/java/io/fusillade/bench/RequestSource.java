package io.fusillade.bench;

import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.Protocol;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;

/**
 * One VU's stream of plausible REQUEST records, as a loop of keep-alive GETs against a local
 * server would produce them: sub-millisecond phases that vary from request to request, a
 * connect on the first request only, about one failure in 64, and a wall clock that moves on
 * by each request's duration.
 *
 * <p>Values vary because the varint codec and the histograms cost more or less depending on
 * them; a constant record would let the branch predictor learn one path. Everything comes from
 * an xorshift generator and plain arithmetic, so filling a slot allocates nothing and makes
 * no system call. Not thread-safe: one per producer thread.
 */
public final class RequestSource {
    /** Mid-2026 in epoch nanoseconds: start times take as many varint bytes as real ones. */
    private static final long EPOCH_2026_NANOS = 1_782_000_000_000_000_000L;
    /** Script time between two requests of one VU. */
    private static final long THINK_NANOS = 20_000;

    private final RequestIds ids;
    private final int vu;
    private long clockNanos;
    private long iteration;
    private long random;

    /** A source for VU number {@code vu} (1-based). */
    public RequestSource(RequestIds ids, int vu) {
        this.ids = ids;
        this.vu = vu;
        this.clockNanos = EPOCH_2026_NANOS + vu * 1_000_000L;
        this.random = 0x9E37_79B9_7F4A_7C15L * vu;
    }

    /** Fills {@code slot} with this VU's next request, every field a REQUEST record uses. */
    public void writeTo(SampleEvent slot) {
        long r = nextRandom();
        boolean firstRequest = iteration == 0;
        long blocked = firstRequest ? 4_000 : 300 + (r & 0x3FF);
        long connecting = firstRequest ? 95_000 : 0;
        long sending = 6_000 + ((r >>> 10) & 0x1FFF);
        long waiting = 150_000 + ((r >>> 23) & 0x7_FFFF);
        long receiving = 12_000 + ((r >>> 42) & 0x3FFF);
        boolean failed = (r >>> 58) == 0;

        slot.kind = SampleKind.REQUEST;
        slot.startNanos = clockNanos;
        slot.intendedStartNanos = clockNanos;
        slot.blockedNanos = blocked;
        slot.connectingNanos = connecting;
        slot.tlsNanos = 0;
        slot.sendingNanos = sending;
        slot.waitingNanos = waiting;
        slot.receivingNanos = receiving;
        slot.durationNanos = blocked + connecting + sending + waiting + receiving;
        slot.status = failed ? 503 : 200;
        slot.error = ErrorCode.NONE;
        slot.protocol = Protocol.H1;
        slot.bytesSent = 96;
        slot.bytesReceived = failed ? 162 : 251;
        slot.methodId = ids.methodId();
        slot.nameId = ids.nameId(iteration);
        slot.scenarioId = ids.scenarioId();
        slot.tagSetId = ids.tagSetId();
        slot.vu = vu;
        slot.iteration = iteration;

        clockNanos += slot.durationNanos + THINK_NANOS;
        iteration++;
    }

    /** {@code count} consecutive records of this source, each in its own event. */
    public SampleEvent[] records(int count) {
        SampleEvent[] records = new SampleEvent[count];
        for (int i = 0; i < count; i++) {
            records[i] = new SampleEvent();
            writeTo(records[i]);
        }
        return records;
    }

    private long nextRandom() {
        long x = random;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        random = x;
        return x;
    }
}
