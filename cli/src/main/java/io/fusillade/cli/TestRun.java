package io.fusillade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.aggregator.report.ConsoleSummary;
import io.fusillade.aggregator.report.JsonSummary;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.threshold.Threshold;
import io.fusillade.engine.executor.ConstantVusExecutor;
import io.fusillade.engine.executor.ExecutionOutcome;
import io.fusillade.engine.http.HttpClientConfig;
import io.fusillade.engine.http.HttpClientEngine;
import io.fusillade.engine.js.JitWarmup;
import io.fusillade.engine.js.ScriptException;
import io.fusillade.engine.js.ScriptLog;
import io.fusillade.engine.js.ScriptRuntime;
import io.fusillade.engine.js.VuRuntime;
import io.fusillade.engine.js.VuServices;
import io.fusillade.engine.js.stdlib.TrendStats;
import io.fusillade.engine.options.Durations;
import io.fusillade.engine.options.OptionException;
import io.fusillade.engine.options.OptionsResolver;
import io.fusillade.engine.options.TestOptions;
import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleRing;
import io.fusillade.ingest.SampleWriter;
import io.fusillade.journal.JournalException;
import io.fusillade.journal.RunDirectory;
import io.fusillade.journal.RunMetadata;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One {@code fusillade run}: builds the pipeline (ring → journal + aggregator), runs the
 * executor, then reports. The single place where the run's parts are wired together.
 */
final class TestRun {
    private static final String SCENARIO = "default";
    /** How long {@code stats.get()} waits for the aggregator's answer. */
    private static final Duration STATS_WAIT = Duration.ofSeconds(1);
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
    private final EpochClock clock = new EpochClock();

    TestRun(RunRequest request) {
        this.request = request;
    }

    /**
     * Runs {@code scriptPath} with the command line's {@code options}, {@code extraEnv} added to
     * {@code __ENV}, and returns the exit code. The commands call this rather than touching the
     * engine themselves, so {@code analyze} never loads it.
     */
    static int launch(RunOptions options, Path scriptPath, Map<String, String> extraEnv) {
        RunRequest request;
        try {
            request = request(options, scriptPath, extraEnv);
        } catch (OptionException | IllegalArgumentException e) {
            System.err.println("fusillade: " + e.getMessage());
            return ExitCodes.INVALID_CONFIG;
        }
        return new TestRun(request).execute();
    }

    private static RunRequest request(RunOptions o, Path scriptPath, Map<String, String> extraEnv) {
        Duration d = o.duration == null ? null : Durations.parse("--duration", o.duration);
        ScriptLog.Level level = ScriptLog.parseLevel(o.logLevel);
        boolean terminal = !o.headless && System.console() != null && System.console().isTerminal();
        Map<String, String> allEnv = new LinkedHashMap<>(extraEnv);
        allEnv.putAll(o.env);
        OptionsResolver.Overrides overrides = new OptionsResolver.Overrides(o.workers, d, o.iterations,
                o.responseSink ? Boolean.TRUE : null, o.insecureSkipTlsVerify ? Boolean.TRUE : null);
        return new RunRequest(scriptPath, overrides, o.thresholds, o.exportJson, o.runsDir, allEnv, level,
                terminal && !o.noColor, terminal, System.out, System.err);
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
        JitWarmup warmup = JitWarmup.start();
        CompletableFuture<Pipeline> opening = CompletableFuture.supplyAsync(() -> Pipeline.open(request.runsDir(), request.script(), insecure),
                runnable -> Thread.ofPlatform().name("pipeline-open").start(runnable));
        ScriptRuntime runtime = null;
        TestOptions options;
        List<Threshold> thresholds;
        Pipeline pipeline;
        try {
            runtime = ScriptRuntime.load(request.script());
            OptionsResolver resolver = new OptionsResolver();
            options = resolver.resolve(readScriptOptions(runtime, log, env), request.overrides());
            resolver.warnings().forEach(log::warn);
            thresholds = Thresholds.parse(options.thresholds(), request.thresholds());
            pipeline = opening.join();
        } catch (ScriptException | OptionException | IllegalArgumentException | CompletionException e) {
            if (runtime != null) {
                runtime.close();
            }
            warmup.close();
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
            return run(pipeline, script, options, thresholds, log, env, warmup);
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

    private Map<String, Object> readScriptOptions(ScriptRuntime runtime, ScriptLog log, Map<String, String> env) {
        // A context of its own, publishing into a ring nobody reads: init code may intern names.
        SampleRing discard = new SampleRing(1024, List.of()).start();
        VuServices initServices = new VuServices(discard, clock, null, log, env, HttpClientConfig.DEFAULT_TIMEOUT, false);
        try (VuRuntime init = new VuRuntime(runtime, 1, 0, SCENARIO, initServices)) {
            return init.options();
        } finally {
            discard.close();
        }
    }

    private int run(Pipeline pipeline, ScriptRuntime runtime, TestOptions options, List<Threshold> thresholds, ScriptLog log,
                    Map<String, String> env, JitWarmup warmup) throws InterruptedException {
        RunDirectory dir = pipeline.dir();
        MetricRegistry registry = pipeline.registry();
        SampleRing ring = pipeline.ring();
        RunMetadata metadata = RunMetadata.started(dir.id(), request.script().toString(), runtime.sha256(), Instant.now(),
                VersionCommand.fusilladeVersion(), effectiveOptions(options, thresholds));
        metadata.write(dir.metadataPath());
        publishText(ring, SampleKind.RUN_META, toJson(metadata.options()));
        publishText(ring, SampleKind.MARKER, "run-start");

        HttpClientEngine http = pipeline.http(options.insecureSkipTlsVerify());
        VuServices services = new VuServices(ring, clock, http, log, env, HttpClientConfig.DEFAULT_TIMEOUT, options.responseSink());
        int scenarioId = ring.dictionary().intern(SCENARIO);
        ConstantVusExecutor executor = new ConstantVusExecutor(options,
                vu -> new VuRuntime(runtime, vu, scenarioId, "default", services), ring, clock, log, scenarioId);
        runtime.shared().onAbort(executor::stop);
        // stats.get(): the registry answers at the end of its next batch; a marker makes sure there is one.
        runtime.shared().statsFrom(name -> registry.liveTrend(name, STATS_WAIT,
                () -> publishText(ring, SampleKind.MARKER, "stats-query")).map(t ->
                new TrendStats(t.count(), t.avg(), t.min(), t.med(), t.max(), t.p90(), t.p95(), t.p99())));

        printBanner(dir, options, runtime);
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
            warmup.close();
            outcome = executor.run();
        }
        publishText(ring, SampleKind.MARKER, "run-end");
        pipeline.close();

        String outcomeText;
        int exit;
        Summary summary = registry.summary(thresholds);
        if (outcome.initFailure() != null) {
            request.err().println("fusillade: " + outcome.initFailure().getMessage());
            outcomeText = "script_error";
            exit = ExitCodes.SCRIPT_ERROR;
        } else {
            request.out().println();
            request.out().print(new ConsoleSummary(request.colour()).render(summary));
            outcomeText = summary.thresholdsPassed() ? "passed" : "thresholds_failed";
            exit = summary.thresholdsPassed() ? ExitCodes.OK : ExitCodes.THRESHOLDS_FAILED;
            if (runtime.shared().abortReason() != null) {
                request.err().println("fusillade: the script aborted the test: " + runtime.shared().abortReason());
                outcomeText = "aborted";
                exit = ExitCodes.SCRIPT_ABORTED;
            }
        }
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
        if (outcome.interruptedVus() > 0) {
            request.err().println("note: " + outcome.interruptedVus() + " VU(s) were stopped mid-iteration when the graceful stop ("
                    + Durations.format(options.gracefulStop()) + ") ran out");
        }
        if (log.iterationErrors() > 0) {
            request.err().println("note: " + log.iterationErrors() + " iteration(s) ended in a script error");
        }
        if (outcome.firstIterationNanoTime() > 0) {
            double startup = clock.toEpochNanos(outcome.firstIterationNanoTime()) / 1e6
                    - ManagementFactory.getRuntimeMXBean().getStartTime();
            request.out().printf(Locale.ROOT, "%nstartup: first iteration %.2f s after launch%n", startup / 1000);
        }
        request.out().println("run directory: " + dir.path());
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping because of a signal; the hook is running.
        }
        return exit;
    }

    private void printBanner(RunDirectory dir, TestOptions options, ScriptRuntime runtime) {
        String length = options.duration() != null
                ? Durations.format(options.duration()) + (options.iterations() > 0 ? " or " + options.iterations() + " iterations each" : "")
                : options.iterations() + " iteration(s) each";
        request.err().printf(Locale.ROOT, "%n  script: %s%n  output: %s%n  scenario: %d VU(s), %s (graceful stop %s)%n  engine: %s%n%n",
                request.script(), dir.path(), options.workers(), length, Durations.format(options.gracefulStop()),
                runtime.jitEnabled() ? "GraalJS, JIT" : "GraalJS, INTERPRETED");
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
