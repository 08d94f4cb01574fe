package io.fusillade.cli;

import io.fusillade.aggregator.output.Outputs;
import io.fusillade.engine.js.host.ScriptLog;
import io.fusillade.engine.options.OptionsResolver;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a test run needs from the command line.
 *
 * @param script      the script to run
 * @param overrides   option values given on the command line (they win over the script's)
 * @param thresholds  extra thresholds, each {@code metric:expression}
 * @param exportJson  where to write the JSON summary, or null
 * @param runsDir     where run directories are created
 * @param extraEnv    variables added to {@code __ENV} on top of the process environment
 * @param logLevel    the console log threshold
 * @param colour      ANSI colours in the summary
 * @param terminal    redraw the progress line in place
 * @param out         standard output: the summary, {@code print}
 * @param err         standard error: progress, console logs, warnings, errors
 * @param config      a {@code --config} file, or null
 * @param captureErrors where failed requests are written as JSON lines, or null
 * @param outputs     the reports and stream outputs asked for ({@code --json}, {@code --export-html}, {@code --out})
 * @param abortOnFail stop the run as soon as any threshold fails
 */
record RunRequest(
        Path script,
        OptionsResolver.Overrides overrides,
        List<String> thresholds,
        Path exportJson,
        Path runsDir,
        Map<String, String> extraEnv,
        ScriptLog.Level logLevel,
        boolean colour,
        boolean terminal,
        PrintStream out,
        PrintStream err,
        Path config,
        Path captureErrors,
        Outputs.Options outputs,
        boolean abortOnFail) {
}
