package io.fusillade.engine.http;

import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.Protocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One request on an HTTP/2 connection: the handler of its stream's channel. It sends the
 * request's HEADERS (and DATA) frames, reads the response's into the request's exchange, and
 * ends the request exactly once: response complete, stream reset, connection lost, timeout
 * or interrupt.
 */
final class Http2Stream extends ChannelInboundHandlerAdapter {
    private final Http2Connection connection;
    private final PendingRequest p;
    private ChannelHandlerContext ctx;
    private boolean ended;
    private int status;
    private Http2Headers headers;
    private long bodyLength;
    private ScheduledFuture<?> timer;

    Http2Stream(Http2Connection connection, PendingRequest request) {
        this.connection = connection;
        this.p = request;
    }

    boolean carries(PendingRequest request) {
        return p == request;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        ctx = context;
        timer = ctx.executor().schedule(() -> fail(NetworkFailure.timeout()),
                Math.max(0, p.deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        byte[] body = p.spec.body();
        boolean noBody = body == null || body.length == 0;
        ChannelPromise written = ctx.newPromise();
        written.addListener(f -> {
            if (f.isSuccess()) {
                p.mark(PendingRequest.WRITTEN, System.nanoTime());
            } else {
                fail(NetworkFailure.of(f.cause(), false, connection.address()));
            }
        });
        DefaultHttp2HeadersFrame head = new DefaultHttp2HeadersFrame(connection.headersFor(p.spec, this::requestHeaders), noBody);
        if (noBody) {
            ctx.writeAndFlush(head, written);
        } else {
            ctx.write(head);
            ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true), written);
        }
    }

    /** The request's HEADERS: a function of the request alone (and the connection), so they may be reused for it. */
    private Http2Headers requestHeaders(HttpRequestSpec spec) {
        URI uri = spec.uri();
        Http2Headers h = new DefaultHttp2Headers();
        h.method(spec.method());
        h.scheme(spec.secure() ? "https" : "http");
        h.path(RequestEncoder.target(uri));
        String authority = connection.origin().hostHeader();
        List<HttpHeader> own = spec.headers();
        for (HttpHeader header : own) {
            if (header.is("host")) {
                authority = header.value();
            }
        }
        h.authority(authority);
        boolean hasUserAgent = false;
        boolean hasAuthorization = false;
        for (HttpHeader header : own) {
            hasUserAgent |= header.is("user-agent");
            hasAuthorization |= header.is("authorization");
        }
        if (!hasUserAgent && !connection.userAgent().isEmpty()) {
            h.add("user-agent", connection.userAgent());
        }
        if (!hasAuthorization && uri.getRawUserInfo() != null) {
            h.add("authorization", "Basic " + Base64.getEncoder().encodeToString(uri.getUserInfo().getBytes(StandardCharsets.UTF_8)));
        }
        for (HttpHeader header : own) {
            // HTTP/2 has no connection-specific headers; the length is the body's own.
            if (header.is("host") || header.is("connection") || header.is("keep-alive") || header.is("proxy-connection")
                    || header.is("transfer-encoding") || header.is("upgrade") || header.is("content-length")) {
                continue;
            }
            h.add(header.name().toLowerCase(Locale.ROOT), header.value());
        }
        if (spec.body() != null || spec.announcesEmptyBody()) {
            h.setInt("content-length", spec.body() == null ? 0 : spec.body().length);
        }
        return h;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        try {
            if (ended) {
                return;
            }
            if (msg instanceof Http2HeadersFrame frame) {
                firstByte();
                if (headers == null && !responseHead(frame.headers())) {
                    return;
                }
                if (frame.isEndStream()) {
                    succeed();
                }
            } else if (msg instanceof Http2DataFrame frame) {
                firstByte();
                if (headers == null) {
                    fail(NetworkFailure.malformedResponse("DATA before the response's HEADERS"));
                    return;
                }
                ByteBuf data = frame.content();
                int n = data.readableBytes();
                if (n > 0) {
                    bodyLength += n;
                    if (!p.spec.discardBody() && !p.body.append(data)) {
                        fail(new NetworkFailure(ErrorCode.ENETWORK, "response body too large to hold; use discardBody"));
                        return;
                    }
                }
                if (frame.isEndStream()) {
                    succeed();
                }
            } else if (msg instanceof Http2ResetFrame reset) {
                reset(reset);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void reset(Http2ResetFrame reset) {
        Http2Error error = Http2Error.valueOf(reset.errorCode());
        fail(new NetworkFailure(ErrorCode.ECONNRESET, "stream reset by the server ("
                + (error == null ? "error " + reset.errorCode() : error.name()) + ")"));
    }

    /** False for an interim (1xx) head, which the real one follows. */
    private boolean responseHead(Http2Headers head) {
        CharSequence code = head.status();
        int parsed;
        try {
            parsed = code == null ? -1 : Integer.parseInt(code.toString());
        } catch (NumberFormatException e) {
            parsed = -1;
        }
        if (parsed < 100) {
            fail(NetworkFailure.malformedResponse("no valid :status in the response"));
            return false;
        }
        if (parsed < 200) {
            return false;
        }
        status = parsed;
        // Kept as decoded: a map of the HTTP/1 kind is built only if the script reads the headers.
        headers = head;
        if (!p.spec.discardBody()) {
            boolean empty = p.spec.isHead() || status == 204 || status == 304;
            long declared = empty ? 0 : head.getLong("content-length", -1L);
            p.body.start(declared, ctx.alloc());
        }
        return true;
    }

    private void firstByte() {
        if (!p.reached(PendingRequest.FIRST_BYTE)) {
            p.mark(PendingRequest.FIRST_BYTE, System.nanoTime());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof Http2ResetFrame reset) {
            // The multiplexer hands a stream's RST_STREAM over as an event, then closes the stream.
            reset(reset);
        } else if (event instanceof Http2GoAwayFrame goAway) {
            // The server will not process this stream: nothing of it was handled, so a new connection may retry it.
            p.retryable = !p.reached(PendingRequest.FIRST_BYTE);
            fail(new NetworkFailure(ErrorCode.ENETWORK, "the server closed the HTTP/2 connection (GOAWAY "
                    + Http2Error.valueOf(goAway.errorCode()) + ") before answering"));
        }
        super.userEventTriggered(context, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        if (!ended) {
            fail(headers != null ? NetworkFailure.closedMidResponse() : NetworkFailure.closedBeforeResponse());
        }
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        fail(NetworkFailure.of(cause, false, connection.address()));
    }

    private void succeed() {
        long now = System.nanoTime();
        ended = true;
        p.mark(PendingRequest.LAST_BYTE, now);
        countBytes();
        byte[] body = p.spec.discardBody() ? null : p.body.finish();
        p.exchange.response(status, HttpResponseStatus.valueOf(status).reasonPhrase(), ResponseHeaders.of(headers), body,
                bodyLength, connection.remote(), Protocol.H2);
        p.recordTimings(now);
        finish();
    }

    /** Ends the request with {@code failure} (once; later calls do nothing) and resets the stream if still open. */
    void fail(NetworkFailure failure) {
        if (ended) {
            return;
        }
        ended = true;
        long now = System.nanoTime();
        p.body.abandon();
        if (ctx != null) {
            countBytes();
        }
        p.exchange.failure(failure.code(), failure.message(), connection.remote());
        p.recordTimings(now);
        finish();
        if (ctx != null) {
            ctx.close();
        }
    }

    private void countBytes() {
        long[] bytes = connection.takeBytes(((Http2StreamChannel) ctx.channel()).stream().id());
        p.exchange.addBytesSent((int) bytes[0]);
        p.exchange.addBytesReceived((int) bytes[1]);
    }

    private void finish() {
        if (timer != null) {
            timer.cancel(false);
        }
        connection.streamEnded(this);
        p.complete();
    }
}
