package io.fusillade.aggregator.metric;

import io.fusillade.ingest.MetricType;
import java.util.Map;
import java.util.Optional;

/** The names and types of the metrics every run records, spelled as k6 spells them. */
public final class BuiltinMetrics {
    public static final String HTTP_REQS = "http_reqs";
    public static final String HTTP_REQ_DURATION = "http_req_duration";
    /** k6's default sub-metric: durations of requests that did not fail. */
    public static final String HTTP_REQ_DURATION_EXPECTED = "http_req_duration{expected_response:true}";
    public static final String HTTP_REQ_BLOCKED = "http_req_blocked";
    public static final String HTTP_REQ_CONNECTING = "http_req_connecting";
    public static final String HTTP_REQ_TLS_HANDSHAKING = "http_req_tls_handshaking";
    public static final String HTTP_REQ_SENDING = "http_req_sending";
    public static final String HTTP_REQ_WAITING = "http_req_waiting";
    public static final String HTTP_REQ_RECEIVING = "http_req_receiving";
    public static final String HTTP_REQ_FAILED = "http_req_failed";
    public static final String DATA_SENT = "data_sent";
    public static final String DATA_RECEIVED = "data_received";
    public static final String ITERATIONS = "iterations";
    /** Iteration time excluding sleep. */
    public static final String ITERATION = "iteration";
    /** Iteration time including sleep. */
    public static final String ITERATION_TOTAL = "iteration_total";
    /** k6's name for {@link #ITERATION_TOTAL}; reported with the same numbers. */
    public static final String ITERATION_DURATION = "iteration_duration";
    public static final String DROPPED_ITERATIONS = "dropped_iterations";
    /**
     * How long after its planned start an arrival-rate iteration started; iterations of
     * executors that plan no start time are not in it.
     */
    public static final String ITERATION_START_LAG = "iteration_start_lag";
    public static final String CHECKS = "checks";
    public static final String VUS = "vus";
    public static final String VUS_MAX = "vus_max";

    private static final Map<String, MetricType> TYPES = Map.ofEntries(
            Map.entry(HTTP_REQS, MetricType.COUNTER),
            Map.entry(HTTP_REQ_DURATION, MetricType.TREND),
            Map.entry(HTTP_REQ_BLOCKED, MetricType.TREND),
            Map.entry(HTTP_REQ_CONNECTING, MetricType.TREND),
            Map.entry(HTTP_REQ_TLS_HANDSHAKING, MetricType.TREND),
            Map.entry(HTTP_REQ_SENDING, MetricType.TREND),
            Map.entry(HTTP_REQ_WAITING, MetricType.TREND),
            Map.entry(HTTP_REQ_RECEIVING, MetricType.TREND),
            Map.entry(HTTP_REQ_FAILED, MetricType.RATE),
            Map.entry(DATA_SENT, MetricType.COUNTER),
            Map.entry(DATA_RECEIVED, MetricType.COUNTER),
            Map.entry(ITERATIONS, MetricType.COUNTER),
            Map.entry(ITERATION, MetricType.TREND),
            Map.entry(ITERATION_TOTAL, MetricType.TREND),
            Map.entry(ITERATION_DURATION, MetricType.TREND),
            Map.entry(DROPPED_ITERATIONS, MetricType.COUNTER),
            Map.entry(ITERATION_START_LAG, MetricType.TREND),
            Map.entry(CHECKS, MetricType.RATE),
            Map.entry(VUS, MetricType.GAUGE),
            Map.entry(VUS_MAX, MetricType.GAUGE));

    private BuiltinMetrics() {
    }

    /** The type of the built-in metric called {@code name}; empty for custom metrics. */
    public static Optional<MetricType> typeOf(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /** True when {@code name} is a built-in metric. */
    public static boolean isBuiltin(String name) {
        return TYPES.containsKey(name);
    }
}
