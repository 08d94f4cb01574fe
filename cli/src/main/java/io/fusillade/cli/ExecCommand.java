package io.fusillade.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code fusillade exec '<js>'}: runs a snippet once with the whole script API (HTTP included)
 * and prints the value of its last expression, for trying things out. A snippet with its own
 * {@code export default function} is run as a script of one iteration instead.
 */
@Command(name = "exec", description = "Run a JavaScript snippet once with the script API and print its value.", sortOptions = false)
public final class ExecCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "JavaScript code, e.g. 'crypto.sha256(\"x\")'.")
    String code;

    @Mixin
    LogLevelOption logLevel;

    @Override
    public Integer call() {
        return SnippetRun.launch(code, logLevel.logLevel);
    }
}
