package io.fusillade.engine.executor;

import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleRing;
import io.fusillade.ingest.SampleWriter;

/**
 * Publishes one VU's ITERATION records. One instance per VU, reused for every iteration,
 * so recording an iteration allocates nothing.
 */
final class IterationPublisher {
    private static final SampleWriter<IterationPublisher> ITERATION = (slot, p) -> {
        slot.kind = SampleKind.ITERATION;
        slot.startNanos = p.clock.toEpochNanos(p.startNanoTime);
        slot.intendedStartNanos = p.clock.toEpochNanos(p.intendedNanoTime);
        slot.durationNanos = p.durationNanos;
        slot.sleepNanos = p.sleepNanos;
        slot.scenarioId = p.scenarioId;
        slot.vu = p.vu;
        slot.iteration = p.iteration;
    };

    private final SampleRing ring;
    private final EpochClock clock;
    private final int scenarioId;
    private final int vu;
    private long startNanoTime;
    private long intendedNanoTime;
    private long durationNanos;
    private long sleepNanos;
    private long iteration;

    IterationPublisher(SampleRing ring, EpochClock clock, int scenarioId, int vu) {
        this.ring = ring;
        this.clock = clock;
        this.scenarioId = scenarioId;
        this.vu = vu;
    }

    /** Records an iteration that started at {@code startNanoTime} ({@link System#nanoTime()}) and ran until now. */
    void publish(long iteration, long intendedNanoTime, long startNanoTime, long endNanoTime, long sleepNanos) {
        this.iteration = iteration;
        this.intendedNanoTime = intendedNanoTime;
        this.startNanoTime = startNanoTime;
        this.durationNanos = endNanoTime - startNanoTime;
        this.sleepNanos = Math.min(sleepNanos, durationNanos);
        ring.publish(ITERATION, this);
    }
}
