package io.fusillade.engine.http;

import java.net.InetSocketAddress;

/**
 * A session on the blocking transport: the calling (virtual) thread connects, writes and
 * reads itself, so a request costs no hand-off between threads and is complete on return.
 */
final class SocketSessionIo extends SessionIo<SocketConnection> {
    private final SocketIo io;

    SocketSessionIo(SocketIo io) {
        this.io = io;
    }

    @Override
    void sendReused(SocketConnection connection, PendingRequest pending) {
        connection.exchange(pending);
    }

    @Override
    SocketConnection openWith(Origin origin, InetSocketAddress address, PendingRequest pending) {
        SocketConnection connection = new SocketConnection(origin, io);
        if (connection.connect(pending, address)) {
            connection.exchange(pending);
        }
        return connection;
    }
}
