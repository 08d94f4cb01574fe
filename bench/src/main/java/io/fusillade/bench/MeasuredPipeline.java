package io.fusillade.bench;

import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.ingest.SampleRing;
import io.fusillade.ingest.SampleSink;
import io.fusillade.journal.JournalWriter;
import io.fusillade.journal.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A sample ring feeding real consumers for one benchmark trial: a journal writer in a fresh
 * run folder under a temporary directory, a metric registry, or a discarding sink. Producers
 * can wait for the consumers to catch up, and {@link #finish()} checks that every consumer
 * saw every record before the folder is deleted: a fast pipeline that loses records would
 * otherwise look like a good result.
 */
public final class MeasuredPipeline {
    private final Consumers consumers;
    private final Path root;
    private final SampleRing ring;
    private final List<CountingSink> sinks;
    private final JournalWriter journal;
    private final MetricRegistry registry;
    private final RequestIds ids;

    private MeasuredPipeline(Consumers consumers, Path root, JournalWriter journal, MetricRegistry registry) {
        this.consumers = consumers;
        this.root = root;
        this.journal = journal;
        this.registry = registry;
        List<CountingSink> counted = new ArrayList<>();
        if (journal != null) {
            counted.add(new CountingSink(journal));
        }
        if (registry != null) {
            counted.add(new CountingSink(registry));
        }
        if (counted.isEmpty()) {
            counted.add(new CountingSink(new DiscardingSink()));
        }
        this.sinks = List.copyOf(counted);
        this.ring = new SampleRing(SampleRing.DEFAULT_SIZE, List.<SampleSink>copyOf(sinks)).start();
        this.ids = RequestIds.intern(ring.dictionary());
    }

    /** Builds and starts a ring with {@code consumers}, its ids already interned. */
    public static MeasuredPipeline start(Consumers consumers) {
        Path root;
        try {
            root = Files.createTempDirectory("fusillade-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the journal", e);
        }
        JournalWriter journal = null;
        try {
            if (consumers.journal()) {
                journal = new JournalWriter(RunDirectory.create(root).journalPath());
            }
            MetricRegistry registry = consumers.registry() ? new MetricRegistry() : null;
            return new MeasuredPipeline(consumers, root, journal, registry);
        } catch (RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            delete(root);
            throw e;
        }
    }

    /** The ring producers publish into. */
    public SampleRing ring() {
        return ring;
    }

    /** The ids interned in this ring's dictionary. */
    public RequestIds ids() {
        return ids;
    }

    /**
     * Returns once every consumer has finished the first {@code records} records of the stream.
     * Spins briefly, then yields, then parks: on a small machine a spinning producer would take
     * the very core a consumer needs to catch up.
     */
    public void awaitConsumed(long records) {
        for (CountingSink sink : sinks) {
            int attempts = 0;
            while (sink.consumed() < records) {
                if (attempts < 100) {
                    Thread.onSpinWait();
                } else if (attempts < 200) {
                    Thread.yield();
                } else {
                    LockSupport.parkNanos(20_000);
                }
                attempts++;
            }
        }
    }

    /**
     * Drains and closes the ring (which closes the journal), deletes the temporary folder and
     * describes what each consumer saw.
     *
     * @throws IllegalStateException when a consumer missed records or a sink failed
     */
    public String finish() {
        try {
            ring.close();
            long published = ring.published();
            long dictionaryEntries = ring.dictionary().size() - 1;
            long requests = published - dictionaryEntries;
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "%s: %,d records published (%,d REQUEST, %,d DICTIONARY)", consumers, published, requests, dictionaryEntries));
            boolean complete = ring.sinkErrors() == 0;
            for (CountingSink sink : sinks) {
                complete &= sink.consumed() == published;
            }
            report.append(String.format(Locale.ROOT, "; consumers saw %s", sinks.stream()
                    .map(s -> String.format(Locale.ROOT, "%,d", s.consumed())).toList()));
            if (registry != null) {
                long counted = registry.live().requests();
                complete &= counted == requests;
                report.append(String.format(Locale.ROOT, "; registry counted %,d requests", counted));
            }
            if (journal != null) {
                long written = journal.recordsWritten();
                complete &= written == published;
                report.append(String.format(Locale.ROOT, "; journal committed %,d records, %.1f bytes/record",
                        written, written == 0 ? 0.0 : (double) journal.bytesWritten() / written));
            }
            if (ring.sinkErrors() > 0) {
                report.append(String.format(Locale.ROOT, "; %,d sink errors", ring.sinkErrors()));
            }
            if (!complete) {
                throw new IllegalStateException("consumers lost records: " + report);
            }
            return report.toString();
        } finally {
            delete(root);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark's temporary folder " + dir, e);
        }
    }
}
