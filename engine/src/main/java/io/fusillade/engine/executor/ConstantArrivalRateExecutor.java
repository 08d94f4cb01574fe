package io.fusillade.engine.executor;

import io.fusillade.engine.options.ExecutorSpec;

/** {@code constant-arrival-rate}: {@code rate} iterations per {@code timeUnit} for {@code duration}, whatever the target's speed. */
public final class ConstantArrivalRateExecutor extends ArrivalRateExecutor {
    private final ExecutorSpec.ConstantArrivalRate spec;

    ConstantArrivalRateExecutor(ScenarioContext context, ExecutorSpec.ConstantArrivalRate spec) {
        super(context, spec.preAllocatedVus(), spec.maxVus());
        this.spec = spec;
    }

    @Override
    ArrivalSchedule newSchedule() {
        return ArrivalSchedule.constant(spec.rate(), spec.timeUnit(), spec.duration());
    }
}
