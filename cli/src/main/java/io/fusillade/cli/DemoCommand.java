package io.fusillade.cli;

import io.fusillade.web.demo.DemoTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.graalvm.polyglot.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fusillade demo}: serves the embedded demo API on 127.0.0.1 and load-tests it with
 * {@code scenarios/quickstart.js}, so a new user sees a whole run without a target of their own.
 */
@Command(name = "demo", description = "Serve a demo API on 127.0.0.1 and run the quickstart load test against it.", sortOptions = false)
public final class DemoCommand implements Callable<Integer> {
    private final Supplier<Engine> engines;

    @Option(names = "--script", paramLabel = "SCRIPT", description = "Script to run instead of scenarios/quickstart.js (gets BASE_URL in __ENV).")
    Path script;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0", description = "Port for the demo target on 127.0.0.1 (default: any free port).")
    int port;

    @Mixin
    RunOptions options;

    DemoCommand(Supplier<Engine> engines) {
        this.engines = engines;
    }

    @Override
    public Integer call() {
        Path chosen = script != null ? script : quickstart();
        if (chosen == null) {
            System.err.println("fusillade: cannot find scenarios/quickstart.js (looked next to the installation and in the current directory); pass --script");
            return ExitCodes.USAGE;
        }
        try (DemoTarget target = new DemoTarget(port).start()) {
            System.err.println("demo target listening on " + target.baseUrl());
            int exit = TestRun.launch(options, chosen, Map.of("BASE_URL", target.baseUrl()), engines);
            System.err.println("demo target served " + target.requestCount() + " requests");
            return exit;
        }
    }

    private static Path quickstart() {
        String home = System.getProperty("fusillade.home");
        for (Path candidate : new Path[] {
            home == null ? null : Path.of(home, "scenarios", "quickstart.js"),
            Path.of("scenarios", "quickstart.js")}) {
            if (candidate != null && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
