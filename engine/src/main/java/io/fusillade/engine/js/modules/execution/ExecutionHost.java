package io.fusillade.engine.js.modules.execution;

import io.fusillade.engine.js.host.ExecutionInfo;
import io.fusillade.engine.js.host.VuContext;
import io.fusillade.engine.js.host.VuInterruptedException;
import org.graalvm.polyglot.HostAccess;

/** The host side of one VU's {@code k6/execution}: the run's live figures, the scenario's name, {@code test.abort()}. */
public final class ExecutionHost {
    private final VuContext vu;

    ExecutionHost(VuContext vu) {
        this.vu = vu;
    }

    /** One figure of {@code exec.instance}: vusActive, vusInitialized, iterationsCompleted, iterationsInterrupted, currentTestRunDuration. */
    @HostAccess.Export
    public double instance(String field) {
        ExecutionInfo progress = vu.services().execution();
        return switch (field) {
            case "vusActive" -> progress.vusActive();
            case "vusInitialized" -> progress.vusInitialized();
            case "iterationsCompleted" -> progress.iterationsCompleted();
            case "iterationsInterrupted" -> progress.iterationsInterrupted();
            case "currentTestRunDuration" -> progress.currentTestRunDuration();
            default -> throw new IllegalArgumentException("exec.instance has no '" + field + "'");
        };
    }

    @HostAccess.Export
    public String scenarioName() {
        String name = vu.scenarioId() == 0 ? null : vu.samples().text(vu.scenarioId());
        return name == null ? "default" : name;
    }

    /** {@code exec.test.abort()}: asks the run to stop and ends this VU's iteration now. */
    @HostAccess.Export
    public void abort(String reason) {
        vu.run().abort(reason);
        if (vu.inInit()) {
            // In init code the script never starts: say why, as a script error would.
            throw new IllegalStateException("the script aborted the test: " + vu.run().abortReason());
        }
        throw new VuInterruptedException();
    }
}
