package io.fusillade.engine.options;

import io.fusillade.engine.http.Chaos;
import io.fusillade.engine.http.ProtocolSettings;
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
 * @param chaos          faults injected into requests ({@code jitter}, {@code drop})
 * @param warmup         a URL requested once before the test starts, or null
 * @param endpointTracking keep per-URL metrics (off with {@code no_endpoint_tracking})
 * @param protocol       the default HTTP version and the TLS settings ({@code httpVersion}, {@code tlsVersion}, {@code tlsAuth}, ...)
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
        Duration teardownTimeout,
        Chaos chaos,
        String warmup,
        boolean endpointTracking,
        ProtocolSettings protocol) {

    /** The default graceful stop, as in k6 and the spec's {@code stop} option. */
    public static final Duration DEFAULT_GRACEFUL_STOP = Duration.ofSeconds(30);
    /** The default for {@code setupTimeout} and {@code teardownTimeout}, as in k6. */
    public static final Duration DEFAULT_HOOK_TIMEOUT = Duration.ofSeconds(60);

    public TestOptions {
        thresholds = Map.copyOf(thresholds);
        scriptOptions = scriptOptions == null ? Map.of() : scriptOptions;
        scenarios = List.copyOf(scenarios);
        chaos = chaos == null ? Chaos.NONE : chaos;
        protocol = protocol == null ? ProtocolSettings.DEFAULT : protocol;
    }

    /** Options with the default protocol settings. */
    public TestOptions(int workers, Duration duration, long iterations, Duration gracefulStop,
                       Map<String, List<String>> thresholds, boolean insecureSkipTlsVerify, boolean responseSink,
                       Map<String, Object> scriptOptions, List<ScenarioOptions> scenarios, Duration setupTimeout,
                       Duration teardownTimeout, Chaos chaos, String warmup, boolean endpointTracking) {
        this(workers, duration, iterations, gracefulStop, thresholds, insecureSkipTlsVerify, responseSink, scriptOptions,
                scenarios, setupTimeout, teardownTimeout, chaos, warmup, endpointTracking, ProtocolSettings.DEFAULT);
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
                DEFAULT_HOOK_TIMEOUT, DEFAULT_HOOK_TIMEOUT, Chaos.NONE, null, true);
    }
}
