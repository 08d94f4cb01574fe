package io.fusillade.aggregator.summary;

import io.fusillade.aggregator.threshold.ThresholdResult;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The end-of-run numbers: what the console, JSON export, {@code handleSummary} and
 * {@code fusillade analyze} all print. Built from the sample stream alone, so a run's live
 * summary and the one recomputed from its journal are equal.
 *
 * @param startEpochNanos the run's start (its run-start marker, else its first sample); 0 when nothing was seen
 * @param endEpochNanos the run's end (its run-end marker, else the end of its last sample)
 * @param durationSecs end minus start, in seconds; counters' per-second rates divide by it
 * @param metrics every metric that received at least one sample, by name, sorted
 * @param checks every check, in the order the run first evaluated them
 * @param endpoints every endpoint, busiest first
 * @param statusCounts requests per status code over the whole run (0 is a network error)
 * @param thresholds the verdict of each threshold, in the order they were given
 * @param runMetadata the run's metadata JSON (options, script), when the stream carried it
 */
public record Summary(long startEpochNanos, long endEpochNanos, double durationSecs,
                      Map<String, MetricSummary> metrics, List<CheckSummary> checks,
                      List<EndpointSummary> endpoints, Map<Integer, Long> statusCounts,
                      List<ThresholdResult> thresholds, Optional<String> runMetadata) {
    public Summary {
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        checks = List.copyOf(checks);
        endpoints = List.copyOf(endpoints);
        statusCounts = Collections.unmodifiableMap(new TreeMap<>(statusCounts));
        thresholds = List.copyOf(thresholds);
    }

    /** The same summary with {@code results} as its threshold verdicts. */
    public Summary withThresholds(List<ThresholdResult> results) {
        return new Summary(startEpochNanos, endEpochNanos, durationSecs, metrics, checks, endpoints,
                statusCounts, results, runMetadata);
    }

    /** The metric called {@code name}, if it received any sample. */
    public Optional<MetricSummary> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** The trend called {@code name}, if it exists and is a trend. */
    public Optional<TrendSummary> trend(String name) {
        return metric(name).filter(TrendSummary.class::isInstance).map(TrendSummary.class::cast);
    }

    /** Requests made ({@code http_reqs}). */
    public long totalRequests() {
        return metric("http_reqs").map(m -> (long) ((CounterSummary) m).count()).orElse(0L);
    }

    /** Requests that failed ({@code http_req_failed} passes: a network error or status of 400 or more). */
    public long failedRequests() {
        return metric("http_req_failed").map(m -> ((RateSummary) m).passes()).orElse(0L);
    }

    /** Requests per second over the run. */
    public double requestsPerSecond() {
        return durationSecs > 0 ? totalRequests() / durationSecs : 0;
    }

    /** True when every threshold passed (also when there were none). */
    public boolean thresholdsPassed() {
        return thresholds.stream().allMatch(ThresholdResult::passed);
    }
}
