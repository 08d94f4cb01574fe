package io.fusillade.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SampleCodecTest {

    private static SampleEvent request() {
        SampleEvent e = new SampleEvent();
        e.kind = SampleKind.REQUEST;
        e.startNanos = 1_764_168_000_123_456_789L;
        e.intendedStartNanos = e.startNanos - 2_500_000;
        e.durationNanos = 12_345_678;
        e.blockedNanos = 1_000;
        e.connectingNanos = 250_000;
        e.tlsNanos = 0;
        e.sendingNanos = 15_000;
        e.waitingNanos = 12_000_000;
        e.receivingNanos = 330_678;
        e.status = 503;
        e.error = ErrorCode.NONE;
        e.protocol = Protocol.H1;
        e.bytesSent = 187;
        e.bytesReceived = 4096;
        e.methodId = 3;
        e.nameId = 70_000;
        e.scenarioId = 2;
        e.tagSetId = 9;
        e.vu = 1234;
        e.iteration = 5_000_000_000L;
        return e;
    }

    private static SampleEvent roundTrip(SampleEvent in) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        SampleCodec.encode(in, buffer);
        buffer.flip();
        SampleEvent out = new SampleEvent();
        SampleCodec.decode(buffer, out);
        assertThat(buffer.hasRemaining()).as("decoder consumed exactly the encoded bytes").isFalse();
        return out;
    }

    @Test
    void requestRecordKeepsEveryField() {
        SampleEvent in = request();
        assertThat(roundTrip(in)).usingRecursiveComparison().isEqualTo(in);
    }

    @Test
    void requestRecordIsCompact() {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        SampleEvent e = request();
        e.nameId = 12;
        e.vu = 7;
        e.iteration = 42;
        SampleCodec.encode(e, buffer);
        assertThat(buffer.position()).isLessThanOrEqualTo(48);
    }

    @Test
    void networkErrorSurvivesRoundTrip() {
        SampleEvent in = request();
        in.status = 0;
        in.error = ErrorCode.ECONNREFUSED;
        SampleEvent out = roundTrip(in);
        assertThat(out.error).isEqualTo(ErrorCode.ECONNREFUSED);
        assertThat(out.requestFailed()).isTrue();
    }

    @Test
    void everyOtherKindRoundTrips() {
        SampleEvent check = new SampleEvent();
        check.kind = SampleKind.CHECK;
        check.startNanos = 99;
        check.intendedStartNanos = 99;
        check.nameId = 4;
        check.value = 0;
        check.text = "expected 200, got 500 — ünïcode";
        check.vu = 3;
        check.iteration = 8;
        assertThat(roundTrip(check)).usingRecursiveComparison().isEqualTo(check);

        SampleEvent iteration = new SampleEvent();
        iteration.kind = SampleKind.ITERATION;
        iteration.startNanos = 1_000_000_000;
        iteration.intendedStartNanos = 999_000_000;
        iteration.durationNanos = 600_000_000;
        iteration.sleepNanos = 500_000_000;
        iteration.vu = 2;
        assertThat(roundTrip(iteration)).usingRecursiveComparison().isEqualTo(iteration);

        SampleEvent metric = new SampleEvent();
        metric.kind = SampleKind.METRIC;
        metric.startNanos = 5;
        metric.intendedStartNanos = 5;
        metric.nameId = 11;
        metric.metricType = MetricType.TREND;
        metric.value = -12.75;
        assertThat(roundTrip(metric)).usingRecursiveComparison().isEqualTo(metric);

        SampleEvent gauge = new SampleEvent();
        gauge.kind = SampleKind.VU_GAUGE;
        gauge.startNanos = 6;
        gauge.intendedStartNanos = 6;
        gauge.nameId = 1;
        gauge.value = 50;
        assertThat(roundTrip(gauge)).usingRecursiveComparison().isEqualTo(gauge);

        SampleEvent entry = new SampleEvent();
        entry.kind = SampleKind.DICTIONARY;
        entry.entryId = 300;
        entry.text = "GET /api/items/:id";
        assertThat(roundTrip(entry)).usingRecursiveComparison().isEqualTo(entry);

        SampleEvent marker = new SampleEvent();
        marker.kind = SampleKind.MARKER;
        marker.startNanos = 77;
        marker.intendedStartNanos = 77;
        marker.text = "run-start";
        assertThat(roundTrip(marker)).usingRecursiveComparison().isEqualTo(marker);

        SampleEvent dropped = new SampleEvent();
        dropped.kind = SampleKind.DROPPED_ITERATION;
        dropped.startNanos = 1_000;
        dropped.intendedStartNanos = 400;
        dropped.scenarioId = 1;
        assertThat(roundTrip(dropped)).usingRecursiveComparison().isEqualTo(dropped);
    }

    @Test
    void unknownKindIsRejectedWithItsCode() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {(byte) 15, 0, 0});
        assertThatThrownBy(() -> SampleCodec.decode(buffer, new SampleEvent()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown sample kind code 15");
    }
}
