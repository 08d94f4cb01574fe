package io.fusillade.ingest;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's sample stream: a multi-producer LMAX Disruptor ring in which every
 * {@link SampleSink} sees every record, each on its own platform thread.
 *
 * <p>VU threads publish with {@link #publish(SampleWriter, Object)}, writing straight into a
 * pre-allocated slot. The ring also owns the run's {@link Dictionary}: a new string is
 * published as a DICTIONARY record before its id is handed out, so readers of the stream
 * (and of its journal) always meet an entry before its first use.
 *
 * <p>The wait strategy sleeps briefly when consumers are idle, so publishing never pays
 * for waking a consumer; consumers trail producers by about a millisecond at most.
 */
public final class SampleRing implements AutoCloseable {
    /** Default slots: 64 Ki records, a few MB, enough to ride out a consumer's pause. */
    public static final int DEFAULT_SIZE = 1 << 16;

    private record Entry(int id, String text) {
    }

    private static final SampleWriter<Entry> DICTIONARY_ENTRY = (slot, entry) -> {
        slot.kind = SampleKind.DICTIONARY;
        slot.entryId = entry.id();
        slot.text = entry.text();
    };

    private static final SampleWriter<SampleEvent> COPY = SampleEvent::copyFrom;

    private final Disruptor<SampleEvent> disruptor;
    private final RingBuffer<SampleEvent> ring;
    private final Dictionary dictionary;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Throwable> sinkFailures = new CopyOnWriteArrayList<>();
    private final AtomicLong sinkErrors = new AtomicLong();
    private final CountDownLatch consumersStarted;
    private boolean started;
    private boolean closed;

    /** A ring of {@code size} slots (a power of two) delivering to {@code sinks}. */
    public SampleRing(int size, List<SampleSink> sinks) {
        ThreadFactory threadFactory = runnable -> {
            Thread t = Thread.ofPlatform().name("sample-consumer-" + threads.size()).daemon(true).unstarted(runnable);
            threads.add(t);
            return t;
        };
        // An idle consumer yields a few times, then naps half a millisecond: on 2 cores a longer
        // spin takes CPU from the VUs, and parking at once made batches too small. Measured on
        // 10 s runs of 50 VUs: 55-61k req/s against 49-57k for park-at-once and 55-59k for 200 spins.
        this.disruptor = new Disruptor<>(SampleEvent::new, size, threadFactory, ProducerType.MULTI,
                new SleepingWaitStrategy(20, 500_000));
        this.ring = disruptor.getRingBuffer();
        this.dictionary = new Dictionary((id, text) -> publish(DICTIONARY_ENTRY, new Entry(id, text)));
        this.consumersStarted = new CountDownLatch(sinks.size());
        List<SinkHandler> handlers = new ArrayList<>();
        for (SampleSink sink : sinks) {
            handlers.add(new SinkHandler(sink));
        }
        disruptor.handleEventsWith(handlers.toArray(new SinkHandler[0]));
        disruptor.setDefaultExceptionHandler(new CountingExceptionHandler());
    }

    /**
     * Starts the consumer threads and waits until each is running, so that a {@link #close()}
     * right after cannot halt a consumer before it has seen what was published.
     * Publishing before this blocks once the ring fills.
     */
    public synchronized SampleRing start() {
        if (!started) {
            disruptor.start();
            started = true;
            try {
                if (!consumersStarted.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("sample consumers did not start within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting sample consumers", e);
            }
        }
        return this;
    }

    /** The run's string table; interning a new string publishes its entry. */
    public Dictionary dictionary() {
        return dictionary;
    }

    /**
     * Claims the next slot, lets {@code writer} fill it from {@code argument}, and publishes it.
     * Safe from any number of threads; blocks (spinning briefly) only when the ring is full.
     */
    public <A> void publish(SampleWriter<A> writer, A argument) {
        long sequence = ring.next();
        try {
            SampleEvent slot = ring.get(sequence);
            slot.clear();
            writer.write(slot, argument);
        } finally {
            ring.publish(sequence);
        }
    }

    /**
     * Claims the next slot for a writer that fills it with explicit arguments: {@code long seq =
     * ring.claim(); try { fill(ring.slot(seq), ...); } finally { ring.publish(seq); }}. Every
     * claimed sequence must be published, or the ring stalls.
     */
    public long claim() {
        return ring.next();
    }

    /** The slot of a claimed sequence, cleared. */
    public SampleEvent slot(long sequence) {
        SampleEvent slot = ring.get(sequence);
        slot.clear();
        return slot;
    }

    /** Makes a claimed and filled slot visible to the sinks. */
    public void publish(long sequence) {
        ring.publish(sequence);
    }

    /** Publishes a copy of {@code event} (a record replayed from a journal or another ring). */
    public void publishCopy(SampleEvent event) {
        publish(COPY, event);
    }

    /** Records published so far. */
    public long published() {
        return ring.getCursor() + 1;
    }

    /** Exceptions thrown by sinks so far (each one logged, the record skipped for that sink). */
    public long sinkErrors() {
        return sinkErrors.get();
    }

    /**
     * Waits until every sink has consumed every published record, tells each sink the stream
     * ended, and stops the consumer threads. Publishing after this is an error.
     *
     * @throws IllegalStateException when a sink failed to finish; the message names the cause
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!started) {
            start();
        }
        disruptor.shutdown();
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!sinkFailures.isEmpty()) {
            Throwable first = sinkFailures.get(0);
            IllegalStateException failure = new IllegalStateException("a sample consumer failed to finish: " + first.getMessage(), first);
            sinkFailures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private final class SinkHandler implements EventHandler<SampleEvent> {
        private final SampleSink sink;

        SinkHandler(SampleSink sink) {
            this.sink = sink;
        }

        @Override
        public void onStart() {
            consumersStarted.countDown();
        }

        @Override
        public void onEvent(SampleEvent event, long sequence, boolean endOfBatch) throws Exception {
            sink.onSample(event, endOfBatch);
        }

        @Override
        public void onShutdown() {
            try {
                sink.onEnd();
            } catch (Throwable t) {
                sinkFailures.add(t);
            }
        }
    }

    private final class CountingExceptionHandler implements ExceptionHandler<SampleEvent> {
        private final System.Logger log = System.getLogger(SampleRing.class.getName());

        @Override
        public void handleEventException(Throwable ex, long sequence, SampleEvent event) {
            if (sinkErrors.incrementAndGet() <= 10) {
                log.log(System.Logger.Level.WARNING, "sample consumer failed on record " + sequence + ": " + event, ex);
            }
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            sinkFailures.add(ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            sinkFailures.add(ex);
        }
    }
}
