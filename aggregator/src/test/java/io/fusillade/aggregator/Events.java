package io.fusillade.aggregator;

import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.MetricType;
import io.fusillade.ingest.SampleCodec;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleRing;
import io.fusillade.ingest.SampleSink;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hand-written sample stream for tests: records as the engine would publish them, with
 * DICTIONARY records ahead of each string's first use, playable into a sink, a real ring,
 * or through the journal's binary codec.
 */
public final class Events {
    /** An arbitrary wall-clock origin, epoch nanoseconds. */
    public static final long T0 = 1_700_000_000_000_000_000L;
    public static final long MS = 1_000_000L;

    private final List<SampleEvent> events = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();

    public List<SampleEvent> list() {
        return events;
    }

    public int id(String text) {
        Integer id = ids.get(text);
        if (id != null) {
            return id;
        }
        int next = ids.size() + 1;
        ids.put(text, next);
        SampleEvent entry = new SampleEvent();
        entry.kind = SampleKind.DICTIONARY;
        entry.entryId = next;
        entry.text = text;
        events.add(entry);
        return next;
    }

    private SampleEvent add(SampleKind kind, long startNanos) {
        SampleEvent e = new SampleEvent();
        e.clear();
        e.kind = kind;
        e.startNanos = startNanos;
        e.intendedStartNanos = startNanos;
        events.add(e);
        return e;
    }

    public Events marker(String label, long atNanos) {
        add(SampleKind.MARKER, atNanos).text = label;
        return this;
    }

    public Events meta(String json) {
        add(SampleKind.RUN_META, T0).text = json;
        return this;
    }

    /** A request; the returned record can be adjusted (phases, bytes, error) before playing. */
    public SampleEvent request(String method, String name, long startNanos, long durationNanos, int status) {
        int methodId = id(method);
        int nameId = id(name);
        SampleEvent e = add(SampleKind.REQUEST, startNanos);
        e.durationNanos = durationNanos;
        e.waitingNanos = durationNanos;
        e.status = status;
        e.methodId = methodId;
        e.nameId = nameId;
        e.vu = 1;
        return e;
    }

    public SampleEvent networkError(String method, String name, long startNanos, long durationNanos, ErrorCode error) {
        SampleEvent e = request(method, name, startNanos, durationNanos, 0);
        e.error = error;
        return e;
    }

    public Events iteration(long startNanos, long durationNanos, long sleepNanos) {
        SampleEvent e = add(SampleKind.ITERATION, startNanos);
        e.durationNanos = durationNanos;
        e.sleepNanos = sleepNanos;
        return this;
    }

    /** An arrival-rate iteration planned for {@code plannedNanos} that started at {@code startNanos}. */
    public Events plannedIteration(long plannedNanos, long startNanos, long durationNanos) {
        iteration(startNanos, durationNanos, 0);
        events.getLast().intendedStartNanos = plannedNanos;
        return this;
    }

    public Events check(String name, long atNanos, boolean passed, String message) {
        int nameId = id(name);
        SampleEvent e = add(SampleKind.CHECK, atNanos);
        e.nameId = nameId;
        e.value = passed ? 1 : 0;
        e.text = message;
        return this;
    }

    public Events metric(String name, MetricType type, long atNanos, double value) {
        int nameId = id(name);
        SampleEvent e = add(SampleKind.METRIC, atNanos);
        e.nameId = nameId;
        e.metricType = type;
        e.value = value;
        return this;
    }

    public Events gauge(String name, long atNanos, double value) {
        int nameId = id(name);
        SampleEvent e = add(SampleKind.VU_GAUGE, atNanos);
        e.nameId = nameId;
        e.value = value;
        return this;
    }

    public Events dropped(long atNanos) {
        add(SampleKind.DROPPED_ITERATION, atNanos);
        return this;
    }

    /** Feeds every record straight to {@code sink} through one reused slot, then ends the stream. */
    public void feed(SampleSink sink) throws Exception {
        SampleEvent slot = new SampleEvent();
        for (int i = 0; i < events.size(); i++) {
            slot.clear();
            slot.copyFrom(events.get(i));
            sink.onSample(slot, i == events.size() - 1);
        }
        sink.onEnd();
    }

    /** Publishes every record into a real ring delivering to {@code sinks}, and closes it. */
    public void publish(List<SampleSink> sinks) {
        List<CountingSink> counted = sinks.stream().map(CountingSink::new).toList();
        try (SampleRing ring = new SampleRing(1024, List.copyOf(counted)).start()) {
            for (SampleEvent e : events) {
                ring.publishCopy(e);
            }
            awaitDelivered(counted, events.size());
        }
    }

    /**
     * Waits until every sink has seen {@code count} records. A ring closed before its consumer
     * threads have started would skip what was published, so tests let them catch up first.
     */
    public static void awaitDelivered(List<CountingSink> sinks, long count) {
        long deadline = System.nanoTime() + 10_000 * MS;
        while (sinks.stream().anyMatch(s -> s.seen.get() < count) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** Passes records on and counts them. */
    public static final class CountingSink implements SampleSink {
        private final SampleSink delegate;
        final AtomicLong seen = new AtomicLong();

        public CountingSink(SampleSink delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onSample(SampleEvent event, boolean endOfBatch) throws Exception {
            delegate.onSample(event, endOfBatch);
            seen.incrementAndGet();
        }

        @Override
        public void onEnd() throws Exception {
            delegate.onEnd();
        }
    }

    /** Encodes every record with the journal codec, then decodes each into {@code sink}, as a replay would. */
    public void replay(SampleSink sink) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(events.size() * (SampleCodec.MAX_FIXED_RECORD_BYTES + 256) + 1024);
        for (SampleEvent e : events) {
            SampleCodec.encode(e, buffer);
        }
        buffer.flip();
        SampleEvent slot = new SampleEvent();
        while (buffer.hasRemaining()) {
            SampleCodec.decode(buffer, slot);
            sink.onSample(slot, !buffer.hasRemaining());
        }
        sink.onEnd();
    }
}
