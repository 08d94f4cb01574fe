package io.fusillade.bench;

import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;

/**
 * A sink that does nothing: with it alone on the ring, a benchmark measures the ring itself
 * (claiming, writing and publishing slots, and one consumer following them), the baseline
 * the real consumers are compared against.
 */
public final class DiscardingSink implements SampleSink {
    @Override
    public void onSample(SampleEvent event, boolean endOfBatch) {
        // Reading nothing is the point: the cost left is the ring's own.
    }
}
