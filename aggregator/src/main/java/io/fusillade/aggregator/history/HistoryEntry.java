package io.fusillade.aggregator.history;

import io.fusillade.aggregator.report.JsonSummary;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.summary.TrendSummary;
import java.time.Instant;
import java.util.Optional;

/**
 * One run as the history database keeps it: the headline figures for listing, and the whole
 * JSON summary for {@code fusillade history --show ID}.
 *
 * @param id the database's id for the run; 0 before it is saved
 * @param startedAt when the run started
 * @param script the script's path as the user gave it
 * @param runDirectory the run's folder (its journal and run.json)
 * @param outcome {@code passed}, {@code thresholds_failed}, {@code aborted_by_threshold}, ...
 * @param p95Ms p(95) of {@code http_req_duration}, milliseconds
 * @param summaryJson the run's JSON summary, as {@code --export-json} writes it
 */
public record HistoryEntry(long id, Instant startedAt, String script, String runDirectory, String outcome,
                           double durationSecs, long requests, long errors, double rps, double avgMs, double p95Ms,
                           double p99Ms, boolean thresholdsPassed, String summaryJson) {
    /** The entry for a finished run, before it is saved. */
    public static HistoryEntry of(Summary summary, String script, String runDirectory, String outcome) {
        Optional<TrendSummary> latency = summary.trend("http_req_duration");
        Instant started = summary.startEpochNanos() == 0 ? Instant.now() : Instant.ofEpochSecond(0, summary.startEpochNanos());
        return new HistoryEntry(0, started, script, runDirectory, outcome, summary.durationSecs(), summary.totalRequests(),
                summary.failedRequests(), summary.requestsPerSecond(), latency.map(TrendSummary::avg).orElse(0.0),
                latency.map(TrendSummary::p95).orElse(0.0), latency.map(TrendSummary::p99).orElse(0.0),
                summary.thresholdsPassed(), new JsonSummary().toJson(summary));
    }

    /** The share of requests that failed, 0 to 1. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}
