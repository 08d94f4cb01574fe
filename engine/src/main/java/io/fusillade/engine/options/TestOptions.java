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
 */
public record TestOptions(
        int workers,
        Duration duration,
        long iterations,
        Duration gracefulStop,
        Map<String, List<String>> thresholds,
        boolean insecureSkipTlsVerify,
        boolean responseSink,
        Map<String, Object> scriptOptions) {

    /** The default graceful stop, as in k6 and the spec's {@code stop} option. */
    public static final Duration DEFAULT_GRACEFUL_STOP = Duration.ofSeconds(30);

    public TestOptions {
        thresholds = Map.copyOf(thresholds);
        scriptOptions = scriptOptions == null ? Map.of() : scriptOptions;
    }
}
