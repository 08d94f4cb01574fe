package io.fusillade.journal;

import io.fusillade.ingest.SampleRing;
import io.fusillade.ingest.SampleWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A quick, manual measurement (not a unit test): N request records from one producer thread
 * through a real ring into a {@link JournalWriter}, then a full replay. Prints records/s for
 * both and the payload bytes per record. JMH benchmarks in {@code bench/} are the real measure.
 *
 * <p>Usage: {@code JournalThroughput <dir> [records]}; the journal is left in {@code <dir>}
 * so its size on disk can be checked with {@code du}.
 */
public final class JournalThroughput {
    private static final SampleWriter<long[]> REQUEST =
            (slot, it) -> Samples.request(slot, (int) (it[0] % 100) + 1, it[0], (int) it[1]);

    private JournalThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long records = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        Files.createDirectories(dir);
        for (int round = 1; round <= 3; round++) {
            Path journal = dir.resolve("journal-" + round);
            JournalWriter writer = new JournalWriter(journal);
            long start;
            try (SampleRing ring = new SampleRing(SampleRing.DEFAULT_SIZE, List.of(writer)).start()) {
                Thread.sleep(50); // let the consumer thread start before the clock does
                long[] argument = new long[2];
                argument[1] = ring.dictionary().intern("GET http://127.0.0.1:8080/");
                start = System.nanoTime();
                for (long i = 0; i < records; i++) {
                    argument[0] = i;
                    ring.publish(REQUEST, argument);
                }
            }
            double writeSeconds = (System.nanoTime() - start) / 1e9;

            long readStart = System.nanoTime();
            long[] count = {0};
            long replayed;
            try (JournalReader reader = JournalReader.open(journal)) {
                replayed = reader.replay((event, endOfBatch) -> count[0]++);
            }
            double readSeconds = (System.nanoTime() - readStart) / 1e9;
            System.out.printf("round %d: wrote %,d records in %.3f s = %,.0f records/s (%.1f payload bytes/record); "
                            + "replayed %,d in %.3f s = %,.0f records/s%n",
                    round, writer.recordsWritten(), writeSeconds, writer.recordsWritten() / writeSeconds,
                    (double) writer.bytesWritten() / writer.recordsWritten(), replayed, readSeconds, replayed / readSeconds);
        }
    }
}
