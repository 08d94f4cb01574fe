package io.fusillade.engine.js.host;

/**
 * How far the run has got, live, as k6's {@code exec.instance} reports it. Before the run's
 * scenarios start (init code, {@code setup()}, or a command that runs no load) every figure is zero.
 */
public interface ExecutionInfo {
    /** Reports nothing: every figure zero. */
    ExecutionInfo NONE = new ExecutionInfo() {
    };

    /** VUs running an iteration loop, or an iteration, now. */
    default int vusActive() {
        return 0;
    }

    /** VUs whose JS context exists now. */
    default int vusInitialized() {
        return 0;
    }

    /** Iterations that ran to their end without a script error. */
    default long iterationsCompleted() {
        return 0;
    }

    /** Iterations ended by a script error, or stopped mid-way when a graceful stop ran out. */
    default long iterationsInterrupted() {
        return 0;
    }

    /** Milliseconds since the run's scenarios started, paused time excluded. */
    default double currentTestRunDuration() {
        return 0;
    }
}
