package io.fusillade.aggregator.summary;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One endpoint (method and request name): how many requests, how many failed, their
 * durations in milliseconds, and how many of each status code (0 for a network error).
 */
public record EndpointSummary(String method, String name, long requests, long failures,
                              TrendSummary duration, Map<Integer, Long> statusCounts) {
    public EndpointSummary {
        statusCounts = Collections.unmodifiableMap(new TreeMap<>(statusCounts));
    }

    /** {@code "GET /api/users"}, or just the name when the method is unknown. */
    public String label() {
        return method.isEmpty() ? name : method + " " + name;
    }

    /** The share of requests that failed, between 0 and 1. */
    public double failureRate() {
        return requests == 0 ? 0 : (double) failures / requests;
    }

    /** Average duration, ms. */
    public double avg() {
        return duration.avg();
    }

    /** Fastest request, ms. */
    public double min() {
        return duration.min();
    }

    /** Median duration, ms. */
    public double p50() {
        return duration.med();
    }

    /** 95th percentile duration, ms. */
    public double p95() {
        return duration.p95();
    }

    /** 99th percentile duration, ms. */
    public double p99() {
        return duration.p99();
    }

    /** Slowest request, ms. */
    public double max() {
        return duration.max();
    }
}
