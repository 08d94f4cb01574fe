package io.fusillade.engine.js;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One VU's JavaScript world: its own context with the Fusillade globals installed and the
 * script module evaluated, and the function its iterations call.
 *
 * <p>Created and used by the VU's own virtual thread; only {@link #cancel()} may be called
 * from another thread (to stop a VU that outlived its graceful stop).
 */
public final class VuRuntime implements AutoCloseable {
    /** The source name of the API's own JavaScript, so errors can point past it. */
    static final String PRELUDE_NAME = "fusillade-prelude.js";
    /** The source name of the standard library's JavaScript. */
    static final String STDLIB_NAME = "fusillade-stdlib.js";
    /** The source names of the standard library's parts start so. */
    static final String STDLIB_PART_PREFIX = "fusillade-stdlib-";
    private static final Source PRELUDE = load("prelude.js", PRELUDE_NAME);
    private static final Source STDLIB = load("stdlib.js", STDLIB_NAME);

    private final ScriptRuntime script;
    private final Context context;
    private final VuBridge bridge;
    private final Value exports;
    private final Value function;
    private final Value iterate;
    private final int vu;

    /**
     * Builds the context for VU {@code vu} (1-based) and evaluates the script's init code.
     *
     * @param exec the exported function iterations call ({@code "default"} unless a scenario says otherwise),
     *             or null for a context that only runs the script's init code
     * @throws ScriptException when the script does not parse, throws during init, or lacks {@code exec}
     */
    public VuRuntime(ScriptRuntime script, int vu, int scenarioId, String exec, VuServices services) {
        this.script = script;
        this.vu = vu;
        this.context = script.newContext();
        try {
            this.bridge = new VuBridge(vu, scenarioId, services);
            this.iterate = context.eval(PRELUDE).execute(bridge, vu);
            context.eval(STDLIB).execute(new StdlibBridge(bridge, vu, scenarioId, services, script.shared()), bridge);
            bridge.attach(context.eval("js", "JSON.parse"));
            this.exports = script.evalModule(context);
            bridge.initPhase = false;
            Value fn = exec == null ? null : exports.getMember(exec);
            if (exec != null && (fn == null || !fn.canExecute())) {
                throw new ScriptException(script.script() + ": the script must export a function named '" + exec + "'"
                        + ("default".equals(exec) ? " (export default function () { ... })" : ""));
            }
            this.function = fn;
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    /** The script's exported {@code options}, as Java data (empty when it exports none). */
    public Map<String, Object> options() {
        return JsValues.toMap(exports.getMember("options"));
    }

    /**
     * Runs one iteration.
     *
     * @return null when it completed, or a printable description of the exception that ended it
     * @throws VuInterruptedException when the run stopped this VU
     */
    public String iterate(long iteration) {
        bridge.iteration = iteration;
        bridge.sleptNanos = 0;
        try {
            iterate.executeVoid(function, iteration);
            return null;
        } catch (PolyglotException e) {
            if (e.isCancelled() || e.isInterrupted() || Thread.currentThread().isInterrupted()
                    || (e.isHostException() && e.asHostException() instanceof VuInterruptedException)) {
                throw new VuInterruptedException();
            }
            if (e.isExit()) {
                throw new VuInterruptedException();
            }
            return ScriptRuntime.describe(e, script.script());
        }
    }

    /** Nanoseconds this VU slept during its last iteration. */
    public long lastSleepNanos() {
        return bridge.sleptNanos;
    }

    /** The VU number (1-based). */
    public int vu() {
        return vu;
    }

    /** Stops the VU's script where it is; safe from any thread. */
    public void cancel() {
        try {
            context.close(true);
        } catch (RuntimeException ignored) {
            // Already closed or closing: nothing left to stop.
        }
    }

    @Override
    public void close() {
        bridge.close();
        try {
            context.close(true);
        } catch (RuntimeException ignored) {
            // A cancelled context may already be closed.
        }
    }

    /** True for the source name of the API's own JavaScript (prelude, standard library and its parts). */
    static boolean isApiSource(String name) {
        return PRELUDE_NAME.equals(name) || STDLIB_NAME.equals(name) || (name != null && name.startsWith(STDLIB_PART_PREFIX));
    }

    static Source load(String resource, String name) {
        try (InputStream in = VuRuntime.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the engine jar");
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), name).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
