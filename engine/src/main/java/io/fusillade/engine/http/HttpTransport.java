package io.fusillade.engine.http;

/**
 * How the client moves bytes: on shared Netty event loops, or with blocking socket calls
 * made directly on each virtual user's own (virtual) thread.
 */
public enum HttpTransport {
    /** Netty event loops do the I/O; the calling thread parks until they hand the outcome back. */
    NETTY,
    /**
     * The calling thread reads and writes its own {@link java.net.Socket}: no hand-off between
     * threads, which on virtual threads is the cheaper path (measured in {@code bench/}).
     */
    SOCKET
}
