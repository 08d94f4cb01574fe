package io.fusillade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fusillade.aggregator.history.HistoryEntry;
import io.fusillade.aggregator.history.HistoryException;
import io.fusillade.aggregator.history.RunHistory;
import io.fusillade.aggregator.report.Units;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fusillade history [--show ID] [-l N]}: the runs saved with {@code --save-history}. */
@Command(name = "history", description = "List the runs saved with --save-history, or show one.", sortOptions = false)
public final class HistoryCommand implements Callable<Integer> {
    @Option(names = "--show", paramLabel = "ID", description = "Show the run saved under this id.")
    Long show;

    @Option(names = {"-l", "--limit"}, paramLabel = "N", defaultValue = "10", description = "How many recent runs to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--history-db", paramLabel = "FILE", defaultValue = RunHistory.DEFAULT_FILE,
            description = "The run history's SQLite file (default: ${DEFAULT-VALUE}).")
    Path historyDb;

    @Override
    public Integer call() {
        if (limit < 1) {
            System.err.println("fusillade: invalid --limit " + limit + ": expected 1 or more");
            return ExitCodes.INVALID_CONFIG;
        }
        try (RunHistory history = RunHistory.open(historyDb, false)) {
            if (show != null) {
                Optional<HistoryEntry> entry = history.find(show);
                if (entry.isEmpty()) {
                    System.err.println("fusillade: no run " + show + " in " + historyDb);
                    return ExitCodes.INVALID_CONFIG;
                }
                show(entry.get());
            } else {
                list(history.recent(limit));
            }
            return ExitCodes.OK;
        } catch (HistoryException e) {
            System.err.println("fusillade: " + e.getMessage());
            return ExitCodes.BAD_JOURNAL;
        }
    }

    private static void list(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            System.out.println("no runs saved yet");
            return;
        }
        System.out.printf(Locale.ROOT, "%5s  %-20s  %-30s %9s %10s %10s %10s %8s  %s%n",
                "ID", "STARTED", "SCRIPT", "DURATION", "REQUESTS", "RPS", "P95", "ERRORS", "RESULT");
        for (HistoryEntry e : entries) {
            System.out.printf(Locale.ROOT, "%5d  %-20s  %-30s %9s %10d %10.1f %10s %8s  %s%n", e.id(),
                    e.startedAt().toString().substring(0, 19).replace('T', ' '), shorten(e.script(), 30),
                    Units.duration(e.durationSecs() * 1000), e.requests(), e.rps(), Units.duration(e.p95Ms()),
                    Units.percent(e.errorRate()), e.outcome());
        }
    }

    private static void show(HistoryEntry e) {
        System.out.printf(Locale.ROOT, "run %d: %s%n", e.id(), e.script());
        System.out.printf(Locale.ROOT, "  started:    %s%n  duration:   %s%n  outcome:    %s%n  run folder: %s%n",
                e.startedAt(), Units.duration(e.durationSecs() * 1000), e.outcome(), e.runDirectory());
        System.out.printf(Locale.ROOT, "  requests:   %d (%.1f/s), %d failed (%s)%n", e.requests(), e.rps(), e.errors(),
                Units.percent(e.errorRate()));
        System.out.printf(Locale.ROOT, "  latency:    avg %s, p95 %s, p99 %s%n", Units.duration(e.avgMs()),
                Units.duration(e.p95Ms()), Units.duration(e.p99Ms()));
        JsonNode summary;
        try {
            summary = new ObjectMapper().readTree(e.summaryJson());
        } catch (IOException ex) {
            return;
        }
        if (!summary.path("thresholds").isEmpty()) {
            System.out.println("\n  thresholds:");
            summary.path("thresholds").properties().forEach(metric -> metric.getValue().forEach(t ->
                    System.out.printf(Locale.ROOT, "    %s %s: %s%n", t.path("ok").asBoolean() ? "✓" : "✗", metric.getKey(),
                            t.path("expression").asText())));
        }
        if (!summary.path("checks").isEmpty()) {
            System.out.println("\n  checks:");
            summary.path("checks").forEach(c -> System.out.printf(Locale.ROOT, "    %s %s: %d passed, %d failed%n",
                    c.path("fails").asLong() == 0 ? "✓" : "✗", c.path("name").asText(), c.path("passes").asLong(), c.path("fails").asLong()));
        }
        if (!summary.path("endpoints").isEmpty()) {
            System.out.println("\n  endpoints:");
            summary.path("endpoints").forEach(p -> System.out.printf(Locale.ROOT, "    %-40s %8d req  %6d failed  p95 %s%n",
                    shorten((p.path("method").asText() + " " + p.path("name").asText()).strip(), 40), p.path("requests").asLong(),
                    p.path("errors").asLong(), Units.duration(p.path("p95").asDouble())));
        }
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : "…" + text.substring(text.length() - width + 1);
    }
}
