package io.fusillade.engine.executor;

import io.fusillade.engine.js.ScriptException;
import io.fusillade.engine.js.VuInterruptedException;
import io.fusillade.engine.js.VuRuntime;
import io.fusillade.engine.options.ExecutorSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one scenario: starts its VUs (each a virtual thread with its own JS context), decides
 * when they iterate, and ends them. The subclasses, one per executor, only decide the
 * schedule; starting, counting, graceful stop and cancelling are done here.
 *
 * <p>When the scenario's time is over, or {@link #stop()} is called, no VU starts a new
 * iteration; running ones get the graceful stop to finish, then are cancelled mid-iteration.
 */
public abstract sealed class ScenarioExecutor permits ConstantVusExecutor, RampingVusExecutor, PerVuIterationsExecutor,
        SharedIterationsExecutor, ArrivalRateExecutor {
    /** A VU's life once its JS context exists. */
    @FunctionalInterface
    interface VuBody {
        void run(ScenarioVu vu);
    }

    private static final long WAIT_STEP_NANOS = 200_000_000L;

    private final ScenarioContext context;
    /** Every VU thread that has not ended, initialising or not. */
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    /** The VUs whose JS context exists, by thread. */
    private final Map<Thread, VuRuntime> live = new ConcurrentHashMap<>();
    /** VUs initialised ahead ({@link #prepare}) or done with their work, waiting for a thread. */
    private final ConcurrentLinkedQueue<VuRuntime> ready = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;
    private volatile long stopRequestedAt;
    private volatile long startNanoTime;

    ScenarioExecutor(ScenarioContext context) {
        this.context = context;
    }

    /** The executor for {@code context}'s scenario. */
    static ScenarioExecutor of(ScenarioContext context) {
        return switch (context.scenario().executor()) {
            case ExecutorSpec.ConstantVus spec -> new ConstantVusExecutor(context, spec);
            case ExecutorSpec.RampingVus spec -> new RampingVusExecutor(context, spec);
            case ExecutorSpec.PerVuIterations spec -> new PerVuIterationsExecutor(context, spec);
            case ExecutorSpec.SharedIterations spec -> new SharedIterationsExecutor(context, spec);
            case ExecutorSpec.ConstantArrivalRate spec -> new ConstantArrivalRateExecutor(context, spec);
            case ExecutorSpec.RampingArrivalRate spec -> new RampingArrivalRateExecutor(context, spec);
        };
    }

    /** How many VUs to initialise before the run's clock starts. */
    final int initialVus() {
        return context.scenario().executor().initialVus();
    }

    /**
     * Builds one VU's JS context ahead of the run (on the calling thread); the next VU this
     * scenario starts takes it instead of building its own.
     *
     * @throws ScriptException when the script's init code fails
     */
    final void prepare() {
        VuRuntime runtime = context.factory().create(state().nextVu(), context.scenario(), context.scenarioId());
        state().allocated.incrementAndGet();
        ready.add(runtime);
    }

    /** Hands every VU initialised ahead and not yet running to {@code action} (on the calling thread). */
    final void forEachReady(java.util.function.Consumer<VuRuntime> action) {
        ready.forEach(action);
    }

    /** Runs the scenario from now and returns when every one of its VUs has stopped. */
    final void execute() throws InterruptedException {
        startNanoTime = System.nanoTime();
        try {
            schedule(startNanoTime);
        } finally {
            stopping = true;
            closeReady();
        }
    }

    /** True for executors whose VUs end before the scenario does and may be needed again (ramping down, then up). */
    boolean reusesVus() {
        return false;
    }

    /** Closes the VUs initialised ahead that the scenario never needed, or no longer needs. */
    final void closeReady() {
        VuRuntime runtime;
        while ((runtime = ready.poll()) != null) {
            runtime.close();
            state().allocated.decrementAndGet();
        }
    }

    /** Runs the scenario's schedule, which began at {@code startNanoTime}; returns when its VUs are done. */
    abstract void schedule(long startNanoTime) throws InterruptedException;

    /** Asks the scenario's VUs to stop after their current iteration. */
    public final void stop() {
        if (!stopping) {
            stopRequestedAt = System.nanoTime();
            stopping = true;
        }
    }

    /** True once the scenario or the whole run is stopping: start no new iteration. */
    final boolean stopping() {
        return stopping || context.state().stopping();
    }

    final ScenarioContext context() {
        return context;
    }

    final RunState state() {
        return context.state();
    }

    /** Nanoseconds since the scenario started, 0 before. */
    final long elapsedNanos() {
        long start = startNanoTime;
        return start == 0 ? 0 : System.nanoTime() - start;
    }

    /**
     * Starts a VU on a virtual thread: it takes a JS context initialised ahead, or builds its
     * own, then runs {@code body}. A VU whose init code fails stops the run with that error.
     */
    final Thread startVu(VuBody body) {
        Thread thread = Thread.ofVirtual().name(context.scenario().name() + "-vu").unstarted(() -> {
            try {
                runVu(body);
            } finally {
                threads.remove(Thread.currentThread());
            }
        });
        threads.add(thread);
        thread.start();
        return thread;
    }

    private void runVu(VuBody body) {
        VuRuntime runtime = ready.poll();
        if (runtime == null) {
            int id = state().nextVu();
            try {
                runtime = context.factory().create(id, context.scenario(), context.scenarioId());
            } catch (ScriptException e) {
                state().initFailed(e);
                return;
            } catch (VuInterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!stopping()) {
                    state().initFailed(new ScriptException("VU " + id + " failed to start: " + e, e));
                }
                return;
            }
            state().allocated.incrementAndGet();
        }
        Thread.currentThread().setName(context.scenario().name() + "-vu-" + runtime.vu());
        live.put(Thread.currentThread(), runtime);
        IterationPublisher publisher = new IterationPublisher(context.ring(), context.clock(), context.scenarioId(), runtime.vu());
        boolean reusable = false;
        try {
            if (!stopping()) {
                body.run(new ScenarioVu(this, runtime, publisher, context.scenario().minIterationDuration().toNanos()));
                reusable = true;
            }
        } catch (VuInterruptedException e) {
            state().interrupted.incrementAndGet();
        } finally {
            live.remove(Thread.currentThread());
            if (reusable && reusesVus() && !stopping()) {
                // A VU released by a ramp-down: the next ramp-up reuses it, as k6 does.
                ready.add(runtime);
            } else {
                runtime.close();
                state().allocated.decrementAndGet();
            }
        }
    }

    /**
     * Waits for this scenario's VUs until {@code endNanoTime} plus the graceful stop (or the
     * graceful stop after {@link #stop()}), then cancels whatever is still running.
     */
    final void awaitVus(long endNanoTime) throws InterruptedException {
        long graceful = context.scenario().gracefulStop().toNanos();
        long deadline = endNanoTime == Long.MAX_VALUE ? Long.MAX_VALUE : endNanoTime + graceful;
        boolean stopSeen = false;
        while (!threads.isEmpty()) {
            if (stopping() && !stopSeen) {
                stopSeen = true;
                long from = stopRequestedAt == 0 ? System.nanoTime() : Math.min(stopRequestedAt, System.nanoTime());
                deadline = Math.min(deadline, from + graceful);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                cancelAll();
                return;
            }
            Thread any = threads.stream().findAny().orElse(null);
            if (any != null) {
                any.join(Duration.ofNanos(Math.min(left, WAIT_STEP_NANOS)));
            }
        }
    }

    /** Cancels every VU of the scenario mid-iteration and waits (briefly) for them to end. */
    final void cancelAll() throws InterruptedException {
        stopping = true;
        for (Thread thread : threads) {
            VuRuntime runtime = live.get(thread);
            if (runtime != null) {
                runtime.cancel();
            }
            thread.interrupt();
        }
        long until = System.nanoTime() + 10_000_000_000L;
        for (Thread thread : threads) {
            thread.join(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
        }
    }

    /** Cancels one VU mid-iteration (its graceful ramp-down is over). */
    final void cancel(Thread thread) {
        VuRuntime runtime = live.get(thread);
        if (runtime != null) {
            cancel(thread, runtime);
        }
    }

    private static void cancel(Thread thread, VuRuntime runtime) {
        runtime.cancel();
        thread.interrupt();
    }

    /** True while {@code thread} is a VU of this scenario that has not ended. */
    final boolean isLive(Thread thread) {
        return threads.contains(thread);
    }

    /**
     * Sleeps (on a VU or controller thread) until {@code nanoTime}, or until the scenario stops.
     *
     * @throws VuInterruptedException when interrupted
     */
    final void sleepUntil(long nanoTime) {
        long left;
        while (!stopping() && (left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(left, WAIT_STEP_NANOS));
            if (Thread.interrupted()) {
                throw new VuInterruptedException();
            }
        }
    }

    /** Runs the VU's iterations while it may start another one and the scenario's time is not over. */
    final void loop(ScenarioVu vu, long endNanoTime, IterationGate gate) {
        state().active.incrementAndGet();
        try {
            while (!stopping() && System.nanoTime() < endNanoTime && gate.mayStart(vu)) {
                vu.iterate(ScenarioVu.UNPLANNED);
            }
        } finally {
            state().active.decrementAndGet();
        }
    }

    /** Whether a looping VU may start its next iteration. */
    @FunctionalInterface
    interface IterationGate {
        boolean mayStart(ScenarioVu vu);
    }
}
