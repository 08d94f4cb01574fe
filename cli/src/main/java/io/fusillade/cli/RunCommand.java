package io.fusillade.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fusillade run SCRIPT}: runs a load test. */
@Command(name = "run", description = "Run a load test script.", sortOptions = false)
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The JavaScript test script (an ES module).")
    Path script;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        return TestRun.launch(options, script, Map.of());
    }
}
