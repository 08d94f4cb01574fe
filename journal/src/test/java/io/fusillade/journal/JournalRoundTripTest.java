package io.fusillade.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.ingest.Dictionary;
import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.MetricType;
import io.fusillade.ingest.Protocol;
import io.fusillade.ingest.SampleCodec;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleRing;
import io.fusillade.ingest.SampleWriter;
import io.fusillade.ingest.TagSets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void everyKindReadsBackExactlyAsTheRingDeliveredIt() throws Exception {
        Path journal = tmp.resolve("journal");
        RecordingSink live = new RecordingSink();
        JournalWriter writer = new JournalWriter(journal);
        try (SampleRing ring = new SampleRing(1024, List.of(writer, live)).start()) {
            publishOneOfEachKind(ring);
            RingDrain.await(ring, writer::recordsWritten, () -> live.seen);
        }

        RecordingSink replayed = new RecordingSink();
        long count;
        try (JournalReader reader = JournalReader.open(journal)) {
            assertThat(reader.formatVersion()).isEqualTo(SampleCodec.FORMAT_VERSION);
            count = reader.replay(replayed);
        }

        assertThat(count).isEqualTo(live.events.size());
        assertThat(replayed.events).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(live.events);
        assertThat(replayed.events).extracting(e -> e.kind).containsAll(EnumSet.allOf(SampleKind.class));
        assertThat(replayed.endOfBatch.getLast()).isTrue();
        assertThat(replayed.ends).isEqualTo(1);
        assertThat(writer.recordsWritten()).isEqualTo(count);
        assertDictionaryPrecedesUse(replayed.events);

        Dictionary dictionary = new Dictionary();
        for (SampleEvent e : replayed.events) {
            if (e.kind == SampleKind.DICTIONARY) {
                dictionary.define(e.entryId, e.text);
            }
        }
        SampleEvent request = replayed.events.stream().filter(e -> e.kind == SampleKind.REQUEST).findFirst().orElseThrow();
        assertThat(dictionary.text(request.nameId)).isEqualTo("https://127.0.0.1/api/ünïcode?q=1");
        assertThat(TagSets.decode(dictionary.text(request.tagSetId))).containsEntry("env", "test").containsEntry("zone", "b");
    }

    @Test
    void fourProducersWriting200kRecordsReadBackEachExactlyOnceInProducerOrder() throws Exception {
        int producers = 4;
        int perProducer = 50_000;
        Path journal = tmp.resolve("journal");
        JournalWriter writer = new JournalWriter(journal);
        try (SampleRing ring = new SampleRing(SampleRing.DEFAULT_SIZE, List.of(writer)).start()) {
            int nameId = ring.dictionary().intern("GET /");
            SampleWriter<long[]> request = (slot, vuAndIteration) ->
                    Samples.request(slot, (int) vuAndIteration[0], vuAndIteration[1], nameId);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int p = 1; p <= producers; p++) {
                int vu = p;
                threads.add(Thread.ofPlatform().start(() -> {
                    long[] argument = new long[2];
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 0; i < perProducer; i++) {
                        argument[0] = vu;
                        argument[1] = i;
                        ring.publish(request, argument);
                    }
                }));
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            RingDrain.await(ring, writer::recordsWritten);
        }

        Map<Integer, Long> nextIteration = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        long[] requests = {0};
        RecordingSink batches = new RecordingSink();
        long count;
        try (JournalReader reader = JournalReader.open(journal)) {
            count = reader.replay((event, endOfBatch) -> {
                batches.endOfBatch.add(endOfBatch);
                if (event.kind != SampleKind.REQUEST) {
                    return;
                }
                requests[0]++;
                assertThat(seen.add((long) event.vu * 1_000_000 + event.iteration)).as("seen once").isTrue();
                long expected = nextIteration.getOrDefault(event.vu, 0L);
                assertThat(event.iteration).as("iteration order of VU %d", event.vu).isEqualTo(expected);
                nextIteration.put(event.vu, expected + 1);
                assertThat(event.durationNanos).isEqualTo(1_234_567 + event.iteration);
            });
        }

        assertThat(requests[0]).isEqualTo((long) producers * perProducer);
        assertThat(count).isEqualTo(producers * perProducer + 1L);
        assertThat(nextIteration).hasSize(producers).allSatisfy((vu, next) -> assertThat(next).isEqualTo(perProducer));
        assertThat(writer.recordsWritten()).isEqualTo(count);
        assertThat(writer.bytesWritten()).isBetween(count * 20, count * 60);
        // The ring hands the writer batches: far fewer documents than records, yet more than one.
        assertThat(batches.batches()).isBetween(2L, count / 2);
    }

    @Test
    void aFollowerReadsOnlyWhatWasAddedSinceItsLastIndex() throws Exception {
        Path journal = tmp.resolve("journal");
        try (JournalWriter writer = new JournalWriter(journal);
                JournalReader reader = JournalReader.open(journal)) {
            writeBatch(writer, 0, 10);
            long firstBatch = writer.lastIndex();
            writeBatch(writer, 10, 5);
            long secondBatch = writer.lastIndex();

            RecordingSink all = new RecordingSink();
            assertThat(reader.replayAfter(reader.headerIndex(), all)).isEqualTo(15);
            assertThat(reader.lastIndexRead()).isEqualTo(secondBatch);
            assertThat(all.ends).isZero();

            RecordingSink fromSecond = new RecordingSink();
            assertThat(reader.replayFrom(secondBatch, fromSecond)).isEqualTo(5);
            assertThat(fromSecond.events.getFirst().iteration).isEqualTo(10);

            RecordingSink afterFirst = new RecordingSink();
            assertThat(reader.replayAfter(firstBatch, afterFirst)).isEqualTo(5);

            RecordingSink nothingNew = new RecordingSink();
            assertThat(reader.replayAfter(reader.lastIndexRead(), nothingNew)).isZero();

            writeBatch(writer, 15, 3);
            RecordingSink tail = new RecordingSink();
            assertThat(reader.replayAfter(reader.lastIndexRead(), tail)).isEqualTo(3);
            assertThat(tail.events).extracting(e -> e.iteration).containsExactly(15L, 16L, 17L);
            assertThat(tail.endOfBatch).containsExactly(false, false, true);
            assertThat(reader.lastIndexRead()).isEqualTo(writer.lastIndex());
        }
    }

    @Test
    void recordsLargerThanTheBatchBufferAndManySmallBatchesBothReadBack() throws Exception {
        Path journal = tmp.resolve("journal");
        String bigText = "x".repeat(300_000) + "é";
        try (JournalWriter writer = new JournalWriter(journal, 4096)) {
            for (int i = 0; i < 1000; i++) {
                writer.onSample(Samples.request(1, i, 0), false);
            }
            SampleEvent meta = new SampleEvent();
            meta.kind = SampleKind.RUN_META;
            meta.startNanos = Samples.T0;
            meta.intendedStartNanos = Samples.T0;
            meta.text = bigText;
            writer.onSample(meta, true);
        }
        RecordingSink replayed = new RecordingSink();
        try (JournalReader reader = JournalReader.open(journal)) {
            assertThat(reader.replay(replayed)).isEqualTo(1001);
        }
        assertThat(replayed.events.getLast().text).isEqualTo(bigText);
        assertThat(replayed.events.get(999).iteration).isEqualTo(999);
        // 1000 requests of ~45 bytes do not fit one 4 KiB buffer: the writer flushed when it filled.
        assertThat(replayed.batches()).isGreaterThan(10);
    }

    @Test
    void aRunThatCrossesHourBoundariesRollsIntoHourlyFilesAndReadsBackAcrossThem() throws Exception {
        Path journal = tmp.resolve("journal");
        SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-11-26T13:59:59Z"));
        long[] batchIndexes = new long[3];
        try (JournalWriter writer = new JournalWriter(journal, JournalWriter.DEFAULT_BATCH_BYTES, clock)) {
            for (int hour = 0; hour < 3; hour++) {
                writeBatch(writer, hour * 100, 100);
                batchIndexes[hour] = writer.lastIndex();
                clock.advanceMillis(3_600_000);
            }
        }
        try (Stream<Path> files = Files.list(journal)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".cq4")))
                    .containsExactlyInAnyOrder("20261126-13F.cq4", "20261126-14F.cq4", "20261126-15F.cq4");
        }
        try (JournalReader reader = JournalReader.open(journal)) {
            RecordingSink all = new RecordingSink();
            assertThat(reader.replay(all)).isEqualTo(300);
            assertThat(all.events).extracting(e -> e.iteration)
                    .containsExactlyElementsOf(LongStream.range(0, 300).boxed().toList());
            RecordingSink afterFirstHour = new RecordingSink();
            assertThat(reader.replayAfter(batchIndexes[0], afterFirstHour)).isEqualTo(200);
            assertThat(afterFirstHour.events.getFirst().iteration).isEqualTo(100);
            RecordingSink lastHour = new RecordingSink();
            assertThat(reader.replayFrom(batchIndexes[2], lastHour)).isEqualTo(100);
        }
    }

    static void writeBatch(JournalWriter writer, int firstIteration, int records) {
        for (int i = 0; i < records; i++) {
            writer.onSample(Samples.request(1, firstIteration + i, 0), i == records - 1);
        }
    }

    private static void publishOneOfEachKind(SampleRing ring) {
        Dictionary dictionary = ring.dictionary();
        int get = dictionary.intern("GET");
        int url = dictionary.intern("https://127.0.0.1/api/ünïcode?q=1");
        int scenario = dictionary.intern("default");
        int tags = dictionary.intern(TagSets.encode(Map.of("zone", "b", "env", "test")));
        int check = dictionary.intern("status is 200");
        int metric = dictionary.intern("my_trend");
        int vus = dictionary.intern("vus");

        SampleEvent e = new SampleEvent();
        e.kind = SampleKind.RUN_META;
        e.startNanos = Samples.T0;
        e.intendedStartNanos = Samples.T0;
        e.text = "{\"vus\":10,\"duration\":\"30s\"}";
        ring.publishCopy(e);

        e.clear();
        Samples.request(e, 3, 7, url);
        e.methodId = get;
        e.scenarioId = scenario;
        e.tagSetId = tags;
        e.tlsNanos = 5_432;
        e.protocol = Protocol.H2;
        e.bytesReceived = Long.MAX_VALUE / 3;
        ring.publishCopy(e);

        e.clear();
        Samples.request(e, 4, 8, url);
        e.intendedStartNanos = e.startNanos + 99; // started early: a negative lag must survive zig-zag
        e.status = 0;
        e.error = ErrorCode.ECONNREFUSED;
        e.protocol = Protocol.NONE;
        e.bytesReceived = 0;
        ring.publishCopy(e);

        for (boolean passed : new boolean[] {true, false}) {
            e.clear();
            e.kind = SampleKind.CHECK;
            e.startNanos = Samples.T0 + 5;
            e.intendedStartNanos = e.startNanos;
            e.nameId = check;
            e.scenarioId = scenario;
            e.tagSetId = tags;
            e.vu = 3;
            e.iteration = 7;
            e.value = passed ? 1 : 0;
            e.text = passed ? null : "expected 200, got 503 ✗";
            ring.publishCopy(e);
        }

        e.clear();
        e.kind = SampleKind.ITERATION;
        e.startNanos = Samples.T0;
        e.intendedStartNanos = Samples.T0 - 1_000_000;
        e.durationNanos = 1_500_000_000L;
        e.sleepNanos = 1_000_000_000L;
        e.scenarioId = scenario;
        e.vu = 3;
        e.iteration = 7;
        ring.publishCopy(e);

        for (MetricType type : MetricType.values()) {
            e.clear();
            e.kind = SampleKind.METRIC;
            e.startNanos = Samples.T0 + type.code();
            e.intendedStartNanos = e.startNanos;
            e.nameId = metric;
            e.metricType = type;
            e.value = type == MetricType.TREND ? -12.375e-3 : Math.PI * type.code();
            e.scenarioId = scenario;
            e.tagSetId = tags;
            e.vu = 2;
            e.iteration = 1L << 40;
            ring.publishCopy(e);
        }

        e.clear();
        e.kind = SampleKind.DROPPED_ITERATION;
        e.startNanos = Samples.T0 + 10;
        e.intendedStartNanos = Samples.T0;
        e.scenarioId = scenario;
        ring.publishCopy(e);

        e.clear();
        e.kind = SampleKind.VU_GAUGE;
        e.startNanos = Samples.T0 + 11;
        e.intendedStartNanos = e.startNanos;
        e.nameId = vus;
        e.value = 100;
        ring.publishCopy(e);

        e.clear();
        e.kind = SampleKind.MARKER;
        e.startNanos = Samples.T0 + 12;
        e.intendedStartNanos = e.startNanos;
        e.text = "stop";
        ring.publishCopy(e);
    }

    private static void assertDictionaryPrecedesUse(List<SampleEvent> events) {
        Set<Integer> defined = new HashSet<>();
        defined.add(SampleEvent.NO_ID);
        for (SampleEvent e : events) {
            if (e.kind == SampleKind.DICTIONARY) {
                defined.add(e.entryId);
                continue;
            }
            assertThat(defined).as("ids of %s defined earlier", e).contains(e.methodId, e.nameId, e.scenarioId, e.tagSetId);
        }
        assertThat(defined).hasSize(8);
    }
}
