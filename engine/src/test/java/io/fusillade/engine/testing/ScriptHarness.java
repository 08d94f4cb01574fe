package io.fusillade.engine.testing;

import io.fusillade.engine.http.HttpClientConfig;
import io.fusillade.engine.http.HttpClientEngine;
import io.fusillade.engine.js.ScriptRuntime;
import io.fusillade.engine.js.VuRuntime;
import io.fusillade.engine.js.host.RunServices;
import io.fusillade.engine.js.host.ScriptLog;
import io.fusillade.engine.js.host.RunShared;
import io.fusillade.ingest.Dictionary;
import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleRing;
import io.fusillade.ingest.SampleSink;
import io.fusillade.ingest.TagSets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a script's VUs in-process, as the executor would, against a real local server
 * ({@link LocalTarget}, its URL in {@code __ENV.BASE_URL}), and keeps every record they
 * publish and everything they print: for tests of the JS API. Each test gets a fresh folder
 * for the script and its files: {@code @RegisterExtension static final ScriptHarness JS = new ScriptHarness();}
 */
public final class ScriptHarness implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    /** Copies of every record, with the run's dictionary to read names. */
    public static final class Collector implements SampleSink {
        public final List<SampleEvent> events = new ArrayList<>();
        public final Dictionary dictionary = new Dictionary();

        @Override
        public synchronized void onSample(SampleEvent event, boolean endOfBatch) {
            if (event.kind == SampleKind.DICTIONARY) {
                dictionary.define(event.entryId, event.text);
            }
            SampleEvent copy = new SampleEvent();
            copy.copyFrom(event);
            events.add(copy);
        }

        public synchronized List<SampleEvent> of(SampleKind kind) {
            return events.stream().filter(e -> e.kind == kind).toList();
        }

        /** The name of a record's name id. */
        public String name(SampleEvent e) {
            return dictionary.text(e.nameId);
        }

        /** The tags of a record. */
        public Map<String, String> tags(SampleEvent e) {
            return e.tagSetId == 0 ? Map.of() : TagSets.decode(dictionary.text(e.tagSetId));
        }
    }

    /** What a run left behind. */
    public record Run(Collector collected, String stdout, String stderr, List<String> errors, RunShared shared) {
    }

    private final LocalTarget local = new LocalTarget();
    private Path dir;

    @Override
    public void beforeAll(ExtensionContext context) {
        local.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        local.afterAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("fusillade-script");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** This test's folder, where the script is written: put the files it opens or imports here. */
    public Path dir() {
        return dir;
    }

    /** The local server. */
    public LocalTarget local() {
        return local;
    }

    /** Writes {@code source} as {@code test.js} and runs {@code iterations} iterations on each of {@code vus} VUs, one after another. */
    public Run run(String source, int vus, int iterations) throws IOException {
        return run(source, 1, vus, iterations, local.http());
    }

    /** Runs {@code source}'s init code once with unit tests enabled, as {@code fusillade test} does. */
    public Run runTests(String source) throws IOException {
        return run(source, 1, 1, 0, local.http(), true);
    }

    /** {@link #run(String, int, int)} with VU numbers from {@code firstVu} and a chosen HTTP client. */
    public Run run(String source, int firstVu, int vus, int iterations, HttpClientEngine http) throws IOException {
        return run(source, firstVu, vus, iterations, http, false);
    }

    private Run run(String source, int firstVu, int vus, int iterations, HttpClientEngine http, boolean tests) throws IOException {
        Map<String, String> env = Map.of("BASE_URL", local.target().baseUrl());
        Path script = dir.resolve("test.js");
        Files.writeString(script, source);
        Collector collector = new Collector();
        SampleRing ring = new SampleRing(1024, List.of(collector)).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ScriptLog log = new ScriptLog(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ScriptLog.Level.DEBUG);
        RunServices services = new RunServices(ring, new EpochClock(), http, log, env, HttpClientConfig.DEFAULT_TIMEOUT, false);
        List<String> errors = new ArrayList<>();
        RunShared shared;
        try (ScriptRuntime runtime = ScriptRuntime.load(script)) {
            shared = runtime.shared();
            if (tests) {
                shared.enableTests();
            }
            int scenarioId = ring.dictionary().intern("default");
            for (int vu = firstVu; vu < firstVu + vus; vu++) {
                try (VuRuntime runtimeVu = new VuRuntime(runtime, vu, scenarioId, "default", services)) {
                    for (int i = 0; i < iterations; i++) {
                        String error = runtimeVu.iterate(i);
                        if (error != null) {
                            errors.add(error);
                            log.iterationError(vu, error);
                        }
                    }
                }
            }
        } finally {
            ring.close();
        }
        return new Run(collector, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), errors, shared);
    }
}
