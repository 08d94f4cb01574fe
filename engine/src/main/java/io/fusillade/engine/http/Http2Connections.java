package io.fusillade.engine.http;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One virtual user's HTTP/2 connections, one per origin, shared by its own requests and its
 * {@code http.batch} lanes: a batch's requests to one origin go as concurrent streams of one
 * connection. Thread-safe (lanes run at once); each caller blocks until its own outcome is in.
 */
final class Http2Connections {
    private final Http2Io io;
    private final List<Http2Connection> connections = new ArrayList<>(2);

    Http2Connections(Http2Io io) {
        this.io = io;
    }

    /** Carries {@code pending} (already prepared) over HTTP/2 until its outcome is in its exchange. */
    void execute(PendingRequest pending) {
        for (int attempt = 0; ; attempt++) {
            Http2Connection connection = connectionFor(pending);
            if (connection == null || !await(connection, pending)) {
                return;
            }
            if (!pending.retryable || attempt > 0) {
                return;
            }
            drop(connection);
            pending.beginRetry();
            pending.exchange.beginRetry();
        }
    }

    /** The origin's open connection with {@code pending} handed to it, or a new one it opens; null when it already ended. */
    private Http2Connection connectionFor(PendingRequest pending) {
        Origin origin = Origin.of(pending.spec);
        Http2Connection connection;
        synchronized (this) {
            connection = find(origin);
            if (connection == null) {
                // Resolving inside the lock: the batch's other requests to the origin wait for this connection anyway.
                InetSocketAddress address = SessionIo.resolve(origin, pending);
                if (address == null) {
                    return null;
                }
                if (connections.size() >= SessionIo.MAX_CONNECTIONS) {
                    connections.removeFirst().close();
                }
                String[] alpn = !origin.secure() ? null
                        : pending.version == HttpVersion.AUTO ? ClientTls.OFFER_BOTH : ClientTls.OFFER_H2;
                connection = io.open(origin, address, alpn, pending);
                connections.add(connection);
                return connection;
            }
        }
        pending.exchange.connectionReused(true);
        connection.submit(pending);
        return connection;
    }

    private Http2Connection find(Origin origin) {
        for (int i = connections.size() - 1; i >= 0; i--) {
            Http2Connection connection = connections.get(i);
            if (!connection.isOpen()) {
                // Not closed here: after a GOAWAY its streams in flight (another lane's) still finish; it closes once they have.
                connections.remove(i);
            } else if (connection.origin().equals(origin)) {
                return connection;
            }
        }
        return null;
    }

    /**
     * Stops handing requests to {@code connection}, which closed or is going away; not closed
     * here, since other lanes' streams may still be finishing on it (it closes after them).
     */
    private synchronized void drop(Http2Connection connection) {
        connections.remove(connection);
    }

    /** Waits for the outcome; false when the wait was interrupted and the request abandoned. */
    private static boolean await(Http2Connection connection, PendingRequest pending) {
        if (pending.awaitUninterrupted()) {
            return true;
        }
        if (connection.cancel(pending)) {
            while (!pending.isDone()) {
                LockSupport.park(pending);
                Thread.interrupted();
            }
        } else {
            pending.failHere(NetworkFailure.interrupted());
        }
        Thread.currentThread().interrupt();
        return false;
    }

    /** Connections currently open. */
    synchronized int openConnections() {
        int count = 0;
        for (Http2Connection connection : connections) {
            if (connection.isOpen()) {
                count++;
            }
        }
        return count;
    }

    /** Closes every connection. */
    synchronized void close() {
        for (Http2Connection connection : connections) {
            connection.close();
        }
        connections.clear();
    }
}
