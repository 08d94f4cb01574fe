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
import org.openjdk.jmh.infra.Control;

/**
 * REQUEST records per second through the sample ring into its consumers, with one and with
 * two producer threads standing in for VUs. Producers publish in batches and are held back
 * only by the ring itself when it is full, as VUs are in a run.
 *
 * <p>The score counts consumption, not just publishing: once JMH signals the end of an
 * iteration, the invocation in flight waits until every consumer has finished every record
 * published so far, and JMH stops the clock only after that invocation returns. Records still
 * queued in the ring's 64 Ki slots are thus paid for inside the measured time instead of
 * flattering the score. (A backlog left from before the measured window works the other way,
 * by at most 64 Ki records: about 1% of a 2 s iteration at 3 M records/s, less when faster.)
 *
 * <p>{@link Consumers#RING_ONLY} is the baseline. Spread over two cores it is a poor one: a
 * consumer that does nothing stays on the producer's heels, cache lines bounce between the
 * cores and the producer slows down, below the rate it reaches with slower consumers. Pinned
 * to one core ({@code taskset -c 0}) the score is the inverse of the pipeline's CPU time per
 * record, and {@code FULL / RING_ONLY} is the ring's share of it.
 *
 * <p>At the end of each trial the ring is drained and closed, and the trial fails unless every
 * consumer saw every record; the line it prints says what each one saw.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RingPipelineBenchmark extends BenchmarkFork {
    /** Records per invocation: enough to make JMH's own per-call cost negligible. */
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
    public void oneProducer(Producer producer, Control control) {
        publishBatch(producer, control);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public void twoProducers(Producer producer, Control control) {
        publishBatch(producer, control);
    }

    private void publishBatch(Producer producer, Control control) {
        SampleRing ring = pipeline.ring();
        RequestSource source = producer.source;
        for (int i = 0; i < BATCH; i++) {
            ring.publish(REQUEST, source);
        }
        if (control.stopMeasurement) {
            pipeline.awaitConsumed(ring.published());
        }
    }
}
