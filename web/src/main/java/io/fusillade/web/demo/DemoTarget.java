package io.fusillade.web.demo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 server on 127.0.0.1 to point load at: the target {@code fusillade demo}
 * serves for the quickstart, and the real server the HTTP tests run against. It counts the
 * requests it answers per path template, so a test can check what actually arrived.
 *
 * <p>Endpoints: {@code GET /}, {@code GET /api/items}, {@code GET /api/items/{id}},
 * {@code POST /api/items} (echoes the object back with an id, 201), {@code POST /api/login}
 * ({@code {username,password}} to {@code {token}}), {@code GET /slow?ms=N} (answers after N ms,
 * default 50, at most 5000), {@code GET /status/{code}}, {@code GET /bytes/{n}} (n bytes, at most
 * 16 MiB; byte i is {@code "a..z0..9".charAt(i % 36)}), {@code GET /chunked/{n}} (the same
 * bytes, chunked), {@code GET /headers} (the request headers as JSON), {@code GET /health} and
 * {@code GET /truncated} (promises 1000 bytes, sends 100, closes).
 */
public final class DemoTarget implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    private final DemoConfig config;
    private final RequestCounters counters = new RequestCounters();
    private final AtomicLong itemIds = new AtomicLong(3);
    private final DemoContent content = new DemoContent();
    private EventLoopGroup group;
    private Channel server;
    private int port;

    /** A plain-HTTP target on {@code port} (0 for a free one); call {@link #start()}. */
    public DemoTarget(int port) {
        this(DemoConfig.http(port));
    }

    /** A target with {@code config}; call {@link #start()}. */
    public DemoTarget(DemoConfig config) {
        this.config = config;
    }

    /**
     * Binds and starts serving. Fails with a message naming the address when the port cannot
     * be had (taken, or not permitted).
     */
    public synchronized DemoTarget start() {
        if (server != null) {
            throw new IllegalStateException("demo target already started on port " + port);
        }
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        group = new MultiThreadIoEventLoopGroup(config.effectiveIoThreads(),
                new DefaultThreadFactory("fusillade-demo", true), io);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        // Counted here, not per handler: an HTTP/2 stream is not a connection.
                        counters.connection();
                        if (config.tls() != null) {
                            pipeline.addLast(config.tls().newHandler(channel.alloc()));
                            http1(pipeline);
                        } else {
                            // Plain connections may speak h2c with prior knowledge; the switch leaves after the first bytes.
                            pipeline.addLast(new PriorKnowledgeSwitch(this::http1, this::http2));
                        }
                    }

                    private void http1(ChannelPipeline pipeline) {
                        pipeline.addLast(new HttpServerCodec());
                        // curl and others wait for "100 Continue" before sending larger bodies.
                        pipeline.addLast(new HttpServerExpectContinueHandler());
                        pipeline.addLast(new DemoHandler(content, counters, itemIds));
                    }

                    private void http2(ChannelPipeline pipeline) {
                        pipeline.addLast(Http2FrameCodecBuilder.forServer().build());
                        pipeline.addLast(new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
                            @Override
                            protected void initChannel(Channel stream) {
                                // Each stream reads as one HTTP/1.1 exchange, so every route serves h2c too.
                                stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true));
                                stream.pipeline().addLast(new DemoHandler(content, counters, itemIds));
                            }
                        }));
                    }
                });
        ChannelFuture bound = bootstrap.bind(HOST, config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            group = null;
            throw new IllegalStateException("demo target cannot listen on " + HOST + ":" + config.port() + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        server = bound.channel();
        port = ((InetSocketAddress) server.localAddress()).getPort();
        return this;
    }

    /** The port it listens on (the chosen one when started with port 0). */
    public int port() {
        requireStarted();
        return port;
    }

    /** Where to point a client: {@code http://127.0.0.1:port} (or https). */
    public String baseUrl() {
        return (config.tls() != null ? "https://" : "http://") + HOST + ":" + port();
    }

    /** Requests received since start or the last {@link #reset()}, whatever their path. */
    public long requestCount() {
        return counters.requests();
    }

    /**
     * Requests received for one path template, such as {@code /api/items/{id}} or {@code *}
     * for paths the target does not serve.
     *
     * @throws IllegalArgumentException for a template the target does not have
     */
    public long requestCount(String pathTemplate) {
        return counters.requests(DemoRoute.ofTemplate(pathTemplate));
    }

    /** TCP connections accepted since start or the last {@link #reset()}. */
    public long connectionCount() {
        return counters.connections();
    }

    /** Zeroes every count. */
    public void reset() {
        counters.reset();
    }

    /** Stops listening, closes every connection and stops the event loops. */
    @Override
    public synchronized void close() {
        if (group == null) {
            return;
        }
        server.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        group = null;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("demo target not started: call start() first");
        }
    }

    /**
     * Starts a plain-HTTP target for manual tries: {@code [--port N] [--threads N]}, default
     * port 8080. Runs until the process is stopped.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 8080;
        int threads = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = intArgument(args, ++i, "--port");
                case "--threads" -> threads = intArgument(args, ++i, "--threads");
                default -> {
                    System.err.println("unknown option '" + args[i] + "'; usage: DemoTarget [--port N] [--threads N]");
                    System.exit(2);
                }
            }
        }
        DemoTarget target;
        try {
            target = new DemoTarget(new DemoConfig(port, threads, null)).start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(target::close, "fusillade-demo-stop"));
        System.out.println("Fusillade demo target listening on " + target.baseUrl());
        target.server.closeFuture().sync();
    }

    private static int intArgument(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a number");
            System.exit(2);
        }
        try {
            return Integer.parseInt(args[index]);
        } catch (NumberFormatException e) {
            System.err.println(option + " must be a whole number, got '" + args[index] + "'");
            System.exit(2);
            return 0;
        }
    }
}
