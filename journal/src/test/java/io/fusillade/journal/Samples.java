package io.fusillade.journal;

import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.MetricType;
import io.fusillade.ingest.Protocol;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;

/** Sample records for tests, each filled with exactly the fields its kind stores. */
final class Samples {
    static final long T0 = 1_795_000_000_000_000_000L;

    private Samples() {
    }

    static void request(SampleEvent e, int vu, long iteration, int nameId) {
        e.kind = SampleKind.REQUEST;
        e.startNanos = T0 + iteration * 1_000_000L + vu;
        e.intendedStartNanos = e.startNanos - 250_000;
        e.durationNanos = 1_234_567 + iteration;
        e.blockedNanos = 1_000;
        e.connectingNanos = 20_000;
        e.tlsNanos = 0;
        e.sendingNanos = 3_000;
        e.waitingNanos = 1_100_000;
        e.receivingNanos = 110_567;
        e.status = 200;
        e.error = ErrorCode.NONE;
        e.protocol = Protocol.H1;
        e.bytesSent = 97;
        e.bytesReceived = 1_024 + iteration % 7;
        e.methodId = 1;
        e.nameId = nameId;
        e.scenarioId = 0;
        e.tagSetId = 0;
        e.vu = vu;
        e.iteration = iteration;
    }

    static SampleEvent request(int vu, long iteration, int nameId) {
        SampleEvent e = new SampleEvent();
        request(e, vu, iteration, nameId);
        return e;
    }
}
