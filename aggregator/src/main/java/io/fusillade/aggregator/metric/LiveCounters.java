package io.fusillade.aggregator.metric;

/**
 * Running totals for a live progress line, safe to read from any thread. The registry's
 * consumer thread publishes them at the end of each batch it reads from the ring, so they lag
 * the stream by at most one batch; each getter is consistent on its own, not with the others.
 */
public final class LiveCounters {
    private volatile long requests;
    private volatile long failedRequests;
    private volatile long iterations;
    private volatile long droppedIterations;
    private volatile double vus;
    private volatile double vusMax;
    private volatile long startEpochNanos;
    private volatile long endEpochNanos;
    private volatile long latestEpochNanos;

    LiveCounters() {
    }

    void publish(long requests, long failedRequests, long iterations, long droppedIterations, double vus, double vusMax) {
        this.requests = requests;
        this.failedRequests = failedRequests;
        this.iterations = iterations;
        this.droppedIterations = droppedIterations;
        this.vus = vus;
        this.vusMax = vusMax;
    }

    void window(long startEpochNanos, long latestEpochNanos, long endEpochNanos) {
        this.startEpochNanos = startEpochNanos;
        this.latestEpochNanos = latestEpochNanos;
        this.endEpochNanos = endEpochNanos;
    }

    /** Requests made so far. */
    public long requests() {
        return requests;
    }

    /** Requests that failed so far (network error or status of 400 or more). */
    public long failedRequests() {
        return failedRequests;
    }

    /** Iterations completed so far. */
    public long iterations() {
        return iterations;
    }

    /** Arrival-rate iterations dropped so far for want of a free VU. */
    public long droppedIterations() {
        return droppedIterations;
    }

    /** The latest reading of the {@code vus} gauge; 0 before the first. */
    public double vus() {
        return vus;
    }

    /** The latest reading of the {@code vus_max} gauge; 0 before the first. */
    public double vusMax() {
        return vusMax;
    }

    /** Epoch nanos the run started (its run-start marker, else its first sample); 0 while unknown. */
    public long startEpochNanos() {
        return startEpochNanos;
    }

    /** True once the run-end marker has been read. */
    public boolean ended() {
        return endEpochNanos != 0;
    }

    /**
     * How long the run has been going at {@code nowEpochNanos} (an {@code EpochClock} reading);
     * after the run-end marker, the run's full length. 0 before the run starts.
     */
    public long elapsedNanos(long nowEpochNanos) {
        long start = startEpochNanos;
        if (start == 0) {
            return 0;
        }
        long end = endEpochNanos;
        return Math.max(0, (end != 0 ? end : nowEpochNanos) - start);
    }

    /**
     * How much of the run the stream has covered so far: up to its latest sample or marker.
     * Use this when the records are replayed rather than live.
     */
    public long coveredNanos() {
        long start = startEpochNanos;
        return start == 0 ? 0 : Math.max(0, latestEpochNanos - start);
    }
}
