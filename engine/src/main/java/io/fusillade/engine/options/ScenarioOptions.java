package io.fusillade.engine.options;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One scenario of a run: its executor and everything else that applies to its VUs.
 *
 * @param name                 the scenario's name ({@code default} for a script without {@code scenarios}); {@code __SCENARIO} in scripts
 * @param executor             how iterations are scheduled
 * @param exec                 the exported function each iteration calls
 * @param startTime            delay from the start of the run before the scenario begins
 * @param gracefulStop         how long running iterations may finish once the scenario's time is over
 * @param minIterationDuration an iteration shorter than this waits out the rest before the VU goes on
 * @param responseSink         count response bodies but do not keep them
 * @param stackSize            the requested stack size in bytes, 0 when not given (a scenario asking for more than the JVM's -Xss runs its VUs on platform threads with that stack)
 * @param tags                 tags added to every sample of the scenario (besides {@code scenario})
 * @param env                  variables added to {@code __ENV} for the scenario's VUs
 * @param thresholds           the scenario's own thresholds, metric key to expressions
 */
public record ScenarioOptions(
        String name,
        ExecutorSpec executor,
        String exec,
        Duration startTime,
        Duration gracefulStop,
        Duration minIterationDuration,
        boolean responseSink,
        long stackSize,
        Map<String, String> tags,
        Map<String, String> env,
        Map<String, List<String>> thresholds) {

    public ScenarioOptions {
        tags = Map.copyOf(tags);
        env = Map.copyOf(env);
        thresholds = Map.copyOf(thresholds);
    }

    /** One line for the run's banner, e.g. {@code constant-arrival-rate, 100 iterations/1s for 2m0s, 20-50 VUs}. */
    public String describe() {
        String what = switch (executor) {
            case ExecutorSpec.ConstantVus c -> c.vus() + " VU(s), " + Durations.format(c.duration())
                    + (c.iterationsPerVu() > 0 ? " or " + c.iterationsPerVu() + " iterations each" : "");
            case ExecutorSpec.RampingVus r -> "up to " + r.maxVus() + " VU(s) over " + r.stages().size() + " stage(s), "
                    + Durations.format(r.plannedDuration());
            case ExecutorSpec.PerVuIterations p -> p.vus() + " VU(s), " + p.iterations() + " iteration(s) each (max "
                    + Durations.format(p.maxDuration()) + ")";
            case ExecutorSpec.SharedIterations sh -> sh.vus() + " VU(s), " + sh.iterations() + " iteration(s) shared (max "
                    + Durations.format(sh.maxDuration()) + ")";
            case ExecutorSpec.ConstantArrivalRate c -> rate(c.rate()) + " iterations/" + Durations.format(c.timeUnit()) + " for "
                    + Durations.format(c.duration()) + ", " + pool(c.preAllocatedVus(), c.maxVus());
            case ExecutorSpec.RampingArrivalRate r -> "from " + rate(r.startRate()) + " iterations/" + Durations.format(r.timeUnit())
                    + " over " + r.stages().size() + " stage(s), " + Durations.format(r.plannedDuration()) + ", "
                    + pool(r.preAllocatedVus(), r.maxVus());
        };
        return executor.name() + ", " + what + (startTime.isZero() ? "" : ", starting at " + Durations.format(startTime))
                + " (graceful stop " + Durations.format(gracefulStop) + ")" + ("default".equals(exec) ? "" : ", exec " + exec + "()");
    }

    private static String rate(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }

    private static String pool(int preAllocated, int max) {
        return preAllocated == max ? max + " VU(s)" : preAllocated + "-" + max + " VUs";
    }

    /** When the scenario stops starting iterations, measured from the start of the run. */
    public Duration end() {
        return startTime.plus(executor.plannedDuration());
    }
}
