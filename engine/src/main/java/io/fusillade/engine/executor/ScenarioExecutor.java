package io.fusillade.engine.executor;

import io.fusillade.engine.js.ScriptException;
import io.fusillade.engine.js.VuRuntime;
import io.fusillade.engine.js.host.VuInterruptedException;
import io.fusillade.engine.options.ExecutorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
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
    /** VUs initialised ahead ({@link #prepare}) or done with their work, parked on their own thread. */
    private final ConcurrentLinkedQueue<ParkedVu> ready = new ConcurrentLinkedQueue<>();
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
     * Starts a VU ahead of the run: its virtual thread builds its JS context once it holds a
     * permit of {@code building}, counts down {@code built}, then parks until the scenario
     * hands it work ({@link #startVu}). The VU keeps its one thread for life: a context
     * entered by two threads stays marked as shared, which costs it on every later entry.
     * A failure to build is the run's init failure.
     */
    final void prepare(Semaphore building, CountDownLatch built) {
        int id = state().nextVu();
        vuThread(id, () -> {
            VuRuntime runtime = null;
            try {
                building.acquire();
                try {
                    if (!stopping()) {
                        runtime = build(id);
                    }
                } finally {
                    building.release();
                }
            } catch (InterruptedException e) {
                // Stopped while waiting to build.
            }
            if (runtime == null) {
                built.countDown();
                return;
            }
            ParkedVu parked = new ParkedVu(Thread.currentThread(), runtime);
            ready.add(parked);
            built.countDown();
            serveParked(parked);
        }).start();
    }

    /**
     * Builds VU {@code id}'s JS context on the calling thread. A failure becomes the run's
     * init failure (which stops the run) and gives null, as does a stop while building.
     */
    private VuRuntime build(int id) {
        try {
            VuRuntime runtime = context.factory().create(id, context.scenario(), context.scenarioId());
            state().allocated.incrementAndGet();
            return runtime;
        } catch (ScriptException e) {
            state().initFailed(e);
        } catch (VuInterruptedException e) {
            // Stopped while building.
        } catch (RuntimeException e) {
            if (!stopping()) {
                state().initFailed(new ScriptException("VU " + id + " failed to start: " + e, e));
            }
        }
        return null;
    }

    /** Hands every VU initialised ahead and not yet running to {@code action} (on the calling thread). */
    final void forEachReady(java.util.function.Consumer<VuRuntime> action) {
        ready.forEach(parked -> action.accept(parked.runtime));
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

    /**
     * Ends the parked VUs the scenario never needed, or no longer needs: each closes its own
     * context. Waits (briefly) for them.
     */
    final void closeReady() throws InterruptedException {
        List<Thread> ending = new ArrayList<>();
        ParkedVu parked;
        while ((parked = ready.poll()) != null) {
            parked.work = ParkedVu.CLOSE;
            LockSupport.unpark(parked.thread);
            ending.add(parked.thread);
        }
        long until = System.nanoTime() + 10_000_000_000L;
        for (Thread thread : ending) {
            thread.join(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
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
     * Starts a VU: a parked one initialised ahead, handed {@code body}; or else a new virtual
     * thread that builds its own JS context first. A VU whose init code fails stops the run
     * with that error.
     */
    final Thread startVu(VuBody body) {
        ParkedVu parked = ready.poll();
        if (parked != null) {
            threads.add(parked.thread);
            parked.work = body;
            LockSupport.unpark(parked.thread);
            return parked.thread;
        }
        int id = state().nextVu();
        Thread thread = vuThread(id, () -> {
            VuRuntime runtime = build(id);
            if (runtime == null) {
                threads.remove(Thread.currentThread());
                return;
            }
            ParkedVu self = new ParkedVu(Thread.currentThread(), runtime);
            if (runBody(self, body)) {
                serveParked(self);
            }
        });
        threads.add(thread);
        thread.start();
        return thread;
    }

    /**
     * The unstarted thread of VU {@code id}: virtual, unless the scenario's {@code stack_size}
     * asks for more stack than the JVM gives every thread (its {@code -Xss}, which bounds
     * virtual threads too); then a platform thread with that stack, which costs the VU a
     * kernel thread but lets its JS recurse deeper.
     */
    private Thread vuThread(int id, Runnable body) {
        String name = context.scenario().name() + "-vu-" + id;
        long stack = context.scenario().stackSize();
        if (stack > ThreadStacks.defaultBytes()) {
            return Thread.ofPlatform().daemon(true).stackSize(stack).name(name).unstarted(body);
        }
        return Thread.ofVirtual().name(name).unstarted(body);
    }

    /** A parked VU's life: waits for work, runs it, and parks again while it may be reused. */
    private void serveParked(ParkedVu parked) {
        while (true) {
            Object work;
            while ((work = parked.work) == null) {
                LockSupport.park(this);
                // A cancel meant for the work it just finished must not spin this loop.
                Thread.interrupted();
            }
            if (work == ParkedVu.CLOSE) {
                parked.runtime.close();
                state().allocated.decrementAndGet();
                return;
            }
            parked.work = null;
            if (!runBody(parked, (VuBody) work)) {
                return;
            }
        }
    }

    /**
     * Runs {@code body} on the VU; then either parks it for reuse (true) or closes it (false).
     * The VU's thread leaves {@link #threads} either way.
     */
    private boolean runBody(ParkedVu parked, VuBody body) {
        VuRuntime runtime = parked.runtime;
        live.put(Thread.currentThread(), runtime);
        IterationPublisher publisher = new IterationPublisher(context.ring(), context.clock(), context.scenarioId(), runtime.vu());
        boolean reusable = false;
        try {
            Thread.interrupted();
            if (!stopping()) {
                body.run(new ScenarioVu(this, runtime, publisher, context.scenario().minIterationDuration().toNanos()));
                reusable = true;
            }
        } catch (VuInterruptedException e) {
            state().interrupted.incrementAndGet();
        } finally {
            live.remove(Thread.currentThread());
            if (reusable && reusesVus() && !stopping()) {
                // A VU released by a ramp-down: the next ramp-up reuses it, as k6 does. It
                // leaves the running threads before it can be handed new work.
                threads.remove(Thread.currentThread());
                ready.add(parked);
            } else {
                reusable = false;
                runtime.close();
                state().allocated.decrementAndGet();
                threads.remove(Thread.currentThread());
            }
        }
        return reusable;
    }

    /** A VU whose thread waits for work: a {@link VuBody}, or {@link #CLOSE}. */
    private static final class ParkedVu {
        static final Object CLOSE = new Object();
        final Thread thread;
        final VuRuntime runtime;
        volatile Object work;

        ParkedVu(Thread thread, VuRuntime runtime) {
            this.thread = thread;
            this.runtime = runtime;
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
