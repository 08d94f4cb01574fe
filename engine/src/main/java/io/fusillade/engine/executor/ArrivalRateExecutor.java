package io.fusillade.engine.executor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What the two arrival-rate executors share: iterations start on a schedule, not when a VU
 * is done with the last one. A pool of VUs waits for work; when an iteration is due it goes
 * to an idle VU, or to a new VU while the pool is below {@code maxVUs}, or else it is dropped
 * (a DROPPED_ITERATION record, the {@code dropped_iterations} metric).
 *
 * <p>Every iteration is recorded with its planned start, so latency can be read free of
 * coordinated omission: a slow target delays iterations, and the delay shows.
 * The pre-allocated VUs are initialised before the schedule's clock starts.
 */
public abstract sealed class ArrivalRateExecutor extends ScenarioExecutor
        permits ConstantArrivalRateExecutor, RampingArrivalRateExecutor {
    /** How long an idle VU waits for work before it looks whether the scenario is over. */
    private static final long IDLE_POLL_MILLIS = 50;
    /** Below this the scheduler spins instead of parking: parking overshoots by tens of microseconds. */
    private static final long SPIN_NANOS = 10_000;

    private final LinkedTransferQueue<Long> work = new LinkedTransferQueue<>();
    private final AtomicInteger poolSize = new AtomicInteger();
    private final int preAllocatedVus;
    private final int maxVus;
    private volatile boolean scheduleOver;

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
                ready.countDown();
                serve(vu);
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
                if (!work.tryTransfer(intended)) {
                    if (poolSize.get() < maxVus) {
                        poolSize.incrementAndGet();
                        startVu(vu -> {
                            runOne(vu, intended);
                            serve(vu);
                        });
                    } else {
                        dropped.publish(schedule.count() - 1, intended);
                        state().dropped.increment();
                    }
                }
            }
        } finally {
            scheduleOver = true;
        }
        awaitVus(end);
    }

    /** An idle VU's life: take due iterations until the schedule is over. */
    private void serve(ScenarioVu vu) {
        while (!scheduleOver && !stopping()) {
            Long intended;
            try {
                intended = work.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new io.fusillade.engine.js.VuInterruptedException();
            }
            if (intended != null) {
                runOne(vu, intended);
            }
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

    private void waitFor(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > SPIN_NANOS && !stopping()) {
            LockSupport.parkNanos(Math.min(left - SPIN_NANOS, 100_000_000L));
        }
        while (nanoTime - System.nanoTime() > 0 && !stopping()) {
            Thread.onSpinWait();
        }
    }
}
