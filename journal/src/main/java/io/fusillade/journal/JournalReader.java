package io.fusillade.journal;

import io.fusillade.ingest.SampleCodec;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads a journal back as the stream it was written from: the same records, in the same
 * order, delivered to any {@link SampleSink} (the aggregator for {@code analyze}, a shipper,
 * a test).
 *
 * <p>Opening checks that the folder holds a Fusillade journal this version can read.
 * A record that does not decode (a torn write, a damaged file) ends the read at the last
 * good record with a warning ({@link #lastWarning()}) rather than an exception: a damaged
 * journal still yields everything before the damage.
 *
 * <p>For tailing, every document has a Chronicle index: {@link #lastIndexRead()} is the last
 * one delivered, and {@link #replayAfter(long, SampleSink)} resumes after any index handed out
 * before, so a reader can follow a journal that is still being written.
 *
 * <p>Not thread-safe: one thread at a time (calls may move between threads).
 */
public final class JournalReader implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JournalReader.class.getName());

    private final Path dir;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final int formatVersion;
    private final long headerIndex;
    private byte[] document = new byte[64 * 1024];
    private ByteBuffer view = ByteBuffer.wrap(document);
    private SampleEvent current = new SampleEvent();
    private SampleEvent next = new SampleEvent();
    private long lastIndexRead;
    private String lastWarning;

    private JournalReader(Path dir, SingleChronicleQueue queue) {
        this.dir = dir;
        this.queue = queue;
        this.tailer = queue.createTailer();
        int length;
        long index;
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                throw new JournalException("empty journal at " + dir + ": it has no header (the run wrote nothing)");
            }
            index = dc.index();
            length = copy(dc.wire().bytes());
        }
        JournalHeader header = JournalHeader.decode(document, length);
        if (header == null || header.formatVersion() < 1) {
            throw new JournalException("not a Fusillade journal: " + dir + " (its first document is not a Fusillade journal header)");
        }
        if (header.formatVersion() > SampleCodec.FORMAT_VERSION) {
            throw new JournalException("the journal at " + dir + " has format version " + header.formatVersion()
                    + " but this Fusillade reads versions up to " + SampleCodec.FORMAT_VERSION + ": use a newer Fusillade");
        }
        this.formatVersion = header.formatVersion();
        this.headerIndex = index;
        this.lastIndexRead = index;
    }

    /**
     * Opens the journal in {@code journalDir} read-only and checks its header.
     *
     * @throws JournalException naming the path when it is missing, not a journal, empty, or newer than this version
     */
    public static JournalReader open(Path journalDir) {
        if (!Files.exists(journalDir)) {
            throw new JournalException("no journal at " + journalDir + ": no such folder");
        }
        if (!Files.isDirectory(journalDir)) {
            throw new JournalException("not a Fusillade journal: " + journalDir + " is a file; a journal is a folder");
        }
        if (!ChronicleQueues.hasQueueFiles(journalDir)) {
            if (ChronicleQueues.hasQueueFiles(journalDir.resolve(RunDirectory.JOURNAL))) {
                throw new JournalException("not a Fusillade journal: " + journalDir + " is a run folder; its journal is "
                        + journalDir.resolve(RunDirectory.JOURNAL));
            }
            throw new JournalException("not a Fusillade journal: " + journalDir + " has no journal files (*"
                    + ChronicleQueues.QUEUE_FILE_SUFFIX + ")");
        }
        SingleChronicleQueue queue = ChronicleQueues.openForReading(journalDir);
        try {
            return new JournalReader(journalDir, queue);
        } catch (JournalException e) {
            queue.close();
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            queue.close();
            throw ChronicleQueues.translate("cannot read the journal at " + journalDir, e);
        }
    }

    /**
     * Delivers every record from the start, then calls {@link SampleSink#onEnd()}.
     *
     * @return the number of records delivered
     * @throws Exception whatever the sink throws; the journal's own damage is a warning, not an exception
     */
    public long replay(SampleSink sink) throws Exception {
        long count = replayAfter(headerIndex, sink);
        sink.onEnd();
        return count;
    }

    /**
     * Delivers the records of every document from {@code index} (inclusive) up to the current
     * end of the journal. Does not call {@link SampleSink#onEnd()}: the journal may still grow.
     *
     * @param index a document index handed out by this journal ({@link #headerIndex()},
     *     {@link #lastIndexRead()}, {@link JournalWriter#lastIndex()}); the header itself is skipped
     * @return the number of records delivered; 0 when {@code index} is past the end
     */
    public long replayFrom(long index, SampleSink sink) throws Exception {
        tailer.singleThreadedCheckReset();
        lastWarning = null;
        if (!seek(index)) {
            return 0;
        }
        return readToEnd(sink);
    }

    /**
     * Delivers the records of every document after {@code index} up to the current end: what a
     * follower that has already handled {@code index} still needs. Does not call
     * {@link SampleSink#onEnd()}.
     *
     * @return the number of records delivered
     */
    public long replayAfter(long index, SampleSink sink) throws Exception {
        tailer.singleThreadedCheckReset();
        lastWarning = null;
        if (!seek(index)) {
            return 0;
        }
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return 0;
            }
        }
        return readToEnd(sink);
    }

    private boolean seek(long index) {
        try {
            return tailer.moveToIndex(index);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("document index " + Long.toHexString(index) + " is not in the journal at " + dir, e);
        }
    }

    private long readToEnd(SampleSink sink) throws Exception {
        long count = 0;
        while (true) {
            long index;
            int length;
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return count;
                }
                index = dc.index();
                length = copy(dc.wire().bytes());
            } catch (RuntimeException e) {
                warn("cannot read the document after index " + Long.toHexString(lastIndexRead) + " (" + describe(e)
                        + "); reading stopped there");
                return count;
            }
            if (index == headerIndex) {
                continue;
            }
            view.clear().limit(length);
            count += deliver(index, sink);
            lastIndexRead = index;
            if (lastWarning != null) {
                return count;
            }
        }
    }

    /**
     * Decodes one record ahead so the document's last record can be flagged end-of-batch even
     * when the record after it turns out to be damaged.
     */
    private int deliver(long index, SampleSink sink) throws Exception {
        if (!view.hasRemaining()) {
            return 0;
        }
        int delivered = 0;
        if (!decode(current, index, 0)) {
            return 0;
        }
        while (true) {
            if (!view.hasRemaining()) {
                sink.onSample(current, true);
                return delivered + 1;
            }
            if (!decode(next, index, delivered + 1)) {
                sink.onSample(current, true);
                return delivered + 1;
            }
            sink.onSample(current, false);
            delivered++;
            SampleEvent swap = current;
            current = next;
            next = swap;
        }
    }

    private boolean decode(SampleEvent into, long index, int recordInDocument) {
        try {
            SampleCodec.decode(view, into);
            return true;
        } catch (RuntimeException e) {
            warn("record " + (recordInDocument + 1) + " of document " + Long.toHexString(index) + " is damaged ("
                    + describe(e) + "); reading stopped after the last good record");
            return false;
        }
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void warn(String what) {
        lastWarning = "journal " + dir + ": " + what;
        LOG.log(System.Logger.Level.WARNING, lastWarning);
    }

    /** Copies a document into the reusable array; decoding runs on a heap buffer either way. */
    private int copy(Bytes<?> bytes) {
        int length = Math.toIntExact(bytes.readRemaining());
        if (length > document.length) {
            document = new byte[Math.max(length, document.length * 2)];
            view = ByteBuffer.wrap(document);
        }
        bytes.read(document, 0, length);
        return length;
    }

    /** The journal folder. */
    public Path path() {
        return dir;
    }

    /** The record format version in the header. */
    public int formatVersion() {
        return formatVersion;
    }

    /** The Chronicle index of the header document; {@code replayAfter(headerIndex())} reads everything. */
    public long headerIndex() {
        return headerIndex;
    }

    /**
     * The index of the last document whose records were delivered (the header's before any).
     * After damage, this is the damaged document: its good records were delivered.
     */
    public long lastIndexRead() {
        return lastIndexRead;
    }

    /** Why the last replay stopped early, if it did: damage in the journal, named with its path and index. */
    public Optional<String> lastWarning() {
        return Optional.ofNullable(lastWarning);
    }

    @Override
    public void close() {
        tailer.singleThreadedCheckReset();
        tailer.close();
        queue.close();
    }
}
