package io.fusillade.engine.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * One session's half of a transport: its keep-alive connections (one per origin) and the
 * course of a request over them, which both transports share: reuse an idle connection or
 * open one, retry once on a fresh connection when a reused one turned out dead, drop what
 * closed. A transport supplies only how a request starts and how its outcome is awaited.
 * Used by one thread at a time.
 */
abstract sealed class SessionIo<C extends KeptConnection> permits NettySessionIo, SocketSessionIo {
    /** Beyond this many origins the least recently opened connection is closed. */
    static final int MAX_CONNECTIONS = 32;

    /** Most recently opened last, so the common single-origin case is found at once. */
    private final List<C> connections = new ArrayList<>(4);

    /** Carries {@code pending} (already prepared) until its outcome is in its exchange. */
    final void execute(PendingRequest pending) {
        C connection = idleConnectionFor(pending.spec);
        if (connection != null) {
            pending.exchange.connectionReused(true);
            pending.reusing(System.nanoTime());
            sendReused(connection, pending);
        } else {
            connection = open(pending);
        }
        if (connection == null || !complete(connection, pending)) {
            return;
        }
        if (pending.retryable) {
            forget(connection);
            pending.beginRetry();
            pending.exchange.beginRetry();
            connection = open(pending);
            if (connection == null || !complete(connection, pending)) {
                return;
            }
        }
        if (!connection.isOpen()) {
            forget(connection);
        }
    }

    /** Starts {@code pending} on an idle connection of its origin. */
    abstract void sendReused(C connection, PendingRequest pending);

    /** Opens a connection to {@code address} and starts {@code pending} on it. */
    abstract C openWith(Origin origin, InetSocketAddress address, PendingRequest pending);

    /**
     * Waits, where the transport needs to, until {@code pending} has its outcome; false when
     * the request was abandoned (the connection is then forgotten).
     */
    boolean complete(C connection, PendingRequest pending) {
        return true;
    }

    /** Connections currently kept open. */
    final int openConnections() {
        int count = 0;
        for (C connection : connections) {
            if (connection.isOpen()) {
                count++;
            }
        }
        return count;
    }

    /** Closes every connection. */
    final void close() {
        for (C connection : connections) {
            connection.close();
        }
        connections.clear();
    }

    /** Drops and closes {@code connection}. */
    final void forget(C connection) {
        connections.remove(connection);
        connection.close();
    }

    private C idleConnectionFor(HttpRequestSpec request) {
        for (int i = connections.size() - 1; i >= 0; i--) {
            C connection = connections.get(i);
            if (!connection.isOpen()) {
                connections.remove(i).close();
            } else if (connection.origin().matches(request)) {
                return connection;
            }
        }
        return null;
    }

    /** Resolves the host and opens a connection carrying {@code pending}; null when the request already ended here. */
    private C open(PendingRequest pending) {
        Origin origin = Origin.of(pending.spec);
        InetSocketAddress address = resolve(origin, pending);
        if (address == null) {
            return null;
        }
        if (connections.size() >= MAX_CONNECTIONS) {
            connections.removeFirst().close();
        }
        C connection = openWith(origin, address, pending);
        connections.add(connection);
        return connection;
    }

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
