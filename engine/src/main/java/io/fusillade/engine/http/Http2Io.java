package io.fusillade.engine.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/2's shared part, on Netty whichever transport carries HTTP/1.1: the event loops (started
 * on the first HTTP/2 request, so runs without one never pay for them), TLS, and the maker of
 * each virtual user's {@link Http2Connections}.
 */
final class Http2Io {
    private final HttpClientConfig config;
    private final ClientTls tls;
    private final ProtocolMemory protocols;
    private final String userAgent;
    private EventLoopGroup group;
    private Bootstrap bootstrap;
    private boolean closed;

    Http2Io(HttpClientConfig config, ClientTls tls, ProtocolMemory protocols) {
        this.config = config;
        this.tls = tls;
        this.protocols = protocols;
        this.userAgent = config.userAgent();
    }

    Http2Connections newConnections() {
        return new Http2Connections(this);
    }

    String userAgent() {
        return userAgent;
    }

    ProtocolMemory protocols() {
        return protocols;
    }

    /**
     * Starts connecting to {@code address} for {@code first}: over TLS offering {@code alpn},
     * or, when {@code alpn} is null, in clear text with prior knowledge (h2c).
     */
    Http2Connection open(Origin origin, InetSocketAddress address, String[] alpn, PendingRequest first) {
        Http2Connection connection = new Http2Connection(origin, this, alpn != null && alpn.length > 1, first);
        ChannelFuture connect = bootstrap().clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(new WireMeter(connection));
                if (alpn != null) {
                    channel.pipeline().addLast(tls.newHandler(origin, alpn));
                }
                channel.pipeline().addLast(connection);
            }
        }).connect(address);
        connection.attach(connect.channel());
        connect.addListener(connection.connectListener());
        return connection;
    }

    private synchronized Bootstrap bootstrap() {
        if (closed) {
            throw new IllegalStateException("the HTTP client engine is closed");
        }
        if (bootstrap == null) {
            Transport transport = Transport.detect();
            group = new MultiThreadIoEventLoopGroup(config.effectiveIoThreads(), new IoThreads(), transport.ioHandlers());
            bootstrap = transport.clientBootstrap(group);
        }
        return bootstrap;
    }

    /** Stops the event loops (if they ever started), closing every HTTP/2 connection. */
    synchronized void close() {
        closed = true;
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
