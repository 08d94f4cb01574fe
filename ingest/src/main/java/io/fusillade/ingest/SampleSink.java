package io.fusillade.ingest;

/**
 * A consumer of the sample stream: the journal writer, the live aggregator, threshold
 * watchers, exporters. The same sink reads a live ring or a replayed journal.
 */
public interface SampleSink {
    /**
     * One record. The event is only valid during the call: copy what must outlive it.
     *
     * @param endOfBatch true when no further record is immediately available, a good moment to flush
     */
    void onSample(SampleEvent event, boolean endOfBatch) throws Exception;

    /** The stream has ended: every record has been delivered. Flush and release resources. */
    default void onEnd() throws Exception {
    }
}
