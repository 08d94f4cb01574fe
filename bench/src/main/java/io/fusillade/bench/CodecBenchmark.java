package io.fusillade.bench;

import io.fusillade.ingest.Dictionary;
import io.fusillade.ingest.SampleCodec;
import io.fusillade.ingest.SampleEvent;
import java.nio.ByteBuffer;
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
 * Nanoseconds to encode a REQUEST record into a reused buffer, to decode one into a reused
 * event, and both in turn: the journal writer's per-record work and the reader's. Run with
 * {@code -prof gc}: {@code gc.alloc.rate.norm} should read 0 B/op, since the journal encodes
 * every record of a run.
 *
 * <p>Records cycle through a pool of varied ones (see {@link RequestSource}), so varint
 * lengths change from call to call as they do in a run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark extends BenchmarkFork {
    private static final int POOL = 1024;

    private SampleEvent[] records;
    private final ByteBuffer buffer = ByteBuffer.allocate(SampleCodec.MAX_FIXED_RECORD_BYTES);
    private final SampleEvent decoded = new SampleEvent();
    private ByteBuffer encodedPool;
    private int[] offsets;
    private int next;

    @Setup(Level.Trial)
    public void fillPool() {
        records = new RequestSource(RequestIds.intern(new Dictionary()), 7).records(POOL);
        encodedPool = ByteBuffer.allocate(POOL * SampleCodec.MAX_FIXED_RECORD_BYTES);
        offsets = new int[POOL];
        for (int i = 0; i < POOL; i++) {
            offsets[i] = encodedPool.position();
            SampleCodec.encode(records[i], encodedPool);
        }
    }

    private int advance() {
        int i = next;
        next = (i + 1) & (POOL - 1);
        return i;
    }

    /** Returns the encoded length so the work cannot be dropped. */
    @Benchmark
    public int encode() {
        buffer.clear();
        SampleCodec.encode(records[advance()], buffer);
        return buffer.position();
    }

    @Benchmark
    public long decode() {
        encodedPool.position(offsets[advance()]);
        SampleCodec.decode(encodedPool, decoded);
        return decoded.durationNanos;
    }

    @Benchmark
    public long encodeThenDecode() {
        buffer.clear();
        SampleCodec.encode(records[advance()], buffer);
        buffer.flip();
        SampleCodec.decode(buffer, decoded);
        return decoded.durationNanos;
    }
}
