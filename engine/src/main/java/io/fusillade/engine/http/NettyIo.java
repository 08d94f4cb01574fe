package io.fusillade.engine.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Netty transport's shared part: the event loops that do every session's network I/O and
 * the pipeline each connection gets.
 */
final class NettyIo implements ClientIo {
    private final Transport transport;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final ClientTls tls;
    private final ProtocolMemory protocols;
    private final HttpDecoderConfig decoderConfig = ResponseDecoder.config();
    private final byte[] userAgent;

    /**
     * Starts the event loops.
     *
     * @throws IllegalStateException when the JDK cannot provide TLS
     */
    NettyIo(HttpClientConfig config, ClientTls tls, ProtocolMemory protocols, byte[] userAgent) {
        this.transport = Transport.detect();
        this.tls = tls;
        this.protocols = protocols;
        this.userAgent = userAgent;
        this.group = new MultiThreadIoEventLoopGroup(config.effectiveIoThreads(),
                new IoThreads(), transport.ioHandlers());
        this.bootstrap = transport.clientBootstrap(group);
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
        ClientConnection connection = new ClientConnection(origin, userAgent, protocols, first);
        ChannelFuture connect = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                ChannelPipeline pipeline = channel.pipeline();
                pipeline.addLast(new WireMeter(connection));
                if (origin.secure()) {
                    pipeline.addLast(tls.newHandler(origin,
                            first.version == HttpVersion.AUTO ? ClientTls.OFFER_BOTH : ClientTls.OFFER_H1));
                }
                pipeline.addLast(new ResponseDecoder(decoderConfig, connection));
                pipeline.addLast(connection);
            }
        }).connect(address);
        connection.attach(connect.channel());
        connect.addListener(connection.connectListener());
        return connection;
    }
}
