package io.fusillade.engine.executor;

import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleRing;
import io.fusillade.ingest.SampleWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes the {@code vus} and {@code vus_max} gauges once a second, and on demand when the
 * executor reaches its full VU count: active VUs, and VUs initialised so far.
 */
final class VuGaugeSampler implements AutoCloseable {
    private record Reading(EpochClock clock, int nameId, int value) {
    }

    private static final SampleWriter<Reading> GAUGE = (slot, r) -> {
        slot.kind = SampleKind.VU_GAUGE;
        slot.startNanos = r.clock().nowNanos();
        slot.intendedStartNanos = slot.startNanos;
        slot.nameId = r.nameId();
        slot.value = r.value();
    };

    private final SampleRing ring;
    private final EpochClock clock;
    private final AtomicInteger active;
    private final AtomicInteger initialised;
    private final int vusId;
    private final int vusMaxId;
    private final Thread thread;
    private volatile boolean running = true;

    VuGaugeSampler(SampleRing ring, EpochClock clock, AtomicInteger active, AtomicInteger initialised) {
        this.ring = ring;
        this.clock = clock;
        this.active = active;
        this.initialised = initialised;
        this.vusId = ring.dictionary().intern("vus");
        this.vusMaxId = ring.dictionary().intern("vus_max");
        this.thread = Thread.ofPlatform().daemon(true).name("vu-gauge").start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                sample();
            }
        }
    }

    /** Publishes both gauges now. */
    void sample() {
        ring.publish(GAUGE, new Reading(clock, vusId, active.get()));
        ring.publish(GAUGE, new Reading(clock, vusMaxId, initialised.get()));
    }

    /** Stops sampling. No reading is taken here: at the end every VU has stopped, which says nothing about the run. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
