package io.fusillade.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SampleRingTest {

    /** Collects what it sees, as a consumer thread would. */
    private static final class Recorder implements SampleSink {
        final List<String> dictionaryFirstUse = new ArrayList<>();
        final java.util.Set<Integer> defined = new java.util.HashSet<>();
        final AtomicLong requests = new AtomicLong();
        boolean ended;
        boolean usedBeforeDefined;

        @Override
        public void onSample(SampleEvent event, boolean endOfBatch) {
            switch (event.kind) {
                case DICTIONARY -> defined.add(event.entryId);
                case REQUEST -> {
                    requests.incrementAndGet();
                    if (!defined.contains(event.nameId)) {
                        usedBeforeDefined = true;
                    }
                }
                default -> { }
            }
        }

        @Override
        public void onEnd() {
            ended = true;
        }
    }

    @Test
    void everySinkSeesEveryRecordAndDictionaryEntriesComeFirst() throws Exception {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        SampleRing ring = new SampleRing(1024, List.of(a, b)).start();
        int threads = 4;
        int perThread = 25_000;
        List<Thread> producers = new ArrayList<>();
        ConcurrentHashMap<Integer, Boolean> ids = new ConcurrentHashMap<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            producers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    int nameId = ring.dictionary().intern("name-" + (i % 50));
                    ids.put(nameId, true);
                    ring.publish((slot, n) -> {
                        slot.kind = SampleKind.REQUEST;
                        slot.nameId = n;
                        slot.vu = thread;
                    }, nameId);
                }
            }));
        }
        for (Thread p : producers) {
            p.join();
        }
        ring.close();

        for (Recorder r : List.of(a, b)) {
            assertThat(r.requests.get()).isEqualTo((long) threads * perThread);
            assertThat(r.usedBeforeDefined).isFalse();
            assertThat(r.ended).isTrue();
            assertThat(r.defined).hasSize(50);
        }
        assertThat(ids).hasSize(50);
        assertThat(ring.sinkErrors()).isZero();
    }

    @Test
    void aFailingSinkDoesNotStopTheOthers() {
        Recorder healthy = new Recorder();
        SampleSink broken = (event, endOfBatch) -> {
            throw new IllegalStateException("disk full");
        };
        SampleRing ring = new SampleRing(64, List.of(broken, healthy)).start();
        for (int i = 0; i < 100; i++) {
            ring.publish((slot, n) -> slot.kind = SampleKind.REQUEST, i);
        }
        ring.close();
        assertThat(healthy.requests.get()).isEqualTo(100);
        assertThat(ring.sinkErrors()).isEqualTo(100);
    }

    @Test
    void tagSetsAreCanonical() {
        String a = TagSets.encode(java.util.Map.of("b", "2", "a", "1"));
        String b = TagSets.encode(new java.util.TreeMap<>(java.util.Map.of("a", "1", "b", "2")));
        assertThat(a).isEqualTo(b);
        assertThat(TagSets.decode(a)).containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"));
        assertThat(TagSets.decode("")).isEmpty();
    }

    @Test
    void closingRightAfterPublishingLosesNothing() {
        for (int round = 0; round < 20; round++) {
            Recorder sink = new Recorder();
            SampleRing ring = new SampleRing(64, List.of(sink)).start();
            ring.publish((slot, n) -> slot.kind = SampleKind.REQUEST, 0);
            ring.publish((slot, n) -> slot.kind = SampleKind.REQUEST, 1);
            ring.close();
            assertThat(sink.requests.get()).isEqualTo(2);
        }
    }
}
