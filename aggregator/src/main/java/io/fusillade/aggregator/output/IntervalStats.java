package io.fusillade.aggregator.output;

/**
 * One second of a run (or, for the last report, the whole run) as the live outputs report it.
 * Latencies are milliseconds of {@code http_req_duration}; NaN when no request started in it.
 *
 * @param wholeRun true for the whole-run figures sent when the stream ends
 * @param startNanos epoch nanos the interval starts
 * @param elapsedSeconds seconds since the run started, at the interval's start (its end for the whole run)
 * @param seconds the interval's length
 * @param vus the latest {@code vus} gauge reading; NaN before the first
 */
public record IntervalStats(boolean wholeRun, long startNanos, double elapsedSeconds, double seconds, long requests,
                            long failed, long iterations, double p50, double p90, double p95, double p99, double max,
                            double vus) {
    /** Requests per second over the interval. */
    public double rps() {
        return seconds > 0 ? requests / seconds : 0;
    }
}
