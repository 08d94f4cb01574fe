package io.fusillade.aggregator.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fusillade.aggregator.report.Units;
import io.fusillade.aggregator.summary.CheckSummary;
import io.fusillade.aggregator.summary.CounterSummary;
import io.fusillade.aggregator.summary.EndpointSummary;
import io.fusillade.aggregator.summary.GaugeSummary;
import io.fusillade.aggregator.summary.MetricSummary;
import io.fusillade.aggregator.summary.RateSummary;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.summary.TrendSummary;
import io.fusillade.aggregator.threshold.ThresholdResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code --export-html FILE}: one self-contained HTML page that reads a run at a glance.
 *
 * <p>Key figures, five charts (requests, failures and iterations per second; latency
 * percentiles per second; error rate over time; VUs and failed checks; the latency
 * distribution) and tables of thresholds, checks, endpoints, status codes and every metric.
 * The tables are plain HTML; the charts are inline SVG drawn by a small inline script from
 * the run's data embedded as JSON. Nothing is fetched from the network.
 */
public final class HtmlReport {
    /** Bars in the latency distribution. */
    static final int DISTRIBUTION_BINS = 40;
    /** A timeline longer than this many points is merged into coarser steps, keeping the page small. */
    static final int MAX_POINTS = 1_200;

    private final ObjectMapper mapper = new ObjectMapper();
    private final String css = resource("report.css");
    private final String script = resource("report.js");

    /** The page for {@code summary}, with charts from {@code timeline}, headed by {@code title} (the script's path). */
    public String render(Summary summary, Timeline timeline, String title) {
        StringBuilder html = new StringBuilder(64 * 1024);
        String scriptName = title == null || title.isBlank() ? "Fusillade run" : title;
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Fusillade report: ").append(escape(scriptName)).append("</title>\n<style>")
                .append(css).append("</style></head>\n<body>\n");
        header(html, summary, scriptName);
        html.append("<main>\n");
        figures(html, summary);
        charts(html);
        thresholds(html, summary.thresholds());
        checks(html, summary.checks());
        endpoints(html, summary.endpoints());
        statusCodes(html, summary.statusCounts());
        metrics(html, summary.metrics());
        html.append("</main>\n<script type=\"application/json\" id=\"report-data\">")
                .append(data(timeline).replace("</", "<\\/"))
                .append("</script>\n<script>").append(script).append("</script>\n</body></html>\n");
        return html.toString();
    }

    private void header(StringBuilder html, Summary summary, String scriptName) {
        boolean passed = summary.thresholdsPassed();
        html.append("<header><h1>").append(escape(scriptName))
                .append(summary.thresholds().isEmpty() ? ""
                        : passed ? "<span class=\"verdict ok\">thresholds passed</span>"
                        : "<span class=\"verdict bad\">thresholds failed</span>")
                .append("</h1><div class=\"meta\">");
        if (summary.startEpochNanos() != 0) {
            html.append("started ").append(escape(Instant.ofEpochSecond(0, summary.startEpochNanos()).toString()))
                    .append(" · ");
        }
        html.append("ran ").append(escape(Units.duration(summary.durationSecs() * 1000))).append("</div></header>\n");
    }

    private static void figures(StringBuilder html, Summary summary) {
        html.append("<div class=\"figures\">");
        figure(html, "requests", Units.number(summary.totalRequests()));
        figure(html, "requests/s", Units.number(Math.round(summary.requestsPerSecond() * 10) / 10.0));
        figure(html, "failed", summary.totalRequests() == 0 ? "-"
                : Units.percent((double) summary.failedRequests() / summary.totalRequests()));
        summary.trend("http_req_duration").ifPresent(t -> {
            figure(html, "avg latency", Units.duration(t.avg()));
            figure(html, "p95 latency", Units.duration(t.p95()));
            figure(html, "p99 latency", Units.duration(t.p99()));
        });
        summary.metric("iterations").ifPresent(m -> figure(html, "iterations", Units.number(((CounterSummary) m).count())));
        summary.metric("checks").ifPresent(m -> figure(html, "checks passed", Units.percent(((RateSummary) m).rate())));
        summary.metric("data_received").ifPresent(m -> figure(html, "data received", Units.bytes(((CounterSummary) m).count())));
        html.append("</div>\n");
    }

    private static void figure(StringBuilder html, String label, String value) {
        html.append("<div class=\"figure\"><div class=\"label\">").append(escape(label))
                .append("</div><div class=\"value\">").append(escape(value)).append("</div></div>");
    }

    private static void charts(StringBuilder html) {
        html.append("<div class=\"charts\">\n");
        chart(html, "chart-rps", "Throughput per second");
        chart(html, "chart-latency", "Latency percentiles (http_req_duration)");
        chart(html, "chart-errors", "Errors over time (share of requests failed)");
        chart(html, "chart-vus", "Virtual users and failed checks");
        chart(html, "chart-distribution", "Latency distribution (requests per duration band)");
        html.append("</div>\n");
    }

    private static void chart(StringBuilder html, String id, String title) {
        html.append("<div class=\"chart-box\" id=\"").append(id).append("\"><h2>").append(escape(title))
                .append("</h2><svg class=\"chart\" viewBox=\"0 0 560 240\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"")
                .append(escape(title)).append("\"></svg><div class=\"legend\"></div><div class=\"readout\"></div></div>\n");
    }

    private static void thresholds(StringBuilder html, List<ThresholdResult> results) {
        html.append("<section id=\"thresholds\"><h2>Thresholds</h2>");
        if (results.isEmpty()) {
            html.append("<p class=\"empty\">No thresholds.</p></section>\n");
            return;
        }
        html.append("<table><tr><th>metric</th><th>expression</th><th>observed</th><th>result</th></tr>");
        for (ThresholdResult r : results) {
            String observed = r.observed().isPresent() ? Units.number(r.observed().getAsDouble()) : r.note();
            row(html, r.passed(), r.threshold().metric().toString(), r.threshold().source(), observed);
        }
        html.append("</table></section>\n");
    }

    private static void checks(StringBuilder html, List<CheckSummary> checks) {
        html.append("<section id=\"checks\"><h2>Checks</h2>");
        if (checks.isEmpty()) {
            html.append("<p class=\"empty\">No checks.</p></section>\n");
            return;
        }
        html.append("<table><tr><th>check</th><th>passes</th><th>fails</th><th>pass rate</th><th>result</th></tr>");
        for (CheckSummary c : checks) {
            String messages = c.messages().isEmpty() ? "" : " — " + String.join("; ", c.messages());
            row(html, c.fails() == 0, c.name() + messages, Long.toString(c.passes()), Long.toString(c.fails()),
                    Units.percent(c.passRate()));
        }
        html.append("</table></section>\n");
    }

    /** A row whose last cell is ✓ or ✗. */
    private static void row(StringBuilder html, boolean ok, String... cells) {
        html.append("<tr>");
        for (String cell : cells) {
            html.append("<td>").append(escape(cell)).append("</td>");
        }
        html.append(ok ? "<td class=\"ok\">✓ pass</td>" : "<td class=\"bad\">✗ fail</td>").append("</tr>");
    }

    private static void endpoints(StringBuilder html, List<EndpointSummary> endpoints) {
        html.append("<section id=\"endpoints\"><h2>Endpoints</h2>");
        if (endpoints.isEmpty()) {
            html.append("<p class=\"empty\">No requests.</p></section>\n");
            return;
        }
        html.append("<table><tr><th>endpoint</th><th>requests</th><th>failed</th><th>avg</th><th>p50</th><th>p95</th>")
                .append("<th>p99</th><th>max</th><th>status codes</th></tr>");
        for (EndpointSummary e : endpoints) {
            html.append("<tr><td>").append(escape(e.label())).append("</td><td>").append(e.requests())
                    .append("</td><td>").append(e.failures()).append(" (").append(escape(Units.percent(e.failureRate())))
                    .append(")</td>");
            for (double ms : new double[] {e.avg(), e.p50(), e.p95(), e.p99(), e.max()}) {
                html.append("<td>").append(escape(Units.duration(ms))).append("</td>");
            }
            html.append("<td>").append(escape(e.statusCounts().entrySet().stream()
                    .map(s -> s.getKey() + "×" + s.getValue()).collect(Collectors.joining(" ")))).append("</td></tr>");
        }
        html.append("</table></section>\n");
    }

    private static void statusCodes(StringBuilder html, Map<Integer, Long> counts) {
        html.append("<section id=\"status-codes\"><h2>Status codes</h2>");
        if (counts.isEmpty()) {
            html.append("<p class=\"empty\">No requests.</p></section>\n");
            return;
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        html.append("<table><tr><th>status</th><th>requests</th><th>share</th></tr>");
        counts.forEach((status, count) -> html.append("<tr><td>")
                .append(status == 0 ? "0 (network error)" : status).append("</td><td>").append(count)
                .append("</td><td>").append(escape(Units.percent((double) count / total))).append("</td></tr>"));
        html.append("</table></section>\n");
    }

    private static void metrics(StringBuilder html, Map<String, MetricSummary> metrics) {
        html.append("<section id=\"metrics\"><h2>All metrics</h2><table><tr><th>metric</th><th>type</th><th>values</th></tr>");
        metrics.forEach((name, metric) -> html.append("<tr><td>").append(escape(name)).append("</td><td>")
                .append(metric.type().name().toLowerCase(java.util.Locale.ROOT)).append("</td><td>")
                .append(escape(values(metric))).append("</td></tr>"));
        html.append("</table></section>\n");
    }

    private static String values(MetricSummary metric) {
        return switch (metric) {
            case TrendSummary t -> "avg=" + Units.of(t.avg(), t.unit()) + " min=" + Units.of(t.min(), t.unit())
                    + " med=" + Units.of(t.med(), t.unit()) + " max=" + Units.of(t.max(), t.unit())
                    + " p(90)=" + Units.of(t.p90(), t.unit()) + " p(95)=" + Units.of(t.p95(), t.unit())
                    + " p(99)=" + Units.of(t.p99(), t.unit()) + " count=" + t.count();
            case CounterSummary c -> Units.of(c.count(), c.unit()) + " (" + Units.perSecond(c.ratePerSecond(), c.unit()) + ")";
            case RateSummary r -> Units.percent(r.rate()) + " (" + r.passes() + " of " + (r.passes() + r.fails()) + ")";
            case GaugeSummary g -> "value=" + Units.of(g.value(), g.unit()) + " min=" + Units.of(g.min(), g.unit())
                    + " max=" + Units.of(g.max(), g.unit());
        };
    }

    private String data(Timeline timeline) {
        List<TimelinePoint> points = coarsen(timeline.points());
        List<Map<String, Object>> rows = new ArrayList<>(points.size());
        for (TimelinePoint p : points) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("second", p.second());
            row.put("requests", p.requests());
            row.put("failed", p.failed());
            row.put("iterations", p.iterations());
            row.put("checksFailed", p.checksFailed());
            row.put("p50", finite(p.p50()));
            row.put("p90", finite(p.p90()));
            row.put("p95", finite(p.p95()));
            row.put("p99", finite(p.p99()));
            row.put("vus", finite(p.vus()));
            rows.add(row);
        }
        List<Map<String, Object>> bins = new ArrayList<>();
        for (Timeline.LatencyBin bin : timeline.distribution(DISTRIBUTION_BINS)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("from", bin.fromMs());
            row.put("to", bin.toMs());
            row.put("count", bin.count());
            bins.add(row);
        }
        try {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("timeline", rows);
            data.put("distribution", bins);
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the report's data: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Long runs: merges neighbouring seconds so the page carries at most {@link #MAX_POINTS}
     * points. Counts become per-second averages over the step; percentiles take the step's worst
     * second, so a spike never disappears.
     */
    static List<TimelinePoint> coarsen(List<TimelinePoint> points) {
        int step = (points.size() + MAX_POINTS - 1) / MAX_POINTS;
        if (step <= 1) {
            return points;
        }
        List<TimelinePoint> merged = new ArrayList<>(points.size() / step + 1);
        for (int from = 0; from < points.size(); from += step) {
            List<TimelinePoint> group = points.subList(from, Math.min(points.size(), from + step));
            int n = group.size();
            merged.add(new TimelinePoint(group.get(0).second(),
                    group.stream().mapToLong(TimelinePoint::requests).sum() / n,
                    group.stream().mapToLong(TimelinePoint::failed).sum() / n,
                    worst(group, TimelinePoint::avg), worst(group, TimelinePoint::p50), worst(group, TimelinePoint::p90),
                    worst(group, TimelinePoint::p95), worst(group, TimelinePoint::p99), worst(group, TimelinePoint::max),
                    group.stream().mapToLong(TimelinePoint::iterations).sum() / n,
                    group.stream().mapToLong(TimelinePoint::checksFailed).sum() / n,
                    group.get(n - 1).vus()));
        }
        return merged;
    }

    private static double worst(List<TimelinePoint> group, java.util.function.ToDoubleFunction<TimelinePoint> value) {
        return group.stream().mapToDouble(value).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Text made safe for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the HTML report's " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
