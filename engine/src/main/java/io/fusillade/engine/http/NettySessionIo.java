package io.fusillade.engine.http;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * A session's connections on the Netty transport: the request is handed to a connection's
 * event loop and the calling (virtual) thread parks until the loop hands the outcome back.
 */
final class NettySessionIo implements SessionIo {
    private final NettyIo netty;
    /** Most recently opened last, so the common single-origin case is found at once. */
    private final List<ClientConnection> connections = new ArrayList<>(4);

    NettySessionIo(NettyIo netty) {
        this.netty = netty;
    }

    @Override
    public void execute(PendingRequest pending) {
        HttpRequestSpec request = pending.spec;
        ClientConnection connection = idleConnectionFor(request);
        if (connection != null) {
            pending.exchange.connectionReused(true);
            pending.reusing(System.nanoTime());
            try {
                connection.submitReused(pending);
            } catch (RejectedExecutionException e) {
                throw new IllegalStateException("the HTTP client engine is closed", e);
            }
        } else {
            connection = connect(pending);
        }
        if (connection == null || !await(pending, connection)) {
            return;
        }
        if (pending.retryable) {
            forget(connection);
            pending.beginRetry();
            pending.exchange.beginRetry();
            connection = connect(pending);
            if (connection == null || !await(pending, connection)) {
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
        for (ClientConnection connection : connections) {
            if (connection.isOpen()) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() {
        for (ClientConnection connection : connections) {
            connection.close();
        }
        connections.clear();
    }

    private ClientConnection idleConnectionFor(HttpRequestSpec request) {
        for (int i = connections.size() - 1; i >= 0; i--) {
            ClientConnection connection = connections.get(i);
            if (!connection.isOpen()) {
                connections.remove(i).close();
            } else if (connection.origin().matches(request)) {
                return connection;
            }
        }
        return null;
    }

    /** Starts a connection carrying the pending request; null when the request already ended here. */
    private ClientConnection connect(PendingRequest pending) {
        Origin origin = Origin.of(pending.spec);
        InetSocketAddress address = SessionIo.resolve(origin, pending);
        if (address == null) {
            return null;
        }
        if (connections.size() >= MAX_CONNECTIONS) {
            connections.removeFirst().close();
        }
        ClientConnection connection = netty.open(origin, address, pending);
        connections.add(connection);
        return connection;
    }

    /** Waits for the outcome; false when the wait was interrupted and the request abandoned. */
    private boolean await(PendingRequest pending, ClientConnection connection) {
        if (pending.awaitUninterrupted()) {
            return true;
        }
        if (connection.cancel()) {
            while (!pending.isDone()) {
                LockSupport.park(pending);
                // Further interrupts must not turn this wait into a spin; the flag is restored below.
                Thread.interrupted();
            }
        } else {
            pending.failHere(NetworkFailure.interrupted());
        }
        forget(connection);
        Thread.currentThread().interrupt();
        return false;
    }

    private void forget(ClientConnection connection) {
        connections.remove(connection);
        connection.close();
    }
}
