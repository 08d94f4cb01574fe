package io.fusillade.engine.executor;

import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleRing;
import io.fusillade.ingest.SampleWriter;

/**
 * Publishes an arrival-rate scenario's DROPPED_ITERATION records: iterations that were due but
 * found no free VU. One instance per scenario, used by its scheduling thread only.
 */
final class DroppedIterationPublisher {
    private static final SampleWriter<DroppedIterationPublisher> DROPPED = (slot, p) -> {
        slot.kind = SampleKind.DROPPED_ITERATION;
        slot.startNanos = p.clock.toEpochNanos(p.droppedNanoTime);
        slot.intendedStartNanos = p.clock.toEpochNanos(p.intendedNanoTime);
        slot.scenarioId = p.scenarioId;
        slot.iteration = p.iteration;
    };

    private final SampleRing ring;
    private final EpochClock clock;
    private final int scenarioId;
    private long droppedNanoTime;
    private long intendedNanoTime;
    private long iteration;

    DroppedIterationPublisher(SampleRing ring, EpochClock clock, int scenarioId) {
        this.ring = ring;
        this.clock = clock;
        this.scenarioId = scenarioId;
    }

    /** Records that the scenario's iteration number {@code iteration}, due at {@code intendedNanoTime}, was dropped now. */
    void publish(long iteration, long intendedNanoTime) {
        this.iteration = iteration;
        this.intendedNanoTime = intendedNanoTime;
        this.droppedNanoTime = System.nanoTime();
        ring.publish(DROPPED, this);
    }
}
