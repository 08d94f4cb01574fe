package io.fusillade.engine.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fault injection ({@code jitter}, {@code drop}): a random delay of up to {@code jitter}
 * before each request is sent (counted in its {@code blocked} phase, like any wait before
 * sending), and a {@code drop} probability of not sending it at all, which records the
 * request as a network failure, status 0, "Simulated network drop".
 *
 * @param jitter the longest delay added; zero for none
 * @param drop   the probability, 0 to 1, that a request is dropped
 */
public record Chaos(Duration jitter, double drop) {
    /** No faults. */
    public static final Chaos NONE = new Chaos(Duration.ZERO, 0);

    public Chaos {
        if (jitter == null || jitter.isNegative()) {
            throw new IllegalArgumentException("jitter must be a duration of 0 or more");
        }
        if (!(drop >= 0 && drop <= 1)) {
            throw new IllegalArgumentException("drop must be a probability from 0.0 to 1.0, got " + drop);
        }
    }

    /** True when any fault is injected. */
    public boolean active() {
        return !jitter.isZero() || drop > 0;
    }

    /** The delay for the next request, uniformly from 0 to {@code jitter}, in nanoseconds. */
    public long nextDelayNanos() {
        long max = jitter.toNanos();
        return max <= 0 ? 0 : ThreadLocalRandom.current().nextLong(max + 1);
    }

    /** Whether the next request is dropped. */
    public boolean nextDropped() {
        return drop > 0 && ThreadLocalRandom.current().nextDouble() < drop;
    }
}
