package io.fusillade.engine.executor;

import io.fusillade.engine.http.HttpClientConfig;
import io.fusillade.engine.http.HttpClientEngine;
import io.fusillade.engine.js.ScriptRuntime;
import io.fusillade.engine.js.VuRuntime;
import io.fusillade.engine.js.host.RunServices;
import io.fusillade.engine.js.host.ScriptLog;
import io.fusillade.engine.options.OptionsResolver;
import io.fusillade.engine.options.TestOptions;
import io.fusillade.engine.testing.LocalTarget;
import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleRing;
import io.fusillade.ingest.SampleSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A script run through the real options resolver and {@link Execution}, with every record the
 * run publishes kept in order: the stream its journal would hold, read back as the oracle.
 */
record RecordedRun(ExecutionOutcome outcome, List<SampleEvent> records, Map<Integer, String> names, double seconds,
                   long iterationErrors) {

    /** Keeps a copy of every record. */
    private static final class Recorder implements SampleSink {
        final List<SampleEvent> records = new ArrayList<>();

        @Override
        public void onSample(SampleEvent event, boolean endOfBatch) {
            SampleEvent copy = new SampleEvent();
            copy.copyFrom(event);
            records.add(copy);
        }
    }

    /** Runs {@code source} (written to {@code dir}) against {@code local}'s server, whose URL is {@code __ENV.BASE_URL}. */
    static RecordedRun against(LocalTarget local, Path dir, String source) throws Exception {
        return of(dir, source, local.http(), Map.of("BASE_URL", local.target().baseUrl()));
    }

    /** Runs {@code source} (written to {@code dir}) with the options it exports. */
    static RecordedRun of(Path dir, String source, HttpClientEngine http, Map<String, String> env) throws Exception {
        return of(dir, source, http, env, execution -> { });
    }

    /** As {@link #of(Path, String, HttpClientEngine, Map)}, handing the execution to {@code control} once it runs. */
    static RecordedRun of(Path dir, String source, HttpClientEngine http, Map<String, String> env,
                          Consumer<Execution> control) throws Exception {
        Path script = dir.resolve("script.js");
        Files.writeString(script, source);
        Recorder recorder = new Recorder();
        SampleRing ring = new SampleRing(1 << 14, List.of(recorder)).start();
        EpochClock clock = new EpochClock();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        ScriptLog log = new ScriptLog(quiet, quiet, ScriptLog.Level.INFO);
        RunServices services = new RunServices(ring, clock, http, log, env, HttpClientConfig.DEFAULT_TIMEOUT, false);
        ExecutionOutcome outcome;
        long start = System.nanoTime();
        try (ScriptRuntime runtime = ScriptRuntime.load(script)) {
            Map<String, Object> options;
            try (VuRuntime init = new VuRuntime(runtime, 1, 0, "default", null, services)) {
                options = init.options();
            }
            TestOptions resolved = new OptionsResolver().resolve(options, OptionsResolver.Overrides.none());
            Execution execution = new Execution(resolved.scenarios(), (vu, scenario, id) -> {
                Map<String, String> scenarioEnv = new java.util.HashMap<>(env);
                scenarioEnv.putAll(scenario.env());
                RunServices own = new RunServices(ring, clock, http, log, scenarioEnv, HttpClientConfig.DEFAULT_TIMEOUT,
                        scenario.responseSink());
                return new VuRuntime(runtime, vu, id, scenario.name(), scenario.exec(), own, scenario.tags());
            }, ring, clock, log);
            Thread controller = Thread.ofVirtual().start(() -> control.accept(execution));
            outcome = execution.run();
            controller.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ring.close();
        Map<Integer, String> names = new java.util.HashMap<>();
        for (SampleEvent e : recorder.records) {
            if (e.kind == SampleKind.DICTIONARY) {
                names.put(e.entryId, e.text);
            }
        }
        return new RecordedRun(outcome, recorder.records, names, seconds, log.iterationErrors());
    }

    List<SampleEvent> of(SampleKind kind) {
        return records.stream().filter(e -> e.kind == kind).toList();
    }

    List<SampleEvent> iterationsOf(String scenario) {
        return of(SampleKind.ITERATION).stream().filter(e -> scenario.equals(names.get(e.scenarioId))).toList();
    }

    /** The {@code vus} gauge readings, in order. */
    List<SampleEvent> vusReadings() {
        return of(SampleKind.VU_GAUGE).stream().filter(e -> "vus".equals(names.get(e.nameId))).toList();
    }
}
