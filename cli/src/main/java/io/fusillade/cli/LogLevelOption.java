package io.fusillade.cli;

import picocli.CommandLine.Option;

/**
 * {@code --log-level} for the commands that run a script outside a load test. Plain text here,
 * parsed where the engine is loaded, so that parsing a command line loads nothing of it.
 */
final class LogLevelOption {
    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info", description = "console.* output: debug, info, warn, error (default: ${DEFAULT-VALUE}).")
    String logLevel;
}
