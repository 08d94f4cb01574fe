package io.fusillade.engine.executor;

import io.fusillade.engine.options.Stage;
import java.time.Duration;
import java.util.List;

/**
 * When each iteration of an arrival-rate executor is due: a rate that moves linearly through
 * stages, and iteration {@code i} (from 0) due at the moment the number of iterations the rate
 * has accumulated since the start reaches {@code i}. A constant rate is one flat stage, so 50
 * per second for 4 s is due at 0, 20 ms, ..., 3.98 s: exactly 200.
 *
 * <p>Within a stage whose rate goes from r0 to r1 over T, the count after t is
 * {@code r0·t + (r1 − r0)·t²/(2T)}; each due time solves that quadratic, so the schedule is
 * exact however long the run, with no drift from adding up intervals.
 */
final class ArrivalSchedule {
    private final double[] lengths;
    private final double[] fromRates;
    private final double[] toRates;
    private int stage;
    private double stageStartCount;
    private double stageStartNanos;
    private long next;

    private ArrivalSchedule(double[] lengths, double[] fromRates, double[] toRates) {
        this.lengths = lengths;
        this.fromRates = fromRates;
        this.toRates = toRates;
    }

    /** {@code rate} iterations per {@code timeUnit} for {@code duration}. */
    static ArrivalSchedule constant(double rate, Duration timeUnit, Duration duration) {
        double perNano = rate / timeUnit.toNanos();
        return new ArrivalSchedule(new double[] {duration.toNanos()}, new double[] {perNano}, new double[] {perNano});
    }

    /** From {@code startRate} through each stage's target rate (iterations per {@code timeUnit}). */
    static ArrivalSchedule ramping(double startRate, Duration timeUnit, List<Stage> stages) {
        int n = stages.size();
        double[] lengths = new double[n];
        double[] from = new double[n];
        double[] to = new double[n];
        double unit = timeUnit.toNanos();
        double previous = startRate / unit;
        for (int i = 0; i < n; i++) {
            lengths[i] = stages.get(i).duration().toNanos();
            from[i] = previous;
            to[i] = stages.get(i).target() / unit;
            previous = to[i];
        }
        return new ArrivalSchedule(lengths, from, to);
    }

    /** How many iterations have been handed out so far. */
    long count() {
        return next;
    }

    /** Nanoseconds from the start at which the next iteration is due, or -1 when the schedule is over. */
    long nextDue() {
        while (stage < lengths.length) {
            double length = lengths[stage];
            double r0 = fromRates[stage];
            double a = (toRates[stage] - r0) / (2 * length);
            double need = next - stageStartCount;
            double t;
            if (need <= 0) {
                t = r0 > 0 || a > 0 ? 0 : Double.POSITIVE_INFINITY;
            } else {
                double discriminant = r0 * r0 + 4 * a * need;
                double denominator = discriminant < 0 ? 0 : r0 + Math.sqrt(discriminant);
                t = denominator <= 0 ? Double.POSITIVE_INFINITY : 2 * need / denominator;
            }
            // Half a nanosecond of slack: 200 arrivals at 20 ms must not let a 201st in at 3.9999999 s.
            if (t < length - 0.5) {
                next++;
                return Math.round(stageStartNanos + t);
            }
            stageStartCount += r0 * length + a * length * length;
            stageStartNanos += length;
            stage++;
        }
        return -1;
    }
}
