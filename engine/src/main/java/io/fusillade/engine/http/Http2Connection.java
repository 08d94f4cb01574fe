package io.fusillade.engine.http;

import io.fusillade.ingest.ErrorCode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/2 connection of one virtual user, and the last handler of its pipeline: it connects
 * (TLS with ALPN, or h2c with prior knowledge), then carries every request of the user to its
 * origin, its batch's included, each on a stream of its own ({@link Http2Stream}). Requests
 * that arrive while it connects wait, and share it once it is up. Its state belongs to the
 * channel's event loop; sessions hand requests over through {@link #submit}.
 */
final class Http2Connection extends ChannelInboundHandlerAdapter implements WireMeter.Counted {
    private final Origin origin;
    private final String address;
    private final Http2Io io;
    /** True when ALPN let the server pick HTTP/1.1 instead (auto mode). */
    private final boolean mayFallBack;
    private final ChannelFutureListener connectOutcome = this::connectOutcome;
    private Channel channel;
    private volatile boolean open = true;

    private ChannelHandlerContext ctx;
    /** The request that opened the connection; it pays for connecting and is counted the set-up bytes. */
    private PendingRequest opener;
    private final ArrayDeque<PendingRequest> waiting = new ArrayDeque<>();
    private final List<Http2Stream> streams = new ArrayList<>();
    private boolean ready;
    private boolean ended;
    private Http2FrameMeter meter;
    private InetSocketAddress remote;
    private ScheduledFuture<?> connectTimer;
    private Http2StreamChannelBootstrap streamOpener;
    /**
     * Request headers sent before, by request identity: a VU repeating the same (immutable)
     * request skips building them again. Bounded, and cleared when full.
     */
    private final IdentityHashMap<HttpRequestSpec, Http2Headers> sentHeaders = new IdentityHashMap<>();

    Http2Connection(Origin origin, Http2Io io, boolean mayFallBack, PendingRequest first) {
        this.origin = origin;
        this.address = origin.hostName() + ":" + origin.port();
        this.io = io;
        this.mayFallBack = mayFallBack;
        this.opener = first;
    }

    // ---- called by sessions (virtual users' threads) ----

    Origin origin() {
        return origin;
    }

    void attach(Channel opened) {
        channel = opened;
    }

    ChannelFutureListener connectListener() {
        return connectOutcome;
    }

    /** True while new requests may go on it (connecting counts: they wait for it). */
    boolean isOpen() {
        return open;
    }

    /** Hands {@code request} to the connection; its outcome arrives in its exchange. */
    void submit(PendingRequest request) {
        try {
            channel.eventLoop().execute(() -> start(request));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the HTTP client engine is closed", e);
        }
    }

    /** Ends {@code request} as interrupted; false when the event loop is gone. */
    boolean cancel(PendingRequest request) {
        try {
            channel.eventLoop().execute(() -> abandon(request));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    void close() {
        open = false;
        channel.close();
    }

    // ---- event loop ----

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        if (opener != null) {
            long wait = Math.max(0, opener.deadline - System.nanoTime());
            connectTimer = ctx.executor().schedule(() -> {
                if (!ready) {
                    failAll(NetworkFailure.timeout(), false);
                    ctx.close();
                }
            }, wait, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void connectStarting() {
        if (opener != null) {
            opener.mark(PendingRequest.CONNECT_START, System.nanoTime());
        }
    }

    @Override
    public void bytesIn(int n) {
        if (opener != null) {
            opener.exchange.addBytesReceived(n);
        }
    }

    @Override
    public void bytesOut(int n) {
        if (opener != null) {
            opener.exchange.addBytesSent(n);
        }
    }

    private void connectOutcome(ChannelFuture connect) {
        if (!connect.isSuccess()) {
            failAll(NetworkFailure.of(connect.cause(), false, address), false);
            connect.channel().close();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        remote = (InetSocketAddress) context.channel().remoteAddress();
        if (opener != null) {
            long now = System.nanoTime();
            opener.mark(PendingRequest.CONNECTED, now);
            if (!origin.secure()) {
                opener.mark(PendingRequest.TLS_DONE, now);
            }
        }
        if (!origin.secure()) {
            startHttp2();
        }
        super.channelActive(context);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent handshake && !ready && !ended) {
            if (!handshake.isSuccess()) {
                NetworkFailure failure = NetworkFailure.of(handshake.cause(), true, address);
                if (!mayFallBack && failure.message().contains("no_application_protocol")) {
                    failure = new NetworkFailure(ErrorCode.ENETWORK, "HTTP/2 required (httpVersion '2') but " + address
                            + " did not agree to h2 by ALPN (" + failure.message() + ")");
                }
                failAll(failure, false);
                context.close();
                return;
            }
            if (opener != null) {
                opener.mark(PendingRequest.TLS_DONE, System.nanoTime());
            }
            String chosen = context.pipeline().get(SslHandler.class).engine().getApplicationProtocol();
            if ("h2".equals(chosen)) {
                startHttp2();
            } else if (mayFallBack) {
                // The server prefers HTTP/1.1: these requests go there instead, and so will later ones.
                io.protocols().learned(origin, false);
                switchAll();
                context.close();
            } else {
                failAll(new NetworkFailure(ErrorCode.ENETWORK, "HTTP/2 required (httpVersion '2') but " + address
                        + " did not agree to h2 by ALPN" + (chosen == null || chosen.isEmpty() ? "" : " (it chose " + chosen + ")")),
                        false);
                context.close();
            }
            return;
        }
        super.userEventTriggered(context, event);
    }

    /** TLS (if any) is done and h2 agreed: the codec goes in and the waiting requests start their streams. */
    private void startHttp2() {
        Http2FrameCodec codec = Http2FrameCodecBuilder.forClient()
                .initialSettings(Http2Settings.defaultSettings().pushEnabled(false))
                .build();
        meter = new Http2FrameMeter(codec.connection());
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addBefore(ctx.name(), null, meter);
        pipeline.addBefore(ctx.name(), null, codec);
        pipeline.addBefore(ctx.name(), null, new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
        streamOpener = new Http2StreamChannelBootstrap(ctx.channel());
        ready = true;
        if (connectTimer != null) {
            connectTimer.cancel(false);
        }
        long now = System.nanoTime();
        PendingRequest first = opener;
        opener = null;
        if (first != null) {
            if (!first.reached(PendingRequest.TLS_DONE)) {
                first.mark(PendingRequest.TLS_DONE, now);
            }
            openStream(first);
        }
        while (!waiting.isEmpty()) {
            PendingRequest p = waiting.poll();
            p.reusing(now);
            openStream(p);
        }
    }

    private void start(PendingRequest p) {
        if (ended || !ctx.channel().isActive() && ready) {
            // Closed (by the server, or a failure) after the session chose it: a fresh connection may do.
            p.retryable = true;
            endWith(p, NetworkFailure.closedBeforeResponse());
        } else if (!ready) {
            waiting.add(p);
        } else {
            p.reusing(System.nanoTime());
            openStream(p);
        }
    }

    private void openStream(PendingRequest p) {
        Http2Stream stream = new Http2Stream(this, p);
        streams.add(stream);
        streamOpener.handler(stream).open().addListener(f -> {
            if (!f.isSuccess()) {
                stream.fail(NetworkFailure.of(f.cause(), false, address));
            }
        });
    }

    private void abandon(PendingRequest p) {
        if (waiting.remove(p) || opener == p) {
            if (opener == p) {
                opener = null;
            }
            endWith(p, NetworkFailure.interrupted());
            return;
        }
        for (Http2Stream stream : List.copyOf(streams)) {
            if (stream.carries(p)) {
                stream.fail(NetworkFailure.interrupted());
            }
        }
    }

    /** The headers of {@code spec}, built by {@code build} unless this connection sent them before. */
    Http2Headers headersFor(HttpRequestSpec spec, java.util.function.Function<HttpRequestSpec, Http2Headers> build) {
        Http2Headers headers = sentHeaders.get(spec);
        if (headers == null) {
            headers = build.apply(spec);
            if (sentHeaders.size() >= 64) {
                sentHeaders.clear();
            }
            sentHeaders.put(spec, headers);
        }
        return headers;
    }

    /** A stream's request has its outcome; a connection taking no new requests closes with its last stream. */
    void streamEnded(Http2Stream stream) {
        streams.remove(stream);
        closeIfDrained();
    }

    private void closeIfDrained() {
        if (!open && ready && streams.isEmpty() && waiting.isEmpty() && ctx.channel().isActive()) {
            ctx.close();
        }
    }

    /** The bytes of stream {@code id}'s frames each way; zeros before HTTP/2 started. */
    long[] takeBytes(int id) {
        return meter == null || id <= 0 ? new long[2] : meter.take(id);
    }

    InetSocketAddress remote() {
        return remote;
    }

    String address() {
        return address;
    }

    String userAgent() {
        return io.userAgent();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (msg instanceof Http2GoAwayFrame) {
            // Streams already started finish; new requests need a new connection.
            open = false;
            closeIfDrained();
        }
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        open = false;
        if (!ready) {
            failAll(origin.secure() && opener != null && opener.reached(PendingRequest.CONNECTED)
                    ? NetworkFailure.closedDuringHandshake() : NetworkFailure.closedBeforeResponse(), false);
        }
        ended = true;
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        open = false;
        if (!ready) {
            failAll(NetworkFailure.of(cause, origin.secure(), address), false);
        }
        ended = true;
        context.close();
    }

    /** Ends the opener and every waiting request with {@code failure}; none of them had a stream. */
    private void failAll(NetworkFailure failure, boolean retryable) {
        open = false;
        ended = true;
        if (connectTimer != null) {
            connectTimer.cancel(false);
        }
        PendingRequest first = opener;
        opener = null;
        if (first != null) {
            first.retryable = retryable;
            endWith(first, failure);
        }
        while (!waiting.isEmpty()) {
            PendingRequest p = waiting.poll();
            p.retryable = retryable;
            endWith(p, failure);
        }
    }

    /** ALPN chose HTTP/1.1: the opener and the waiting requests go again over it. */
    private void switchAll() {
        open = false;
        ended = true;
        if (connectTimer != null) {
            connectTimer.cancel(false);
        }
        List<PendingRequest> all = new ArrayList<>(waiting);
        waiting.clear();
        if (opener != null) {
            all.addFirst(opener);
            opener = null;
        }
        for (PendingRequest p : all) {
            p.switchProtocol = true;
            p.complete();
        }
    }

    private void endWith(PendingRequest p, NetworkFailure failure) {
        p.exchange.failure(failure.code(), failure.message(), remote);
        p.recordTimings(System.nanoTime());
        p.complete();
    }
}
