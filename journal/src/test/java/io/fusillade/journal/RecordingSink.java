package io.fusillade.journal;

import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps a copy of every record it sees, with its end-of-batch flag, for assertions. */
final class RecordingSink implements SampleSink {
    final List<SampleEvent> events = new ArrayList<>();
    final List<Boolean> endOfBatch = new ArrayList<>();
    int ends;
    /** Records seen so far, readable from the thread that publishes to the ring. */
    volatile long seen;

    @Override
    public void onSample(SampleEvent event, boolean endOfBatch) {
        SampleEvent copy = new SampleEvent();
        copy.copyFrom(event);
        events.add(copy);
        this.endOfBatch.add(endOfBatch);
        seen++;
    }

    @Override
    public void onEnd() {
        ends++;
    }

    long batches() {
        return endOfBatch.stream().filter(b -> b).count();
    }
}
