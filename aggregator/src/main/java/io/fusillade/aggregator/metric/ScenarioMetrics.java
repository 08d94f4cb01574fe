package io.fusillade.aggregator.metric;

import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.threshold.MetricKey;
import io.fusillade.aggregator.threshold.Threshold;
import io.fusillade.aggregator.threshold.ThresholdResult;
import io.fusillade.ingest.Dictionary;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * Metrics of single scenarios, for thresholds narrowed to one with a {@code scenario} tag:
 * {@code http_req_duration{scenario:checkout}}, or a scenario's own {@code thresholds}. Every
 * record carries its scenario's id; this sink gives each scenario it watches a
 * {@link MetricRegistry} of its own, fed that scenario's records (plus the dictionary and
 * the run's markers, so names and the run's window are the same as the whole run's).
 *
 * <p>It watches only the scenarios it is told to (nothing costs anything otherwise), or all of
 * them when replaying a journal. Threading as {@link MetricRegistry}: one consumer thread;
 * {@link #summary} once the stream has ended.
 */
public final class ScenarioMetrics implements SampleSink {
    /** The tag that narrows a threshold to one scenario. */
    public static final String SCENARIO_TAG = "scenario";

    private final boolean watchAll;
    private volatile Set<String> watched = Set.of();
    private final Dictionary dictionary = new Dictionary();
    /** Records every scenario registry needs whenever it was created: dictionary entries, markers, run metadata. */
    private final List<SampleEvent> context = new ArrayList<>();
    private final Map<Integer, MetricRegistry> byId = new HashMap<>();
    private final Map<String, MetricRegistry> byName = new HashMap<>();

    private ScenarioMetrics(boolean watchAll) {
        this.watchAll = watchAll;
    }

    /** Watches the scenarios named later by {@link #watch(List)} (a live run). */
    public static ScenarioMetrics forRun() {
        return new ScenarioMetrics(false);
    }

    /** Watches every scenario (replaying a journal, whose thresholds are only known at its end). */
    public static ScenarioMetrics forAll() {
        return new ScenarioMetrics(true);
    }

    /** Watches the scenarios that {@code thresholds} narrow to; call before the run's records arrive. */
    public void watch(List<Threshold> thresholds) {
        Set<String> names = new java.util.HashSet<>();
        for (Threshold threshold : thresholds) {
            String scenario = threshold.metric().tags().get(SCENARIO_TAG);
            if (scenario != null) {
                names.add(scenario);
            }
        }
        watched = Set.copyOf(names);
    }

    @Override
    public void onSample(SampleEvent event, boolean endOfBatch) {
        if (event.kind == null) {
            return;
        }
        switch (event.kind) {
            case DICTIONARY -> {
                dictionary.define(event.entryId, event.text == null ? "" : event.text);
                keep(event);
                if (watchAll || watched.contains(event.text)) {
                    registryFor(event.entryId);
                }
            }
            case MARKER, RUN_META -> keep(event);
            case VU_GAUGE -> { }
            default -> {
                MetricRegistry registry = byId.get(event.scenarioId);
                if (registry != null) {
                    registry.onSample(event, endOfBatch);
                }
            }
        }
    }

    private void keep(SampleEvent event) {
        SampleEvent copy = new SampleEvent();
        copy.copyFrom(event);
        context.add(copy);
        for (MetricRegistry registry : distinct()) {
            registry.onSample(event, false);
        }
    }

    private void registryFor(int id) {
        String name = dictionary.text(id);
        MetricRegistry registry = byName.get(name);
        if (registry == null) {
            registry = new MetricRegistry();
            for (SampleEvent earlier : context) {
                registry.onSample(earlier, false);
            }
            byName.put(name, registry);
        }
        byId.put(id, registry);
    }

    private Iterable<MetricRegistry> distinct() {
        Map<MetricRegistry, Boolean> seen = new IdentityHashMap<>();
        byId.values().forEach(r -> seen.put(r, Boolean.TRUE));
        return seen.keySet();
    }

    /**
     * The run's summary with every threshold judged: those narrowed to a scenario against that
     * scenario's own metrics (the selector's other tags still apply), the rest by
     * {@code registry}. Results keep the order of {@code thresholds}; a scenario that produced
     * no records leaves its thresholds with no data.
     */
    public Summary summary(MetricRegistry registry, List<Threshold> thresholds) {
        List<Threshold> plain = new ArrayList<>();
        Map<String, List<Threshold>> scoped = new TreeMap<>();
        for (Threshold threshold : thresholds) {
            String scenario = threshold.metric().tags().get(SCENARIO_TAG);
            if (scenario == null) {
                plain.add(threshold);
            } else {
                scoped.computeIfAbsent(scenario, k -> new ArrayList<>()).add(threshold);
            }
        }
        Summary base = registry.summary(plain);
        if (scoped.isEmpty()) {
            return base;
        }
        Map<Threshold, ThresholdResult> results = new IdentityHashMap<>();
        base.thresholds().forEach(result -> results.put(result.threshold(), result));
        scoped.forEach((scenario, list) -> judge(scenario, list, results));
        List<ThresholdResult> ordered = new ArrayList<>(thresholds.size());
        for (Threshold threshold : thresholds) {
            ordered.add(results.get(threshold));
        }
        return base.withThresholds(ordered);
    }

    private void judge(String scenario, List<Threshold> thresholds, Map<Threshold, ThresholdResult> results) {
        MetricRegistry registry = byName.get(scenario);
        if (registry == null) {
            thresholds.forEach(t -> results.put(t, new ThresholdResult(t, OptionalDouble.empty(), true, ThresholdResult.NO_DATA)));
            return;
        }
        Map<Threshold, Threshold> original = new LinkedHashMap<>();
        for (Threshold threshold : thresholds) {
            Map<String, String> tags = new TreeMap<>(threshold.metric().tags());
            tags.remove(SCENARIO_TAG);
            original.put(new Threshold(new MetricKey(threshold.metric().name(), tags), threshold.expression(),
                    threshold.source(), threshold.abortOnFail()), threshold);
        }
        for (ThresholdResult result : registry.summary(List.copyOf(original.keySet())).thresholds()) {
            Threshold asWritten = original.get(result.threshold());
            results.put(asWritten, new ThresholdResult(asWritten, result.observed(), result.passed(), result.note()));
        }
    }
}
