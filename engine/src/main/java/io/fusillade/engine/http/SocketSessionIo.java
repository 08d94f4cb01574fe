package io.fusillade.engine.http;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's connections on the blocking transport: the calling (virtual) thread connects,
 * writes and reads itself, so a request costs no hand-off between threads.
 */
final class SocketSessionIo implements SessionIo {
    private final SocketIo io;
    /** Most recently opened last, so the common single-origin case is found at once. */
    private final List<SocketConnection> connections = new ArrayList<>(4);

    SocketSessionIo(SocketIo io) {
        this.io = io;
    }

    @Override
    public void execute(PendingRequest pending) {
        SocketConnection connection = idleConnectionFor(pending.spec);
        if (connection != null) {
            pending.exchange.connectionReused(true);
            pending.reusing(System.nanoTime());
            connection.exchange(pending);
        } else {
            connection = connectAndExchange(pending);
            if (connection == null) {
                return;
            }
        }
        if (pending.retryable) {
            forget(connection);
            pending.beginRetry();
            pending.exchange.beginRetry();
            connection = connectAndExchange(pending);
            if (connection == null) {
                return;
            }
        }
        if (!connection.isOpen()) {
            forget(connection);
        }
    }

    @Override
    public int openConnections() {
        int count = 0;
        for (SocketConnection connection : connections) {
            if (connection.isOpen()) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() {
        for (SocketConnection connection : connections) {
            connection.close();
        }
        connections.clear();
    }

    private SocketConnection idleConnectionFor(HttpRequestSpec request) {
        for (int i = connections.size() - 1; i >= 0; i--) {
            SocketConnection connection = connections.get(i);
            if (!connection.isOpen()) {
                connections.remove(i).close();
            } else if (connection.origin().matches(request)) {
                return connection;
            }
        }
        return null;
    }

    /** Opens a connection and makes the request on it; null when the request ended before a connection existed. */
    private SocketConnection connectAndExchange(PendingRequest pending) {
        Origin origin = Origin.of(pending.spec);
        InetSocketAddress address = SessionIo.resolve(origin, pending);
        if (address == null) {
            return null;
        }
        if (connections.size() >= MAX_CONNECTIONS) {
            connections.removeFirst().close();
        }
        SocketConnection connection = new SocketConnection(origin, io);
        connections.add(connection);
        if (connection.connect(pending, address)) {
            connection.exchange(pending);
        }
        return connection;
    }

    private void forget(SocketConnection connection) {
        connections.remove(connection);
        connection.close();
    }
}
