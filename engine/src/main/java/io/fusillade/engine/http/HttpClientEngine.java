package io.fusillade.engine.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP client all virtual users share: the transport that does the network I/O
 * ({@link HttpTransport}), the TLS settings and the defaults. Each virtual user takes its own
 * {@link HttpSession}, whose calls block the (virtual) calling thread until the outcome is in.
 *
 * <p>Close it after every session is done; closing it ends any request still in flight.
 */
public final class HttpClientEngine implements AutoCloseable {
    /** Longer time limits are treated as this one: effectively no limit. */
    private static final Duration LONGEST_LIMIT = Duration.ofDays(365);
    private final HttpClientConfig config;
    private final ClientIo io;
    private final Http2Io http2;
    private final ProtocolMemory protocols = new ProtocolMemory();
    private final long defaultTimeoutNanos;
    private volatile boolean closed;

    /**
     * Starts the transport (for Netty, its event loops).
     *
     * @throws IllegalStateException when the JDK cannot provide TLS
     */
    public HttpClientEngine(HttpClientConfig config) {
        this.config = config;
        this.defaultTimeoutNanos = limitNanos(config.defaultTimeout());
        byte[] userAgent = config.userAgent().getBytes(StandardCharsets.UTF_8);
        ClientTls tls = new ClientTls(config);
        this.io = switch (config.transport()) {
            case NETTY -> new NettyIo(config, tls, protocols, userAgent);
            case SOCKET -> new SocketIo(tls, protocols, userAgent);
        };
        this.http2 = new Http2Io(config, tls, protocols);
    }

    /** A new session for one virtual user. */
    public HttpSession newSession() {
        requireOpen();
        return new HttpSession(this, io.newSession(), http2.newConnections());
    }

    /** A session of its own HTTP/1.1 connections sharing {@code owner}'s HTTP/2 ones: a lane of its batch. */
    HttpSession newLane(Http2Connections shared) {
        requireOpen();
        return new HttpSession(this, io.newSession(), shared);
    }

    /** The HTTP version {@code request} goes over: its own choice or the configured default. */
    HttpVersion versionOf(HttpRequestSpec request) {
        return request.httpVersion() != null ? request.httpVersion() : config.httpVersion();
    }

    /** True when {@code request}, on {@code version}, goes over HTTP/2. */
    boolean overHttp2(HttpRequestSpec request, HttpVersion version) {
        return switch (version) {
            case HTTP_2 -> true;
            case HTTP_1_1 -> false;
            case AUTO -> request.secure() && protocols.speaksH2(request);
        };
    }

    /** The settings this engine runs with. */
    public HttpClientConfig config() {
        return config;
    }

    /** The socket implementation in use: {@code epoll} or {@code nio} (Netty), or {@code socket} (blocking). */
    public String transportName() {
        return io.name();
    }

    /** Stops the transport, closing every connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        io.close();
        http2.close();
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the HTTP client engine is closed");
        }
    }

    long timeoutNanos(HttpRequestSpec request) {
        return request.timeout() != null ? limitNanos(request.timeout()) : defaultTimeoutNanos;
    }

    /** A time limit in nanoseconds, capped so deadlines computed from it cannot overflow. */
    static long limitNanos(Duration limit) {
        return limit.compareTo(LONGEST_LIMIT) > 0 ? LONGEST_LIMIT.toNanos() : limit.toNanos();
    }
}
