package io.fusillade.engine.executor;

import io.fusillade.engine.js.VuRuntime;
import io.fusillade.engine.js.host.VuInterruptedException;

/**
 * One VU as its executor drives it: runs an iteration, records it (with its planned start,
 * for arrival-rate executors), counts it, reports its error, and pads it to
 * {@code min_iteration_duration}.
 */
final class ScenarioVu {
    private final ScenarioExecutor executor;
    private final VuRuntime runtime;
    private final IterationPublisher publisher;
    private final long minIterationNanos;
    private long iterations;

    ScenarioVu(ScenarioExecutor executor, VuRuntime runtime, IterationPublisher publisher, long minIterationNanos) {
        this.executor = executor;
        this.runtime = runtime;
        this.publisher = publisher;
        this.minIterationNanos = minIterationNanos;
    }

    /** The planned start of an iteration that was not planned: it starts when the VU is ready. */
    static final long UNPLANNED = Long.MIN_VALUE;

    /** Iterations this VU has completed. */
    long iterations() {
        return iterations;
    }

    VuRuntime runtime() {
        return runtime;
    }

    /**
     * Runs one iteration planned for {@code plannedNanoTime} ({@link System#nanoTime()}), or
     * {@link #UNPLANNED} for executors that plan no start times: the iteration's record then
     * gives its actual start as its intended one, and its lag is 0.
     *
     * @throws VuInterruptedException when the run cancelled this VU mid-iteration
     */
    void iterate(long plannedNanoTime) {
        long start = System.nanoTime();
        long intendedNanoTime = plannedNanoTime == UNPLANNED ? start : plannedNanoTime;
        long lag = start - intendedNanoTime;
        RunState state = executor.state();
        state.iterationStarted(start, lag);
        String error = runtime.iterate(iterations, Math.max(0, lag));
        long end = System.nanoTime();
        publisher.publish(iterations, intendedNanoTime, start, end, runtime.lastSleepNanos());
        iterations++;
        state.iterations.increment();
        if (error != null) {
            executor.context().log().iterationError(runtime.vu(), error);
        }
        if (minIterationNanos > 0) {
            executor.sleepUntil(start + minIterationNanos);
        }
    }
}
