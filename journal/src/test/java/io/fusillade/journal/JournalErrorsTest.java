package io.fusillade.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fusillade.ingest.SampleCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingFolderIsNamed() {
        Path missing = tmp.resolve("nope");
        assertThatThrownBy(() -> JournalReader.open(missing))
                .isInstanceOf(JournalException.class)
                .hasMessage("no journal at " + missing + ": no such folder");
    }

    @Test
    void aFileIsNotAJournal() throws Exception {
        Path file = Files.writeString(tmp.resolve("results.json"), "{}");
        assertThatThrownBy(() -> JournalReader.open(file))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is a file");
    }

    @Test
    void aFolderWithoutQueueFilesIsNotAJournal() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertThatThrownBy(() -> JournalReader.open(empty))
                .isInstanceOf(JournalException.class)
                .hasMessage("not a Fusillade journal: " + empty + " has no journal files (*.cq4)");
    }

    @Test
    void aRunFolderGivenForItsJournalPointsAtTheJournal() throws Exception {
        RunDirectory run = RunDirectory.create(tmp.resolve("runs"));
        new JournalWriter(run.journalPath()).close();
        assertThatThrownBy(() -> JournalReader.open(run.path()))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("is a run folder; its journal is " + run.journalPath());
    }

    @Test
    void aForeignChronicleQueueIsRejected() {
        Path foreign = tmp.resolve("foreign");
        writeRaw(foreign, "hello, queue".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> JournalReader.open(foreign))
                .isInstanceOf(JournalException.class)
                .hasMessage("not a Fusillade journal: " + foreign + " (its first document is not a Fusillade journal header)");
    }

    @Test
    void aQueueWithNoDocumentsIsAnEmptyJournal() {
        Path empty = tmp.resolve("empty-queue");
        try (SingleChronicleQueue queue = ChronicleQueues.openForWriting(empty);
                ExcerptAppender appender = queue.createAppender();
                DocumentContext dc = appender.writingDocument()) {
            dc.rollbackOnClose();
        }
        assertThat(ChronicleQueues.hasQueueFiles(empty)).isTrue();
        assertThatThrownBy(() -> JournalReader.open(empty))
                .isInstanceOf(JournalException.class)
                .hasMessageStartingWith("empty journal at " + empty);
    }

    @Test
    void aNewerFormatVersionAsksForANewerFusillade() {
        Path newer = tmp.resolve("newer");
        writeRaw(newer, new JournalHeader(SampleCodec.FORMAT_VERSION + 1).encode());
        assertThatThrownBy(() -> JournalReader.open(newer))
                .isInstanceOf(JournalException.class)
                .hasMessage("the journal at " + newer + " has format version " + (SampleCodec.FORMAT_VERSION + 1)
                        + " but this Fusillade reads versions up to " + SampleCodec.FORMAT_VERSION + ": use a newer Fusillade");
    }

    @Test
    void aWriterRefusesToAppendToAnExistingJournal() {
        Path journal = tmp.resolve("journal");
        new JournalWriter(journal).close();
        assertThatThrownBy(() -> new JournalWriter(journal))
                .isInstanceOf(JournalException.class)
                .hasMessage("a journal already exists at " + journal + "; each run writes a new journal");
    }

    @Test
    void aWriterCannotUseAFileAsItsFolder() throws Exception {
        Path file = Files.writeString(tmp.resolve("journal"), "");
        assertThatThrownBy(() -> new JournalWriter(file))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aDamagedRecordEndsTheReadAtTheLastGoodRecordWithAWarning() throws Exception {
        Path journal = tmp.resolve("damaged");
        byte[] good = encodeRequests(0, 2);
        byte[] damaged = Arrays.copyOf(good, good.length + 3);
        damaged[good.length] = (byte) 0x7f; // no such record kind
        writeRaw(journal, new JournalHeader(SampleCodec.FORMAT_VERSION).encode(), encodeRequests(100, 3), damaged,
                encodeRequests(200, 5));

        RecordingSink replayed = new RecordingSink();
        try (JournalReader reader = JournalReader.open(journal)) {
            assertThat(reader.replay(replayed)).isEqualTo(5);
            assertThat(reader.lastWarning()).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains(journal.toString())
                    .contains("record 3 of document")
                    .contains("reading stopped after the last good record");
        }
        assertThat(replayed.events).extracting(e -> e.iteration).containsExactly(100L, 101L, 102L, 0L, 1L);
        assertThat(replayed.endOfBatch).containsExactly(false, false, true, false, true);
        assertThat(replayed.ends).isEqualTo(1);
    }

    @Test
    void aTruncatedRecordEndsTheReadAtTheLastGoodRecordWithAWarning() throws Exception {
        Path journal = tmp.resolve("truncated");
        byte[] three = encodeRequests(0, 3);
        byte[] cut = Arrays.copyOf(three, three.length - 10);
        writeRaw(journal, new JournalHeader(SampleCodec.FORMAT_VERSION).encode(), cut);

        RecordingSink replayed = new RecordingSink();
        try (JournalReader reader = JournalReader.open(journal)) {
            assertThat(reader.replay(replayed)).isEqualTo(2);
            assertThat(reader.lastWarning()).isPresent();
        }
        assertThat(replayed.endOfBatch).containsExactly(false, true);
    }

    private static byte[] encodeRequests(int firstIteration, int count) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        for (int i = 0; i < count; i++) {
            SampleCodec.encode(Samples.request(1, firstIteration + i, 0), buffer);
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static void writeRaw(Path dir, byte[]... documents) {
        try (SingleChronicleQueue queue = ChronicleQueues.openForWriting(dir);
                ExcerptAppender appender = queue.createAppender()) {
            for (byte[] document : documents) {
                try (DocumentContext dc = appender.writingDocument()) {
                    dc.wire().bytes().write(document);
                }
            }
        }
    }
}
