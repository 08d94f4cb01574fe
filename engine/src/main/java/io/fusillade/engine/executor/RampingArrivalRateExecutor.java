package io.fusillade.engine.executor;

import io.fusillade.engine.options.ExecutorSpec;

/** {@code ramping-arrival-rate}: an iteration rate that moves linearly from {@code startRate} through each stage's target. */
public final class RampingArrivalRateExecutor extends ArrivalRateExecutor {
    private final ExecutorSpec.RampingArrivalRate spec;

    RampingArrivalRateExecutor(ScenarioContext context, ExecutorSpec.RampingArrivalRate spec) {
        super(context, spec.preAllocatedVus(), spec.maxVus());
        this.spec = spec;
    }

    @Override
    ArrivalSchedule newSchedule() {
        return ArrivalSchedule.ramping(spec.startRate(), spec.timeUnit(), spec.stages());
    }
}
