package io.fusillade.cli;

import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.aggregator.metric.ScenarioMetrics;
import io.fusillade.aggregator.report.ConsoleSummary;
import io.fusillade.aggregator.report.JsonSummary;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.threshold.Threshold;
import io.fusillade.journal.JournalException;
import io.fusillade.journal.JournalReader;
import io.fusillade.journal.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--no-color", description = "No ANSI colours in the summary.")
    boolean noColor;

    @Override
    public Integer call() {
        RunDirectory dir;
        MetricRegistry registry = new MetricRegistry();
        ScenarioMetrics scenarios = ScenarioMetrics.forAll();
        long records;
        try {
            dir = RunDirectory.open(runDir);
            try (JournalReader reader = JournalReader.open(dir.journalPath())) {
                records = reader.replay((event, endOfBatch) -> {
                    registry.onSample(event, endOfBatch);
                    scenarios.onSample(event, endOfBatch);
                });
                registry.onEnd();
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
        System.out.println("journal: " + dir.journalPath() + " (" + records + " records)");
        System.out.println();
        System.out.print(new ConsoleSummary(colour).render(summary));
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
}
