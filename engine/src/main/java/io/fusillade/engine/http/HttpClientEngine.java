package io.fusillade.engine.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The HTTP/1.1 client all virtual users share: the event loops that do the network I/O, the
 * TLS settings and the defaults. Each virtual user takes its own {@link HttpSession}, whose
 * calls block the (virtual) calling thread while the event loops do the work.
 *
 * <p>Close it after every session is done; closing it ends any request still in flight.
 */
public final class HttpClientEngine implements AutoCloseable {
    /** Longer time limits are treated as this one: effectively no limit. */
    private static final Duration LONGEST_LIMIT = Duration.ofDays(365);
    private final HttpClientConfig config;
    private final Transport transport;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final SslContext tls;
    private final HttpDecoderConfig decoderConfig = ResponseDecoder.config();
    private final byte[] userAgent;
    private final long defaultTimeoutNanos;
    private volatile boolean closed;

    /**
     * Starts the event loops.
     *
     * @throws IllegalStateException when the JDK cannot provide TLS
     */
    public HttpClientEngine(HttpClientConfig config) {
        this.config = config;
        this.transport = Transport.detect();
        this.tls = clientTls(config.insecureSkipTlsVerify());
        this.userAgent = config.userAgent().getBytes(StandardCharsets.UTF_8);
        this.defaultTimeoutNanos = limitNanos(config.defaultTimeout());
        this.group = new MultiThreadIoEventLoopGroup(config.effectiveIoThreads(),
                new IoThreads(), transport.ioHandlers());
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.channelType())
                // Measured: the pooled allocator costs less per request than Netty 4.2's adaptive default.
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                // Each request's own deadline covers the connect; no second, fixed limit.
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 0);
    }

    /** A new session for one virtual user. */
    public HttpSession newSession() {
        requireOpen();
        return new HttpSession(this);
    }

    /** The settings this engine runs with. */
    public HttpClientConfig config() {
        return config;
    }

    /** The socket implementation in use: {@code epoll} or {@code nio}. */
    public String transportName() {
        return transport.name();
    }

    /** Stops the event loops, closing every connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
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

    /** Starts connecting to {@code address} with {@code first} as the connection's first request. */
    ClientConnection open(Origin origin, InetSocketAddress address, PendingRequest first) {
        ClientConnection connection = new ClientConnection(origin, userAgent, first);
        ChannelFuture connect = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                ChannelPipeline pipeline = channel.pipeline();
                pipeline.addLast(new WireMeter(connection));
                if (origin.secure()) {
                    SslHandler handler = tls.newHandler(channel.alloc(), origin.hostName(), origin.port());
                    // The request's deadline bounds the handshake too.
                    handler.setHandshakeTimeoutMillis(0);
                    pipeline.addLast(handler);
                }
                pipeline.addLast(new ResponseDecoder(decoderConfig, connection));
                pipeline.addLast(connection);
            }
        }).connect(address);
        connection.attach(connect.channel());
        connect.addListener(connection.connectListener());
        return connection;
    }

    private static SslContext clientTls(boolean insecure) {
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
        if (insecure) {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
        } else {
            builder.endpointIdentificationAlgorithm("HTTPS");
        }
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for HTTPS requests: " + e.getMessage(), e);
        }
    }
}
