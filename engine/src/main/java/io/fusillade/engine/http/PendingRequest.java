package io.fusillade.engine.http;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The request a session has in flight: what was asked, the time marks taken along the way,
 * and the hand-off between the virtual user that waits and the event loop that does the work.
 * One per session, reused for every request.
 *
 * <p>The waiting thread fills the request fields, hands the object to a connection (through
 * the event loop's task queue, which orders the writes) and parks. The event loop records
 * marks and the outcome, then sets {@link #done} and unparks; everything it wrote is visible
 * to the waiter once it reads {@code done}. After that the event loop no longer touches it.
 */
final class PendingRequest {
    static final int START = 0;
    static final int CONNECT_START = 1;
    static final int CONNECTED = 2;
    static final int TLS_DONE = 3;
    static final int WRITTEN = 4;
    static final int FIRST_BYTE = 5;
    static final int LAST_BYTE = 6;
    private static final int MARKS = 7;

    final BodyCollector body = new BodyCollector();
    /** {@link System#nanoTime()} readings at each step; 0 until reached. */
    final long[] marks = new long[MARKS];

    HttpRequestSpec spec;
    HttpExchange exchange;
    long deadline;
    /** Set by the request's own headers: they replace the defaults. */
    boolean hasHost;
    boolean hasUserAgent;
    boolean hasAuthorization;
    /** The request asked for {@code Connection: close}. */
    boolean closeRequested;
    /** The attempt failed on a reused connection before any response byte: worth one more try on a fresh one. */
    boolean retryable;
    /** The HTTP version the request may use, the engine's default already applied. */
    HttpVersion version = HttpVersion.AUTO;
    /**
     * ALPN chose the other protocol than the connection was made for (auto mode): the request
     * ended without an outcome and goes again over the protocol the server picked.
     */
    boolean switchProtocol;

    private Thread waiter;
    private volatile boolean done;

    /** Takes on a new request; called by the waiting thread. */
    void prepare(HttpRequestSpec request, HttpExchange out, long start, long timeLimitNanos) {
        spec = request;
        exchange = out;
        deadline = start + timeLimitNanos;
        Arrays.fill(marks, 0);
        marks[START] = start;
        hasHost = false;
        hasUserAgent = false;
        hasAuthorization = false;
        closeRequested = false;
        List<HttpHeader> headers = request.headers();
        for (int i = 0, n = headers.size(); i < n; i++) {
            HttpHeader header = headers.get(i);
            if (header.is("host")) {
                hasHost = true;
            } else if (header.is("user-agent")) {
                hasUserAgent = true;
            } else if (header.is("authorization")) {
                hasAuthorization = true;
            } else if (header.is("connection") && header.value().regionMatches(true, 0, "close", 0, 5)) {
                closeRequested = true;
            }
        }
        retryable = false;
        switchProtocol = false;
        waiter = Thread.currentThread();
        done = false;
    }

    /** The request goes out on an open connection: no connect, no handshake. */
    void reusing(long now) {
        marks[CONNECT_START] = now;
        marks[CONNECTED] = now;
        marks[TLS_DONE] = now;
    }

    /** Clears the marks of a failed stale-connection attempt; its time stays in blocked. */
    void beginRetry() {
        for (int i = CONNECT_START; i < MARKS; i++) {
            marks[i] = 0;
        }
        retryable = false;
        switchProtocol = false;
        done = false;
    }

    /** Ends the request on the calling thread with {@code failure}, no connection involved. */
    void failHere(NetworkFailure failure) {
        exchange.failure(failure.code(), failure.message(), null);
        recordTimings(System.nanoTime());
    }

    void mark(int which, long now) {
        marks[which] = now;
    }

    boolean reached(int which) {
        return marks[which] != 0;
    }

    /**
     * Turns the marks into the exchange's phases. A failed request stops at {@code end}: the
     * phase in progress runs until then and the phases it never reached are zero.
     */
    void recordTimings(long end) {
        long[] m = marks;
        for (int i = CONNECT_START; i < MARKS; i++) {
            if (m[i] == 0) {
                m[i] = laterMarkOr(i, end);
            }
            if (m[i] < m[i - 1]) {
                m[i] = m[i - 1];
            }
        }
        exchange.timings(m[CONNECT_START] - m[START], m[CONNECTED] - m[CONNECT_START], m[TLS_DONE] - m[CONNECTED],
                m[WRITTEN] - m[TLS_DONE], m[FIRST_BYTE] - m[WRITTEN], m[LAST_BYTE] - m[FIRST_BYTE]);
    }

    /** The first mark after {@code i} that was reached (a response can start before its write is acknowledged). */
    private long laterMarkOr(int i, long end) {
        for (int j = i + 1; j < MARKS; j++) {
            if (marks[j] != 0) {
                return marks[j];
            }
        }
        return end;
    }

    /** Called on the event loop once the outcome is written: wakes the waiter. */
    void complete() {
        Thread wake = waiter;
        done = true;
        LockSupport.unpark(wake);
    }

    boolean isDone() {
        return done;
    }

    /** Parks until {@link #complete()}; returns false at once if the thread was interrupted meanwhile. */
    boolean awaitUninterrupted() {
        while (!done) {
            LockSupport.park(this);
            // Only a wake-up without the outcome can be an interrupt; the usual one costs no check.
            if (!done && Thread.interrupted()) {
                return false;
            }
        }
        return true;
    }
}
