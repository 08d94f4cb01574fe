package io.fusillade.cli;

import io.fusillade.aggregator.threshold.Threshold;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which thresholds stop a run when they fail: every one with {@code --abort-on-fail}, else those
 * the script wrote in k6's object form {@code {threshold: 'rate < 0.01', abortOnFail: true}}
 * (under {@code thresholds} or {@code criteria}), or all of them with {@code abort_on_fail: true}
 * in its options.
 */
final class AbortOnFail {
    private AbortOnFail() {
    }

    /** {@code thresholds}, each marked to abort when the command line or the script says so. */
    static List<Threshold> mark(List<Threshold> thresholds, Map<String, Object> scriptOptions, boolean all) {
        boolean everyOne = all || Boolean.TRUE.equals(scriptOptions.get("abort_on_fail"));
        Set<String> flagged = flaggedInScript(scriptOptions);
        List<Threshold> marked = new ArrayList<>(thresholds.size());
        for (Threshold t : thresholds) {
            boolean abort = everyOne || t.abortOnFail() || flagged.contains(t.metric() + "\u0000" + t.source());
            marked.add(abort == t.abortOnFail() ? t : new Threshold(t.metric(), t.expression(), t.source(), abort));
        }
        return marked;
    }

    private static Set<String> flaggedInScript(Map<String, Object> scriptOptions) {
        Set<String> flagged = new HashSet<>();
        for (String key : List.of("thresholds", "criteria")) {
            if (scriptOptions.get(key) instanceof Map<?, ?> byMetric) {
                byMetric.forEach((metric, value) -> {
                    List<?> items = value instanceof List<?> list ? list : List.of(value == null ? "" : value);
                    for (Object item : items) {
                        if (item instanceof Map<?, ?> m && m.get("threshold") instanceof String expression
                                && Boolean.TRUE.equals(m.get("abortOnFail"))) {
                            flagged.add(metric + "\u0000" + expression.strip());
                        }
                    }
                });
            }
        }
        return flagged;
    }
}
