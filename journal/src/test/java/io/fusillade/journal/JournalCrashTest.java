package io.fusillade.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCrashTest {
    @TempDir
    Path tmp;

    @Test
    void aWriterThatIsNeverClosedStillReadsBackEveryFlushedBatch() throws Exception {
        Path journal = tmp.resolve("journal");
        JournalWriter writer = new JournalWriter(journal);
        try {
            JournalRoundTripTest.writeBatch(writer, 0, 100);
            JournalRoundTripTest.writeBatch(writer, 100, 50);
            for (int i = 150; i < 170; i++) {
                writer.onSample(Samples.request(1, i, 0), false);
            }

            RecordingSink replayed = new RecordingSink();
            try (JournalReader reader = JournalReader.open(journal)) {
                assertThat(reader.replay(replayed)).isEqualTo(150);
                assertThat(reader.lastWarning()).isEmpty();
            }
            assertThat(replayed.events).extracting(e -> e.iteration).startsWith(0L, 1L).endsWith(148L, 149L);
            assertThat(replayed.batches()).isEqualTo(2);
            assertThat(writer.recordsWritten()).isEqualTo(150);
        } finally {
            writer.close();
        }
    }

    @Test
    void aProcessKilledMidRunLeavesAJournalThatReadsBackToItsLastCommittedBatch() throws Exception {
        Path journal = tmp.resolve("journal");
        ChildJvm.Result child = ChildJvm.run(CrashingWriter.class, true, tmp.resolve("child.log"), journal.toString());
        assertThat(child.exitCode()).as("child halted as planned: %s", child.output()).isEqualTo(3);

        RecordingSink replayed = new RecordingSink();
        long count;
        try (JournalReader reader = JournalReader.open(journal)) {
            count = reader.replay(replayed);
        }
        int committed = CrashingWriter.COMMITTED_BATCHES * CrashingWriter.BATCH;
        assertThat(count).isEqualTo(committed);
        assertThat(replayed.events).extracting(e -> e.iteration).containsExactlyElementsOf(
                LongStream.range(0, committed).boxed().toList());
        assertThat(replayed.batches()).isEqualTo(CrashingWriter.COMMITTED_BATCHES);
        assertThat(new File(journal.toFile(), "metadata.cq4t")).exists();
    }

    @Test
    void aJvmWithoutChronicleFlagsIsToldWhichFlagsItNeeds() throws Exception {
        Path journal = tmp.resolve("journal");
        ChildJvm.Result child = ChildJvm.run(OpenWriterMain.class, false, tmp.resolve("child.log"), journal.toString());
        assertThat(child.exitCode()).as(child.output()).isEqualTo(2);
        assertThat(child.output()).contains("error: cannot write the journal at " + journal
                + ": this JVM was started without the flags journals need: --add-opens=java.base/java.lang.reflect=ALL-UNNAMED");
    }
}
