package io.fusillade.engine.executor;

import io.fusillade.engine.js.ScriptException;
import io.fusillade.engine.js.VuRuntime;
import io.fusillade.engine.js.host.ScriptLog;
import io.fusillade.engine.options.ScenarioOptions;
import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleRing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The execution of a run: every scenario concurrently, each on its own executor, started after
 * its {@code startTime}; the {@code vus} and {@code vus_max} gauges; and the run's one
 * {@link #stop()} (Ctrl-C, an aborting threshold, a failed VU init), after which no scenario
 * starts another iteration and running ones get their graceful stop.
 */
public final class Execution {
    private final List<ScenarioOptions> scenarios;
    private final ScenarioVuFactory factory;
    private final SampleRing ring;
    private final EpochClock clock;
    private final ScriptLog log;
    private final RunState state = new RunState();
    private final List<ScenarioExecutor> executors = new ArrayList<>();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile long startNanoTime;
    private boolean initialised;

    public Execution(List<ScenarioOptions> scenarios, ScenarioVuFactory factory, SampleRing ring, EpochClock clock,
                     ScriptLog log) {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one scenario");
        }
        this.scenarios = List.copyOf(scenarios);
        this.factory = factory;
        this.ring = ring;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Initialises every scenario's initial VUs ({@link io.fusillade.engine.options.ExecutorSpec#initialVus()})
     * before the clock starts, as k6 does, as many at once as there are cores: a scenario's
     * duration is then spent running its VUs, not building them. Called by {@link #run()} if
     * not before; calling it first lets the caller hand the VUs their {@code setup()} data
     * ({@link #forEachInitialisedVu}) and time the initialisation apart.
     *
     * @return how many VUs were initialised
     * @throws ScriptException when a VU's init code fails (the first failure)
     */
    public int initialise() throws InterruptedException {
        if (initialised) {
            return 0;
        }
        initialised = true;
        List<ScenarioExecutor> owners = new ArrayList<>();
        for (ScenarioOptions scenario : scenarios) {
            int scenarioId = ring.dictionary().intern(scenario.name());
            ScenarioExecutor executor = ScenarioExecutor.of(new ScenarioContext(scenario, scenarioId, factory, ring, clock, log, state));
            synchronized (executors) {
                executors.add(executor);
            }
            for (int i = 0; i < executor.initialVus(); i++) {
                owners.add(executor);
            }
        }
        Semaphore building = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
        CountDownLatch built = new CountDownLatch(owners.size());
        for (ScenarioExecutor owner : owners) {
            owner.prepare(building, built);
        }
        built.await();
        ScriptException failure = state.initFailure();
        if (failure != null) {
            synchronized (executors) {
                for (ScenarioExecutor executor : executors) {
                    executor.closeReady();
                }
            }
            throw failure;
        }
        return owners.size();
    }

    /** Ends the VUs {@link #initialise()} built when the run will not {@link #run()} after all (setup() failed). */
    public void abandon() throws InterruptedException {
        state.stop();
        synchronized (executors) {
            for (ScenarioExecutor executor : executors) {
                executor.closeReady();
            }
        }
    }

    /** Hands each VU initialised by {@link #initialise()} and not yet running to {@code action}, on the calling thread. */
    public void forEachInitialisedVu(Consumer<VuRuntime> action) {
        synchronized (executors) {
            executors.forEach(executor -> executor.forEachReady(action));
        }
    }

    /** Runs every scenario and returns when all of their VUs have stopped. */
    public ExecutionOutcome run() throws InterruptedException {
        try {
            initialise();
        } catch (ScriptException e) {
            // Already the run's init failure.
            return state.outcome();
        }
        startNanoTime = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        List<ScenarioExecutor> toRun;
        synchronized (executors) {
            toRun = List.copyOf(executors);
        }
        try (VuGaugeSampler gauges = new VuGaugeSampler(ring, clock, state.active, state.allocated)) {
            for (ScenarioExecutor executor : toRun) {
                ScenarioOptions scenario = executor.context().scenario();
                long startAt = startNanoTime + scenario.startTime().toNanos();
                // Platform threads: an arrival-rate schedule needs a timely wake-up, which a
                // virtual thread behind busy VUs would not get.
                threads.add(Thread.ofPlatform().daemon(true).name("scenario-" + scenario.name()).start(() -> {
                    try {
                        if (waitForStart(startAt)) {
                            executor.execute();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        try {
                            executor.closeReady();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        return state.outcome();
    }

    private boolean waitForStart(long startAt) throws InterruptedException {
        long left;
        while ((left = startAt - System.nanoTime()) > 0 && !state.stopping()) {
            // Also woken every 100 ms: a failed VU init stops the run without calling stop().
            stopSignal.await(Math.min(left, 100_000_000L), TimeUnit.NANOSECONDS);
        }
        return !state.stopping();
    }

    /** Asks every scenario to stop after the current iterations (Ctrl-C, abort, init failure); scenarios not yet started never start. */
    public void stop() {
        state.stop();
        stopSignal.countDown();
        synchronized (executors) {
            executors.forEach(ScenarioExecutor::stop);
        }
    }

    /** VUs currently running an iteration loop (looping executors) or an iteration (arrival-rate executors). */
    public int activeVus() {
        return state.active.get();
    }

    /** VUs whose JS context exists right now. */
    public int allocatedVus() {
        return state.allocated.get();
    }

    /** Iterations completed so far. */
    public long iterations() {
        return state.iterations.sum();
    }

    /** VUs stopped mid-iteration so far because a graceful stop or ramp-down ran out. */
    public int interruptedVus() {
        return state.interrupted.get();
    }

    /** Seconds since the run started, for progress output. */
    public double elapsedSeconds() {
        long start = startNanoTime;
        return start == 0 ? 0 : (System.nanoTime() - start) / 1e9;
    }
}
