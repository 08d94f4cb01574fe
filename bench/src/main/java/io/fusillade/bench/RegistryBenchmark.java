package io.fusillade.bench;

import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.ingest.Dictionary;
import io.fusillade.ingest.SampleEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Nanoseconds for the metric registry to take one REQUEST record: eight HdrHistograms, the
 * counters, the status tally and the per-endpoint breakdown. Once every endpoint has been
 * seen this should allocate nothing; {@code -prof gc} shows it.
 *
 * <p>The registry first reads the dictionary entries a run would have sent, and records cycle
 * through a pool of varied ones, so histogram buckets and endpoints change from call to call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RegistryBenchmark extends BenchmarkFork {
    private static final int POOL = 1024;

    private MetricRegistry registry;
    private SampleEvent[] records;
    private int next;

    @Setup(Level.Trial)
    public void prepare() {
        registry = new MetricRegistry();
        Dictionary dictionary = FeedingDictionary.into(entry -> registry.onSample(entry, false));
        records = new RequestSource(RequestIds.intern(dictionary), 3).records(POOL);
    }

    @Benchmark
    public void onRequest() {
        int i = next;
        next = (i + 1) & (POOL - 1);
        registry.onSample(records[i], false);
    }
}
