package io.fusillade.engine.executor;

import io.fusillade.engine.options.ExecutorSpec;

/**
 * {@code per-vu-iterations}: each VU runs exactly {@code iterations} iterations (unless the
 * scenario's {@code maxDuration} ends first), so the run makes VUs × iterations in all.
 */
public final class PerVuIterationsExecutor extends ScenarioExecutor {
    private final ExecutorSpec.PerVuIterations spec;

    PerVuIterationsExecutor(ScenarioContext context, ExecutorSpec.PerVuIterations spec) {
        super(context);
        this.spec = spec;
    }

    @Override
    void schedule(long startNanoTime) throws InterruptedException {
        long end = startNanoTime + spec.maxDuration().toNanos();
        ConstantVusExecutor.startLoopingVus(this, spec.vus(), false, startNanoTime, end, vu -> vu.iterations() < spec.iterations());
        awaitVus(end);
    }
}
