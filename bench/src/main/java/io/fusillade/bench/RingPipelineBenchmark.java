package io.fusillade.bench;

import io.fusillade.ingest.SampleRing;
import io.fusillade.ingest.SampleWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * REQUEST records per second through the sample ring into its consumers, with one and with
 * two producer threads standing in for VUs. Each invocation publishes a batch, then waits
 * until the slowest consumer is no more than {@link #MAX_LAG} records behind the ring's head.
 * The score is therefore the rate the consumers sustain, give or take {@code MAX_LAG} records
 * per iteration (well under 1% of a 2 s iteration), not the speed of filling the ring's 64 Ki
 * slots of slack.
 *
 * <p>The lag allowance is not zero because an idle consumer sleeps (the ring's wait strategy
 * parks it for about 200 µs): a producer that waited for every record would measure those
 * naps instead of the pipeline. 16 Ki records take a fast producer about a millisecond.
 *
 * <p>{@link Consumers#RING_ONLY} is the baseline; {@code FULL / RING_ONLY} is what the journal
 * and registry cost. At the end of each trial the ring is drained and closed, and the trial
 * fails unless every consumer saw every record; the line it prints says what each one saw.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RingPipelineBenchmark extends BenchmarkFork {
    /** Records per invocation: large enough that waiting on consumers is rare, small next to a second's worth. */
    static final int BATCH = 1024;
    /** How far the slowest consumer may trail the ring's head before producers wait for it. */
    static final int MAX_LAG = 16 * 1024;

    /** Non-capturing, so one instance serves every publish: publishing allocates nothing. */
    private static final SampleWriter<RequestSource> REQUEST = (slot, source) -> source.writeTo(slot);

    @Param({"RING_ONLY", "JOURNAL", "REGISTRY", "FULL"})
    public Consumers consumers;

    private MeasuredPipeline pipeline;
    private final AtomicInteger nextVu = new AtomicInteger(1);

    @Setup(Level.Trial)
    public void startPipeline() {
        pipeline = MeasuredPipeline.start(consumers);
    }

    @TearDown(Level.Trial)
    public void finishPipeline() {
        System.out.println();
        System.out.println(pipeline.finish());
    }

    /** One producer thread: a VU with its own record source. */
    @State(Scope.Thread)
    public static class Producer {
        RequestSource source;

        @Setup(Level.Trial)
        public void join(RingPipelineBenchmark benchmark) {
            source = new RequestSource(benchmark.pipeline.ids(), benchmark.nextVu.getAndIncrement());
        }
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public void oneProducer(Producer producer) {
        publishBatch(producer);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public void twoProducers(Producer producer) {
        publishBatch(producer);
    }

    private void publishBatch(Producer producer) {
        SampleRing ring = pipeline.ring();
        RequestSource source = producer.source;
        for (int i = 0; i < BATCH; i++) {
            ring.publish(REQUEST, source);
        }
        pipeline.awaitConsumed(ring.published() - MAX_LAG);
    }
}
