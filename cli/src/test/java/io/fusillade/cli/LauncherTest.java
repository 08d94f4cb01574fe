package io.fusillade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.web.demo.DemoTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher's integration tests share: a demo target on 127.0.0.1 for the class, and a working folder per test. */
abstract class LauncherTest {
    static DemoTarget target;

    @TempDir
    Path work;

    @BeforeAll
    static void startTarget() {
        target = new DemoTarget(0).start();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    /** The one run directory a test's run left under {@code work/runs}. */
    Path onlyRunDir() throws IOException {
        try (Stream<Path> runs = Files.list(work.resolve("runs"))) {
            List<Path> dirs = runs.toList();
            assertThat(dirs).hasSize(1);
            return dirs.get(0);
        }
    }
}
