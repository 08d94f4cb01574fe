package io.fusillade.aggregator.output;

import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;
import java.util.List;

/**
 * Several sinks on one consumer thread: the outputs share one ring consumer rather than each
 * taking a thread, which on a small machine would take CPU from the VUs.
 */
final class SinkGroup implements SampleSink {
    private final SampleSink[] sinks;

    SinkGroup(List<SampleSink> sinks) {
        this.sinks = sinks.toArray(new SampleSink[0]);
    }

    @Override
    public void onSample(SampleEvent event, boolean endOfBatch) throws Exception {
        for (SampleSink sink : sinks) {
            sink.onSample(event, endOfBatch);
        }
    }

    @Override
    public void onEnd() throws Exception {
        Exception first = null;
        for (SampleSink sink : sinks) {
            try {
                sink.onEnd();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
