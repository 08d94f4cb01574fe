package io.fusillade.engine.executor;

import io.fusillade.engine.js.ScriptException;
import io.fusillade.engine.js.ScriptLog;
import io.fusillade.engine.js.VuInterruptedException;
import io.fusillade.engine.js.VuRuntime;
import io.fusillade.engine.options.TestOptions;
import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleRing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fixed number of VUs, each looping over the script's function until the duration is over
 * (or it has run its {@code iterations}), as k6's {@code constant-vus}.
 *
 * <p>Every VU is a virtual thread that builds its own JS context and then loops. Starts are
 * spread over the first second (at most a tenth of the duration) so that thousands of VUs do
 * not hit the target in the same instant. When the duration ends no VU starts a new
 * iteration; running ones get the graceful stop to finish, then are cancelled.
 */
public final class ConstantVusExecutor {
    private static final Duration MAX_START_SPREAD = Duration.ofSeconds(1);

    private final TestOptions options;
    private final VuFactory factory;
    private final SampleRing ring;
    private final EpochClock clock;
    private final ScriptLog log;
    private final int scenarioId;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger initialised = new AtomicInteger();
    /** Counted by every VU on every iteration: an adder, so VUs on different cores do not contend. */
    private final LongAdder iterations = new LongAdder();
    private final AtomicLong firstIteration = new AtomicLong();
    private final AtomicInteger interruptedCount = new AtomicInteger();
    private final AtomicReference<ScriptException> initFailure = new AtomicReference<>();
    private final ConcurrentHashMap<Integer, VuRuntime> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile VuGaugeSampler gauges;
    private volatile long startNanoTime;

    public ConstantVusExecutor(TestOptions options, VuFactory factory, SampleRing ring, EpochClock clock,
                               ScriptLog log, int scenarioId) {
        this.options = options;
        this.factory = factory;
        this.ring = ring;
        this.clock = clock;
        this.log = log;
        this.scenarioId = scenarioId;
    }

    /** Runs the test and returns when every VU has stopped. */
    public ExecutionOutcome run() throws InterruptedException {
        int workers = options.workers();
        Duration duration = options.duration();
        long spreadNanos = duration == null ? 0
                : Math.min(MAX_START_SPREAD.toNanos(), duration.toNanos() / 10);
        startNanoTime = System.nanoTime();
        long endNanoTime = duration == null ? Long.MAX_VALUE : startNanoTime + duration.toNanos();
        CountDownLatch done = new CountDownLatch(workers);
        List<Thread> threads = new ArrayList<>(workers);
        try (VuGaugeSampler sampler = new VuGaugeSampler(ring, clock, active, initialised)) {
            gauges = sampler;
            for (int i = 1; i <= workers; i++) {
                int vu = i;
                long startAt = startNanoTime + (workers <= 1 ? 0 : spreadNanos * (vu - 1) / workers);
                threads.add(Thread.ofVirtual().name("vu-" + vu).start(() -> {
                    try {
                        runVu(vu, startAt, endNanoTime);
                    } finally {
                        done.countDown();
                    }
                }));
            }
            awaitVus(done, endNanoTime);
            if (done.getCount() > 0) {
                // Graceful stop is over: stop whatever is still running, mid-iteration.
                stopping = true;
                running.values().forEach(VuRuntime::cancel);
                threads.forEach(Thread::interrupt);
                done.await(10, TimeUnit.SECONDS);
            }
            int interrupted = (int) done.getCount() + interruptedCount.get();
            return new ExecutionOutcome(iterations.sum(), interrupted, initFailure.get(), firstIteration.get());
        }
    }

    /** Waits for the VUs until the duration plus graceful stop, or graceful stop after {@link #stop()}. */
    private void awaitVus(CountDownLatch done, long endNanoTime) throws InterruptedException {
        long graceful = options.gracefulStop().toNanos();
        long deadline = endNanoTime == Long.MAX_VALUE ? Long.MAX_VALUE : endNanoTime + graceful;
        boolean stopSeen = false;
        while (done.getCount() > 0) {
            if (stopping && !stopSeen) {
                stopSeen = true;
                deadline = Math.min(deadline, System.nanoTime() + graceful);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            done.await(Math.min(left, 200_000_000L), TimeUnit.NANOSECONDS);
        }
    }

    private void runVu(int vu, long startAt, long endNanoTime) {
        VuRuntime runtime;
        try {
            runtime = factory.create(vu);
        } catch (ScriptException e) {
            if (initFailure.compareAndSet(null, e)) {
                stop();
            }
            return;
        } catch (RuntimeException e) {
            if (!stopping) {
                initFailure.compareAndSet(null, new ScriptException("VU " + vu + " failed to start: " + e, e));
                stop();
            }
            return;
        }
        initialised.incrementAndGet();
        running.put(vu, runtime);
        IterationPublisher publisher = new IterationPublisher(ring, clock, scenarioId, vu);
        try {
            waitUntil(startAt);
            if (active.incrementAndGet() == options.workers()) {
                gauges.sample();
            }
            try {
                loop(runtime, publisher, endNanoTime);
            } finally {
                active.decrementAndGet();
            }
        } catch (VuInterruptedException e) {
            interruptedCount.incrementAndGet();
        } finally {
            running.remove(vu);
            runtime.close();
        }
    }

    private void loop(VuRuntime runtime, IterationPublisher publisher, long endNanoTime) {
        long limit = options.iterations();
        for (long iteration = 0; limit == 0 || iteration < limit; iteration++) {
            long start = System.nanoTime();
            if (stopping || start >= endNanoTime) {
                return;
            }
            if (iteration == 0 && firstIteration.get() == 0) {
                firstIteration.compareAndSet(0, start);
            }
            String error = runtime.iterate(iteration);
            long end = System.nanoTime();
            publisher.publish(iteration, start, start, end, runtime.lastSleepNanos());
            iterations.increment();
            if (error != null) {
                log.iterationError(runtime.vu(), error);
            }
        }
    }

    private void waitUntil(long nanoTime) {
        long left;
        while (!stopping && (left = nanoTime - System.nanoTime()) > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                throw new VuInterruptedException();
            }
        }
    }

    /** Asks every VU to stop after its current iteration (Ctrl-C, abort, init failure). */
    public void stop() {
        stopping = true;
    }

    /** VUs currently iterating. */
    public int activeVus() {
        return active.get();
    }

    /** Iterations completed so far. */
    public long iterations() {
        return iterations.sum();
    }

    /** Seconds since the executor started, for progress output. */
    public double elapsedSeconds() {
        long start = startNanoTime;
        return start == 0 ? 0 : (System.nanoTime() - start) / 1e9;
    }
}
