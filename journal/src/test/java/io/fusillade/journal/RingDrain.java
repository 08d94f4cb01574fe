package io.fusillade.journal;

import io.fusillade.ingest.SampleRing;
import java.util.function.LongSupplier;

/**
 * Waits until the ring's consumers have taken every published record. Closing a ring whose
 * consumer threads have not started running yet can end the stream before they see anything
 * (the Disruptor's shutdown only waits for consumers already running), so tests that publish
 * a handful of records and close at once wait here first.
 */
final class RingDrain {
    private RingDrain() {
    }

    static void await(SampleRing ring, LongSupplier... consumed) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (LongSupplier counter : consumed) {
            while (counter.getAsLong() < ring.published()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("ring consumers did not catch up within 10 s: " + counter.getAsLong()
                            + " of " + ring.published());
                }
                Thread.sleep(1);
            }
        }
    }
}
