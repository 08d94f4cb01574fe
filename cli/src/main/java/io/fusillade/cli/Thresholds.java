package io.fusillade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fusillade.aggregator.threshold.Threshold;
import io.fusillade.aggregator.threshold.ThresholdParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thresholds as a run records them: the script's plus the command line's, stored in the run
 * metadata as {@code {metric: [expression, ...]}} so {@code analyze} can judge them again.
 */
final class Thresholds {
    private Thresholds() {
    }

    /** Parses script thresholds and {@code --threshold metric:expr} values, script first. */
    static List<Threshold> parse(Map<String, List<String>> script, List<String> cli) {
        List<Threshold> all = new ArrayList<>(ThresholdParser.parseAll(script));
        for (String text : cli) {
            all.add(ThresholdParser.parseCli(text));
        }
        return all;
    }

    /** The options form of {@code thresholds}, for the run metadata. */
    static Map<String, List<String>> toOptions(List<Threshold> thresholds) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Threshold t : thresholds) {
            map.computeIfAbsent(t.metric().toString(), k -> new ArrayList<>()).add(t.source());
        }
        return map;
    }

    /** The thresholds a run recorded in its RUN_META JSON (empty when it recorded none). */
    static Map<String, List<String>> fromRunMetadata(String json) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (json == null) {
            return map;
        }
        try {
            JsonNode thresholds = new ObjectMapper().readTree(json).path("thresholds");
            thresholds.properties().forEach(entry -> {
                List<String> exprs = new ArrayList<>();
                entry.getValue().forEach(e -> exprs.add(e.asText()));
                map.put(entry.getKey(), exprs);
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("the journal's run metadata is not valid JSON: " + e.getMessage(), e);
        }
        return map;
    }
}
