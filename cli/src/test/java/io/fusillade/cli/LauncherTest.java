package io.fusillade.cli;

import io.fusillade.web.demo.DemoTarget;
import java.nio.file.Path;
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
}
