package io.fusillade.bench;

import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.aggregator.output.Outputs;
import io.fusillade.ingest.Dictionary;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Nanoseconds for a stream output to take one REQUEST record, on the consumer thread that
 * feeds it: {@code --json} (NDJSON to a discarding stream), {@code --out csv} (a real file in
 * the temp folder), the HTML report's timeline, and for scale the metric registry every run has.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OutputsBenchmark extends BenchmarkFork {
    private static final int POOL = 1024;
    private static final long MS = 1_000_000L;

    @Param({"json", "csv", "html", "registry"})
    public String output;

    private SampleSink sink;
    private SampleEvent[] records;
    private Path file;
    private int next;
    private long clock;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        file = Files.createTempFile("fusillade-outputs-bench", ".csv");
        OutputStream discard = OutputStream.nullOutputStream();
        sink = switch (output) {
            case "json" -> only(Outputs.open(new Outputs.Options(true, null, List.of(), null, null, null), discard));
            case "csv" -> only(Outputs.open(new Outputs.Options(false, null, List.of("csv=" + file), null, null, null), discard));
            case "html" -> only(Outputs.open(new Outputs.Options(false, file.resolveSibling("r.html"), List.of(), null, null, null), discard));
            default -> new MetricRegistry();
        };
        Dictionary dictionary = FeedingDictionary.into(this::feed);
        records = new RequestSource(RequestIds.intern(dictionary), 3).records(POOL);
        clock = 1_700_000_000_000_000_000L;
    }

    private static SampleSink only(Outputs outputs) {
        return outputs.sinks().getFirst();
    }

    private void feed(SampleEvent e) {
        try {
            sink.onSample(e, false);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Benchmark
    public void onRequest() {
        int i = next;
        next = (i + 1) & (POOL - 1);
        SampleEvent e = records[i];
        // Time moves on by 20 µs a record (50k req/s), so per-second aggregates roll over as in a run.
        clock += 20_000;
        e.startNanos = clock;
        feed(e);
    }

    @TearDown(Level.Trial)
    public void finish() throws Exception {
        sink.onEnd();
        Files.deleteIfExists(file);
    }
}
