package io.fusillade.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void createMakesAFreshRunFolderWithASortableUniqueId() {
        Path runs = tmp.resolve("runs");
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T14:44:05Z"), ZoneOffset.UTC);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            RunDirectory run = RunDirectory.create(runs, clock);
            assertThat(run.id()).matches("20261126-144405-[0-9a-f]{4}");
            assertThat(run.path()).isEqualTo(runs.resolve(run.id())).isDirectory();
            assertThat(run.journalPath()).isEqualTo(run.path().resolve("journal")).isDirectory().isEmptyDirectory();
            assertThat(run.metadataPath()).isEqualTo(run.path().resolve("run.json")).doesNotExist();
            assertThat(run.summaryPath()).isEqualTo(run.path().resolve("summary.json")).doesNotExist();
            ids.add(run.id());
        }
        assertThat(ids).hasSize(50);

        RunDirectory later = RunDirectory.create(runs, Clock.fixed(Instant.parse("2026-11-26T14:44:06Z"), ZoneOffset.UTC));
        RunDirectory nextDay = RunDirectory.create(runs, Clock.fixed(Instant.parse("2026-11-27T01:00:00Z"), ZoneOffset.UTC));
        List<String> sorted = new ArrayList<>(ids);
        sorted.add(nextDay.id());
        sorted.add(later.id());
        sorted.sort(null);
        assertThat(sorted.subList(50, 52)).containsExactly(later.id(), nextDay.id());
    }

    @Test
    void openFindsTheRunFromItsFolderOrItsJournalFolder() {
        RunDirectory created = RunDirectory.create(tmp.resolve("runs"));
        new JournalWriter(created.journalPath()).close();

        RunDirectory fromRun = RunDirectory.open(created.path());
        RunDirectory fromJournal = RunDirectory.open(created.journalPath());

        assertThat(fromRun.id()).isEqualTo(created.id());
        assertThat(fromJournal).isEqualTo(fromRun);
        assertThat(fromRun.journalPath()).isEqualTo(created.journalPath().toAbsolutePath());
    }

    @Test
    void openNamesThePathWhenItIsNotARunOrHasNoJournal() throws Exception {
        Path missing = tmp.resolve("runs/nope");
        assertThatThrownBy(() -> RunDirectory.open(missing))
                .isInstanceOf(JournalException.class)
                .hasMessage("no run at " + missing + ": no such folder");

        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> RunDirectory.open(plain))
                .isInstanceOf(JournalException.class)
                .hasMessage("not a run folder: " + plain + " (it has no journal/ folder)");

        RunDirectory unstarted = RunDirectory.create(tmp.resolve("runs"));
        assertThatThrownBy(() -> RunDirectory.open(unstarted.path()))
                .isInstanceOf(JournalException.class)
                .hasMessageStartingWith("the run at " + unstarted.path() + " has no journal");

        Path file = Files.writeString(tmp.resolve("summary.json"), "{}");
        assertThatThrownBy(() -> RunDirectory.open(file))
                .isInstanceOf(JournalException.class)
                .hasMessage("not a run folder: " + file + " is a file");
    }

    @Test
    void createNamesARunsRootThatCannotBeAFolder() throws Exception {
        Path file = Files.writeString(tmp.resolve("runs"), "not a folder");
        assertThatThrownBy(() -> RunDirectory.create(file))
                .isInstanceOf(JournalException.class)
                .hasMessageStartingWith("cannot create the runs folder " + file);
    }
}
