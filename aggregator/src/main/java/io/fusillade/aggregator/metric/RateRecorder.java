package io.fusillade.aggregator.metric;

import io.fusillade.aggregator.summary.RateSummary;

/** Counts non-zero samples (passes) against zero ones (fails). */
final class RateRecorder implements Recorder {
    private long passes;
    private long fails;

    @Override
    public void add(double value) {
        if (value != 0) {
            passes++;
        } else {
            fails++;
        }
    }

    void add(boolean pass) {
        if (pass) {
            passes++;
        } else {
            fails++;
        }
    }

    long passes() {
        return passes;
    }

    @Override
    public void mergeFrom(Recorder other) {
        RateRecorder o = (RateRecorder) other;
        passes += o.passes;
        fails += o.fails;
    }

    @Override
    public boolean hasSamples() {
        return passes + fails > 0;
    }

    @Override
    public RateSummary summarize(double durationSecs) {
        return RateSummary.of(passes, fails);
    }
}
