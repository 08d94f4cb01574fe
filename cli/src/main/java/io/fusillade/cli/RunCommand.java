package io.fusillade.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.graalvm.polyglot.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fusillade run SCRIPT}: runs a load test. */
@Command(name = "run", description = "Run a load test script.", sortOptions = false)
public final class RunCommand implements Callable<Integer> {
    private final Supplier<Engine> engines;

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The JavaScript test script (an ES module).")
    Path script;

    @Mixin
    RunOptions options;

    RunCommand(Supplier<Engine> engines) {
        this.engines = engines;
    }

    @Override
    public Integer call() {
        return TestRun.launch(options, script, Map.of(), engines);
    }
}
