package io.fusillade.engine.lifecycle;

import io.fusillade.engine.js.ScriptException;
import io.fusillade.engine.js.ScriptRuntime;
import io.fusillade.engine.js.VuRuntime;
import io.fusillade.engine.js.host.RunServices;
import io.fusillade.engine.js.host.VuInterruptedException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.Value;

/**
 * The script's optional lifecycle functions, each run once in a context of its own (VU 0):
 * {@code setup()} before any VU starts, {@code teardown(data)} after they all stop, and
 * {@code handleSummary(data)} with the end-of-run summary.
 *
 * <p>{@code setup()}'s result travels as JSON, as in k6: each VU and {@code teardown} get their
 * own copy, and what cannot be JSON (functions, class instances' methods) does not travel.
 * Requests made in setup and teardown are recorded like any other, under the scenario names
 * {@code setup} and {@code teardown}.
 */
public final class LifecycleHooks {
    /** The hook names, as the script exports them. */
    public static final String SETUP = "setup";
    public static final String TEARDOWN = "teardown";
    public static final String HANDLE_SUMMARY = "handleSummary";

    private final ScriptRuntime script;
    private final RunServices services;
    private final Set<String> exported;

    /**
     * @param exported the script's exported function names
     */
    public LifecycleHooks(ScriptRuntime script, RunServices services, Set<String> exported) {
        this.script = script;
        this.services = services;
        this.exported = Set.copyOf(exported);
    }

    /** True when the script exports {@code hook}. */
    public boolean has(String hook) {
        return exported.contains(hook);
    }

    /**
     * Runs {@code setup()} when the script has one, within {@code timeout}.
     *
     * @return its result as JSON, or null (no setup, or it returned nothing)
     * @throws ScriptException when setup throws or runs out of time
     */
    public String setup(Duration timeout) {
        if (!has(SETUP)) {
            return null;
        }
        return call(SETUP, null, timeout, (runtime, result) -> runtime.toJson(result));
    }

    /**
     * Runs {@code teardown(data)} when the script has one, within {@code timeout}.
     *
     * @throws ScriptException when teardown throws or runs out of time
     */
    public void teardown(String setupData, Duration timeout) {
        if (has(TEARDOWN)) {
            call(TEARDOWN, setupData, timeout, (runtime, result) -> null);
        }
    }

    /**
     * Runs {@code handleSummary(data)} with the summary's JSON.
     *
     * @return what to write: {@code stdout}, {@code stderr} or a file path, to its text (strings
     *         as they are, anything else as JSON), in the order the script gave them
     * @throws ScriptException when handleSummary throws or does not return an object
     */
    public Map<String, String> handleSummary(String summaryJson, Duration timeout) {
        return call(HANDLE_SUMMARY, summaryJson, timeout, (runtime, result) -> {
            Map<String, String> outputs = new LinkedHashMap<>();
            if (result == null || result.isNull()) {
                return outputs;
            }
            if (!result.hasMembers() || result.canExecute() || result.hasArrayElements()) {
                throw new ScriptException(script.script() + ": handleSummary must return an object of"
                        + " { 'stdout' | 'stderr' | 'file path': content }, got " + result);
            }
            for (String key : result.getMemberKeys()) {
                Value content = result.getMember(key);
                String text = content.isString() ? content.asString() : runtime.toJson(content);
                outputs.put(key, text == null ? "" : text);
            }
            return outputs;
        });
    }

    private interface ResultReader<T> {
        T read(VuRuntime runtime, Value result);
    }

    private <T> T call(String hook, String argumentJson, Duration timeout, ResultReader<T> reader) {
        int scenarioId = services.ring().dictionary().intern(hook);
        try (VuRuntime runtime = new VuRuntime(script, 0, scenarioId, hook, hook, services);
             Deadline deadline = new Deadline(runtime, timeout)) {
            try {
                return reader.read(runtime, runtime.call(argumentJson));
            } catch (VuInterruptedException e) {
                if (deadline.expired()) {
                    throw new ScriptException(script.script() + ": " + hook + "() did not finish within "
                            + io.fusillade.engine.options.Durations.format(timeout));
                }
                throw new ScriptException(script.script() + ": " + hook + "() was interrupted");
            }
        }
    }

    /** Cancels a hook that outlives its timeout (also waking it from a {@code sleep}). */
    private static final class Deadline implements AutoCloseable {
        private final Thread watchdog;
        private volatile boolean expired;

        Deadline(VuRuntime runtime, Duration timeout) {
            Thread caller = Thread.currentThread();
            this.watchdog = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(timeout);
                    expired = true;
                    runtime.cancel();
                    caller.interrupt();
                } catch (InterruptedException finished) {
                    // The hook returned in time.
                }
            });
        }

        boolean expired() {
            return expired;
        }

        @Override
        public void close() {
            watchdog.interrupt();
            try {
                watchdog.join();
            } catch (InterruptedException e) {
                // Only the watchdog's own interrupt of this thread, cleared below.
            }
            if (expired) {
                Thread.interrupted();
            }
        }
    }
}
