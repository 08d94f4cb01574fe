package io.fusillade.engine.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/2 server on 127.0.0.1 for tests: over TLS with ALPN (h2, and http/1.1 unless told
 * otherwise) or in clear text with prior knowledge (h2c). It answers {@code /slow} after
 * 300 ms, resets {@code /reset} streams, never answers {@code /hang}, and answers anything
 * else at once with the path it was asked for, and it records what a test
 * asserts on: connections, the most streams open at once on one connection, the protocols
 * negotiated, and the client certificates presented.
 */
final class H2TestServer implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final Channel server;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger maxStreamsOnOneConnection = new AtomicInteger();
    private final List<String> protocols = new CopyOnWriteArrayList<>();
    private final List<String> clientSubjects = new CopyOnWriteArrayList<>();
    private final Map<Channel, AtomicInteger> activeStreams = new ConcurrentHashMap<>();
    private final String scheme;

    private H2TestServer(SslContext tls, List<String> tlsVersions) throws InterruptedException {
        this.scheme = tls == null ? "http" : "https";
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.incrementAndGet();
                        if (tls == null) {
                            channel.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(), multiplex(channel));
                            return;
                        }
                        SslHandler ssl = tls.newHandler(channel.alloc());
                        if (tlsVersions != null) {
                            ssl.engine().setEnabledProtocols(tlsVersions.toArray(String[]::new));
                        }
                        channel.pipeline().addLast(ssl, new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
                            @Override
                            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) throws Exception {
                                protocols.add(protocol);
                                try {
                                    X509Certificate peer = (X509Certificate) ssl.engine().getSession().getPeerCertificates()[0];
                                    clientSubjects.add(peer.getSubjectX500Principal().getName());
                                } catch (javax.net.ssl.SSLPeerUnverifiedException none) {
                                    // No client certificate: fine unless the server requires one.
                                }
                                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                                    ctx.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(), multiplex(ctx.channel()));
                                } else {
                                    ctx.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Http1Handler());
                                }
                            }
                        });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    /** TLS with ALPN offering {@code alpn} (h2 first normally); {@code clientAuth} to require client certificates. */
    static H2TestServer tls(Path keys, boolean clientAuth, List<String> tlsVersions, String... alpn) throws Exception {
        SslContextBuilder builder = SslContextBuilder.forServer(TestCertificates.keyManagers(keys, "h2server", "EC"))
                .sslProvider(SslProvider.JDK)
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, alpn));
        if (clientAuth) {
            builder.clientAuth(ClientAuth.REQUIRE).trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        return new H2TestServer(builder.build(), tlsVersions);
    }

    /** Clear-text HTTP/2 with prior knowledge. */
    static H2TestServer h2c() throws InterruptedException {
        return new H2TestServer(null, null);
    }

    String url(String path) {
        return scheme + "://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + path;
    }

    int connections() {
        return connections.get();
    }

    int maxStreamsOnOneConnection() {
        return maxStreamsOnOneConnection.get();
    }

    List<String> protocols() {
        return List.copyOf(protocols);
    }

    List<String> clientSubjects() {
        return List.copyOf(clientSubjects);
    }

    private ChannelHandler multiplex(Channel connection) {
        AtomicInteger active = activeStreams.computeIfAbsent(connection, c -> new AtomicInteger());
        return new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel stream) {
                stream.pipeline().addLast(new Http2Handler(active));
            }
        });
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** Answers one stream: the path it asked for, after 300 ms for {@code /slow}. */
    private final class Http2Handler extends ChannelInboundHandlerAdapter {
        private final AtomicInteger active;
        private String path = "";
        private long received;

        Http2Handler(AtomicInteger active) {
            this.active = active;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                boolean end = false;
                if (msg instanceof Http2HeadersFrame headers) {
                    path = String.valueOf(headers.headers().path());
                    maxStreamsOnOneConnection.accumulateAndGet(active.incrementAndGet(), Math::max);
                    end = headers.isEndStream();
                } else if (msg instanceof Http2DataFrame data) {
                    received += data.content().readableBytes();
                    end = data.isEndStream();
                }
                if (end && path.startsWith("/reset")) {
                    active.decrementAndGet();
                    ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.INTERNAL_ERROR));
                } else if (end && path.startsWith("/hang")) {
                    active.decrementAndGet();
                } else if (end) {
                    long delay = path.startsWith("/slow") ? 300 : 0;
                    ctx.executor().schedule(() -> respond(ctx), delay, TimeUnit.MILLISECONDS);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void respond(ChannelHandlerContext ctx) {
            active.decrementAndGet();
            ByteBuf body = Unpooled.copiedBuffer("h2 " + path + " " + received, StandardCharsets.UTF_8);
            Http2Headers headers = new DefaultHttp2Headers().status("200").add("content-type", "text/plain")
                    .addInt("content-length", body.readableBytes());
            ctx.write(new DefaultHttp2HeadersFrame(headers, false));
            ctx.writeAndFlush(new DefaultHttp2DataFrame(body, true));
        }
    }

    /** The HTTP/1.1 side of the TLS server, for clients that do not agree to h2. */
    private static final class Http1Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest request) {
                ByteBuf body = Unpooled.copiedBuffer("h1 " + request.uri(), StandardCharsets.UTF_8);
                DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
                response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
                request.release();
                ctx.writeAndFlush(response);
            } else {
                ReferenceCountUtil.release(msg);
            }
        }
    }
}
