package io.fusillade.cli;

import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.aggregator.history.HistoryException;
import io.fusillade.aggregator.output.Outputs;
import io.fusillade.aggregator.output.TimeWindow;
import io.fusillade.aggregator.output.WindowedSink;
import io.fusillade.ingest.SampleSink;
import io.fusillade.aggregator.metric.ScenarioMetrics;
import io.fusillade.aggregator.report.ConsoleSummary;
import io.fusillade.aggregator.report.JsonSummary;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.threshold.Threshold;
import io.fusillade.journal.JournalException;
import io.fusillade.journal.JournalReader;
import io.fusillade.journal.RunDirectory;
import io.fusillade.journal.RunMetadata;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fusillade analyze RUN_DIR}: recomputes a run's summary from its journal alone, with
 * the same aggregator the live run used, and judges its thresholds (and any new ones) again.
 * Needs nothing of the engine: no script, no JavaScript, no network.
 */
@Command(name = "analyze", description = "Recompute a run's summary and thresholds from its journal.", sortOptions = false)
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (runs/<id>) or its journal folder.")
    Path runDir;

    @Option(names = "--threshold", paramLabel = "EXPR", description = "Another threshold METRIC:EXPR to judge (repeatable).")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--no-run-thresholds", description = "Judge only the --threshold expressions, not the ones the run had.")
    boolean noRunThresholds;

    @Option(names = "--export-json", paramLabel = "FILE", description = "Write the recomputed summary as JSON.")
    Path exportJson;

    @Option(names = "--window", paramLabel = "FROM..TO",
            description = "Only this stretch of the run, in time since its start: 30s..2m, 1m.. (to the end), ..90s.")
    String window;

    @Mixin
    OutputFlags outputFlags = new OutputFlags();

    @Option(names = "--no-color", description = "No ANSI colours in the summary.")
    boolean noColor;

    @Override
    public Integer call() {
        RunDirectory dir;
        MetricRegistry registry = new MetricRegistry();
        ScenarioMetrics scenarios = ScenarioMetrics.forAll();
        long records;
        Outputs outputs;
        TimeWindow stretch;
        try {
            stretch = window == null ? null : TimeWindow.parse(window);
            outputs = Outputs.open(outputFlags.options(), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("fusillade: " + e.getMessage());
            return ExitCodes.INVALID_CONFIG;
        }
        try {
            dir = RunDirectory.open(runDir);
            try (JournalReader reader = JournalReader.open(dir.journalPath())) {
                SampleSink sink = outputs.feeding(registry, scenarios);
                records = reader.replay(stretch == null ? sink : new WindowedSink(stretch, sink));
            }
        } catch (JournalException e) {
            System.err.println("fusillade: " + e.getMessage());
            return ExitCodes.BAD_JOURNAL;
        } catch (Exception e) {
            System.err.println("fusillade: cannot read the journal in " + runDir + ": " + e.getMessage());
            return ExitCodes.BAD_JOURNAL;
        }
        List<Threshold> all;
        try {
            all = Thresholds.parse(noRunThresholds ? java.util.Map.of()
                    : Thresholds.fromRunMetadata(registry.runMetadata().orElse(null)), thresholds);
        } catch (IllegalArgumentException e) {
            System.err.println("fusillade: " + e.getMessage());
            return ExitCodes.INVALID_CONFIG;
        }
        Summary summary = scenarios.summary(registry, all);
        boolean colour = !noColor && System.console() != null && System.console().isTerminal();
        PrintStream summaryOut = outputs.ownsStdout() ? System.err : System.out;
        summaryOut.println("journal: " + dir.journalPath() + " (" + records + " records)"
                + (stretch == null ? "" : ", window " + window));
        summaryOut.println();
        summaryOut.print(new ConsoleSummary(colour).render(summary));
        try {
            Outputs.Finished finished = outputs.finish(summary, scriptOf(dir));
            finished.files().forEach(file -> System.err.println("report: " + file));
            finished.notes().forEach(note -> System.err.println("note: " + note));
            outputs.saveHistory(summary, scriptOf(dir), dir.path().toString(),
                    summary.thresholdsPassed() ? "passed" : "thresholds_failed").ifPresent(id -> System.err.println("history: saved as run " + id));
        } catch (IOException | HistoryException e) {
            System.err.println("fusillade: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (exportJson != null) {
            try {
                new JsonSummary().write(summary, exportJson);
            } catch (IOException e) {
                System.err.println("fusillade: cannot write " + exportJson + ": " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }
        return summary.thresholdsPassed() ? ExitCodes.OK : ExitCodes.THRESHOLDS_FAILED;
    }

    /** The script the run ran, for report headings; the run folder when its run.json cannot say. */
    private static String scriptOf(RunDirectory dir) {
        try {
            String script = RunMetadata.read(dir.metadataPath()).scriptPath();
            return script == null ? dir.path().toString() : script;
        } catch (RuntimeException e) {
            return dir.path().toString();
        }
    }
}
