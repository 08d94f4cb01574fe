package io.fusillade.ingest;

import java.time.Instant;

/**
 * Wall-clock time in epoch nanoseconds with {@link System#nanoTime()} resolution: one
 * wall-clock reading at construction, then monotonic offsets, so durations computed from
 * two readings are never negative and never jump with NTP.
 */
public final class EpochClock {
    private final long baseEpochNanos;
    private final long baseNanoTime;

    public EpochClock() {
        Instant now = Instant.now();
        this.baseNanoTime = System.nanoTime();
        this.baseEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Now, in epoch nanoseconds. */
    public long nowNanos() {
        return toEpochNanos(System.nanoTime());
    }

    /** The epoch time of a {@link System#nanoTime()} reading. */
    public long toEpochNanos(long nanoTime) {
        return baseEpochNanos + (nanoTime - baseNanoTime);
    }
}
