package io.fusillade.aggregator.output;

/**
 * One second of a run, as the HTML report draws it. Latencies are milliseconds of
 * {@code http_req_duration} for requests that started in that second; NaN when none did.
 *
 * @param second seconds since the run started (the start of this bucket)
 * @param requests requests started in this second
 * @param failed of those, the ones that failed (network error or status of 400 or more)
 * @param iterations iterations that started in this second
 * @param checksFailed check evaluations that failed in this second
 * @param vus the last {@code vus} gauge reading in or before this second; NaN before the first
 */
public record TimelinePoint(long second, long requests, long failed, double avg, double p50, double p90,
                            double p95, double p99, double max, long iterations, long checksFailed, double vus) {
    /** The share of this second's requests that failed, 0 to 1. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) failed / requests;
    }
}
