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

    /** Parses the API's own JavaScript in {@code context}, so that its engine has it parsed before the first VU needs it. */
    static void preparse(Context context) {
        context.parse(PRELUDE);
        context.parse(STDLIB);
    }

    private final ScriptRuntime script;
    private final Context context;
    private final VuBridge bridge;
    private final Value exports;
    private final Value function;
    private final Value iterate;
    private final int vu;
    /** This VU's own copy of what {@code setup()} returned; undefined without setup. */
    private Value setupData;
    /** setup()'s result as JSON, until this VU's own thread parses it. */
    private volatile String setupJson;

    /**
     * Builds the context for VU {@code vu} (1-based) and evaluates the script's init code.
     *
     * @param exec the exported function iterations call ({@code "default"} unless a scenario says otherwise),
     *             or null for a context that only runs the script's init code
     * @throws ScriptException when the script does not parse, throws during init, or lacks {@code exec}
     */
    public VuRuntime(ScriptRuntime script, int vu, int scenarioId, String exec, VuServices services) {
        this(script, vu, scenarioId, "default", exec, services);
    }

    /**
     * Builds the context for VU {@code vu} (1-based) of scenario {@code scenario} ({@code __SCENARIO})
     * and evaluates the script's init code.
     *
     * @param exec the exported function to call, or null for a context that only reads the script's exports
     *
     * @throws ScriptException when the script does not parse, throws during init, or lacks {@code exec}
     */
    public VuRuntime(ScriptRuntime script, int vu, int scenarioId, String scenario, String exec, VuServices services) {
        this(script, vu, scenarioId, scenario, exec, services, Map.of());
    }

    /**
     * As {@link #VuRuntime(ScriptRuntime, int, int, String, String, VuServices)}, with the
     * scenario's {@code tags} on every request and check the VU records.
     */
    public VuRuntime(ScriptRuntime script, int vu, int scenarioId, String scenario, String exec, VuServices services,
                     Map<String, String> tags) {
        this.script = script;
        this.vu = vu;
        this.context = script.newContext();
        try {
            this.bridge = new VuBridge(vu, scenarioId, services, tags);
            bridge.scriptDir(script.script().getParent());
            this.iterate = context.eval(PRELUDE).execute(bridge, vu);
            Value globals = context.getBindings("js");
            globals.putMember("__SCENARIO", scenario);
            // One object per VU context, so it survives from one iteration to the next.
            globals.putMember("__VU_STATE", globals.getMember("Object").newInstance());
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

    /**
     * Hands this VU its copy of {@code setup()}'s result, as JSON (null for none): each VU
     * parses its own, so one VU changing its data changes nobody else's, as in k6.
     */
    public void setupData(String json) {
        // Parsed on the VU's own thread, at its next iteration or call: a context entered by
        // another thread once would stay marked as shared between threads.
        setupJson = json;
    }

    /** The names of the functions the script exports. */
    public java.util.Set<String> exportedFunctions() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String key : exports.getMemberKeys()) {
            Value member = exports.getMember(key);
            if (member != null && member.canExecute()) {
                names.add(key);
            }
        }
        return names;
    }

    /**
     * Calls the VU's function once, outside any iteration ({@code setup}, {@code teardown},
     * {@code handleSummary}), with {@code json} parsed as its argument (none when null).
     *
     * @return what it returned, valid while this runtime is open
     * @throws ScriptException with the script location when it throws
     * @throws VuInterruptedException when the run cancelled it
     */
    public Value call(String json) {
        try {
            return json == null ? function.execute() : function.execute(context.eval("js", "JSON.parse").execute(json));
        } catch (PolyglotException e) {
            if (e.isCancelled() || e.isInterrupted() || e.isExit()
                    || (e.isHostException() && e.asHostException() instanceof VuInterruptedException)) {
                throw new VuInterruptedException();
            }
            throw ScriptRuntime.scriptError(e, script.script());
        }
    }

    /** {@code JSON.stringify(value)} in this VU's context; null when the value has no JSON form (undefined, a function). */
    public String toJson(Value value) {
        Value json = context.eval("js", "(v) => JSON.stringify(v)").execute(value);
        return json.isNull() ? null : json.asString();
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
        return iterate(iteration, 0);
    }

    private void parseSetupData() {
        String json = setupJson;
        setupJson = null;
        setupData = context.getBindings("js").getMember("JSON").getMember("parse").execute(json);
    }

    /**
     * Runs one iteration that started {@code lagNanos} after its planned time (arrival-rate
     * executors); its requests are recorded as intended that much earlier.
     *
     * @return null when it completed, or a printable description of the exception that ended it
     * @throws VuInterruptedException when the run stopped this VU
     */
    public String iterate(long iteration, long lagNanos) {
        bridge.iteration = iteration;
        bridge.sleptNanos = 0;
        bridge.lagNanos = lagNanos;
        if (setupJson != null) {
            parseSetupData();
        }
        try {
            if (setupData == null) {
                iterate.executeVoid(function, iteration);
            } else {
                iterate.executeVoid(function, iteration, setupData);
            }
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
