package io.fusillade.engine.http;

import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLSocket;

/**
 * The blocking transport's shared part: the TLS settings every connection layers on its
 * socket, the connections open right now (so that closing the engine can end requests
 * blocked on some virtual user's thread), and the watchdog that enforces request deadlines.
 *
 * <p>Deadlines are not socket read timeouts: a timed read parks its virtual thread with a
 * timer, which measured about a quarter of the throughput. Instead one watchdog thread closes
 * connections past their deadline. It does not poll: after looking at every connection it
 * sleeps until the earliest deadline it saw, and a request whose deadline comes before that
 * wakes it. With the default 60 s timeout it so looks at the connections about once a minute,
 * not at 10,000 idle ones every few milliseconds, and a request in time costs one volatile
 * read and no timer at all.
 */
final class SocketIo implements ClientIo {
    /** Deadlines this close together are served by one wake-up of the watchdog. */
    static final long SLACK_NANOS = 5_000_000L;
    private static final long NEVER = Long.MAX_VALUE;

    private final ClientTls tls;
    private final ProtocolMemory protocols;
    private final byte[] userAgent;
    private final Set<SocketConnection> live = ConcurrentHashMap.newKeySet();
    private final Thread watchdog;
    /** When the watchdog wakes next ({@link System#nanoTime()}); {@link #NEVER} for no deadline known. */
    private final AtomicLong nextWake = new AtomicLong(NEVER);
    private volatile boolean closed;

    SocketIo(ClientTls tls, ProtocolMemory protocols, byte[] userAgent) {
        this.userAgent = userAgent;
        this.tls = tls;
        this.protocols = protocols;
        // A platform thread: busy virtual users cannot delay it by holding every carrier.
        watchdog = Thread.ofPlatform().daemon().name("fusillade-http-deadlines").start(this::watchDeadlines);
    }

    @Override
    public SessionIo<?> newSession() {
        return new SocketSessionIo(this);
    }

    @Override
    public String name() {
        return "socket";
    }

    /** Closes every open socket; a thread blocked reading one gets an error at once. */
    @Override
    public void close() {
        closed = true;
        watchdog.interrupt();
        LockSupport.unpark(watchdog);
        for (SocketConnection connection : live) {
            connection.abort();
        }
        live.clear();
    }

    private void watchDeadlines() {
        while (!closed) {
            long wake = nextWake.get();
            long now = System.nanoTime();
            if (wake == NEVER) {
                LockSupport.park(this);
                continue;
            }
            if (now - wake < 0) {
                LockSupport.parkNanos(this, wake - now);
                continue;
            }
            // Requests that start during the look below lower nextWake themselves.
            nextWake.set(NEVER);
            now = System.nanoTime();
            long earliest = NEVER;
            for (SocketConnection connection : live) {
                long deadline = connection.expireIfDue(now);
                if (deadline != NEVER && deadline < earliest) {
                    earliest = deadline;
                }
            }
            if (earliest != NEVER) {
                long at = earliest + SLACK_NANOS;
                nextWake.accumulateAndGet(at, Math::min);
            }
        }
    }

    /**
     * A request on some connection must end by {@code deadline}: wakes the watchdog if it
     * would otherwise sleep past it.
     */
    void watch(long deadline) {
        long wake = nextWake.get();
        if (deadline < wake) {
            nextWake.accumulateAndGet(deadline, Math::min);
            LockSupport.unpark(watchdog);
        }
    }

    boolean isClosed() {
        return closed;
    }

    byte[] userAgent() {
        return userAgent;
    }

    /** Counts {@code connection} among those {@link #close} must end. */
    void opened(SocketConnection connection) {
        live.add(connection);
        if (closed) {
            // Lost the race with close(): it may not have seen this one.
            connection.abort();
        }
    }

    void closed(SocketConnection connection) {
        live.remove(connection);
    }

    /**
     * TLS on top of a connected socket, named for SNI and (unless verification is off) checked
     * against the host; ALPN offers h2 too when {@code version} lets the server pick.
     */
    SSLSocket layer(Socket plain, Origin origin, HttpVersion version) throws IOException {
        return tls.layer(plain, origin, version == HttpVersion.AUTO ? ClientTls.OFFER_BOTH : ClientTls.OFFER_H1);
    }

    ProtocolMemory protocols() {
        return protocols;
    }
}
