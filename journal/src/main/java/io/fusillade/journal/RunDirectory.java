package io.fusillade.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One run's folder, {@code runs/<id>/}: its journal ({@code journal/}), its metadata
 * ({@code run.json}) and its summary ({@code summary.json}).
 *
 * <p>Ids are the run's UTC start time to the second plus four random hex digits, e.g.
 * {@code 20261126-144405-3f9a}: they sort by start time across runs and stay unique when
 * several runs start in the same second.
 */
public record RunDirectory(String id, Path path) {
    /** The journal folder's name inside a run folder. */
    public static final String JOURNAL = "journal";
    /** The metadata file's name inside a run folder. */
    public static final String METADATA = "run.json";
    /** The summary file's name inside a run folder. */
    public static final String SUMMARY = "summary.json";

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final int ATTEMPTS = 100;

    public RunDirectory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
    }

    /** Creates a new, empty run folder (and its {@code journal/} folder) under {@code runsRoot}. */
    public static RunDirectory create(Path runsRoot) {
        return create(runsRoot, Clock.systemUTC());
    }

    /** As {@link #create(Path)}, with the clock that stamps the id. */
    public static RunDirectory create(Path runsRoot, Clock clock) {
        try {
            Files.createDirectories(runsRoot);
        } catch (IOException e) {
            throw new JournalException("cannot create the runs folder " + runsRoot + ": " + describe(e), e);
        }
        String stamp = ID_TIME.format(clock.instant());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String id = stamp + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
            Path dir = runsRoot.resolve(id);
            try {
                Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw new JournalException("cannot create the run folder " + dir + ": " + describe(e), e);
            }
            try {
                Files.createDirectory(dir.resolve(JOURNAL));
            } catch (IOException e) {
                throw new JournalException("cannot create the journal folder " + dir.resolve(JOURNAL) + ": " + describe(e), e);
            }
            return new RunDirectory(id, dir);
        }
        throw new JournalException("cannot find a free run id in " + runsRoot + " after " + ATTEMPTS + " tries");
    }

    /**
     * Opens an existing run folder, given either the run folder or its {@code journal/} folder.
     *
     * @throws JournalException naming the path when it is not a run folder or holds no journal
     */
    public static RunDirectory open(Path dir) {
        if (!Files.exists(dir)) {
            throw new JournalException("no run at " + dir + ": no such folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new JournalException("not a run folder: " + dir + " is a file");
        }
        Path absolute = dir.toAbsolutePath().normalize();
        if (ChronicleQueues.hasQueueFiles(absolute)) {
            Path runDir = absolute.getParent();
            if (runDir == null || !JOURNAL.equals(absolute.getFileName().toString())) {
                throw new JournalException("not a run folder: " + dir + " is a journal outside a run folder (runs/<id>/"
                        + JOURNAL + ")");
            }
            return new RunDirectory(runDir.getFileName().toString(), runDir);
        }
        Path journal = absolute.resolve(JOURNAL);
        if (!Files.isDirectory(journal)) {
            throw new JournalException("not a run folder: " + dir + " (it has no " + JOURNAL + "/ folder)");
        }
        if (!ChronicleQueues.hasQueueFiles(journal)) {
            throw new JournalException("the run at " + dir + " has no journal: " + journal + " is empty");
        }
        return new RunDirectory(absolute.getFileName().toString(), absolute);
    }

    /** The Chronicle Queue folder holding the run's records. */
    public Path journalPath() {
        return path.resolve(JOURNAL);
    }

    /** The run's metadata, {@code run.json}. */
    public Path metadataPath() {
        return path.resolve(METADATA);
    }

    /** The run's end-of-test summary, {@code summary.json}. */
    public Path summaryPath() {
        return path.resolve(SUMMARY);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }
}
