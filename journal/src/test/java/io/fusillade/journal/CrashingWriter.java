package io.fusillade.journal;

import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A process that dies in the middle of a run: it commits three batches, leaves a fourth in
 * the writer's buffer, starts a document it never finishes, and halts without closing anything.
 */
public final class CrashingWriter {
    static final int COMMITTED_BATCHES = 3;
    static final int BATCH = 1000;

    private CrashingWriter() {
    }

    public static void main(String[] args) {
        Path journal = Path.of(args[0]);
        JournalWriter writer = new JournalWriter(journal);
        for (int b = 0; b < COMMITTED_BATCHES; b++) {
            JournalRoundTripTest.writeBatch(writer, b * BATCH, BATCH);
        }
        for (int i = 0; i < BATCH / 2; i++) {
            writer.onSample(Samples.request(1, COMMITTED_BATCHES * BATCH + i, 0), false);
        }
        SingleChronicleQueue other = ChronicleQueues.openForWriting(journal);
        ExcerptAppender appender = other.createAppender();
        DocumentContext torn = appender.writingDocument();
        torn.wire().bytes().write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Runtime.getRuntime().halt(3);
    }
}
