package io.fusillade.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code run} and {@code demo}: overrides, outputs, logging. Plain
 * fields only, so that parsing a command line loads nothing of the engine.
 */
public final class RunOptions {
    @Option(names = {"-w", "--workers", "--vus"}, paramLabel = "NUM", description = "Concurrent virtual users (overrides the script).")
    Integer workers;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", description = "Test duration, e.g. 30s, 5m (overrides the script).")
    String duration;

    @Option(names = "--iterations", paramLabel = "NUM", description = "Iterations per VU (overrides the script).")
    Long iterations;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Options from a YAML or JSON file (over the script's; the command line wins).")
    Path config;

    @Option(names = "--threshold", paramLabel = "EXPR", description = "Extra threshold METRIC:EXPR, e.g. 'http_req_duration:p95<500' (repeatable).")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--export-json", paramLabel = "FILE", description = "Write the end-of-run summary as JSON.")
    Path exportJson;

    @Option(names = "--capture-errors", paramLabel = "FILE", arity = "0..1", fallbackValue = "fusillade-errors.json",
            description = "Write each failed request (status >= 400 or a network error) as a JSON line, for `export` and `replay` (default file: ${FALLBACK-VALUE}).")
    Path captureErrors;

    @Mixin
    OutputFlags outputs = new OutputFlags();

    @Option(names = "--abort-on-fail", description = "Stop the run as soon as any threshold fails (exit 99; the journal and reports are still written).")
    boolean abortOnFail;

    @Option(names = "--jitter", paramLabel = "DURATION", description = "Chaos: wait a random 0 to DURATION before each request (e.g. 250ms).")
    String jitter;

    @Option(names = "--drop", paramLabel = "PROBABILITY", description = "Chaos: drop requests with this probability, 0.0 to 1.0 (status 0, \"Simulated network drop\").")
    Double drop;

    @Option(names = "--warmup", paramLabel = "URL", description = "Request URL once before the test starts (not recorded).")
    String warmup;

    @Option(names = "--headless", description = "No live terminal UI: plain progress lines (for CI).")
    boolean headless;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info", description = "console.* output: debug, info, warn, error (default: ${DEFAULT-VALUE}).")
    String logLevel;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Add a variable to __ENV (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--response-sink", description = "Count response bodies but do not keep them.")
    boolean responseSink;

    @Option(names = "--insecure-skip-tls-verify", description = "Accept any TLS certificate.")
    boolean insecureSkipTlsVerify;

    @Option(names = "--http-version", paramLabel = "auto|1.1|2",
            description = "HTTP version of requests that choose none: auto (ALPN over TLS), 1.1, or 2 (h2c over plain http).")
    String httpVersion;

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs", description = "Where run directories are created (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--no-color", description = "No ANSI colours in the summary.")
    boolean noColor;
}
