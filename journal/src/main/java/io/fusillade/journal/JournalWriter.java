package io.fusillade.journal;

import io.fusillade.ingest.SampleCodec;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The sink that makes the journal: every record of the stream, in ring order, appended to a
 * Chronicle Queue in a run's {@code journal/} folder.
 *
 * <p>Records are encoded with {@link SampleCodec} into one reusable heap buffer and written as
 * one Chronicle document per batch: when the ring reports the end of a batch, when the buffer
 * has no room for another record, and at {@link #onEnd()}. Each document is committed as soon
 * as it is written, so a process that dies mid-run leaves a journal that reads back up to its
 * last committed batch; only the records still in the buffer are lost. The ring's journal
 * consumer is its slowest one, so the per-record work is a bounds check and the encoding.
 *
 * <p>Not thread-safe: one consumer thread calls {@link #onSample}; {@link #close()} is for
 * the thread that owns the writer once that consumer has stopped (or never started).
 * The counters may be read from any thread.
 */
public final class JournalWriter implements SampleSink, AutoCloseable {
    /** Default batch buffer: large enough that a busy ring writes few, big documents. */
    public static final int DEFAULT_BATCH_BYTES = 64 * 1024;

    private final Path dir;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private ByteBuffer buffer;
    private int pendingRecords;
    private long records;
    private long bytes;
    private volatile long recordsCommitted;
    private volatile long bytesCommitted;
    private volatile long lastIndex = -1;
    private boolean closed;

    /** A writer for a new journal in {@code journalDir} (created if missing) with 64 KiB batches. */
    public JournalWriter(Path journalDir) {
        this(journalDir, DEFAULT_BATCH_BYTES);
    }

    /**
     * A writer for a new journal in {@code journalDir}, batching up to {@code batchBytes} per
     * document. Writes the header document before returning.
     *
     * @throws JournalException when the folder already holds a journal or cannot be written
     */
    public JournalWriter(Path journalDir, int batchBytes) {
        this(journalDir, batchBytes, SystemTimeProvider.INSTANCE);
    }

    /** As {@link #JournalWriter(Path, int)}, with the clock that decides when the queue rolls to a new file. */
    JournalWriter(Path journalDir, int batchBytes, TimeProvider time) {
        if (batchBytes < SampleCodec.MAX_FIXED_RECORD_BYTES || batchBytes > ChronicleQueues.MAX_DOCUMENT_BYTES) {
            throw new IllegalArgumentException("journal batch size must be between " + SampleCodec.MAX_FIXED_RECORD_BYTES
                    + " and " + ChronicleQueues.MAX_DOCUMENT_BYTES + " bytes, got " + batchBytes);
        }
        this.dir = journalDir;
        if (ChronicleQueues.hasQueueFiles(journalDir)) {
            throw new JournalException("a journal already exists at " + journalDir + "; each run writes a new journal");
        }
        if (Files.exists(journalDir) && !Files.isDirectory(journalDir)) {
            throw new JournalException("cannot write the journal at " + journalDir + ": it is a file, not a folder");
        }
        this.buffer = ByteBuffer.allocate(batchBytes);
        this.queue = ChronicleQueues.openForWriting(journalDir, time);
        try {
            this.appender = queue.createAppender();
            byte[] header = new JournalHeader(SampleCodec.FORMAT_VERSION).encode();
            try (DocumentContext dc = appender.writingDocument()) {
                dc.wire().bytes().write(header);
            }
            bytes = header.length;
            bytesCommitted = bytes;
            lastIndex = appender.lastIndexAppended();
            // The header was written on the constructing thread; the ring's consumer thread takes over.
            appender.singleThreadedCheckReset();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            queue.close();
            throw ChronicleQueues.translate("cannot write the journal at " + journalDir, e);
        }
    }

    @Override
    public void onSample(SampleEvent event, boolean endOfBatch) {
        int needed = event.text == null
                ? SampleCodec.MAX_FIXED_RECORD_BYTES
                // varint length (at most 5 bytes), an optional-string flag, and at most 3 UTF-8 bytes per char
                : SampleCodec.MAX_FIXED_RECORD_BYTES + 6 + 3 * event.text.length();
        if (buffer.remaining() < needed) {
            flush();
            if (buffer.capacity() < needed) {
                grow(needed);
            }
        }
        SampleCodec.encode(event, buffer);
        pendingRecords++;
        if (endOfBatch) {
            flush();
        }
    }

    /** Writes the pending records as one document and closes the journal. */
    @Override
    public void onEnd() {
        close();
    }

    /**
     * Commits the records not yet written as one document. The ring's end-of-batch signal
     * already does this; call it only from the thread that feeds the writer.
     */
    public void flush() {
        if (pendingRecords == 0) {
            return;
        }
        int length = buffer.position();
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().write(buffer.array(), 0, length);
        }
        records += pendingRecords;
        bytes += length;
        pendingRecords = 0;
        buffer.clear();
        lastIndex = appender.lastIndexAppended();
        recordsCommitted = records;
        bytesCommitted = bytes;
    }

    /** Commits pending records and releases the queue. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            appender.singleThreadedCheckReset();
            flush();
        } finally {
            appender.close();
            queue.close();
        }
    }

    private void grow(int needed) {
        if (needed > ChronicleQueues.MAX_DOCUMENT_BYTES) {
            // Only a record with megabytes of text gets here; refuse it rather than break the journal.
            throw new JournalException("a record of up to " + needed + " bytes is too large for the journal at " + dir
                    + " (at most " + ChronicleQueues.MAX_DOCUMENT_BYTES + " bytes)");
        }
        buffer = ByteBuffer.allocate(Math.min(ChronicleQueues.MAX_DOCUMENT_BYTES, Math.max(needed, buffer.capacity() * 2)));
    }

    /** The journal folder. */
    public Path path() {
        return dir;
    }

    /** Records committed to the journal so far (records still in the batch buffer are not counted). */
    public long recordsWritten() {
        return recordsCommitted;
    }

    /** Payload bytes committed so far, header included; Chronicle's own framing and index are extra. */
    public long bytesWritten() {
        return bytesCommitted;
    }

    /** The Chronicle index of the last committed document: the header until the first batch is written. */
    public long lastIndex() {
        return lastIndex;
    }
}
