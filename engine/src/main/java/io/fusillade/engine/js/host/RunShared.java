package io.fusillade.engine.js.host;

import io.fusillade.ingest.MetricType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the VUs of one run share across modules, and what the run reads back from them: the
 * custom metrics' types (a name keeps its first type), a request to abort the run, unit test
 * results, where {@code stats.get()} reads from, and each module's own run-wide state
 * ({@link #state}), such as shared arrays.
 */
public final class RunShared {
    private final Path scriptDir;
    private final ConcurrentHashMap<String, MetricType> metricTypes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Class<?>, Object> moduleState = new ConcurrentHashMap<>();
    private final AtomicReference<String> abortReason = new AtomicReference<>();
    private final List<Runnable> abortListeners = new CopyOnWriteArrayList<>();
    private final List<TestResult> testResults = new CopyOnWriteArrayList<>();
    private volatile boolean testing;
    private volatile Function<String, Optional<TrendStats>> stats = name -> Optional.empty();

    /** @param scriptDir the script's folder, which {@code open()} and {@code SharedCSV} paths are relative to */
    public RunShared(Path scriptDir) {
        this.scriptDir = scriptDir;
    }

    public Path scriptDir() {
        return scriptDir;
    }

    /**
     * The run-wide state of one module, made by {@code create} the first time any VU asks:
     * a module keeps what its VUs share here, keyed by the state's own class.
     */
    public <T> T state(Class<T> type, Supplier<T> create) {
        return type.cast(moduleState.computeIfAbsent(type, k -> create.get()));
    }

    /**
     * Registers custom metric {@code name} as {@code type}, or checks it was registered so.
     *
     * @throws IllegalArgumentException for an unusable name, or one already used with another type
     */
    public void defineMetric(String name, MetricType type) {
        if (name.isEmpty() || name.length() > 128 || name.chars().anyMatch(c -> c == '{' || c == '}' || c == ':' || c <= ' ')) {
            throw new IllegalArgumentException("invalid metric name '" + name
                    + "': use 1 to 128 characters without spaces, ':', '{' or '}'");
        }
        MetricType existing = metricTypes.putIfAbsent(name, type);
        if (existing != null && existing != type) {
            throw new IllegalArgumentException("metric '" + name + "' is already a " + label(existing)
                    + "; it cannot also be a " + label(type));
        }
    }

    private static String label(MetricType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** Asks the run to stop ({@code exec.test.abort()}); the first reason wins. */
    public void abort(String reason) {
        if (abortReason.compareAndSet(null, reason == null || reason.isBlank() ? "test aborted by the script" : reason)) {
            abortListeners.forEach(Runnable::run);
        }
    }

    /** Why the script aborted the run, or null when it did not. */
    public String abortReason() {
        return abortReason.get();
    }

    /** Runs {@code listener} when the script aborts the run (at once if it already has). */
    public void onAbort(Runnable listener) {
        abortListeners.add(listener);
        if (abortReason.get() != null) {
            listener.run();
        }
    }

    /** Where {@code stats.get(name)} reads live statistics from (the run's aggregator); none by default. */
    public void statsFrom(Function<String, Optional<TrendStats>> source) {
        stats = source;
    }

    /** The live statistics of requests or a trend called {@code name}, when there are any. */
    public Optional<TrendStats> stats(String name) {
        return stats.apply(name);
    }

    /** Makes {@code test(name, fn)} run its tests ({@code fusillade test}); in a load test they are skipped. */
    public void enableTests() {
        testing = true;
    }

    /** True when unit tests run. */
    public boolean testing() {
        return testing;
    }

    /** Records the outcome of one unit test ({@code test(name, fn)}). */
    public void testResult(TestResult result) {
        testResults.add(result);
    }

    /** Unit test outcomes in the order they ran. */
    public List<TestResult> testResults() {
        return List.copyOf(testResults);
    }
}
