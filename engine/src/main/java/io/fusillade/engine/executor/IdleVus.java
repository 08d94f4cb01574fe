package io.fusillade.engine.executor;

import io.fusillade.engine.js.host.VuInterruptedException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * The idle VUs of an arrival-rate pool and the handoff of work to them: a VU parks until it
 * is handed the planned start of an iteration, or until the pool is closed. The most recently
 * idle VU gets the next iteration (its JS is the warmest). Nothing spins and nothing is
 * allocated per handoff; waits are untimed, as a virtual thread's timed wait arms a timer.
 */
final class IdleVus {
    private static final long NONE = Long.MIN_VALUE;

    /** One VU's mailbox: the planned start it was handed, or {@link #NONE}. */
    static final class Slot {
        private final Thread thread = Thread.currentThread();
        private volatile long work = NONE;
    }

    private final ConcurrentLinkedDeque<Slot> idle = new ConcurrentLinkedDeque<>();
    private final Set<Slot> all = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile Thread dispatcher;
    private volatile boolean wanted;

    /**
     * While {@code waiting}, a VU that turns idle wakes {@code thread}, which has work queued
     * that found no idle VU. The thread must check for idle VUs again after saying so: a VU
     * that turned idle just before is not woken for.
     */
    void wakeWhenIdle(Thread thread, boolean waiting) {
        dispatcher = thread;
        wanted = waiting;
    }

    /** A mailbox for the calling VU thread. */
    Slot join() {
        Slot slot = new Slot();
        all.add(slot);
        return slot;
    }

    /**
     * Hands {@code intended} to an idle VU.
     *
     * @return false when no VU is idle
     */
    boolean offer(long intended) {
        Slot slot = idle.pollFirst();
        if (slot == null) {
            return false;
        }
        slot.work = intended;
        LockSupport.unpark(slot.thread);
        return true;
    }

    /**
     * Marks the calling VU idle and waits for work.
     *
     * @return the planned start of its next iteration, or {@link Long#MIN_VALUE} once the pool is closed
     * @throws VuInterruptedException when the VU is interrupted
     */
    long await(Slot slot) {
        idle.offerFirst(slot);
        if (wanted) {
            LockSupport.unpark(dispatcher);
        }
        long work;
        while ((work = slot.work) == NONE) {
            if (closed) {
                return NONE;
            }
            LockSupport.park(this);
            if (Thread.interrupted()) {
                throw new VuInterruptedException();
            }
        }
        slot.work = NONE;
        return work;
    }

    /** No more work: every waiting VU returns, and VUs still busy return from their next wait. */
    void close() {
        closed = true;
        for (Slot slot : all) {
            LockSupport.unpark(slot.thread);
        }
    }

    /** True for the value {@link #await} returns once the pool is closed. */
    static boolean isClosed(long work) {
        return work == NONE;
    }
}
