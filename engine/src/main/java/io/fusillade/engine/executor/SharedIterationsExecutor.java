package io.fusillade.engine.executor;

import io.fusillade.engine.options.ExecutorSpec;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code shared-iterations}: VUs take iterations from one pool of {@code iterations} until it
 * is empty (or {@code maxDuration} ends): faster VUs run more of them, and the total is exact.
 */
public final class SharedIterationsExecutor extends ScenarioExecutor {
    private final ExecutorSpec.SharedIterations spec;

    SharedIterationsExecutor(ScenarioContext context, ExecutorSpec.SharedIterations spec) {
        super(context);
        this.spec = spec;
    }

    @Override
    void schedule(long startNanoTime) throws InterruptedException {
        long end = startNanoTime + spec.maxDuration().toNanos();
        AtomicLong left = new AtomicLong(spec.iterations());
        ConstantVusExecutor.startLoopingVus(this, spec.vus(), false, startNanoTime, end, vu -> left.getAndDecrement() > 0);
        awaitVus(end);
    }
}
