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
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The Netty transport's shared part: the event loops that do every session's network I/O and
 * the pipeline each connection gets.
 */
final class NettyIo implements ClientIo {
    private final Transport transport;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final SslContext tls;
    private final HttpDecoderConfig decoderConfig = ResponseDecoder.config();
    private final byte[] userAgent;

    /**
     * Starts the event loops.
     *
     * @throws IllegalStateException when the JDK cannot provide TLS
     */
    NettyIo(HttpClientConfig config, byte[] userAgent) {
        this.transport = Transport.detect();
        this.tls = clientTls(config.insecureSkipTlsVerify());
        this.userAgent = userAgent;
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

    @Override
    public SessionIo<?> newSession() {
        return new NettySessionIo(this);
    }

    @Override
    public String name() {
        return transport.name();
    }

    /** Stops the event loops, closing every connection. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
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
