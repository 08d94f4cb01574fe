package io.fusillade.engine.http;

import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * A session on the Netty transport: the request is handed to a connection's event loop and
 * the calling (virtual) thread parks until the loop hands the outcome back.
 */
final class NettySessionIo extends SessionIo<ClientConnection> {
    private final NettyIo netty;

    NettySessionIo(NettyIo netty) {
        this.netty = netty;
    }

    @Override
    void sendReused(ClientConnection connection, PendingRequest pending) {
        try {
            connection.submitReused(pending);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the HTTP client engine is closed", e);
        }
    }

    @Override
    ClientConnection openWith(Origin origin, InetSocketAddress address, PendingRequest pending) {
        return netty.open(origin, address, pending);
    }

    /** Waits for the outcome; false when the wait was interrupted and the request abandoned. */
    @Override
    boolean complete(ClientConnection connection, PendingRequest pending) {
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
}
