package io.fusillade.aggregator.metric;

import io.fusillade.aggregator.summary.CheckSummary;
import io.fusillade.aggregator.summary.EndpointSummary;
import io.fusillade.aggregator.summary.MetricSummary;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.summary.TrendSummary;
import io.fusillade.aggregator.summary.Unit;
import io.fusillade.aggregator.threshold.MetricKey;
import io.fusillade.aggregator.threshold.Threshold;
import io.fusillade.aggregator.threshold.ThresholdEvaluator;
import io.fusillade.ingest.Dictionary;
import io.fusillade.ingest.MetricType;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The run's metrics, built from the sample stream and nothing else: the same records give the
 * same {@link Summary}, whether they come live from the sample ring or replayed from a journal.
 *
 * <p>It reads its own string table from DICTIONARY records, the run's start and end from
 * {@code run-start} / {@code run-end} MARKER records (falling back to the first and last
 * sample when they are missing) and the run's metadata from the RUN_META record.
 *
 * <p>Threading: one consumer thread calls {@link #onSample}; no locks. Once every method,
 * name, check and metric has been seen, a REQUEST record allocates nothing: everything is
 * found by int id in arrays and primitive maps. {@link #summary} must be called on that same
 * thread or after {@link #onEnd} has returned (for a ring, after it is closed). Other threads
 * read running totals through {@link #live()}.
 */
public final class MetricRegistry implements SampleSink {
    /** Publish live counters at least this often, even inside one long batch. */
    private static final int PUBLISH_EVERY = 4096;
    private static final String CUSTOM_SUFFIX = " (custom)";

    private volatile boolean trackEndpoints;
    private final Dictionary dictionary = new Dictionary();
    private final RunWindow window = new RunWindow();
    private final LiveCounters live = new LiveCounters();

    private final CounterRecorder httpReqs = new CounterRecorder(Unit.NONE);
    private final RateRecorder httpReqFailed = new RateRecorder();
    private final DurationTrend httpReqDuration = DurationTrend.precise();
    private final DurationTrend httpReqDurationExpected = DurationTrend.precise();
    private final DurationTrend httpReqBlocked = DurationTrend.precise();
    private final DurationTrend httpReqConnecting = DurationTrend.precise();
    private final DurationTrend httpReqTlsHandshaking = DurationTrend.precise();
    private final DurationTrend httpReqSending = DurationTrend.precise();
    private final DurationTrend httpReqWaiting = DurationTrend.precise();
    private final DurationTrend httpReqReceiving = DurationTrend.precise();
    private final CounterRecorder dataSent = new CounterRecorder(Unit.BYTES);
    private final CounterRecorder dataReceived = new CounterRecorder(Unit.BYTES);
    private final IntLongMap statusCounts = new IntLongMap();
    private final LongObjectMap<EndpointStats> endpoints = new LongObjectMap<>();
    private final TaggedSeries tagged = new TaggedSeries();
    private final LiveQueries queries = new LiveQueries();

    private final CounterRecorder iterations = new CounterRecorder(Unit.NONE);
    private final DurationTrend iterationActive = DurationTrend.precise();
    private final DurationTrend iterationTotal = DurationTrend.precise();
    private final CounterRecorder droppedIterations = new CounterRecorder(Unit.NONE);
    private final DurationTrend iterationStartLag = DurationTrend.precise();

    private final RateRecorder checks = new RateRecorder();
    private CheckTally[] checksById = new CheckTally[64];
    private final List<CheckTally> checksInOrder = new ArrayList<>();

    private GaugeRecorder[] gaugesById = new GaugeRecorder[16];
    private final List<Integer> gaugeIds = new ArrayList<>();
    private Recorder[] customById = new Recorder[64];
    private final List<Integer> customIds = new ArrayList<>();

    private String runMetadata;
    private int vusNameId = -1;
    private int vusMaxNameId = -1;

    private long requestCount;
    private long failedCount;
    private long iterationCount;
    private long droppedCount;
    private double vus;
    private double vusMax;
    private int sincePublish;

    /** A registry that keeps per-endpoint breakdowns. */
    public MetricRegistry() {
        this(true);
    }

    /**
     * @param trackEndpoints false to skip per-endpoint tallies ({@code --no-endpoint-tracking}),
     *                       for scripts whose request names have unbounded cardinality
     */
    public MetricRegistry(boolean trackEndpoints) {
        this.trackEndpoints = trackEndpoints;
    }

    /** Turns per-endpoint tallies off (or on) for the records to come: {@code no_endpoint_tracking}, once the options are read. */
    public void trackEndpoints(boolean track) {
        this.trackEndpoints = track;
    }

    /** Running totals for other threads (a progress line, a dashboard). */
    public LiveCounters live() {
        return live;
    }

    /** The run's metadata JSON, once its RUN_META record has been read. Consumer thread or after the end only. */
    public Optional<String> runMetadata() {
        return Optional.ofNullable(runMetadata);
    }

    @Override
    public void onSample(SampleEvent event, boolean endOfBatch) {
        if (event.kind != null) {
            switch (event.kind) {
                case REQUEST -> onRequest(event);
                case ITERATION -> onIteration(event);
                case CHECK -> onCheck(event);
                case METRIC -> onMetric(event);
                case VU_GAUGE -> onVuGauge(event);
                case DROPPED_ITERATION -> onDroppedIteration(event);
                case DICTIONARY -> onDictionary(event);
                case RUN_META -> runMetadata = event.text;
                case MARKER -> {
                    window.marker(event.text, event.startNanos);
                    endOfBatch = true;
                }
            }
        }
        if (endOfBatch || ++sincePublish >= PUBLISH_EVERY) {
            publishLive();
            if (!queries.isEmpty()) {
                queries.answer(this::trendNamed);
            }
        }
    }

    /**
     * Live statistics of the requests named {@code name} (all methods), or of the trend metric
     * {@code name} (custom, or {@code http_req_duration}), for {@code stats.get(name)}: safe from
     * any thread, answered by the consumer thread within its next batch; empty when nothing has
     * that name yet or no answer came within {@code timeout}. {@code wake} runs once the
     * question is queued and should publish a record, so that an idle ring gets a batch to end.
     */
    public Optional<TrendSummary> liveTrend(String name, Duration timeout, Runnable wake) {
        return queries.ask(name, timeout, wake);
    }

    private Optional<TrendSummary> trendNamed(String name) {
        DurationTrend merged = null;
        for (EndpointStats stats : endpoints.values()) {
            if (name.equals(dictionary.text(stats.nameId()))) {
                if (merged == null) {
                    merged = DurationTrend.compact();
                }
                merged.mergeFrom(stats.duration());
            }
        }
        if (merged != null) {
            return Optional.of(merged.summarize());
        }
        if (BuiltinMetrics.HTTP_REQ_DURATION.equals(name) && requestCount > 0) {
            return Optional.of(httpReqDuration.summarize());
        }
        for (int id : customIds) {
            if (name.equals(dictionary.text(id)) && customById[id] instanceof ValueTrendRecorder trend) {
                return Optional.of(trend.summarize(0));
            }
        }
        return Optional.empty();
    }

    @Override
    public void onEnd() {
        publishLive();
        queries.answer(this::trendNamed);
    }

    private void onRequest(SampleEvent e) {
        window.sample(e.startNanos, e.durationNanos);
        boolean failed = e.requestFailed();
        requestCount++;
        httpReqs.add(1);
        httpReqFailed.add(failed);
        if (failed) {
            failedCount++;
        } else {
            httpReqDurationExpected.record(e.durationNanos);
        }
        httpReqDuration.record(e.durationNanos);
        httpReqBlocked.record(e.blockedNanos);
        httpReqConnecting.record(e.connectingNanos);
        httpReqTlsHandshaking.record(e.tlsNanos);
        httpReqSending.record(e.sendingNanos);
        httpReqWaiting.record(e.waitingNanos);
        httpReqReceiving.record(e.receivingNanos);
        dataSent.add(e.bytesSent);
        dataReceived.add(e.bytesReceived);
        statusCounts.increment(e.status);
        tagged.onRequest(e, failed);
        if (trackEndpoints) {
            endpoint(e.methodId, e.nameId).record(e.durationNanos, e.status, failed);
        }
    }

    private EndpointStats endpoint(int methodId, int nameId) {
        long key = (long) methodId << 32 | (nameId & 0xFFFF_FFFFL);
        EndpointStats stats = endpoints.get(key);
        if (stats == null) {
            stats = new EndpointStats(methodId, nameId);
            endpoints.put(key, stats);
        }
        return stats;
    }

    private void onIteration(SampleEvent e) {
        window.sample(e.startNanos, e.durationNanos);
        iterationCount++;
        iterations.add(1);
        iterationActive.record(Math.max(0, e.durationNanos - e.sleepNanos));
        iterationTotal.record(e.durationNanos);
        if (e.intendedStartNanos != e.startNanos && e.intendedStartNanos != 0) {
            iterationStartLag.record(Math.max(0, e.startNanos - e.intendedStartNanos));
        }
    }

    private void onCheck(SampleEvent e) {
        window.sample(e.startNanos, 0);
        boolean passed = e.value != 0;
        checks.add(passed);
        int id = e.nameId;
        if (id < 0) {
            return;
        }
        if (id >= checksById.length) {
            checksById = Arrays.copyOf(checksById, Math.max(id + 1, checksById.length * 2));
        }
        CheckTally tally = checksById[id];
        if (tally == null) {
            tally = new CheckTally(id);
            checksById[id] = tally;
            checksInOrder.add(tally);
        }
        tally.record(passed, e.text);
    }

    private void onMetric(SampleEvent e) {
        window.sample(e.startNanos, 0);
        int id = e.nameId;
        if (id < 0 || !Double.isFinite(e.value)) {
            return;
        }
        if (id >= customById.length) {
            customById = Arrays.copyOf(customById, Math.max(id + 1, customById.length * 2));
        }
        Recorder recorder = customById[id];
        if (recorder == null) {
            // The first sample fixes the type; the engine keeps a metric's type constant.
            recorder = Recorder.of(e.metricType == null ? MetricType.COUNTER : e.metricType);
            customById[id] = recorder;
            customIds.add(id);
        }
        recorder.add(e.value);
        tagged.onMetric(e, recorder);
    }

    private void onVuGauge(SampleEvent e) {
        window.sample(e.startNanos, 0);
        int id = e.nameId;
        if (id < 0 || !Double.isFinite(e.value)) {
            return;
        }
        if (id >= gaugesById.length) {
            gaugesById = Arrays.copyOf(gaugesById, Math.max(id + 1, gaugesById.length * 2));
        }
        GaugeRecorder gauge = gaugesById[id];
        if (gauge == null) {
            gauge = new GaugeRecorder(Unit.NONE);
            gaugesById[id] = gauge;
            gaugeIds.add(id);
        }
        gauge.add(e.value);
        if (id == vusNameId) {
            vus = e.value;
        } else if (id == vusMaxNameId) {
            vusMax = e.value;
        }
    }

    private void onDroppedIteration(SampleEvent e) {
        window.sample(e.startNanos, 0);
        droppedCount++;
        droppedIterations.add(1);
    }

    private void onDictionary(SampleEvent e) {
        String text = e.text == null ? "" : e.text;
        dictionary.define(e.entryId, text);
        if (BuiltinMetrics.VUS.equals(text)) {
            vusNameId = e.entryId;
        } else if (BuiltinMetrics.VUS_MAX.equals(text)) {
            vusMaxNameId = e.entryId;
        }
    }

    private void publishLive() {
        sincePublish = 0;
        live.publish(requestCount, failedCount, iterationCount, droppedCount, vus, vusMax);
        live.window(window.start(), window.latest(), window.ended() ? window.end() : 0);
    }

    /** The summary so far, without thresholds. Consumer thread or after the end only. */
    public Summary summary() {
        return summary(List.of());
    }

    /**
     * The summary so far with each of {@code thresholds} evaluated (see
     * {@link ThresholdEvaluator} for how). Consumer thread or after the end only: it reads the
     * registry's unsynchronised state. Copies every histogram, so call it per report, not per sample.
     */
    public Summary summary(List<Threshold> thresholds) {
        Summary base = build(name -> true, true, thresholds);
        return thresholds.isEmpty() ? base : base.withThresholds(ThresholdEvaluator.evaluate(base, thresholds));
    }

    /**
     * A partial summary holding only what {@code thresholds} read (their metrics, and the
     * endpoint breakdown when a tag selector needs it), with the thresholds evaluated: cheap
     * enough to call every second or two for live threshold checks. Same threading rule as
     * {@link #summary(List)}.
     */
    public Summary summaryFor(List<Threshold> thresholds) {
        Set<String> wanted = new HashSet<>();
        boolean endpointsWanted = false;
        for (Threshold threshold : thresholds) {
            wanted.add(threshold.metric().toString());
            endpointsWanted |= threshold.metric().hasTags();
        }
        Summary base = build(wanted::contains, endpointsWanted, thresholds);
        return base.withThresholds(ThresholdEvaluator.evaluate(base, thresholds));
    }

    private Summary build(Predicate<String> wanted, boolean withBreakdowns, List<Threshold> thresholds) {
        long start = window.start();
        long end = window.end();
        double durationSecs = (end - start) / 1e9;
        Map<String, MetricSummary> metrics = new TreeMap<>();
        if (requestCount > 0) {
            put(metrics, wanted, BuiltinMetrics.HTTP_REQS, () -> httpReqs.summarize(durationSecs));
            put(metrics, wanted, BuiltinMetrics.HTTP_REQ_FAILED, () -> httpReqFailed.summarize(durationSecs));
            put(metrics, wanted, BuiltinMetrics.HTTP_REQ_DURATION, httpReqDuration::summarize);
            if (httpReqDurationExpected.count() > 0) {
                put(metrics, wanted, BuiltinMetrics.HTTP_REQ_DURATION_EXPECTED, httpReqDurationExpected::summarize);
            }
            put(metrics, wanted, BuiltinMetrics.HTTP_REQ_BLOCKED, httpReqBlocked::summarize);
            put(metrics, wanted, BuiltinMetrics.HTTP_REQ_CONNECTING, httpReqConnecting::summarize);
            put(metrics, wanted, BuiltinMetrics.HTTP_REQ_TLS_HANDSHAKING, httpReqTlsHandshaking::summarize);
            put(metrics, wanted, BuiltinMetrics.HTTP_REQ_SENDING, httpReqSending::summarize);
            put(metrics, wanted, BuiltinMetrics.HTTP_REQ_WAITING, httpReqWaiting::summarize);
            put(metrics, wanted, BuiltinMetrics.HTTP_REQ_RECEIVING, httpReqReceiving::summarize);
            put(metrics, wanted, BuiltinMetrics.DATA_SENT, () -> dataSent.summarize(durationSecs));
            put(metrics, wanted, BuiltinMetrics.DATA_RECEIVED, () -> dataReceived.summarize(durationSecs));
        }
        if (iterationCount > 0) {
            put(metrics, wanted, BuiltinMetrics.ITERATIONS, () -> iterations.summarize(durationSecs));
            put(metrics, wanted, BuiltinMetrics.ITERATION, iterationActive::summarize);
            if (wanted.test(BuiltinMetrics.ITERATION_TOTAL) || wanted.test(BuiltinMetrics.ITERATION_DURATION)) {
                MetricSummary total = iterationTotal.summarize();
                put(metrics, wanted, BuiltinMetrics.ITERATION_TOTAL, () -> total);
                put(metrics, wanted, BuiltinMetrics.ITERATION_DURATION, () -> total);
            }
        }
        if (iterationStartLag.count() > 0) {
            put(metrics, wanted, BuiltinMetrics.ITERATION_START_LAG, iterationStartLag::summarize);
        }
        if (droppedCount > 0) {
            put(metrics, wanted, BuiltinMetrics.DROPPED_ITERATIONS, () -> droppedIterations.summarize(durationSecs));
        }
        if (checks.hasSamples()) {
            put(metrics, wanted, BuiltinMetrics.CHECKS, () -> checks.summarize(durationSecs));
        }
        Set<String> taken = new HashSet<>(metrics.keySet());
        for (int id : gaugeIds) {
            putCustom(metrics, taken, wanted, dictionary.text(id), gaugesById[id], durationSecs);
        }
        for (int id : customIds) {
            putCustom(metrics, taken, wanted, dictionary.text(id), customById[id], durationSecs);
        }

        putSubMetrics(metrics, wanted, thresholds, durationSecs);

        List<CheckSummary> checkSummaries = new ArrayList<>(checksInOrder.size());
        List<EndpointSummary> endpointSummaries = new ArrayList<>(endpoints.values().size());
        if (withBreakdowns) {
            for (CheckTally tally : checksInOrder) {
                checkSummaries.add(tally.summarize(dictionary));
            }
            for (EndpointStats stats : endpoints.values()) {
                endpointSummaries.add(stats.summarize(dictionary));
            }
            endpointSummaries.sort(Comparator.comparingLong(EndpointSummary::requests).reversed()
                    .thenComparing(EndpointSummary::name).thenComparing(EndpointSummary::method));
        }
        return new Summary(start, end, durationSecs, metrics, checkSummaries, endpointSummaries,
                statusCounts.toMap(), List.of(), Optional.ofNullable(runMetadata));
    }

    /** The tag-selected sub-metrics thresholds ask for, under their selector's name (as k6 shows them). */
    private void putSubMetrics(Map<String, MetricSummary> metrics, Predicate<String> wanted, List<Threshold> thresholds,
                               double durationSecs) {
        for (Threshold threshold : thresholds) {
            MetricKey key = threshold.metric();
            String name = key.toString();
            if (metrics.containsKey(name) || !wanted.test(name) || !TaggedSeries.answers(key)) {
                continue;
            }
            int customId = -1;
            for (int id : customIds) {
                if (key.name().equals(dictionary.text(id))) {
                    customId = id;
                }
            }
            tagged.select(key, dictionary, customId, durationSecs).ifPresent(summary -> metrics.put(name, summary));
        }
    }

    private static void put(Map<String, MetricSummary> metrics, Predicate<String> wanted, String name,
                            Supplier<MetricSummary> summary) {
        if (wanted.test(name)) {
            metrics.put(name, summary.get());
        }
    }

    /**
     * Gauges and custom metrics share the namespace with the built-ins; one that borrows a
     * built-in's name (or another's) is kept under a suffixed name rather than dropped or merged.
     */
    private static void putCustom(Map<String, MetricSummary> metrics, Set<String> taken, Predicate<String> wanted,
                                  String name, Recorder recorder, double durationSecs) {
        String key = name;
        boolean clash = taken.contains(key) || (BuiltinMetrics.isBuiltin(key) && !isVuGaugeName(key, recorder));
        while (clash) {
            key = key + CUSTOM_SUFFIX;
            clash = taken.contains(key);
        }
        taken.add(key);
        if (wanted.test(key)) {
            metrics.put(key, recorder.summarize(durationSecs));
        }
    }

    private static boolean isVuGaugeName(String name, Recorder recorder) {
        return (BuiltinMetrics.VUS.equals(name) || BuiltinMetrics.VUS_MAX.equals(name))
                && recorder instanceof GaugeRecorder;
    }
}
