package io.fusillade.engine.js;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;

/**
 * Exercises the JavaScript JIT compiler on a throwaway function while the run starts up.
 *
 * <p>The Graal compiler is itself Java code that starts cold: its first compilations of a
 * script take a second or more each, and until they finish VUs run interpreted. Compiling
 * something small during start-up, on a core that is otherwise waiting, warms the compiler
 * so the script's own compilations finish sooner once load begins.
 */
public final class JitWarmup implements AutoCloseable {
    private static final String WORKLOAD = """
            (function (o, n) {
              let s = 0;
              for (let i = 0; i < n; i++) {
                s += (o.a * i + String(i).length) | 0;
                if (o.b && i % 7 === 0) { s ^= o.b.length; }
              }
              return s;
            })
            """;

    /** Start-up never takes this long; the bound only keeps a forgotten warm-up from running on. */
    private static final long MAX_NANOS = 10_000_000_000L;

    private final Thread thread;
    private volatile boolean stopped;

    private JitWarmup(boolean enabled) {
        this.thread = enabled ? Thread.ofPlatform().daemon(true).name("jit-warmup").start(this::run) : null;
    }

    /** Starts warming up in the background until {@link #close()} (nothing happens without the JIT). */
    public static JitWarmup start() {
        return new JitWarmup(true);
    }

    private void run() {
        try (Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build()) {
            if ("Interpreted".equalsIgnoreCase(engine.getImplementationName())) {
                return;
            }
            try (Context context = Context.newBuilder("js").engine(engine).build()) {
                Value fn = context.eval("js", WORKLOAD);
                Value arg = context.eval("js", "({ a: 3, b: 'warm' })");
                long deadline = System.nanoTime() + MAX_NANOS;
                while (!stopped && System.nanoTime() < deadline) {
                    fn.execute(arg, 20);
                }
            }
        } catch (RuntimeException ignored) {
            // Warming up is an optimisation only; a failure here changes nothing else.
        }
    }

    /** Stops warming up (the run's load has started and needs the cores). */
    @Override
    public void close() {
        stopped = true;
    }
}
