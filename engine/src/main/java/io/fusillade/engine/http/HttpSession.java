package io.fusillade.engine.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * One virtual user's HTTP client: its keep-alive connections (one per origin) and the
 * blocking {@link #execute} it calls them through. Used by one thread at a time, normally the
 * virtual user's own virtual thread, which parks cheaply while the event loop does the I/O.
 */
public final class HttpSession implements AutoCloseable {
    /** Beyond this many origins the least recently opened connection is closed. */
    private static final int MAX_CONNECTIONS = 32;

    private final HttpClientEngine engine;
    private final PendingRequest pending = new PendingRequest();
    /** Most recently opened last, so the common single-origin case is found at once. */
    private final List<ClientConnection> connections = new ArrayList<>(4);
    private boolean closed;

    HttpSession(HttpClientEngine engine) {
        this.engine = engine;
    }

    /**
     * Makes {@code request} and blocks until its outcome is in {@code out}. Network failures
     * (refused, unknown host, TLS, reset, timeout) do not throw: they leave status 0 and an
     * error code in {@code out}. A keep-alive connection the server closed while idle is
     * retried once on a fresh connection, provided no response byte had arrived.
     *
     * <p>If the calling thread is interrupted while waiting, the request is abandoned (status
     * 0, {@code ENETWORK}, "request interrupted") and the interrupt flag is left set.
     *
     * @throws IllegalStateException when this session or its engine is closed, or when called
     *                               on an HTTP event-loop thread (it would wait for itself)
     */
    public void execute(HttpRequestSpec request, HttpExchange out) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(out, "out");
        if (closed) {
            throw new IllegalStateException("the HTTP session is closed");
        }
        if (IoThreads.isIoThread()) {
            throw new IllegalStateException("HttpSession.execute blocks; it cannot run on an HTTP event-loop thread");
        }
        engine.requireOpen();
        long start = System.nanoTime();
        out.begin(start);
        pending.prepare(request, out, start, engine.timeoutNanos(request));

        ClientConnection connection = idleConnectionFor(request);
        if (connection != null) {
            out.connectionReused(true);
            pending.reusing(System.nanoTime());
            try {
                connection.submitReused(pending);
            } catch (RejectedExecutionException e) {
                throw new IllegalStateException("the HTTP client engine is closed", e);
            }
        } else {
            connection = connect(request);
        }
        if (connection == null || !await(connection)) {
            return;
        }
        if (pending.retryable) {
            forget(connection);
            pending.beginRetry();
            out.beginRetry();
            connection = connect(request);
            if (connection == null || !await(connection)) {
                return;
            }
        }
        if (!connection.isOpen()) {
            forget(connection);
        }
    }

    /** Connections currently kept open, for diagnostics and tests. */
    public int openConnections() {
        int count = 0;
        for (ClientConnection connection : connections) {
            if (connection.isOpen()) {
                count++;
            }
        }
        return count;
    }

    /** Closes every connection; the session cannot be used afterwards. */
    @Override
    public void close() {
        closed = true;
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

    /**
     * Resolves the host on this thread (the time counts as blocked, as in k6) and starts a
     * connection carrying the pending request; null when the request already ended here.
     */
    private ClientConnection connect(HttpRequestSpec request) {
        Origin origin = Origin.of(request);
        InetAddress resolved;
        try {
            resolved = InetAddress.getByName(origin.hostName());
        } catch (UnknownHostException e) {
            finishHere(NetworkFailure.hostNotFound(origin.hostName()));
            return null;
        }
        if (System.nanoTime() - pending.deadline >= 0) {
            finishHere(NetworkFailure.timeout());
            return null;
        }
        if (connections.size() >= MAX_CONNECTIONS) {
            connections.removeFirst().close();
        }
        ClientConnection connection = engine.open(origin, new InetSocketAddress(resolved, origin.port()), pending);
        connections.add(connection);
        return connection;
    }

    private void finishHere(NetworkFailure failure) {
        pending.exchange.failure(failure.code(), failure.message(), null);
        pending.recordTimings(System.nanoTime());
    }

    /** Waits for the outcome; false when the wait was interrupted and the request abandoned. */
    private boolean await(ClientConnection connection) {
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
            finishHere(NetworkFailure.interrupted());
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
