package io.fusillade.aggregator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fusillade.aggregator.summary.CheckSummary;
import io.fusillade.aggregator.summary.CounterSummary;
import io.fusillade.aggregator.summary.EndpointSummary;
import io.fusillade.aggregator.summary.GaugeSummary;
import io.fusillade.aggregator.summary.MetricSummary;
import io.fusillade.aggregator.summary.RateSummary;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.summary.TrendSummary;
import io.fusillade.aggregator.summary.Unit;
import io.fusillade.aggregator.threshold.ThresholdResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable summary: what {@code --export-json FILE} writes and what
 * {@code handleSummary(data)} receives.
 *
 * <p>Top level, as the spec lists for {@code handleSummary}: {@code duration_secs},
 * {@code total_requests}, {@code total_errors}, {@code avg_latency}, {@code p50}, {@code p95},
 * {@code p99} (milliseconds, from {@code http_req_duration}), {@code rps} and {@code endpoints};
 * then {@code metrics} in k6's shape ({@code {type, contains, values, thresholds}} with keys
 * {@code avg min med max p(90) p(95) p(99) count rate passes fails value}), {@code checks},
 * {@code thresholds} (per metric key, a list of {@code {expression, ok, observed}}),
 * {@code thresholds_passed}, {@code status_codes}, start and end times and, when the run
 * recorded it, {@code run_metadata}. Values that do not exist are {@code null}, never NaN.
 */
public final class JsonSummary {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The summary as plain maps, lists, strings, numbers and booleans, in a stable key order. */
    public Map<String, Object> toMap(Summary summary) {
        Map<String, Object> root = new LinkedHashMap<>();
        TrendSummary latency = summary.trend("http_req_duration").orElse(null);
        root.put("duration_secs", number(summary.durationSecs()));
        root.put("total_requests", summary.totalRequests());
        root.put("total_errors", summary.failedRequests());
        root.put("avg_latency", latency == null ? 0.0 : number(latency.avg()));
        root.put("p50", latency == null ? 0.0 : number(latency.med()));
        root.put("p90", latency == null ? 0.0 : number(latency.p90()));
        root.put("p95", latency == null ? 0.0 : number(latency.p95()));
        root.put("p99", latency == null ? 0.0 : number(latency.p99()));
        root.put("min_latency", latency == null ? 0.0 : number(latency.min()));
        root.put("max_latency", latency == null ? 0.0 : number(latency.max()));
        root.put("rps", number(summary.requestsPerSecond()));
        root.put("start_time", time(summary.startEpochNanos()));
        root.put("end_time", time(summary.endEpochNanos()));
        root.put("status_codes", statusCodes(summary.statusCounts()));
        root.put("endpoints", endpoints(summary.endpoints()));
        root.put("metrics", metrics(summary));
        root.put("checks", checks(summary.checks()));
        root.put("thresholds", thresholds(summary.thresholds()));
        root.put("thresholds_passed", summary.thresholdsPassed());
        summary.runMetadata().ifPresent(text -> root.put("run_metadata", metadata(text)));
        return root;
    }

    /** The summary as pretty-printed JSON text. */
    public String toJson(Summary summary) {
        try {
            return mapper.writeValueAsString(toMap(summary));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the summary as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes the summary to {@code file}, creating missing parent directories.
     *
     * @throws IOException with a message naming the file when it cannot be written
     */
    public void write(Summary summary, Path file) throws IOException {
        String json = toJson(summary);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot write the JSON summary to " + file + ": " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        String reason = e.getMessage();
        return e.getClass().getSimpleName() + (reason == null ? "" : " (" + reason + ")");
    }

    private static Map<String, Object> metrics(Summary summary) {
        Map<String, Map<String, Object>> thresholdsByMetric = new LinkedHashMap<>();
        for (ThresholdResult result : summary.thresholds()) {
            Map<String, Object> verdict = new LinkedHashMap<>();
            verdict.put("ok", result.passed());
            thresholdsByMetric.computeIfAbsent(result.threshold().metric().toString(), k -> new LinkedHashMap<>())
                    .put(result.threshold().source(), verdict);
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        summary.metrics().forEach((name, metric) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", metric.type().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("contains", contains(metric.unit()));
            entry.put("values", values(metric));
            Map<String, Object> thresholds = thresholdsByMetric.get(name);
            if (thresholds != null) {
                entry.put("thresholds", thresholds);
            }
            metrics.put(name, entry);
        });
        return metrics;
    }

    private static String contains(Unit unit) {
        return switch (unit) {
            case MILLISECONDS -> "time";
            case BYTES -> "data";
            case NONE -> "default";
        };
    }

    private static Map<String, Object> values(MetricSummary metric) {
        Map<String, Object> values = new LinkedHashMap<>();
        switch (metric) {
            case TrendSummary t -> {
                values.put("avg", number(t.avg()));
                values.put("min", number(t.min()));
                values.put("med", number(t.med()));
                values.put("max", number(t.max()));
                values.put("p(90)", number(t.p90()));
                values.put("p(95)", number(t.p95()));
                values.put("p(99)", number(t.p99()));
                values.put("count", t.count());
            }
            case CounterSummary c -> {
                values.put("count", number(c.count()));
                values.put("rate", number(c.ratePerSecond()));
            }
            case RateSummary r -> {
                values.put("rate", number(r.rate()));
                values.put("passes", r.passes());
                values.put("fails", r.fails());
            }
            case GaugeSummary g -> {
                values.put("value", number(g.value()));
                values.put("min", number(g.min()));
                values.put("max", number(g.max()));
            }
        }
        return values;
    }

    private static List<Object> endpoints(List<EndpointSummary> endpoints) {
        List<Object> list = new ArrayList<>(endpoints.size());
        for (EndpointSummary endpoint : endpoints) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("method", endpoint.method());
            entry.put("name", endpoint.name());
            entry.put("requests", endpoint.requests());
            entry.put("errors", endpoint.failures());
            entry.put("avg", number(endpoint.avg()));
            entry.put("p50", number(endpoint.p50()));
            entry.put("p95", number(endpoint.p95()));
            entry.put("p99", number(endpoint.p99()));
            entry.put("min", number(endpoint.min()));
            entry.put("max", number(endpoint.max()));
            entry.put("status_codes", statusCodes(endpoint.statusCounts()));
            list.add(entry);
        }
        return list;
    }

    private static Map<String, Object> statusCodes(Map<Integer, Long> counts) {
        Map<String, Object> codes = new LinkedHashMap<>();
        counts.forEach((status, count) -> codes.put(Integer.toString(status), count));
        return codes;
    }

    private static List<Object> checks(List<CheckSummary> checks) {
        List<Object> list = new ArrayList<>(checks.size());
        for (CheckSummary check : checks) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", check.name());
            entry.put("passes", check.passes());
            entry.put("fails", check.fails());
            entry.put("pass_rate", number(check.passRate()));
            entry.put("messages", check.messages());
            list.add(entry);
        }
        return list;
    }

    private static Map<String, List<Object>> thresholds(List<ThresholdResult> results) {
        Map<String, List<Object>> byMetric = new LinkedHashMap<>();
        for (ThresholdResult result : results) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("expression", result.threshold().source());
            entry.put("ok", result.passed());
            entry.put("observed", result.observed().isPresent() ? number(result.observed().getAsDouble()) : null);
            if (!result.note().isEmpty()) {
                entry.put("note", result.note());
            }
            byMetric.computeIfAbsent(result.threshold().metric().toString(), k -> new ArrayList<>()).add(entry);
        }
        return byMetric;
    }

    /** The metadata JSON as a nested object when it parses, else the text itself. */
    private Object metadata(String text) {
        try {
            return mapper.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return text;
        }
    }

    private static String time(long epochNanos) {
        if (epochNanos == 0) {
            return null;
        }
        return Instant.ofEpochSecond(0, epochNanos).toString();
    }

    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
