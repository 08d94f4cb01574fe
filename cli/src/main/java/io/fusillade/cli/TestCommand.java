package io.fusillade.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code fusillade test SCRIPT}: runs the script's unit tests ({@code describe}, {@code test},
 * {@code expect}) once, without a load test, and exits 0 only when every one passed.
 */
@Command(name = "test", description = "Run a script's unit tests (describe/test/expect) without a load test.", sortOptions = false)
public final class TestCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The script whose tests to run.")
    Path script;

    @Mixin
    LogLevelOption logLevel;

    @Override
    public Integer call() {
        return UnitTestRun.launch(script, logLevel.logLevel);
    }
}
