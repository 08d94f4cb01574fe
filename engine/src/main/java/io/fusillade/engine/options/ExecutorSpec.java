package io.fusillade.engine.options;

import java.time.Duration;
import java.util.List;

/**
 * How one scenario schedules its iterations: the six executors of the spec (and k6), each
 * with only the settings it reads.
 */
public sealed interface ExecutorSpec {
    /** The executor's name as users write it, e.g. {@code constant-arrival-rate}. */
    String name();

    /** The most VUs the executor may use at once. */
    int maxVus();

    /**
     * The VUs initialised before the run's clock starts, as in k6: all of them for the looping
     * executors, the pre-allocated ones for the arrival-rate executors (the rest start on demand).
     */
    default int initialVus() {
        return maxVus();
    }

    /** How long the executor starts iterations for (its duration, stages or maxDuration), before any graceful stop. */
    Duration plannedDuration();

    /** A fixed number of VUs looping for a duration; {@code iterationsPerVu} > 0 also caps each VU's iterations. */
    record ConstantVus(int vus, Duration duration, long iterationsPerVu) implements ExecutorSpec {
        public String name() {
            return "constant-vus";
        }

        public int maxVus() {
            return vus;
        }

        public Duration plannedDuration() {
            return duration;
        }
    }

    /** VUs ramped through stages, starting from {@code startVus}; VUs ramped down get {@code gracefulRampDown} to finish. */
    record RampingVus(int startVus, List<Stage> stages, Duration gracefulRampDown) implements ExecutorSpec {
        public RampingVus {
            stages = List.copyOf(stages);
        }

        public String name() {
            return "ramping-vus";
        }

        public int maxVus() {
            long max = startVus;
            for (Stage s : stages) {
                max = Math.max(max, s.target());
            }
            return (int) max;
        }

        public Duration plannedDuration() {
            return total(stages);
        }
    }

    /** {@code rate} iterations per {@code timeUnit}, for {@code duration}, from a pool of VUs. */
    record ConstantArrivalRate(double rate, Duration timeUnit, Duration duration, int preAllocatedVus, int maxVus)
            implements ExecutorSpec {
        public int initialVus() {
            return preAllocatedVus;
        }

        public String name() {
            return "constant-arrival-rate";
        }

        public Duration plannedDuration() {
            return duration;
        }
    }

    /** An iteration rate ramped through stages from {@code startRate} (per {@code timeUnit}), from a pool of VUs. */
    record RampingArrivalRate(double startRate, Duration timeUnit, List<Stage> stages, int preAllocatedVus, int maxVus)
            implements ExecutorSpec {
        public RampingArrivalRate {
            stages = List.copyOf(stages);
        }

        public int initialVus() {
            return preAllocatedVus;
        }

        public String name() {
            return "ramping-arrival-rate";
        }

        public Duration plannedDuration() {
            return total(stages);
        }
    }

    /** Each of {@code vus} VUs runs exactly {@code iterations} iterations, within {@code maxDuration}. */
    record PerVuIterations(int vus, long iterations, Duration maxDuration) implements ExecutorSpec {
        public String name() {
            return "per-vu-iterations";
        }

        public int maxVus() {
            return vus;
        }

        public Duration plannedDuration() {
            return maxDuration;
        }
    }

    /** {@code vus} VUs share {@code iterations} iterations in total, within {@code maxDuration}. */
    record SharedIterations(int vus, long iterations, Duration maxDuration) implements ExecutorSpec {
        public String name() {
            return "shared-iterations";
        }

        public int maxVus() {
            return vus;
        }

        public Duration plannedDuration() {
            return maxDuration;
        }
    }

    private static Duration total(List<Stage> stages) {
        Duration sum = Duration.ZERO;
        for (Stage s : stages) {
            sum = sum.plus(s.duration());
        }
        return sum;
    }
}
