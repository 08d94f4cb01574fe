package io.fusillade.engine.http;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * Makes the engine's event-loop threads, marked so a blocking call can tell it is on one:
 * a session that parked an event loop would wait forever for the loop it stopped.
 */
final class IoThreads extends DefaultThreadFactory {

    IoThreads() {
        super("fusillade-http", true);
    }

    @Override
    protected Thread newThread(Runnable task, String name) {
        return new IoThread(threadGroup, task, name);
    }

    /** True on any HTTP client event-loop thread. */
    static boolean isIoThread() {
        return Thread.currentThread() instanceof IoThread;
    }

    private static final class IoThread extends FastThreadLocalThread {
        IoThread(ThreadGroup group, Runnable task, String name) {
            super(group, task, name);
        }
    }
}
