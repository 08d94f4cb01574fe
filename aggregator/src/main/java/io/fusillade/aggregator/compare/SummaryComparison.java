package io.fusillade.aggregator.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code fusillade compare}: two JSON summaries ({@code --export-json} files, or a run's
 * {@code summary.json}) side by side. Compared: requests per second, the error rate, the
 * {@code http_req_duration} average and percentiles, the average and p(95) of every other
 * time trend both runs have, the checks pass rate, and each endpoint both runs share
 * (p(95) and error rate).
 */
public final class SummaryComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryComparison() {
    }

    /**
     * Reads and compares two summary files.
     *
     * @throws IllegalArgumentException naming the file that is missing or not a Fusillade JSON summary
     */
    public static List<Change> compare(Path baseline, Path current) {
        return compare(read(baseline), read(current));
    }

    static JsonNode read(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root == null || !root.isObject() || !root.has("total_requests") || !root.has("metrics")) {
                throw new IllegalArgumentException(file + " is not a Fusillade JSON summary (write one with --export-json)");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read " + file + ": no such file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " as a JSON summary: " + e.getMessage(), e);
        }
    }

    /** Compares two parsed summaries. */
    public static List<Change> compare(JsonNode base, JsonNode cur) {
        List<Change> changes = new ArrayList<>();
        add(changes, "rps", "/s", base.path("rps"), cur.path("rps"), Direction.HIGHER_IS_BETTER);
        changes.add(new Change("error rate", "%", errorRate(base) * 100, errorRate(cur) * 100, Direction.LOWER_IS_BETTER));
        add(changes, "http_req_duration avg", "ms", base.path("avg_latency"), cur.path("avg_latency"), Direction.LOWER_IS_BETTER);
        for (String p : List.of("p50", "p90", "p95", "p99")) {
            add(changes, "http_req_duration " + p, "ms", base.path(p), cur.path(p), Direction.LOWER_IS_BETTER);
        }
        JsonNode baseMetrics = base.path("metrics");
        JsonNode curMetrics = cur.path("metrics");
        for (Iterator<Map.Entry<String, JsonNode>> it = baseMetrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode b = entry.getValue();
            JsonNode c = curMetrics.path(name);
            if (c.isMissingNode() || name.equals("http_req_duration")) {
                continue;
            }
            if ("trend".equals(b.path("type").asText()) && "time".equals(b.path("contains").asText())) {
                add(changes, name + " avg", "ms", b.path("values").path("avg"), c.path("values").path("avg"), Direction.LOWER_IS_BETTER);
                add(changes, name + " p(95)", "ms", b.path("values").path("p(95)"), c.path("values").path("p(95)"), Direction.LOWER_IS_BETTER);
            } else if (name.equals("checks")) {
                JsonNode br = b.path("values").path("rate");
                JsonNode cr = c.path("values").path("rate");
                if (br.isNumber() && cr.isNumber()) {
                    changes.add(new Change("checks passed", "%", br.asDouble() * 100, cr.asDouble() * 100, Direction.HIGHER_IS_BETTER));
                }
            }
        }
        for (JsonNode endpoint : base.path("endpoints")) {
            JsonNode match = endpoint(cur, endpoint.path("method").asText(), endpoint.path("name").asText());
            if (match == null) {
                continue;
            }
            String label = (endpoint.path("method").asText() + " " + endpoint.path("name").asText()).strip();
            add(changes, label + " p95", "ms", endpoint.path("p95"), match.path("p95"), Direction.LOWER_IS_BETTER);
            changes.add(new Change(label + " error rate", "%", share(endpoint, "errors", "requests") * 100,
                    share(match, "errors", "requests") * 100, Direction.LOWER_IS_BETTER));
        }
        return changes;
    }

    private static JsonNode endpoint(JsonNode summary, String method, String name) {
        for (JsonNode e : summary.path("endpoints")) {
            if (e.path("method").asText().equals(method) && e.path("name").asText().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static void add(List<Change> changes, String metric, String unit, JsonNode base, JsonNode cur, Direction direction) {
        if (base.isNumber() && cur.isNumber()) {
            changes.add(new Change(metric, unit, base.asDouble(), cur.asDouble(), direction));
        }
    }

    private static double errorRate(JsonNode summary) {
        return share(summary, "total_errors", "total_requests");
    }

    private static double share(JsonNode node, String part, String whole) {
        double total = node.path(whole).asDouble();
        return total == 0 ? 0 : node.path(part).asDouble() / total;
    }
}
