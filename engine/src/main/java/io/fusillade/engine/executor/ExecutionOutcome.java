package io.fusillade.engine.executor;

import io.fusillade.engine.js.ScriptException;

/**
 * How an executor's run ended.
 *
 * @param iterations      iterations completed (including those that ended in a script exception)
 * @param interruptedVus  VUs still running when the graceful stop expired, and so stopped mid-iteration
 * @param initFailure     the script error that stopped the run while VUs were initialising, or null
 * @param firstIterationNanoTime {@link System#nanoTime()} when the first iteration began, or 0
 */
public record ExecutionOutcome(long iterations, int interruptedVus, ScriptException initFailure, long firstIterationNanoTime) {
}
