package io.fusillade.engine.js;

import org.graalvm.polyglot.Context;
import java.util.Map;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Exercises the JavaScript JIT compiler on a throwaway function while the run starts up.
 *
 * <p>The Graal compiler is itself Java code that starts cold: its first compilations of a
 * script take a second or more each, and until they finish VUs run interpreted. Compiling
 * something small during start-up, on a core that is otherwise waiting, warms the compiler
 * so the script's own compilations finish sooner once load begins.
 */
public final class JitWarmup implements AutoCloseable {
    /** Shaped like a VU's hot path: calls into an exported host method, reads a proxy object's members. */
    private static final String WORKLOAD = """
            (function (host, o, n) {
              let s = 0;
              for (let i = 0; i < n; i++) {
                const r = host.call('GET', 'http://127.0.0.1/' + (i & 3));
                s += (r.status + o.a * i + String(i).length) | 0;
                if (o.b && i % 7 === 0) { s ^= o.b.length; }
              }
              return s;
            })
            """;

    /** The host side of the workload. */
    public static final class Host {
        private final ProxyObject response = ProxyObject.fromMap(Map.of("status", 200, "proto", "h1"));

        @HostAccess.Export
        public Object call(String method, String url) {
            return method.length() + url.length() > 0 ? response : null;
        }
    }

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
            try (Context context = Context.newBuilder("js").engine(engine).allowHostAccess(HostAccess.EXPLICIT).build()) {
                Value fn = context.eval("js", WORKLOAD);
                Value arg = context.eval("js", "({ a: 3, b: 'warm' })");
                Host host = new Host();
                long deadline = System.nanoTime() + MAX_NANOS;
                while (!stopped && System.nanoTime() < deadline) {
                    fn.execute(host, arg, 20);
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
