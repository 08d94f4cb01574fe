package io.fusillade.cli;

import io.fusillade.aggregator.compare.Change;
import io.fusillade.aggregator.compare.SummaryComparison;
import io.fusillade.aggregator.report.Units;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fusillade compare BASELINE.json CURRENT.json}: each compared figure's change in percent,
 * improvements green and regressions red; exit 99 when a regression is larger than the tolerance.
 */
@Command(name = "compare", description = "Compare two JSON summaries (--export-json files): change per metric, non-zero exit on regression.",
        sortOptions = false)
public final class CompareCommand implements Callable<Integer> {
    private static final String GREEN = "\u001B[32m";
    private static final String RED = "\u001B[31m";
    private static final String RESET = "\u001B[0m";

    @Parameters(index = "0", paramLabel = "BASELINE", description = "The baseline run's JSON summary.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "The current run's JSON summary.")
    Path current;

    @Option(names = {"-t", "--tolerance"}, paramLabel = "PERCENT", defaultValue = "10",
            description = "A regression larger than this many percent fails the comparison (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--no-color", description = "No ANSI colours.")
    boolean noColor;

    @Override
    public Integer call() {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            System.err.println("fusillade: invalid --tolerance " + tolerance + ": expected a percentage of 0 or more");
            return ExitCodes.INVALID_CONFIG;
        }
        List<Change> changes;
        try {
            changes = SummaryComparison.compare(baseline, current);
        } catch (IllegalArgumentException e) {
            System.err.println("fusillade: " + e.getMessage());
            return ExitCodes.INVALID_CONFIG;
        }
        boolean colour = !noColor && System.console() != null && System.console().isTerminal();
        int width = Math.max(24, changes.stream().mapToInt(c -> c.metric().length()).max().orElse(0) + 2);
        System.out.printf(Locale.ROOT, "baseline: %s%ncurrent:  %s%n%n", baseline, current);
        System.out.printf(Locale.ROOT, "%-" + width + "s %14s %14s %10s%n", "metric", "baseline", "current", "change");
        long regressions = 0;
        for (Change c : changes) {
            boolean regressed = c.regressed(tolerance);
            regressions += regressed ? 1 : 0;
            String verdict = c.percent() == 0 ? "" : regressed ? "  regression" : c.improved() ? "  better" : "  worse (within tolerance)";
            String line = String.format(Locale.ROOT, "%-" + width + "s %14s %14s %10s%s", c.metric(), value(c.baseline(), c.unit()),
                    value(c.current(), c.unit()), percent(c.percent()), verdict);
            if (colour && c.percent() != 0) {
                line = (c.improved() ? GREEN : RED) + line + RESET;
            }
            System.out.println(line);
        }
        System.out.println();
        if (regressions > 0) {
            System.out.printf(Locale.ROOT, "%d regression(s) beyond the %s%% tolerance%n", regressions, Units.number(tolerance));
            return ExitCodes.THRESHOLDS_FAILED;
        }
        System.out.printf(Locale.ROOT, "no regression beyond the %s%% tolerance%n", Units.number(tolerance));
        return ExitCodes.OK;
    }

    private static String value(double v, String unit) {
        return switch (unit) {
            case "ms" -> Units.duration(v);
            case "%" -> String.format(Locale.ROOT, "%.2f%%", v);
            case "/s" -> String.format(Locale.ROOT, "%.1f/s", v);
            default -> Units.number(v);
        };
    }

    private static String percent(double p) {
        if (Double.isInfinite(p)) {
            return p > 0 ? "new" : "gone";
        }
        return String.format(Locale.ROOT, "%+.1f%%", p);
    }
}
