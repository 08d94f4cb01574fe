package io.fusillade.engine.executor;

import io.fusillade.engine.js.ScriptException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every scenario of one run shares: VU numbering (so {@code __VU} is unique across
 * scenarios), the counts behind the {@code vus} and {@code vus_max} gauges, the run's stop
 * flag, and the tallies that end up in the {@link ExecutionOutcome}.
 */
final class RunState {
    /** An iteration that starts more than this after its planned time counts as late. */
    static final long LATE_NANOS = 10_000_000L;

    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger allocated = new AtomicInteger();
    /** Counted by every VU on every iteration: an adder, so VUs on different cores do not contend. */
    final LongAdder iterations = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder late = new LongAdder();
    final AtomicLong worstLagNanos = new AtomicLong();
    final AtomicInteger interrupted = new AtomicInteger();
    private final AtomicInteger nextVu = new AtomicInteger();
    private final AtomicLong firstIteration = new AtomicLong();
    private final AtomicReference<ScriptException> initFailure = new AtomicReference<>();
    private volatile boolean stopping;

    /** The next VU number, from 1. */
    int nextVu() {
        return nextVu.incrementAndGet();
    }

    boolean stopping() {
        return stopping;
    }

    void stop() {
        stopping = true;
    }

    /** A VU's init code failed: the first failure is the run's, and the run stops. */
    void initFailed(ScriptException e) {
        initFailure.compareAndSet(null, e);
        stop();
    }

    /** The first VU init failure, or null. */
    ScriptException initFailure() {
        return initFailure.get();
    }

    void iterationStarted(long nanoTime, long lagNanos) {
        if (firstIteration.get() == 0) {
            firstIteration.compareAndSet(0, nanoTime);
        }
        if (lagNanos > LATE_NANOS) {
            late.increment();
            worstLagNanos.accumulateAndGet(lagNanos, Math::max);
        }
    }

    ExecutionOutcome outcome() {
        return new ExecutionOutcome(iterations.sum(), interrupted.get(), initFailure.get(), firstIteration.get(),
                dropped.sum(), late.sum(), worstLagNanos.get());
    }
}
