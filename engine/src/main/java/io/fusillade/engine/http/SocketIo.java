package io.fusillade.engine.http;


import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocket;

/**
 * The blocking transport's shared part: the TLS settings every connection layers on its
 * socket, the connections open right now (so that closing the engine can end requests
 * blocked on some virtual user's thread), and the watchdog that enforces request deadlines.
 *
 * <p>Deadlines are not socket read timeouts: a timed read parks its virtual thread with a
 * timer, which measured about a quarter of the throughput. Instead one thread looks at every
 * busy connection each {@link #TICK_MILLIS} and closes those past their deadline, so an
 * expired request ends at most one tick late and a request in time costs no timer at all.
 */
final class SocketIo implements ClientIo {
    /** How late past its deadline a request may end. */
    static final long TICK_MILLIS = 10;

    private final ClientTls tls;
    private final ProtocolMemory protocols;
    private final byte[] userAgent;
    private final Set<SocketConnection> live = ConcurrentHashMap.newKeySet();
    private final Thread watchdog;
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
        for (SocketConnection connection : live) {
            connection.abort();
        }
        live.clear();
    }

    private void watchDeadlines() {
        while (!closed) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (SocketConnection connection : live) {
                connection.expireIfDue(now);
            }
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
