package io.fusillade.engine.js;

import io.fusillade.engine.js.host.JsModule;
import io.fusillade.engine.js.host.RunServices;
import io.fusillade.engine.js.host.VuContext;
import io.fusillade.engine.js.host.VuInterruptedException;
import io.fusillade.engine.js.modules.Modules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
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
    /** The source name of the API's own core JavaScript, so errors can point past it. */
    static final String CORE_NAME = "fusillade-core.js";
    private static final Source CORE = load("core.js", CORE_NAME);
    private static final Source INSTALLER = ModuleInstaller.of(Modules.ALL);
    private static final Map<String, JsModule> MODULES = byName(Modules.ALL);

    /** Parses the API's own JavaScript in {@code context}, so that its engine has it parsed before the first VU needs it. */
    static void preparse(Context context) {
        context.parse(CORE);
        context.parse(INSTALLER);
    }

    private static Map<String, JsModule> byName(List<JsModule> modules) {
        Map<String, JsModule> map = new HashMap<>();
        for (JsModule module : modules) {
            map.put(module.name(), module);
        }
        return Map.copyOf(map);
    }

    private final ScriptRuntime script;
    private final Context context;
    private final VuContext vuContext;
    private final VuModules modules;
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
    public VuRuntime(ScriptRuntime script, int vu, int scenarioId, String exec, RunServices services) {
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
    public VuRuntime(ScriptRuntime script, int vu, int scenarioId, String scenario, String exec, RunServices services) {
        this(script, vu, scenarioId, scenario, exec, services, Map.of());
    }

    /**
     * As {@link #VuRuntime(ScriptRuntime, int, int, String, String, RunServices)}, with the
     * scenario's {@code tags} on every request and check the VU records.
     */
    public VuRuntime(ScriptRuntime script, int vu, int scenarioId, String scenario, String exec, RunServices services,
                     Map<String, String> tags) {
        this.script = script;
        this.vu = vu;
        this.context = script.newContext();
        this.vuContext = new VuContext(vu, scenarioId, scenario, tags, services, script.shared());
        this.modules = new VuModules(vuContext, MODULES);
        try {
            this.iterate = context.eval(CORE).execute(vu, scenario, vuContext.env(), modules, context.eval(INSTALLER));
            this.exports = script.evalModule(context);
            vuContext.endInit();
            Value fn = exec == null ? null : exports.getMember(exec);
            if (exec != null && (fn == null || !fn.canExecute())) {
                throw new ScriptException(script.script() + ": the script must export a function named '" + exec + "'"
                        + ("default".equals(exec) ? " (export default function () { ... })" : ""));
            }
            this.function = fn;
        } catch (RuntimeException e) {
            modules.close();
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
        vuContext.beginIteration(iteration, lagNanos);
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
        return vuContext.sleptNanos();
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
        modules.close();
        try {
            context.close(true);
        } catch (RuntimeException ignored) {
            // A cancelled context may already be closed.
        }
    }

    /** True for the source name of the API's own JavaScript (the core and the modules' installers). */
    static boolean isApiSource(String name) {
        return CORE_NAME.equals(name) || ModuleInstaller.NAME.equals(name);
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
