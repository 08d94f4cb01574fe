package io.fusillade.engine.options;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The effective options of a run, after script options, config and CLI flags are merged.
 *
 * @param workers        concurrent virtual users
 * @param duration       how long VUs start new iterations; null means "run {@code iterations} and stop"
 * @param iterations     iterations per VU; 0 means unlimited (bounded by {@code duration})
 * @param gracefulStop   how long running iterations may finish after the duration is over
 * @param thresholds     metric key (possibly with a tag selector) to threshold expressions
 * @param insecureSkipTlsVerify accept any TLS certificate
 * @param responseSink   count response bodies but do not keep them
 * @param scriptOptions  the script's own {@code options} object, as written, for the run metadata
 * @param scenarios      what runs: one scenario per executor, concurrently (at least one)
 * @param setupTimeout   how long {@code setup()} may run
 * @param teardownTimeout how long {@code teardown(data)} may run
 */
public record TestOptions(
        int workers,
        Duration duration,
        long iterations,
        Duration gracefulStop,
        Map<String, List<String>> thresholds,
        boolean insecureSkipTlsVerify,
        boolean responseSink,
        Map<String, Object> scriptOptions,
        List<ScenarioOptions> scenarios,
        Duration setupTimeout,
        Duration teardownTimeout) {

    /** The default graceful stop, as in k6 and the spec's {@code stop} option. */
    public static final Duration DEFAULT_GRACEFUL_STOP = Duration.ofSeconds(30);
    /** The default for {@code setupTimeout} and {@code teardownTimeout}, as in k6. */
    public static final Duration DEFAULT_HOOK_TIMEOUT = Duration.ofSeconds(60);

    public TestOptions {
        thresholds = Map.copyOf(thresholds);
        scriptOptions = scriptOptions == null ? Map.of() : scriptOptions;
        scenarios = List.copyOf(scenarios);
    }

    /**
     * Options for one {@code default} scenario of {@code workers} VUs: constant VUs for
     * {@code duration} (each capped at {@code iterations} when that is above 0), or, without a
     * duration, {@code iterations} per VU.
     */
    public TestOptions(int workers, Duration duration, long iterations, Duration gracefulStop,
                       Map<String, List<String>> thresholds, boolean insecureSkipTlsVerify, boolean responseSink,
                       Map<String, Object> scriptOptions) {
        this(workers, duration, iterations, gracefulStop, thresholds, insecureSkipTlsVerify, responseSink, scriptOptions,
                List.of(new ScenarioOptions(ScenarioParser.DEFAULT_NAME, duration != null
                        ? new ExecutorSpec.ConstantVus(workers, duration, iterations)
                        : new ExecutorSpec.PerVuIterations(workers, Math.max(1, iterations), ScenarioParser.DEFAULT_MAX_DURATION),
                        "default", Duration.ZERO, gracefulStop, Duration.ZERO, responseSink, 0, Map.of(), Map.of(), Map.of())),
                DEFAULT_HOOK_TIMEOUT, DEFAULT_HOOK_TIMEOUT);
    }
}
