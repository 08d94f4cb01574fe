package io.fusillade.aggregator.threshold;

import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Live thresholds: feeds a {@link MetricRegistry} and, every {@code interval} of stream time,
 * evaluates the thresholds on it, so a dashboard can show ✓/✗ while the run goes and
 * {@code abortOnFail} thresholds can stop it.
 *
 * <p>Give the ring this watcher <em>instead of</em> the registry: both then run on one
 * consumer thread, which is what the registry's threading rule asks. Time is read from the
 * records themselves, so a replayed journal is judged at the same moments as the live run.
 * Thresholds with no data yet pass, so an early evaluation never aborts a run for lack of samples.
 */
public final class ThresholdWatcher implements SampleSink {
    private final MetricRegistry registry;
    private volatile List<Threshold> thresholds;
    private final long intervalNanos;
    private final Consumer<List<ThresholdResult>> onAbort;
    private long nextCheckCoveredNanos;
    private boolean aborted;
    private volatile List<ThresholdResult> latest = List.of();

    /**
     * @param registry the registry to feed and read
     * @param thresholds the thresholds to watch
     * @param interval how much stream time passes between evaluations (k6 uses 2 s)
     * @param onAbort called once, on the consumer thread, with the failing thresholds the first
     *                time any threshold marked {@code abortOnFail} fails; it should ask the
     *                engine to stop and return quickly
     */
    public ThresholdWatcher(MetricRegistry registry, List<Threshold> thresholds, Duration interval,
                            Consumer<List<ThresholdResult>> onAbort) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("threshold evaluation interval must be positive, not " + interval);
        }
        this.registry = registry;
        this.thresholds = List.copyOf(thresholds);
        this.intervalNanos = interval.toNanos();
        this.onAbort = onAbort;
        this.nextCheckCoveredNanos = intervalNanos;
    }

    @Override
    public void onSample(SampleEvent event, boolean endOfBatch) throws Exception {
        registry.onSample(event, endOfBatch);
        if (endOfBatch && !thresholds.isEmpty() && registry.live().coveredNanos() >= nextCheckCoveredNanos) {
            nextCheckCoveredNanos = registry.live().coveredNanos() + intervalNanos;
            check();
        }
    }

    @Override
    public void onEnd() throws Exception {
        registry.onEnd();
        if (!thresholds.isEmpty()) {
            latest = registry.summaryFor(thresholds).thresholds();
        }
    }

    /**
     * Replaces the thresholds watched from the next evaluation on: a run's ring starts before
     * its script has loaded, and so before its thresholds are known.
     */
    public void watch(List<Threshold> watched) {
        this.thresholds = List.copyOf(watched);
    }

    /** The verdicts of the latest evaluation; empty before the first. Safe from any thread. */
    public List<ThresholdResult> latest() {
        return latest;
    }

    /** True once an {@code abortOnFail} threshold has failed. Consumer thread or after the end only. */
    public boolean aborted() {
        return aborted;
    }

    private void check() {
        List<Threshold> thresholds = this.thresholds;
        List<ThresholdResult> results = registry.summaryFor(thresholds).thresholds();
        latest = results;
        if (aborted) {
            return;
        }
        List<ThresholdResult> breached = results.stream()
                .filter(r -> !r.passed() && r.threshold().abortOnFail())
                .toList();
        if (!breached.isEmpty()) {
            aborted = true;
            onAbort.accept(results.stream().filter(r -> !r.passed()).toList());
        }
    }
}
