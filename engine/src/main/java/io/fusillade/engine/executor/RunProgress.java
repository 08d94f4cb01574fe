package io.fusillade.engine.executor;

import io.fusillade.engine.js.host.ExecutionInfo;

/**
 * How far the run has got, live, as k6's {@code exec.instance} reports it. Filled in once
 * the run's execution exists ({@link #attach}); before that (init code, {@code setup()}, or
 * a command that runs no load) every figure is zero.
 */
public final class RunProgress implements ExecutionInfo {
    private volatile Execution execution;
    private volatile IterationErrors errors = () -> 0;

    /** Where iterations that ended in a script error are counted. */
    @FunctionalInterface
    public interface IterationErrors {
        /** Iterations so far that ended in a script error. */
        long count();
    }

    /** Reports on {@code running} from now on; {@code iterationErrors} counts the iterations that failed. */
    public void attach(Execution running, IterationErrors iterationErrors) {
        this.errors = iterationErrors;
        this.execution = running;
    }

    /** VUs running an iteration loop, or an iteration, now. */
    @Override
    public int vusActive() {
        Execution e = execution;
        return e == null ? 0 : e.activeVus();
    }

    /** VUs whose JS context exists now. */
    @Override
    public int vusInitialized() {
        Execution e = execution;
        return e == null ? 0 : e.allocatedVus();
    }

    /** Iterations that ran to their end without a script error. */
    @Override
    public long iterationsCompleted() {
        Execution e = execution;
        return e == null ? 0 : Math.max(0, e.iterations() - errors.count());
    }

    /** Iterations ended by a script error, or stopped mid-way when a graceful stop ran out. */
    @Override
    public long iterationsInterrupted() {
        Execution e = execution;
        return e == null ? 0 : errors.count() + e.interruptedVus();
    }

    /** Milliseconds since the run's execution started. */
    @Override
    public double currentTestRunDuration() {
        Execution e = execution;
        return e == null ? 0 : e.elapsedSeconds() * 1000;
    }
}
