package io.fusillade.cli;

import io.fusillade.aggregator.threshold.ThresholdResult;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stops a run when an {@code abortOnFail} threshold fails. The live threshold watcher trips it
 * from its consumer thread; the run arms it with the executor's stop once the executor exists,
 * so a trip that comes first still stops the run as soon as it starts.
 */
final class AbortSwitch implements Consumer<List<ThresholdResult>> {
    private volatile List<ThresholdResult> breached;
    private Runnable stop;

    @Override
    public void accept(List<ThresholdResult> failing) {
        Runnable action;
        synchronized (this) {
            if (breached != null) {
                return;
            }
            breached = List.copyOf(failing);
            action = stop;
        }
        if (action != null) {
            action.run();
        }
    }

    /** Gives the switch what to run when it trips; runs it now when it already has. */
    void arm(Runnable stopRun) {
        boolean tripped;
        synchronized (this) {
            stop = stopRun;
            tripped = breached != null;
        }
        if (tripped) {
            stopRun.run();
        }
    }

    /** The thresholds that were failing when the switch tripped; null while it has not. */
    List<ThresholdResult> breached() {
        return breached;
    }
}
