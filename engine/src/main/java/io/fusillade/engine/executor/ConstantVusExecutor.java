package io.fusillade.engine.executor;

import io.fusillade.engine.options.ExecutorSpec;

/**
 * {@code constant-vus}: a fixed number of VUs, each looping over the scenario's function until
 * the duration is over (or it has run its {@code iterations}, when the scenario caps them).
 *
 * <p>Starts are spread over the first second (at most a tenth of the duration) so that
 * thousands of VUs do not hit the target in the same instant.
 */
public final class ConstantVusExecutor extends ScenarioExecutor {
    private static final long MAX_START_SPREAD_NANOS = 1_000_000_000L;

    private final ExecutorSpec.ConstantVus spec;

    ConstantVusExecutor(ScenarioContext context, ExecutorSpec.ConstantVus spec) {
        super(context);
        this.spec = spec;
    }

    @Override
    void schedule(long startNanoTime) throws InterruptedException {
        long end = startNanoTime + spec.duration().toNanos();
        startLoopingVus(this, spec.vus(), true, startNanoTime, end,
                vu -> spec.iterationsPerVu() == 0 || vu.iterations() < spec.iterationsPerVu());
        awaitVus(end);
    }

    /**
     * Starts {@code count} looping VUs, each looping while {@code gate} allows until {@code end};
     * with {@code spread}, their starts are spread over the first second (at most a tenth of the scenario).
     */
    static void startLoopingVus(ScenarioExecutor executor, int count, boolean spread, long start, long end, IterationGate gate) {
        long spreadNanos = spread ? Math.min(MAX_START_SPREAD_NANOS, (end - start) / 10) : 0;
        for (int i = 0; i < count; i++) {
            long startAt = start + (count <= 1 ? 0 : spreadNanos * i / count);
            executor.startVu(vu -> {
                executor.sleepUntil(startAt);
                executor.loop(vu, end, gate);
            });
        }
    }
}
