package io.fusillade.engine.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * One session's half of a transport: its keep-alive connections and the way it carries a
 * prepared request to its outcome. Used by one thread at a time.
 */
sealed interface SessionIo permits NettySessionIo, SocketSessionIo {
    /** Beyond this many origins the least recently opened connection is closed. */
    int MAX_CONNECTIONS = 32;

    /** Carries {@code pending} (already prepared) until its outcome is in its exchange. */
    void execute(PendingRequest pending);

    /** Connections currently kept open. */
    int openConnections();

    /** Closes every connection. */
    void close();

    /**
     * Resolves the origin's host on the calling thread (the time counts as blocked, as in k6);
     * null when the request already ended here, its failure recorded.
     */
    static InetSocketAddress resolve(Origin origin, PendingRequest pending) {
        InetAddress resolved;
        try {
            resolved = InetAddress.getByName(origin.hostName());
        } catch (UnknownHostException e) {
            pending.failHere(NetworkFailure.hostNotFound(origin.hostName()));
            return null;
        }
        if (System.nanoTime() - pending.deadline >= 0) {
            pending.failHere(NetworkFailure.timeout());
            return null;
        }
        return new InetSocketAddress(resolved, origin.port());
    }
}
