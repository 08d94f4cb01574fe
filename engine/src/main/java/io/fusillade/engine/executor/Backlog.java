package io.fusillade.engine.executor;

import java.util.Arrays;

/**
 * Iterations of an arrival-rate scenario that were due while no VU was idle, oldest first:
 * each is its number in the schedule and its planned start. Owned by the scenario's scheduling
 * thread; grows by doubling, so a long stall costs no allocation per iteration once it has grown.
 */
final class Backlog {
    private long[] iterations = new long[64];
    private long[] planned = new long[64];
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(long iteration, long plannedNanoTime) {
        if (size == iterations.length) {
            grow();
        }
        int tail = (head + size) & (iterations.length - 1);
        iterations[tail] = iteration;
        planned[tail] = plannedNanoTime;
        size++;
    }

    /** The oldest entry's planned start; only when not empty. */
    long firstPlanned() {
        return planned[head];
    }

    /** The oldest entry's iteration number; only when not empty. */
    long firstIteration() {
        return iterations[head];
    }

    void removeFirst() {
        head = (head + 1) & (iterations.length - 1);
        size--;
    }

    private void grow() {
        int capacity = iterations.length * 2;
        long[] i = Arrays.copyOf(iterations, capacity);
        long[] p = Arrays.copyOf(planned, capacity);
        // Entries that wrapped around to the front move up past the old end.
        for (int k = 0; k < head; k++) {
            i[iterations.length + k] = iterations[k];
            p[iterations.length + k] = planned[k];
        }
        iterations = i;
        planned = p;
        // head unchanged: the run head..old end, then the moved front, is contiguous in the new arrays.
    }
}
