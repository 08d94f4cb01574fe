package io.fusillade.aggregator.report;

import io.fusillade.aggregator.summary.CheckSummary;
import io.fusillade.aggregator.summary.CounterSummary;
import io.fusillade.aggregator.summary.EndpointSummary;
import io.fusillade.aggregator.summary.GaugeSummary;
import io.fusillade.aggregator.summary.MetricSummary;
import io.fusillade.aggregator.summary.RateSummary;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.summary.TrendSummary;
import io.fusillade.aggregator.summary.Unit;
import io.fusillade.aggregator.threshold.Statistic;
import io.fusillade.aggregator.threshold.ThresholdEvaluator;
import io.fusillade.aggregator.threshold.ThresholdResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end-of-run summary as text, laid out like k6's: thresholds with ✓/✗ and the observed
 * value, checks with pass percentages, one line per metric in alphabetical order, then the
 * busiest endpoints. ANSI colour only when asked for.
 */
public final class ConsoleSummary {
    /** Endpoints beyond this many are counted, not listed; the JSON export has them all. */
    public static final int MAX_ENDPOINT_ROWS = 15;
    private static final int MAX_ENDPOINT_NAME = 40;
    private static final String PASS = "✓";
    private static final String FAIL = "✗";
    private static final String GREEN = "\u001B[32m";
    private static final String RED = "\u001B[31m";
    private static final String CYAN = "\u001B[36m";
    private static final String FAINT = "\u001B[2m";
    private static final String BOLD = "\u001B[1m";
    private static final String RESET = "\u001B[0m";
    private static final String INDENT = "    ";

    private final boolean colour;

    /** @param colour true to colour ✓/✗ and values with ANSI escapes (a terminal), false for plain text */
    public ConsoleSummary(boolean colour) {
        this.colour = colour;
    }

    /** The whole summary, ending with a newline. */
    public String render(Summary summary) {
        StringBuilder out = new StringBuilder();
        out.append('\n');
        if (!summary.thresholds().isEmpty()) {
            renderThresholds(summary, out);
        }
        heading(out, "TOTAL RESULTS");
        renderTotals(summary, out);
        if (!summary.checks().isEmpty()) {
            renderChecks(summary.checks(), out);
        }
        renderMetrics(summary, out);
        if (!summary.endpoints().isEmpty()) {
            renderEndpoints(summary, out);
        }
        return out.toString();
    }

    private void renderThresholds(Summary summary, StringBuilder out) {
        heading(out, "THRESHOLDS");
        Map<String, List<ThresholdResult>> byMetric = new LinkedHashMap<>();
        for (ThresholdResult result : summary.thresholds()) {
            byMetric.computeIfAbsent(result.threshold().metric().toString(), k -> new ArrayList<>()).add(result);
        }
        byMetric.forEach((metric, results) -> {
            out.append(INDENT).append(metric).append('\n');
            for (ThresholdResult result : results) {
                out.append(INDENT).append(mark(result.passed())).append(" '").append(result.threshold().source())
                        .append("' ").append(observedText(summary, result)).append('\n');
            }
            out.append('\n');
        });
    }

    private String observedText(Summary summary, ThresholdResult result) {
        if (result.observed().isEmpty()) {
            return paint(FAINT, result.note());
        }
        double observed = result.observed().getAsDouble();
        var aggregation = result.threshold().expression().aggregation();
        Optional<MetricSummary> metric = ThresholdEvaluator.find(summary, result.threshold().metric());
        String value = metric.map(m -> switch (m) {
            case TrendSummary t -> aggregation == Statistic.COUNT ? Units.number(observed) : Units.of(observed, t.unit());
            case CounterSummary c -> aggregation == Statistic.RATE ? Units.perSecond(observed, c.unit()) : Units.of(observed, c.unit());
            case RateSummary r -> Units.percent(observed);
            case GaugeSummary g -> Units.of(observed, g.unit());
        }).orElse(Units.number(observed));
        return aggregation.label() + "=" + paint(CYAN, value);
    }

    private void renderTotals(Summary summary, StringBuilder out) {
        long requests = summary.totalRequests();
        long failed = summary.failedRequests();
        out.append(INDENT).append("duration: ").append(paint(CYAN, Units.duration(summary.durationSecs() * 1000)));
        out.append("   requests: ").append(paint(CYAN, Units.number(requests)))
                .append(" (").append(Units.perSecond(summary.requestsPerSecond(), Unit.NONE)).append(')');
        out.append("   failed: ").append(paint(failed > 0 ? RED : CYAN, Units.number(failed)))
                .append(" (").append(Units.percent(requests == 0 ? 0 : (double) failed / requests)).append(')');
        summary.metric("iterations").ifPresent(m ->
                out.append("   iterations: ").append(paint(CYAN, Units.number(((CounterSummary) m).count()))));
        out.append("\n\n");
    }

    private void renderChecks(List<CheckSummary> checks, StringBuilder out) {
        for (CheckSummary check : checks) {
            boolean allPassed = check.fails() == 0;
            out.append(INDENT).append(mark(allPassed)).append(' ').append(check.name()).append('\n');
            if (!allPassed) {
                out.append(INDENT).append("  ↳  ").append(Math.round(check.passRate() * 100)).append("% — ")
                        .append(paint(GREEN, PASS + " " + check.passes())).append(" / ")
                        .append(paint(RED, FAIL + " " + check.fails())).append('\n');
                for (String message : check.messages()) {
                    out.append(INDENT).append("  ↳  ").append(paint(FAINT, message)).append('\n');
                }
            }
        }
        out.append('\n');
    }

    private void renderMetrics(Summary summary, StringBuilder out) {
        Map<String, Boolean> thresholdVerdicts = new LinkedHashMap<>();
        for (ThresholdResult result : summary.thresholds()) {
            thresholdVerdicts.merge(result.threshold().metric().toString(), result.passed(), Boolean::logicalAnd);
        }
        List<String> names = new ArrayList<>(summary.metrics().keySet());
        List<String> labels = new ArrayList<>(names.size());
        int width = 0;
        for (String name : names) {
            String label = displayName(name);
            labels.add(label);
            width = Math.max(width, label.length());
        }
        width += 3;
        List<List<String>> cells = new ArrayList<>(names.size());
        for (String name : names) {
            cells.add(cells(summary.metrics().get(name)));
        }
        int[] columnWidths = columnWidths(names, summary, cells);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Boolean verdict = thresholdVerdicts.get(name);
            String prefix = verdict == null ? "  " : mark(verdict) + " ";
            String label = labels.get(i);
            out.append("  ").append(prefix).append(label).append(paint(FAINT, ".".repeat(width - label.length()))).append(": ");
            List<String> row = cells.get(i);
            boolean trend = summary.metrics().get(name) instanceof TrendSummary;
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                boolean last = c == row.size() - 1;
                String padded = last ? cell : pad(cell, trend ? columnWidths[c] : (c == 0 ? 8 : 11));
                out.append(colourCell(padded)).append(last ? "" : " ");
            }
            out.append('\n');
        }
        out.append('\n');
    }

    /** Trend columns line up across all trends, as k6 aligns them. */
    private static int[] columnWidths(List<String> names, Summary summary, List<List<String>> cells) {
        int[] widths = new int[8];
        for (int i = 0; i < names.size(); i++) {
            if (summary.metrics().get(names.get(i)) instanceof TrendSummary) {
                List<String> row = cells.get(i);
                for (int c = 0; c < row.size() && c < widths.length; c++) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
        }
        return widths;
    }

    /** A sub-metric, {@code http_req_duration{expected_response:true}}, prints indented under its parent. */
    private static String displayName(String name) {
        int brace = name.indexOf('{');
        if (brace > 0 && name.endsWith("}")) {
            return "  { " + name.substring(brace + 1, name.length() - 1) + " }";
        }
        return name;
    }

    private static List<String> cells(MetricSummary metric) {
        return switch (metric) {
            case TrendSummary t -> List.of(
                    "avg=" + Units.of(t.avg(), t.unit()),
                    "min=" + Units.of(t.min(), t.unit()),
                    "med=" + Units.of(t.med(), t.unit()),
                    "max=" + Units.of(t.max(), t.unit()),
                    "p(90)=" + Units.of(t.p90(), t.unit()),
                    "p(95)=" + Units.of(t.p95(), t.unit()),
                    "p(99)=" + Units.of(t.p99(), t.unit()));
            case CounterSummary c -> List.of(Units.of(c.count(), c.unit()), Units.perSecond(c.ratePerSecond(), c.unit()));
            case RateSummary r -> List.of(Units.percent(r.rate()), PASS + " " + r.passes(), FAIL + " " + r.fails());
            case GaugeSummary g -> List.of(Units.of(g.value(), g.unit()), "min=" + Units.of(g.min(), g.unit()),
                    "max=" + Units.of(g.max(), g.unit()));
        };
    }

    private String colourCell(String cell) {
        if (!colour) {
            return cell;
        }
        if (cell.startsWith(PASS)) {
            return GREEN + cell + RESET;
        }
        if (cell.startsWith(FAIL)) {
            return RED + cell + RESET;
        }
        int equals = cell.indexOf('=');
        if (equals >= 0) {
            return cell.substring(0, equals + 1) + CYAN + cell.substring(equals + 1) + RESET;
        }
        return CYAN + cell + RESET;
    }

    private void renderEndpoints(Summary summary, StringBuilder out) {
        heading(out, "ENDPOINTS");
        List<EndpointSummary> endpoints = summary.endpoints();
        int shown = Math.min(endpoints.size(), MAX_ENDPOINT_ROWS);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ENDPOINT", "REQS", "FAILED", "AVG", "P50", "P95", "P99", "MAX"});
        for (EndpointSummary endpoint : endpoints.subList(0, shown)) {
            rows.add(new String[] {
                    truncate(endpoint.label()), Units.number(endpoint.requests()), Units.number(endpoint.failures()),
                    Units.duration(endpoint.avg()), Units.duration(endpoint.p50()), Units.duration(endpoint.p95()),
                    Units.duration(endpoint.p99()), Units.duration(endpoint.max())});
        }
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder(INDENT);
            for (int c = 0; c < row.length; c++) {
                String cell = c == 0 ? pad(row[c], widths[c]) : padLeft(row[c], widths[c]);
                boolean failures = r > 0 && c == 2 && !"0".equals(row[c]);
                line.append(r == 0 ? paint(BOLD, cell) : failures ? paint(RED, cell) : cell);
                line.append(c == row.length - 1 ? "" : "  ");
            }
            out.append(line).append('\n');
        }
        if (endpoints.size() > shown) {
            out.append(INDENT).append(paint(FAINT, "… and " + (endpoints.size() - shown) + " more endpoints")).append('\n');
        }
        if (!summary.statusCounts().isEmpty()) {
            StringBuilder codes = new StringBuilder(INDENT).append("status codes:");
            summary.statusCounts().forEach((status, count) -> codes.append("  ")
                    .append(status == 0 ? "error" : Integer.toString(status)).append('=').append(count));
            out.append(codes).append('\n');
        }
        out.append('\n');
    }

    private void heading(StringBuilder out, String title) {
        out.append("  ").append(paint(BOLD, "█ " + title)).append("\n\n");
    }

    private String mark(boolean passed) {
        return passed ? paint(GREEN, PASS) : paint(RED, FAIL);
    }

    private String paint(String ansi, String text) {
        return colour ? ansi + text + RESET : text;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ENDPOINT_NAME ? text : text.substring(0, MAX_ENDPOINT_NAME - 1) + "…";
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}
