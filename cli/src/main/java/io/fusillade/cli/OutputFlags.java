package io.fusillade.cli;

import io.fusillade.aggregator.history.RunHistory;
import io.fusillade.aggregator.output.Outputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The report and stream output options, the same for {@code run} and {@code analyze}. */
public final class OutputFlags {
    @Option(names = "--export-html", paramLabel = "FILE", description = "Write a self-contained HTML report (charts and tables) of the run.")
    Path exportHtml;

    @Option(names = "--json", description = "Write every sample and a per-second aggregate to standard output as NDJSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "KIND=WHERE",
            description = "Another output: csv=FILE (every sample), junit=FILE (thresholds and checks as JUnit XML). Repeatable.")
    List<String> out = new ArrayList<>();

    @Option(names = "--save-history", description = "Save the run in the local run history (see fusillade history).")
    boolean saveHistory;

    @Option(names = "--history-db", paramLabel = "FILE", defaultValue = RunHistory.DEFAULT_FILE,
            description = "The run history's SQLite file (default: ${DEFAULT-VALUE}).")
    Path historyDb;

    @Option(names = "--metrics-url", paramLabel = "URL",
            description = "POST per-second metrics (JSON) to URL during the run, and the summary to URL/summary at its end.")
    String metricsUrl;

    @Option(names = "--metrics-auth", paramLabel = "'HEADER: VALUE'", description = "A header sent with each --metrics-url request, e.g. 'Authorization: Bearer TOKEN'.")
    String metricsAuth;

    Outputs.Options options() {
        return new Outputs.Options(json, exportHtml, out, saveHistory ? historyDb : null, metricsUrl, metricsAuth);
    }
}
