package io.fusillade.journal;

import java.io.IOException;
import java.lang.reflect.InaccessibleObjectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * How Fusillade lays out a Chronicle Queue, in one place so the writer and the reader agree.
 *
 * <p>Hourly cycles: a run of minutes stays in one file, a run of days rolls into files that can
 * be shipped or pruned hour by hour, and the four-billion-documents-per-cycle limit is far out
 * of reach because a document holds a whole batch. Blocks of 16 MiB keep a small run's file
 * small (the file is sparse; a few KB are really on disk) while mapping large runs in chunks
 * big enough not to slow the writer; they cap one document at 4 MiB.
 */
final class ChronicleQueues {
    static final RollCycle ROLL_CYCLE = RollCycles.FAST_HOURLY;
    static final long BLOCK_SIZE = 16L << 20;
    /** Chronicle refuses a document larger than a quarter block; stay clear of its own header. */
    static final int MAX_DOCUMENT_BYTES = (int) (BLOCK_SIZE / 4) - 4096;
    static final String QUEUE_FILE_SUFFIX = ".cq4";

    static final String REQUIRED_JVM_FLAGS = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED"
            + " --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED"
            + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED"
            + " --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"
            + " --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED --enable-native-access=ALL-UNNAMED"
            + " --sun-misc-unsafe-memory-access=allow";

    private ChronicleQueues() {
    }

    static SingleChronicleQueue openForWriting(Path dir) {
        return openForWriting(dir, SystemTimeProvider.INSTANCE);
    }

    /** A writable queue whose cycles follow {@code time} (tests move it to cross an hour). */
    static SingleChronicleQueue openForWriting(Path dir, TimeProvider time) {
        return build(dir, false, time, "cannot write the journal at ");
    }

    static SingleChronicleQueue openForReading(Path dir) {
        return build(dir, true, SystemTimeProvider.INSTANCE, "cannot read the journal at ");
    }

    private static SingleChronicleQueue build(Path dir, boolean readOnly, TimeProvider time, String failure) {
        try {
            return SingleChronicleQueueBuilder.binary(dir)
                    .rollCycle(ROLL_CYCLE)
                    .blockSize(BLOCK_SIZE)
                    .timeProvider(time)
                    .readOnly(readOnly)
                    .build();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw translate(failure + dir, e);
        }
    }

    /**
     * Chronicle fails with an access error wrapped in an AssertionError, or later with a
     * class-initialisation error, when the JVM was started without the flags that open the
     * JDK internals it maps files with; say so plainly.
     */
    static JournalException translate(String what, Throwable cause) {
        boolean accessProblem = false;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof IllegalAccessException || t instanceof IllegalAccessError
                    || t instanceof InaccessibleObjectException || t instanceof ExceptionInInitializerError
                    || t instanceof NoClassDefFoundError) {
                accessProblem = true;
                break;
            }
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (accessProblem) {
            return new JournalException(what + ": this JVM was started without the flags journals need: "
                    + REQUIRED_JVM_FLAGS + " (" + detail + ")", cause);
        }
        return new JournalException(what + ": " + detail, cause);
    }

    /** True when {@code dir} holds at least one queue cycle file. */
    static boolean hasQueueFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(QUEUE_FILE_SUFFIX));
        } catch (IOException e) {
            throw new JournalException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
