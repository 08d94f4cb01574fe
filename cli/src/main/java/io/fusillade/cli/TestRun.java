package io.fusillade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fusillade.aggregator.history.HistoryException;
import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.aggregator.output.Outputs;
import io.fusillade.aggregator.report.ConsoleSummary;
import io.fusillade.aggregator.report.JsonSummary;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.threshold.Threshold;
import io.fusillade.engine.executor.Execution;
import io.fusillade.engine.executor.ExecutionOutcome;
import io.fusillade.engine.executor.RunProgress;
import io.fusillade.engine.http.Chaos;
import io.fusillade.engine.http.FailedRequestLog;
import io.fusillade.engine.http.HttpClientConfig;
import io.fusillade.engine.http.HttpClientEngine;
import io.fusillade.engine.http.HttpExchange;
import io.fusillade.engine.http.HttpRequestSpec;
import io.fusillade.engine.http.HttpSession;
import io.fusillade.engine.js.ScriptException;
import io.fusillade.engine.js.ScriptRuntime;
import io.fusillade.engine.js.VuRuntime;
import io.fusillade.engine.js.host.RunServices;
import io.fusillade.engine.js.host.RunTags;
import io.fusillade.engine.js.host.ScriptLog;
import io.fusillade.engine.js.host.TrendStats;
import io.fusillade.engine.lifecycle.LifecycleHooks;
import io.fusillade.engine.options.Durations;
import io.fusillade.engine.options.OptionException;
import io.fusillade.engine.options.OptionsResolver;
import io.fusillade.engine.options.ProtocolOptions;
import io.fusillade.engine.options.ScenarioOptions;
import io.fusillade.engine.options.TestOptions;
import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleRing;
import io.fusillade.ingest.SampleWriter;
import io.fusillade.journal.JournalException;
import io.fusillade.journal.RunDirectory;
import io.fusillade.journal.RunMetadata;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.graalvm.polyglot.Engine;

/**
 * One {@code fusillade run}: builds the pipeline (ring → journal + aggregator), runs the
 * executor, then reports. The single place where the run's parts are wired together.
 */
final class TestRun {
    private static final String SCENARIO = "default";
    /** How long {@code stats.get()} waits for the aggregator's answer. */
    private static final Duration STATS_WAIT = Duration.ofSeconds(1);
    /** From this many VUs on, the run says how long initialising them took. */
    private static final int INIT_NOTE_VUS = 100;

    /** What {@code setup()} returned, as JSON (null for nothing). */
    private record SetupResult(String json) {
    }
    /** A RUN_META or MARKER record: a kind, a time and a text. */
    private record TextRecord(SampleKind kind, long atNanos, String text) {
    }

    private static final SampleWriter<TextRecord> TEXT_RECORD = (slot, record) -> {
        slot.kind = record.kind();
        slot.startNanos = record.atNanos();
        slot.intendedStartNanos = record.atNanos();
        slot.text = record.text();
    };

    private final RunRequest request;
    private final Supplier<Engine> engines;
    private final Outputs outputs;
    private final AbortSwitch abort = new AbortSwitch();
    private final EpochClock clock = new EpochClock();

    TestRun(RunRequest request, Supplier<Engine> engines, Outputs outputs) {
        this.request = request;
        this.engines = engines;
        this.outputs = outputs;
    }

    /**
     * Runs {@code scriptPath} with the command line's {@code options}, {@code extraEnv} added to
     * {@code __ENV}, and the JavaScript engine from {@code engines} (null: a new one); returns the exit code. The
     * commands call this rather than touching the engine themselves, so {@code analyze} never loads it.
     */
    static int launch(RunOptions options, Path scriptPath, Map<String, String> extraEnv, Supplier<Engine> engines) {
        RunRequest request;
        Outputs outputs;
        try {
            request = request(options, scriptPath, extraEnv);
            outputs = Outputs.open(request.outputs(), request.out());
        } catch (OptionException | IllegalArgumentException e) {
            System.err.println("fusillade: " + e.getMessage());
            return ExitCodes.INVALID_CONFIG;
        }
        return new TestRun(request, engines != null ? engines : ScriptRuntime::newEngine, outputs).execute();
    }

    private static RunRequest request(RunOptions o, Path scriptPath, Map<String, String> extraEnv) {
        Duration d = o.duration == null ? null : Durations.parse("--duration", o.duration);
        ScriptLog.Level level = ScriptLog.parseLevel(o.logLevel);
        boolean terminal = !o.headless && System.console() != null && System.console().isTerminal();
        Map<String, String> allEnv = new LinkedHashMap<>(extraEnv);
        allEnv.putAll(o.env);
        OptionsResolver.Overrides overrides = new OptionsResolver.Overrides(o.workers, d, o.iterations,
                o.responseSink ? Boolean.TRUE : null, o.insecureSkipTlsVerify ? Boolean.TRUE : null,
                o.jitter == null ? null : Durations.parse("--jitter", o.jitter), o.drop, o.warmup,
                o.httpVersion == null ? null : ProtocolOptions.httpVersion("--http-version", o.httpVersion));
        return new RunRequest(scriptPath, overrides, o.thresholds, o.exportJson, o.runsDir, allEnv, level,
                terminal && !o.noColor, terminal, System.out, System.err, o.config, o.captureErrors, o.outputs.options(), o.abortOnFail);
    }

    /** Runs the test and returns the process exit code. */
    int execute() {
        ScriptLog log = new ScriptLog(request.out(), request.err(), request.logLevel());
        Map<String, String> env;
        try {
            env = DotEnv.environment(request.script(), System.getenv());
        } catch (IllegalArgumentException e) {
            return fail(ExitCodes.INVALID_CONFIG, e.getMessage());
        }
        env.putAll(request.extraEnv());

        // Chronicle and Netty load while the JS engine starts: both take most of a second.
        boolean insecure = Boolean.TRUE.equals(request.overrides().insecureSkipTlsVerify());
        CompletableFuture<Pipeline> opening = CompletableFuture.supplyAsync(() -> Pipeline.open(request.runsDir(), request.script(), insecure, outputs.sinks(), abort),
                runnable -> Thread.ofPlatform().name("pipeline-open").start(runnable));
        ScriptRuntime runtime = null;
        TestOptions options;
        List<Threshold> thresholds;
        Pipeline pipeline;
        Set<String> functions;
        try {
            runtime = ScriptRuntime.load(request.script(), engines);
            OptionsResolver resolver = new OptionsResolver();
            ScriptExports exports = readScriptExports(runtime, log, env);
            List<Map<String, Object>> layers = request.config() == null ? List.of(exports.options())
                    : List.of(exports.options(), ConfigFile.load(request.config()));
            options = resolver.resolve(layers, request.overrides());
            resolver.warnings().forEach(log::warn);
            functions = exports.functions();
            for (ScenarioOptions scenario : options.scenarios()) {
                if (!functions.contains(scenario.exec())) {
                    throw new ScriptException(request.script() + ": scenario '" + scenario.name() + "' runs " + scenario.exec()
                            + "(), but the script exports no such function" + ("default".equals(scenario.exec())
                            ? " (export default function () { ... })" : ""));
                }
            }
            thresholds = Thresholds.parse(options.thresholds(), request.thresholds());
            pipeline = opening.join();
        } catch (ScriptException | OptionException | IllegalArgumentException | CompletionException e) {
            if (runtime != null) {
                runtime.close();
            }
            discard(opening);
            boolean aborted = runtime != null && runtime.shared().abortReason() != null;
            return switch (e) {
                case ScriptException se when aborted -> fail(ExitCodes.SCRIPT_ABORTED, se.getMessage());
                case ScriptException se -> fail(ExitCodes.SCRIPT_ERROR, se.getMessage());
                case CompletionException ce when ce.getCause() instanceof IllegalArgumentException bad ->
                        fail(ExitCodes.INVALID_CONFIG, bad.getMessage());
                case CompletionException ce -> fail(ExitCodes.FAILURE, "cannot start the run: " + ce.getCause().getMessage());
                default -> fail(ExitCodes.INVALID_CONFIG, e.getMessage());
            };
        }
        if (!runtime.jitEnabled()) {
            log.warn("the JavaScript engine is running INTERPRETED (" + runtime.engineName()
                    + "): scripts run 20-30x slower. Start Fusillade with its launcher (bin/fusillade) on JDK 25.");
        }
        try (ScriptRuntime script = runtime) {
            return run(pipeline, script, options, thresholds, log, env, functions);
        } catch (JournalException e) {
            return fail(ExitCodes.FAILURE, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(ExitCodes.FAILURE, "interrupted");
        }
    }

    /** The run never started (bad script or options): leave no empty run directory behind. */
    private static void discard(CompletableFuture<Pipeline> opening) {
        try {
            opening.join().discard();
        } catch (CompletionException ignored) {
            // Nothing was opened.
        }
    }

    /** The script's {@code options} and the names of the functions it exports. */
    private record ScriptExports(Map<String, Object> options, Set<String> functions) {
    }

    private ScriptExports readScriptExports(ScriptRuntime runtime, ScriptLog log, Map<String, String> env) {
        // A context of its own, publishing into a ring nobody reads: init code may intern names.
        SampleRing discard = new SampleRing(1024, List.of()).start();
        RunServices initServices = new RunServices(discard, clock, null, log, env, HttpClientConfig.DEFAULT_TIMEOUT, false);
        try (VuRuntime init = new VuRuntime(runtime, 1, 0, SCENARIO, null, initServices)) {
            return new ScriptExports(init.options(), init.exportedFunctions());
        } finally {
            discard.close();
        }
    }

    private int run(Pipeline pipeline, ScriptRuntime runtime, TestOptions options, List<Threshold> thresholds, ScriptLog log,
                    Map<String, String> env, Set<String> functions) throws InterruptedException {
        RunDirectory dir = pipeline.dir();
        MetricRegistry registry = pipeline.registry();
        SampleRing ring = pipeline.ring();
        RunMetadata metadata = RunMetadata.started(dir.id(), request.script().toString(), runtime.sha256(), Instant.now(),
                VersionCommand.fusilladeVersion(), effectiveOptions(options, thresholds));
        metadata.write(dir.metadataPath());
        pipeline.scenarioMetrics().watch(thresholds);
        publishText(ring, SampleKind.RUN_META, toJson(metadata.options()));

        HttpClientEngine http = pipeline.http(options.insecureSkipTlsVerify(), options.protocol());
        FailedRequestLog failures = null;
        if (request.captureErrors() != null) {
            try {
                failures = new FailedRequestLog(request.captureErrors());
            } catch (IOException e) {
                publishText(ring, SampleKind.MARKER, "run-end");
                pipeline.close();
                metadata.ended(Instant.now(), "failed").write(dir.metadataPath());
                return fail(ExitCodes.INVALID_CONFIG, "--capture-errors: cannot write " + request.captureErrors() + ": " + e.getMessage());
            }
        }
        RunProgress runProgress = new RunProgress();
        RunTags runTags = new RunTags();
        Map<String, RunServices> servicesByScenario = new HashMap<>();
        for (ScenarioOptions scenario : options.scenarios()) {
            Map<String, String> scenarioEnv = new HashMap<>(env);
            scenarioEnv.putAll(scenario.env());
            servicesByScenario.put(scenario.name(), new RunServices(ring, clock, http, log, scenarioEnv,
                    HttpClientConfig.DEFAULT_TIMEOUT, scenario.responseSink(), failures, options.chaos(), runProgress, runTags));
        }
        LifecycleHooks hooks = new LifecycleHooks(runtime, new RunServices(ring, clock, http, log, env,
                HttpClientConfig.DEFAULT_TIMEOUT, false, failures, Chaos.NONE, runProgress, runTags), functions);
        registry.trackEndpoints(options.endpointTracking());
        if (options.warmup() != null) {
            warmUp(http, options.warmup());
        }

        printBanner(dir, options, runtime);
        // setup()'s result, once it has run: VUs built later get it as they are made.
        AtomicReference<SetupResult> setupResult = new AtomicReference<>();
        Execution executor = new Execution(options.scenarios(), (vu, scenario, scenarioId) -> {
            VuRuntime vuRuntime = new VuRuntime(runtime, vu, scenarioId, scenario.name(), scenario.exec(),
                    servicesByScenario.get(scenario.name()), scenario.tags());
            SetupResult result = setupResult.get();
            if (result != null) {
                vuRuntime.setupData(result.json());
            }
            return vuRuntime;
        }, ring, clock, log);
        abort.arm(executor::stop);
        try {
            long initStart = System.nanoTime();
            int initialised = executor.initialise();
            if (initialised >= INIT_NOTE_VUS) {
                request.err().printf(Locale.ROOT, "  %d VUs initialised in %.1fs%n", initialised, (System.nanoTime() - initStart) / 1e9);
            }
        } catch (ScriptException e) {
            publishText(ring, SampleKind.MARKER, "run-end");
            pipeline.close();
            metadata.ended(Instant.now(), "script_error").write(dir.metadataPath());
            return fail(ExitCodes.SCRIPT_ERROR, e.getMessage());
        }
        publishText(ring, SampleKind.MARKER, "run-start");
        String setupData;
        try {
            setupData = hooks.setup(options.setupTimeout());
        } catch (ScriptException e) {
            publishText(ring, SampleKind.MARKER, "run-end");
            pipeline.close();
            metadata.ended(Instant.now(), "script_error").write(dir.metadataPath());
            executor.abandon();
            return fail(ExitCodes.SCRIPT_ERROR, "setup() failed: " + e.getMessage());
        }
        setupResult.set(new SetupResult(setupData));
        if (setupData != null) {
            executor.forEachInitialisedVu(vu -> vu.setupData(setupData));
        }
        runProgress.attach(executor, log::iterationErrors);
        pipeline.watcher().watch(AbortOnFail.mark(thresholds, options.scriptOptions(), request.abortOnFail()));
        runtime.shared().onAbort(executor::stop);
        // stats.get(): the registry answers at the end of its next batch; a marker makes sure there is one.
        runtime.shared().statsFrom(name -> registry.liveTrend(name, STATS_WAIT,
                () -> publishText(ring, SampleKind.MARKER, "stats-query")).map(t ->
                new TrendStats(t.count(), t.avg(), t.min(), t.med(), t.max(), t.p90(), t.p95(), t.p99())));

        CountDownLatch finished = new CountDownLatch(1);
        Thread stopOnSignal = new Thread(() -> {
            request.err().println("\nstopping: letting running iterations finish (up to " + Durations.format(options.gracefulStop()) + ")...");
            executor.stop();
            try {
                finished.await(options.gracefulStop().toSeconds() + 15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-on-signal");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);

        ExecutionOutcome outcome;
        try (ProgressLine progress = new ProgressLine(request.err(), () -> new ProgressLine.Reading(executor.elapsedSeconds(),
                executor.activeVus(), options.workers(), registry.live().requests(), registry.live().failedRequests(),
                registry.live().iterations()), options.duration(), request.terminal())) {
            outcome = executor.run();
        }
        ScriptException teardownFailure = null;
        if (outcome.initFailure() == null) {
            try {
                hooks.teardown(setupData, options.teardownTimeout());
            } catch (ScriptException e) {
                teardownFailure = e;
                request.err().println("fusillade: teardown() failed: " + e.getMessage());
            }
        }
        publishText(ring, SampleKind.MARKER, "run-end");
        pipeline.close();
        if (failures != null) {
            failures.close();
            request.err().printf(Locale.ROOT, "captured %d failed request(s) to %s%s%n", failures.lines(), failures.file(),
                    failures.dropped() > 0 ? " (" + failures.dropped() + " more not written: at most " + FailedRequestLog.MAX_LINES + ")" : "");
        }

        PrintStream summaryOut = outputs.ownsStdout() ? request.err() : request.out();
        String outcomeText;
        int exit;
        Summary summary = pipeline.scenarioMetrics().summary(registry, thresholds);
        if (outcome.initFailure() != null) {
            request.err().println("fusillade: " + outcome.initFailure().getMessage());
            outcomeText = "script_error";
            exit = ExitCodes.SCRIPT_ERROR;
        } else {
            exit = summary.thresholdsPassed() ? ExitCodes.OK : ExitCodes.THRESHOLDS_FAILED;
            if (hooks.has(LifecycleHooks.HANDLE_SUMMARY)) {
                // As in k6: handleSummary replaces the console summary; it prints what it returns as 'stdout'.
                if (!handleSummary(runtime, summary, log, env, options)) {
                    exit = exit == ExitCodes.OK ? ExitCodes.SCRIPT_ERROR : exit;
                }
            } else {
                summaryOut.println();
                summaryOut.print(new ConsoleSummary(request.colour()).render(summary));
            }
            if (teardownFailure != null && exit == ExitCodes.OK) {
                exit = ExitCodes.SCRIPT_ERROR;
            }
            outcomeText = summary.thresholdsPassed() ? "passed" : "thresholds_failed";
            if (abort.breached() != null) {
                request.err().println("fusillade: run aborted: threshold(s) failed mid-run: " + abort.breached().stream()
                        .map(r -> r.threshold().toString()).collect(java.util.stream.Collectors.joining(", ")));
                outcomeText = "aborted_by_threshold";
                exit = ExitCodes.THRESHOLDS_FAILED;
            }
            if (runtime.shared().abortReason() != null) {
                request.err().println("fusillade: the script aborted the test: " + runtime.shared().abortReason());
                outcomeText = "aborted";
                exit = ExitCodes.SCRIPT_ABORTED;
            }
        }
        exit = writeOutputs(summary, exit);
        try {
            JsonSummary json = new JsonSummary();
            json.write(summary, dir.summaryPath());
            if (request.exportJson() != null) {
                json.write(summary, request.exportJson());
            }
        } catch (IOException e) {
            request.err().println("fusillade: cannot write the JSON summary: " + e.getMessage());
            exit = exit == ExitCodes.OK ? ExitCodes.FAILURE : exit;
        }
        metadata.ended(Instant.now(), outcomeText).write(dir.metadataPath());
        if (outcome.droppedIterations() > 0) {
            request.err().println("note: " + outcome.droppedIterations() + " arrival-rate iteration(s) were dropped: no VU was free"
                    + " (raise preAllocatedVUs or maxVUs)");
        }
        if (outcome.lateIterations() > 0) {
            request.err().printf(Locale.ROOT, "note: %d arrival-rate iteration(s) started more than 10 ms after their planned time"
                    + " (the latest by %.1f ms)%n", outcome.lateIterations(), outcome.worstLagNanos() / 1e6);
        }
        exit = saveHistory(summary, dir, outcomeText, exit);
        if (outcome.interruptedVus() > 0) {
            request.err().println("note: " + outcome.interruptedVus() + " VU(s) were stopped mid-iteration when their graceful stop"
                    + " or ramp-down ran out");
        }
        if (log.iterationErrors() > 0) {
            request.err().println("note: " + log.iterationErrors() + " iteration(s) ended in a script error");
        }
        if (outcome.firstIterationNanoTime() > 0) {
            double startup = clock.toEpochNanos(outcome.firstIterationNanoTime()) / 1e6
                    - ManagementFactory.getRuntimeMXBean().getStartTime();
            summaryOut.printf(Locale.ROOT, "%nstartup: first iteration %.2f s after launch%n", startup / 1000);
        }
        summaryOut.println("run directory: " + dir.path());
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping because of a signal; the hook is running.
        }
        return exit;
    }

    /** Runs the script's handleSummary and writes what it returns; false when that failed. */
    private boolean handleSummary(ScriptRuntime runtime, Summary summary, ScriptLog log, Map<String, String> env, TestOptions options) {
        // The run's ring is closed by now: the hook gets one of its own that nobody reads.
        SampleRing discard = new SampleRing(1024, List.of()).start();
        try {
            LifecycleHooks hooks = new LifecycleHooks(runtime, new RunServices(discard, clock, null, log, env,
                    HttpClientConfig.DEFAULT_TIMEOUT, false), Set.of(LifecycleHooks.HANDLE_SUMMARY));
            return SummaryOutputs.write(hooks.handleSummary(new JsonSummary().toJson(summary), options.teardownTimeout()),
                    request.out(), request.err());
        } catch (ScriptException e) {
            request.err().println("fusillade: handleSummary() failed: " + e.getMessage());
            return false;
        } finally {
            discard.close();
        }
    }

    /** The reports asked for on the command line; a report that cannot be written fails the run. */
    private int writeOutputs(Summary summary, int exit) {
        try {
            Outputs.Finished finished = outputs.finish(summary, request.script().toString());
            finished.files().forEach(file -> request.err().println("report: " + file));
            finished.notes().forEach(note -> request.err().println("note: " + note));
            return exit;
        } catch (IOException e) {
            request.err().println("fusillade: " + e.getMessage());
            return exit == ExitCodes.OK ? ExitCodes.FAILURE : exit;
        }
    }

    /** With --save-history: the run goes into the history database; failing to save it fails the run. */
    private int saveHistory(Summary summary, RunDirectory dir, String outcome, int exit) {
        try {
            outputs.saveHistory(summary, request.script().toString(), dir.path().toString(), outcome)
                    .ifPresent(id -> request.err().println("history: saved as run " + id));
            return exit;
        } catch (HistoryException e) {
            request.err().println("fusillade: " + e.getMessage());
            return exit == ExitCodes.OK ? ExitCodes.FAILURE : exit;
        }
    }

    /** The {@code warmup} request: once, before the test, not recorded; what it got is printed. */
    private void warmUp(HttpClientEngine http, String url) throws InterruptedException {
        HttpExchange out = new HttpExchange();
        Thread sender = Thread.ofVirtual().start(() -> {
            try (HttpSession session = http.newSession()) {
                session.execute(HttpRequestSpec.get(java.net.URI.create(url)), out);
            } catch (IllegalArgumentException e) {
                request.err().println("warmup: " + e.getMessage());
            }
        });
        sender.join();
        request.err().printf(Locale.ROOT, "warmup: GET %s: %s%n", url, out.failed() ? "failed (" + out.errorMessage() + ")"
                : out.status() + " in " + String.format(Locale.ROOT, "%.1f ms", out.durationNanos() / 1e6));
    }

    private void printBanner(RunDirectory dir, TestOptions options, ScriptRuntime runtime) {
        StringBuilder scenarios = new StringBuilder();
        for (ScenarioOptions scenario : options.scenarios()) {
            scenarios.append(String.format(Locale.ROOT, "  scenario %s: %s%n", scenario.name(), scenario.describe()));
        }
        request.err().printf(Locale.ROOT, "%n  script: %s%n  output: %s%n%s  engine: %s%n%n",
                request.script(), dir.path(), scenarios, runtime.jitEnabled() ? "GraalJS, JIT" : "GraalJS, INTERPRETED");
    }

    private Map<String, Object> effectiveOptions(TestOptions options, List<Threshold> thresholds) {
        Map<String, Object> effective = new LinkedHashMap<>();
        effective.put("workers", options.workers());
        if (options.duration() != null) {
            effective.put("duration", Durations.format(options.duration()));
        }
        if (options.iterations() > 0) {
            effective.put("iterations", options.iterations());
        }
        effective.put("stop", Durations.format(options.gracefulStop()));
        Map<String, Object> scenarios = new LinkedHashMap<>();
        options.scenarios().forEach(scenario -> scenarios.put(scenario.name(), scenario.describe()));
        effective.put("scenarios", scenarios);
        effective.put("thresholds", Thresholds.toOptions(thresholds));
        effective.put("script_options", options.scriptOptions());
        return effective;
    }

    private void publishText(SampleRing ring, SampleKind kind, String text) {
        ring.publish(TEXT_RECORD, new TextRecord(kind, clock.nowNanos(), text));
    }

    private static String toJson(Object value) {
        try {
            return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode run metadata", e);
        }
    }

    private int fail(int code, String message) {
        request.err().println("fusillade: " + message);
        return code;
    }
}
