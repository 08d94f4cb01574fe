package io.fusillade.engine.executor;

import io.fusillade.engine.js.ScriptException;

/**
 * How a run's execution ended.
 *
 * @param iterations      iterations completed (including those that ended in a script exception)
 * @param interruptedVus  VUs stopped mid-iteration because a graceful stop or ramp-down ran out
 * @param initFailure     the script error that stopped the run while VUs were initialising, or null
 * @param firstIterationNanoTime {@link System#nanoTime()} when the first iteration began, or 0
 * @param droppedIterations arrival-rate iterations that found no free VU and were not run
 * @param lateIterations  arrival-rate iterations that started more than 10 ms after their planned time
 * @param worstLagNanos   the latest of those starts, in nanoseconds after plan
 */
public record ExecutionOutcome(long iterations, int interruptedVus, ScriptException initFailure, long firstIterationNanoTime,
                               long droppedIterations, long lateIterations, long worstLagNanos) {
    /** An outcome without arrival-rate figures. */
    public ExecutionOutcome(long iterations, int interruptedVus, ScriptException initFailure, long firstIterationNanoTime) {
        this(iterations, interruptedVus, initFailure, firstIterationNanoTime, 0, 0, 0);
    }
}
