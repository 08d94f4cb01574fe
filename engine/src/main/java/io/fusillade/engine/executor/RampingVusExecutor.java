package io.fusillade.engine.executor;

import io.fusillade.engine.options.ExecutorSpec;
import io.fusillade.engine.options.Stage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * {@code ramping-vus}: the number of looping VUs follows the stages, moving linearly from
 * {@code startVUs} to each stage's target over the stage's duration.
 *
 * <p>A controller re-reads the target every few milliseconds. Going up, it starts VUs; going
 * down, it asks the newest VUs to stop after their current iteration, and cancels any that are
 * still in it after {@code gracefulRampDown}. After the last stage every VU stops starting
 * iterations and the graceful stop applies.
 */
public final class RampingVusExecutor extends ScenarioExecutor {
    private static final long TICK_NANOS = 20_000_000L;

    /** A started VU and whether (and when) it was told to stop. */
    private static final class Slot {
        volatile boolean released;
        long cancelAt;
        Thread thread;
    }

    private final ExecutorSpec.RampingVus spec;

    RampingVusExecutor(ScenarioContext context, ExecutorSpec.RampingVus spec) {
        super(context);
        this.spec = spec;
    }

    @Override
    boolean reusesVus() {
        return true;
    }

    @Override
    void schedule(long startNanoTime) throws InterruptedException {
        long end = startNanoTime + spec.plannedDuration().toNanos();
        long rampDown = spec.gracefulRampDown().toNanos();
        Deque<Slot> running = new ArrayDeque<>();
        List<Slot> released = new ArrayList<>();
        while (!stopping()) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            int target = target(now - startNanoTime);
            while (running.size() < target) {
                Slot slot = new Slot();
                slot.thread = startVu(vu -> loop(vu, end, ignored -> !slot.released));
                running.addLast(slot);
            }
            while (running.size() > target) {
                Slot slot = running.removeLast();
                slot.released = true;
                slot.cancelAt = now + rampDown;
                released.add(slot);
            }
            released.removeIf(slot -> {
                if (!isLive(slot.thread)) {
                    return true;
                }
                if (now >= slot.cancelAt) {
                    cancel(slot.thread);
                    return true;
                }
                return false;
            });
            sleepUntil(Math.min(end, now + TICK_NANOS));
        }
        awaitVus(end);
    }

    /** The VU count {@code elapsed} nanoseconds into the stages. */
    int target(long elapsed) {
        double from = spec.startVus();
        long at = 0;
        for (Stage stage : spec.stages()) {
            long length = stage.duration().toNanos();
            if (elapsed < at + length) {
                double fraction = (elapsed - at) / (double) length;
                return (int) Math.floor(from + (stage.target() - from) * fraction);
            }
            at += length;
            from = stage.target();
        }
        return (int) from;
    }
}
