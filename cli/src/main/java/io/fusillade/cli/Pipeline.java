package io.fusillade.cli;

import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.engine.http.ClientWarmup;
import io.fusillade.aggregator.threshold.ThresholdResult;
import io.fusillade.aggregator.threshold.ThresholdWatcher;
import io.fusillade.aggregator.metric.ScenarioMetrics;
import io.fusillade.engine.http.HttpClientConfig;
import io.fusillade.engine.http.HttpClientEngine;
import io.fusillade.engine.http.ProtocolSettings;
import io.fusillade.engine.http.HttpTransport;
import io.fusillade.ingest.SampleRing;
import io.fusillade.ingest.SampleSink;
import io.fusillade.journal.JournalWriter;
import io.fusillade.journal.RunDirectory;
import io.fusillade.journal.RunMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A run's sample pipeline and network client: the run directory, the ring with its journal
 * writer and live aggregator, and the HTTP client. Opening it loads Chronicle Queue and
 * Netty, which takes a good part of a second, so a run opens it while the JS engine starts.
 */
final class Pipeline {
    private final RunDirectory dir;
    private final MetricRegistry registry;
    private final ThresholdWatcher watcher;
    private final ScenarioMetrics scenarioMetrics;
    private final SampleRing ring;
    private HttpClientEngine http;

    private Pipeline(RunDirectory dir, MetricRegistry registry, ThresholdWatcher watcher, ScenarioMetrics scenarioMetrics,
                     SampleRing ring, HttpClientEngine http) {
        this.dir = dir;
        this.registry = registry;
        this.watcher = watcher;
        this.scenarioMetrics = scenarioMetrics;
        this.ring = ring;
        this.http = http;
    }

    /**
     * Creates a new run directory under {@code runsRoot}, records that {@code script} is starting
     * there (so even a run that dies in its first second leaves a readable run.json), and
     * starts the ring's consumers: the journal, the aggregator behind a live threshold watcher
     * that calls {@code onAbort}, and {@code outputs}.
     */
    static Pipeline open(Path runsRoot, Path script, boolean insecureSkipTlsVerify, List<SampleSink> outputs,
                         Consumer<List<ThresholdResult>> onAbort) {
        RunDirectory dir = RunDirectory.create(runsRoot);
        // The script's hash and options are filled in once the script has loaded.
        RunMetadata.started(dir.id(), script.toString(), null, Instant.now(),
                VersionCommand.fusilladeVersion(), Map.of()).write(dir.metadataPath());
        MetricRegistry registry = new MetricRegistry();
        ScenarioMetrics scenarioMetrics = ScenarioMetrics.forRun();
        ThresholdWatcher watcher = new ThresholdWatcher(registry, List.of(), Duration.ofSeconds(1), onAbort);
        List<SampleSink> sinks = new ArrayList<>(List.of(new JournalWriter(dir.journalPath()), watcher, scenarioMetrics));
        sinks.addAll(outputs);
        SampleRing ring = new SampleRing(SampleRing.DEFAULT_SIZE, sinks).start();
        HttpClientEngine http = new HttpClientEngine(HttpClientConfig.defaults().withTransport(transport())
                .withInsecureSkipTlsVerify(insecureSkipTlsVerify));
        ClientWarmup.run(http);
        return new Pipeline(dir, registry, watcher, scenarioMetrics, ring, http);
    }

    /** The HTTP transport: the default, or {@code -Dfusillade.http.transport=netty|socket} to compare them. */
    private static HttpTransport transport() {
        String chosen = System.getProperty("fusillade.http.transport");
        if (chosen == null) {
            return HttpClientConfig.defaults().transport();
        }
        try {
            return HttpTransport.valueOf(chosen.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid -Dfusillade.http.transport '" + chosen + "': expected socket or netty", e);
        }
    }

    RunDirectory dir() {
        return dir;
    }

    MetricRegistry registry() {
        return registry;
    }

    /** Judges thresholds live; give it the run's thresholds once they are known. */
    ThresholdWatcher watcher() {
        return watcher;
    }

    /** Per-scenario metrics, for thresholds narrowed to a scenario. */
    ScenarioMetrics scenarioMetrics() {
        return scenarioMetrics;
    }

    SampleRing ring() {
        return ring;
    }

    /** The HTTP client, rebuilt first when the script's TLS or protocol choices differ from those it was opened with. */
    HttpClientEngine http(boolean insecureSkipTlsVerify, ProtocolSettings protocol) {
        HttpClientConfig wanted = http.config().withInsecureSkipTlsVerify(insecureSkipTlsVerify).with(protocol);
        if (!wanted.equals(http.config())) {
            http.close();
            http = new HttpClientEngine(wanted);
        }
        return http;
    }

    /** Drains the ring (journal and aggregator see every record) and closes the client. */
    void close() {
        ring.close();
        http.close();
    }

    /** For a run that never started (bad script or options): closes everything and removes its directory. */
    void discard() {
        close();
        try (Stream<Path> paths = Files.walk(dir.path())) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Leaving an empty run directory behind is harmless.
        }
    }
}
