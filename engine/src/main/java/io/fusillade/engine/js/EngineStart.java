package io.fusillade.engine.js;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;

/**
 * The shared JavaScript engine, built on a background thread as soon as the process knows it
 * will run a script, and warmed with one throwaway context.
 *
 * <p>Loading and initialising GraalJS (engine, first context, first realm) is most of the time
 * before a run's first request. Begun at the top of {@code main}, it overlaps with parsing the
 * command line and opening the run directory and journal; the script's own contexts then come
 * from an engine whose classes are loaded and initialised.
 */
public final class EngineStart implements Supplier<Engine> {
    private final CompletableFuture<Engine> engine;
    private boolean taken;

    private EngineStart(CompletableFuture<Engine> engine) {
        this.engine = engine;
    }

    /** Starts building the engine now, on a daemon thread of its own. */
    public static EngineStart begin() {
        return new EngineStart(CompletableFuture.supplyAsync(EngineStart::buildAndWarm,
                task -> Thread.ofPlatform().daemon(true).name("js-engine-start").start(task)));
    }

    private static Engine buildAndWarm() {
        Engine engine = ScriptRuntime.newEngine();
        // Parsing the API's own JavaScript and initialising a first realm are independent: on two cores, both at once.
        Thread parsing = Thread.ofPlatform().daemon(true).name("js-preparse").start(() -> {
            try (Context context = Context.newBuilder("js").engine(engine).build()) {
                VuRuntime.preparse(context);
            } catch (RuntimeException ignored) {
                // Only an optimisation: the first VU parses what is missing.
            }
        });
        try (Context context = Context.newBuilder("js").engine(engine).build()) {
            context.eval("js", "1");
        }
        try {
            parsing.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return engine;
    }

    /**
     * Waits up to {@code limit} for the background build to end, whether or not its engine was
     * taken. A process that exits while GraalJS is still attaching its native agent (a command
     * that fails on its arguments within the first second) gets a stray error line from it.
     */
    public void settle(Duration limit) {
        try {
            engine.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Failed or slow: nothing more to wait for.
        }
    }

    /**
     * The engine, waiting for it if it is still being built; the caller owns it. Each
     * {@code EngineStart} hands out its engine once: later calls build a fresh one.
     */
    @Override
    public synchronized Engine get() {
        if (taken) {
            return ScriptRuntime.newEngine();
        }
        taken = true;
        try {
            return engine.join();
        } catch (CompletionException e) {
            // Building failed in the background: build here, so the error (if any) surfaces to the caller.
            return ScriptRuntime.newEngine();
        }
    }
}
