package io.fusillade.engine.http;

import io.fusillade.ingest.ErrorCode;

import java.util.Objects;

/**
 * One virtual user's HTTP client: its keep-alive connections (one per origin) and the
 * blocking {@link #execute} it calls them through. Used by one thread at a time, normally the
 * virtual user's own virtual thread, which blocks cheaply while the transport does the I/O.
 */
public final class HttpSession implements AutoCloseable {
    private final HttpClientEngine engine;
    private final SessionIo<?> io;
    private final Http2Connections http2;
    private final PendingRequest pending = new PendingRequest();
    private boolean closed;

    HttpSession(HttpClientEngine engine, SessionIo<?> io, Http2Connections http2) {
        this.engine = engine;
        this.io = io;
        this.http2 = http2;
    }

    /**
     * A session for one lane of this user's {@code http.batch}: HTTP/1.1 connections of its own,
     * this session's HTTP/2 connections, so requests to an h2 origin go as streams of one connection.
     */
    public HttpSession lane() {
        return engine.newLane(http2);
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
     *                               on an HTTP event-loop thread (it would block the loop)
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
        HttpVersion version = engine.versionOf(request);
        pending.version = version;
        boolean overHttp2 = engine.overHttp2(request, version);
        carry(overHttp2);
        if (pending.switchProtocol) {
            // ALPN picked the other protocol (auto mode): the attempt's time stays in blocked.
            pending.beginRetry();
            out.beginRetry();
            carry(!overHttp2);
            if (pending.switchProtocol) {
                pending.failHere(new NetworkFailure(ErrorCode.ENETWORK,
                        "the server's ALPN choice changed between connections; try httpVersion '1.1' or '2'"));
            }
        }
    }

    private void carry(boolean overHttp2) {
        if (overHttp2) {
            http2.execute(pending);
        } else {
            io.execute(pending);
        }
    }

    /** Connections currently kept open, for diagnostics and tests. */
    public int openConnections() {
        return io.openConnections() + http2.openConnections();
    }

    /** Closes every connection; the session cannot be used afterwards. */
    @Override
    public void close() {
        closed = true;
        io.close();
        http2.close();
    }
}
