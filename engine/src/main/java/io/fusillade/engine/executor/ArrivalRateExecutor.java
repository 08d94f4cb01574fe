package io.fusillade.engine.executor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What the two arrival-rate executors share: iterations start on a schedule, not when a VU
 * is done with the last one. A pool of VUs waits for work; when an iteration is due it goes
 * to an idle VU, or to a new VU while the pool is below {@code maxVUs} and fewer new VUs than
 * there are cores are still initialising, or else it is dropped (a DROPPED_ITERATION record,
 * the {@code dropped_iterations} metric). Bounding the VUs initialising at once keeps a slow
 * spell (a cold JIT, a slow target) from turning into hundreds of JS contexts built at once,
 * which would take the CPU the running iterations need.
 *
 * <p>Every iteration is recorded with its planned start, so latency can be read free of
 * coordinated omission: a slow target delays iterations, and the delay shows.
 * The pre-allocated VUs are initialised before the schedule's clock starts.
 */
public abstract sealed class ArrivalRateExecutor extends ScenarioExecutor
        permits ConstantArrivalRateExecutor, RampingArrivalRateExecutor {
    private final IdleVus idle = new IdleVus();
    private final AtomicInteger poolSize = new AtomicInteger();
    private final AtomicInteger initialising = new AtomicInteger();
    private final int maxInitialising = Math.max(2, Runtime.getRuntime().availableProcessors());
    private final int preAllocatedVus;
    private final int maxVus;

    ArrivalRateExecutor(ScenarioContext context, int preAllocatedVus, int maxVus) {
        super(context);
        this.preAllocatedVus = preAllocatedVus;
        this.maxVus = maxVus;
    }

    /** A fresh schedule of due times. */
    abstract ArrivalSchedule newSchedule();

    @Override
    final void schedule(long ignoredStart) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(preAllocatedVus);
        for (int i = 0; i < preAllocatedVus; i++) {
            poolSize.incrementAndGet();
            startVu(vu -> {
                IdleVus.Slot slot = idle.join();
                ready.countDown();
                serve(vu, slot);
            });
        }
        while (!ready.await(100, TimeUnit.MILLISECONDS)) {
            if (stopping()) {
                break;
            }
        }
        ArrivalSchedule schedule = newSchedule();
        DroppedIterationPublisher dropped = new DroppedIterationPublisher(context().ring(), context().clock(), context().scenarioId());
        long start = System.nanoTime();
        long end = start + context().scenario().executor().plannedDuration().toNanos();
        try {
            long due;
            while (!stopping() && (due = schedule.nextDue()) >= 0) {
                long intended = start + due;
                waitFor(intended);
                if (stopping()) {
                    break;
                }
                if (!idle.offer(intended)) {
                    if (poolSize.get() < maxVus && initialising.get() < maxInitialising) {
                        poolSize.incrementAndGet();
                        initialising.incrementAndGet();
                        startVu(vu -> {
                            IdleVus.Slot slot = idle.join();
                            initialising.decrementAndGet();
                            runOne(vu, intended);
                            serve(vu, slot);
                        });
                    } else {
                        dropped.publish(schedule.count() - 1, intended);
                        state().dropped.increment();
                    }
                }
            }
        } finally {
            idle.close();
        }
        awaitVus(end);
    }

    /** An idle VU's life: run the iterations it is handed until the schedule is over. */
    private void serve(ScenarioVu vu, IdleVus.Slot slot) {
        while (true) {
            long intended = idle.await(slot);
            if (IdleVus.isClosed(intended) || stopping()) {
                return;
            }
            runOne(vu, intended);
        }
    }

    private void runOne(ScenarioVu vu, long intended) {
        state().active.incrementAndGet();
        try {
            vu.iterate(intended);
        } finally {
            state().active.decrementAndGet();
        }
    }

    /**
     * Parks until {@code nanoTime}. No spinning to be punctual: on a machine whose cores the
     * VUs need, a spinning scheduler costs more iterations than it saves microseconds, and
     * each iteration's actual start is recorded next to its planned one anyway.
     */
    private void waitFor(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0 && !stopping()) {
            LockSupport.parkNanos(Math.min(left, 100_000_000L));
        }
    }
}
