package io.fusillade.engine.executor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What the two arrival-rate executors share: iterations start on a schedule, not when a VU
 * is done with the last one. A pool of VUs waits for work; when an iteration is due it goes
 * to an idle VU. With none idle it waits in a backlog for the first VU to turn idle, and new
 * VUs start while the pool is below {@code maxVUs}, no more initialising at once than there
 * are cores; an iteration that found no VU within a second of its planned start is dropped
 * (a DROPPED_ITERATION record, the {@code dropped_iterations} metric). Bounding the
 * VUs initialising at once keeps a slow spell (a cold JIT, a slow target) from turning into
 * hundreds of JS contexts built at once, which would take the CPU the running iterations need.
 *
 * <p>Every iteration is recorded with its planned start, so latency can be read free of
 * coordinated omission: a slow target delays iterations, and the delay shows.
 * The pre-allocated VUs are initialised before the schedule's clock starts.
 */
public abstract sealed class ArrivalRateExecutor extends ScenarioExecutor
        permits ConstantArrivalRateExecutor, RampingArrivalRateExecutor {
    /** How long past its planned start an iteration may wait for a VU before it is dropped. */
    static final long MAX_WAIT_NANOS = 1_000_000_000L;
    private final IdleVus idle = new IdleVus();
    /** Touched by the scheduling thread only. */
    private final Backlog backlog = new Backlog();
    private DroppedIterationPublisher dropped;
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
        dropped = new DroppedIterationPublisher(context().ring(), context().clock(), context().scenarioId());
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
                dispatch(schedule.count() - 1, intended);
            }
            finishBacklog(end + context().scenario().gracefulStop().toNanos());
        } finally {
            idle.close();
        }
        awaitVus(end);
    }

    /**
     * Hands a due iteration to an idle VU. With none idle it waits in the backlog for the next
     * VU to turn idle or finish initialising, for up to {@link #MAX_WAIT_NANOS}; an iteration
     * that could not start within that of its planned start is dropped. A short stall (a GC
     * pause, the first seconds of JIT compilation, a slow response) so makes iterations start
     * late, with their lag on record, rather than vanish; a target too slow for {@code maxVUs}
     * VUs still sees iterations dropped, as k6 drops them.
     */
    private void dispatch(long iteration, long intended) {
        serveBacklog();
        if (backlog.isEmpty() && idle.offer(intended)) {
            return;
        }
        backlog.add(iteration, intended);
        serveBacklog();
    }

    /**
     * Gives backlogged iterations to idle VUs, oldest first; starts VUs for what is left while
     * the pool may grow; and asks idle VUs to wake this thread while anything is left.
     */
    private void serveBacklog() {
        if (backlog.isEmpty()) {
            return;
        }
        drainBacklog();
        long expired = System.nanoTime() - MAX_WAIT_NANOS;
        while (!backlog.isEmpty() && backlog.firstPlanned() < expired) {
            dropFirst();
        }
        if (backlog.isEmpty()) {
            idle.wakeWhenIdle(Thread.currentThread(), false);
            return;
        }
        idle.wakeWhenIdle(Thread.currentThread(), true);
        drainBacklog();
        if (backlog.isEmpty()) {
            idle.wakeWhenIdle(Thread.currentThread(), false);
            return;
        }
        while (backlog.size() > initialising.get() && poolSize.get() < maxVus && initialising.get() < maxInitialising) {
            poolSize.incrementAndGet();
            initialising.incrementAndGet();
            startVu(vu -> {
                IdleVus.Slot slot = idle.join();
                initialising.decrementAndGet();
                serve(vu, slot);
            });
        }
    }

    private void drainBacklog() {
        while (!backlog.isEmpty() && idle.offer(backlog.firstPlanned())) {
            backlog.removeFirst();
        }
    }

    /**
     * After the last due time: the backlog still runs, until the graceful stop ends; what is
     * left then is dropped.
     */
    private void finishBacklog(long deadline) {
        while (!backlog.isEmpty() && !stopping() && System.nanoTime() < deadline) {
            serveBacklog();
            if (!backlog.isEmpty()) {
                LockSupport.parkNanos(Math.min(deadline - System.nanoTime(), 100_000_000L));
            }
        }
        while (!backlog.isEmpty()) {
            dropFirst();
        }
    }

    private void dropFirst() {
        dropped.publish(backlog.firstIteration(), backlog.firstPlanned());
        state().dropped.increment();
        backlog.removeFirst();
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
     * Parks until {@code nanoTime}, serving the backlog whenever a VU turns idle. No spinning to be punctual: on a machine whose cores the
     * VUs need, a spinning scheduler costs more iterations than it saves microseconds, and
     * each iteration's actual start is recorded next to its planned one anyway.
     */
    private void waitFor(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0 && !stopping()) {
            LockSupport.parkNanos(Math.min(left, 100_000_000L));
            serveBacklog();
        }
    }
}
