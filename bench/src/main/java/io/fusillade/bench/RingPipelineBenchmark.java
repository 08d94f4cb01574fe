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
 * two producer threads standing in for VUs. The score counts a record only once the slowest
 * consumer has nearly caught up with it: each invocation publishes a batch, then waits until
 * every consumer has finished everything published before that batch began. Consumers thus
 * trail by at most one batch per producer, so the score is the pipeline's sustained rate, not
 * the speed of filling the ring's 64 Ki slots of slack.
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
        long publishedBefore = ring.published();
        RequestSource source = producer.source;
        for (int i = 0; i < BATCH; i++) {
            ring.publish(REQUEST, source);
        }
        pipeline.awaitConsumed(publishedBefore);
    }
}
