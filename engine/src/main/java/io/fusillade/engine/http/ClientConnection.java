package io.fusillade.engine.http;

import io.fusillade.ingest.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One keep-alive connection of one session, and the last handler of its pipeline: it sends
 * the session's request, reads the response into the session's exchange, and wakes the
 * waiting virtual user. Its state belongs to the channel's event loop; the session only hands
 * requests over through {@link #submitReused} and reads {@link #isOpen()}.
 *
 * <p>Every way a request can end (response complete, timeout, connect or TLS failure, reset,
 * premature close) goes through {@link #succeed} or {@link #fail}, which record the outcome
 * and then release the waiter exactly once.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter implements Runnable, ChannelFutureListener, KeptConnection, WireMeter.Counted {
    private enum Phase { CONNECTING, HANDSHAKING, SENDING, WAITING, RECEIVING, IDLE }

    private final Origin origin;
    private final String address;
    private final byte[] userAgent;
    private final ProtocolMemory protocols;
    private final Runnable deadlineCheck = this::checkDeadline;
    private final ChannelFutureListener connectOutcome = this::connectOutcome;

    /** Set by the session right after starting the connect; used only by the session. */
    private Channel channel;
    private volatile boolean open = true;
    /** The session's hand-over slot; the event-loop task queue orders it before {@link #run()}. */
    private PendingRequest submitted;

    private ChannelHandlerContext ctx;
    private PendingRequest current;
    private Phase phase = Phase.CONNECTING;
    private int served;
    private boolean keepAlive;
    private boolean skippingInterim;
    private HttpResponse response;
    private long bodyLength;
    private ScheduledFuture<?> timer;
    private long timerAt;
    private InetSocketAddress remote;

    ClientConnection(Origin origin, byte[] userAgent, ProtocolMemory protocols, PendingRequest first) {
        this.origin = origin;
        this.address = origin.hostName() + ":" + origin.port();
        this.userAgent = userAgent;
        this.protocols = protocols;
        this.submitted = first;
    }

    // ---- called by the session (the virtual user's thread) ----

    public Origin origin() {
        return origin;
    }

    void attach(Channel opened) {
        channel = opened;
    }

    ChannelFutureListener connectListener() {
        return connectOutcome;
    }

    /** True while the connection can take another request. */
    public boolean isOpen() {
        return open && channel.isActive();
    }

    /** Sends {@code request} on this already open connection. */
    void submitReused(PendingRequest request) {
        submitted = request;
        channel.eventLoop().execute(this);
    }

    /** Ends the request in flight (the waiter was interrupted); false when the event loop is gone. */
    boolean cancel() {
        try {
            channel.eventLoop().execute(() -> fail(NetworkFailure.interrupted(), false));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    public void close() {
        open = false;
        channel.close();
    }

    // ---- event loop ----

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        current = submitted;
        submitted = null;
        if (current != null) {
            armDeadline(current.deadline);
        }
    }

    /** A reused connection's turn: the session has submitted a request. */
    @Override
    public void run() {
        current = submitted;
        submitted = null;
        if (!ctx.channel().isActive()) {
            // Closed by the server while idle, before this side noticed.
            fail(NetworkFailure.closedBeforeResponse(), true);
            return;
        }
        armDeadline(current.deadline);
        try {
            send();
        } catch (RuntimeException e) {
            // Outside the pipeline nothing else would end the request; the waiter must not hang.
            fail(NetworkFailure.of(e, false, address), false);
        }
    }

    public void connectStarting() {
        if (current != null) {
            current.mark(PendingRequest.CONNECT_START, System.nanoTime());
        }
    }

    private void connectOutcome(ChannelFuture connect) {
        if (!connect.isSuccess()) {
            if (current == null && submitted != null) {
                // Never registered (the engine is shutting down): the pipeline was never built.
                current = submitted;
                submitted = null;
            }
            fail(NetworkFailure.of(connect.cause(), false, address), false);
            connect.channel().close();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        remote = (InetSocketAddress) context.channel().remoteAddress();
        PendingRequest p = current;
        if (p != null) {
            long now = System.nanoTime();
            p.mark(PendingRequest.CONNECTED, now);
            if (origin.secure()) {
                phase = Phase.HANDSHAKING;
            } else {
                p.mark(PendingRequest.TLS_DONE, now);
                send();
            }
        }
        super.channelActive(context);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent handshake && current != null && phase == Phase.HANDSHAKING) {
            if (handshake.isSuccess()) {
                current.mark(PendingRequest.TLS_DONE, System.nanoTime());
                if (current.version == HttpVersion.AUTO
                        && "h2".equals(context.pipeline().get(SslHandler.class).engine().getApplicationProtocol())) {
                    // The server prefers HTTP/2: the request goes there instead, and so will later ones.
                    protocols.learned(origin, true);
                    PendingRequest p = current;
                    current = null;
                    phase = Phase.IDLE;
                    open = false;
                    p.switchProtocol = true;
                    p.complete();
                    context.close();
                    return;
                }
                send();
            } else {
                fail(NetworkFailure.of(handshake.cause(), true, address), false);
            }
        }
        super.userEventTriggered(context, event);
    }

    private void send() {
        PendingRequest p = current;
        phase = Phase.SENDING;
        ByteBuf head = RequestEncoder.encode(ctx.alloc(), p, origin, userAgent);
        ChannelPromise written = ctx.newPromise();
        written.addListener(this);
        if (RequestEncoder.bodySeparate(p.spec)) {
            ctx.write(head);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(p.spec.body()), written);
        } else {
            ctx.writeAndFlush(head, written);
        }
    }

    /** The request has left: the socket took its last byte (or refused it). */
    @Override
    public void operationComplete(ChannelFuture write) {
        PendingRequest p = current;
        if (p == null) {
            return;
        }
        if (write.isSuccess()) {
            p.mark(PendingRequest.WRITTEN, System.nanoTime());
            if (phase == Phase.SENDING) {
                phase = Phase.WAITING;
            }
        } else {
            NetworkFailure failure = NetworkFailure.of(write.cause(), false, address);
            fail(failure, staleConnection(p));
        }
    }

    public void bytesOut(int n) {
        if (current != null) {
            current.exchange.addBytesSent(n);
        }
    }

    public void bytesIn(int n) {
        if (current != null) {
            current.exchange.addBytesReceived(n);
        }
    }

    void responseBytesArriving() {
        PendingRequest p = current;
        if (p != null && (phase == Phase.SENDING || phase == Phase.WAITING) && !p.reached(PendingRequest.FIRST_BYTE)) {
            p.mark(PendingRequest.FIRST_BYTE, System.nanoTime());
        }
    }

    boolean expectsEmptyBody() {
        return current != null && current.spec.isHead();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        try {
            PendingRequest p = current;
            if (p == null) {
                if (msg instanceof HttpResponse) {
                    // A response nobody asked for: this connection's framing can no longer be trusted.
                    open = false;
                    context.close();
                }
                return;
            }
            if (msg instanceof HttpResponse head && !responseHead(p, head)) {
                return;
            }
            if (msg instanceof HttpContent piece) {
                responseContent(p, piece);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** False when the head ended the request (a malformed response). */
    private boolean responseHead(PendingRequest p, HttpResponse head) {
        if (head.decoderResult().isFailure()) {
            fail(NetworkFailure.malformedResponse(head.decoderResult().cause()), false);
            return false;
        }
        int code = head.status().code();
        if (code >= 100 && code < 200 && code != 101) {
            // 100 Continue, 103 Early Hints: the real response follows.
            skippingInterim = true;
            return true;
        }
        skippingInterim = false;
        response = head;
        phase = Phase.RECEIVING;
        keepAlive = HttpUtil.isKeepAlive(head) && !p.closeRequested;
        bodyLength = 0;
        if (!p.spec.discardBody()) {
            boolean empty = p.spec.isHead() || code == 204 || code == 304;
            p.body.start(empty ? 0 : HttpUtil.getContentLength(head, -1L), ctx.alloc());
        }
        return true;
    }

    private void responseContent(PendingRequest p, HttpContent piece) {
        if (piece.decoderResult().isFailure()) {
            fail(NetworkFailure.malformedResponse(piece.decoderResult().cause()), false);
            return;
        }
        if (skippingInterim) {
            skippingInterim = !(piece instanceof LastHttpContent);
            return;
        }
        if (response == null) {
            return;
        }
        ByteBuf data = piece.content();
        int n = data.readableBytes();
        if (n > 0) {
            bodyLength += n;
            if (!p.spec.discardBody() && !p.body.append(data)) {
                fail(new NetworkFailure(ErrorCode.ENETWORK, "response body too large to hold; use discardBody"), false);
                return;
            }
        }
        if (piece instanceof LastHttpContent) {
            succeed(p);
        }
    }

    private void succeed(PendingRequest p) {
        long now = System.nanoTime();
        p.mark(PendingRequest.LAST_BYTE, now);
        if (!p.reached(PendingRequest.WRITTEN)) {
            // Answered before the request was fully sent: what the server read of it is unknown.
            keepAlive = false;
        }
        HttpResponse head = response;
        byte[] body = p.spec.discardBody() ? null : p.body.finish();
        p.exchange.response(head.status().code(), head.status().reasonPhrase(), ResponseHeaders.of(head.headers()), body, bodyLength, remote);
        p.recordTimings(now);
        served++;
        current = null;
        response = null;
        phase = Phase.IDLE;
        boolean close = !keepAlive;
        if (close) {
            open = false;
        }
        p.complete();
        if (close) {
            ctx.close();
        }
    }

    private void fail(NetworkFailure failure, boolean retryable) {
        PendingRequest p = current;
        if (p == null) {
            return;
        }
        long now = System.nanoTime();
        current = null;
        response = null;
        phase = Phase.IDLE;
        open = false;
        p.body.abandon();
        p.retryable = retryable;
        p.exchange.failure(failure.code(), failure.message(), remote);
        p.recordTimings(now);
        p.complete();
        if (ctx != null) {
            ctx.close();
        }
    }

    /** A reused connection that failed before any response byte: the server had closed it meanwhile. */
    private boolean staleConnection(PendingRequest p) {
        return served > 0 && !p.reached(PendingRequest.FIRST_BYTE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        open = false;
        cancelTimer();
        PendingRequest p = current;
        if (p != null) {
            switch (phase) {
                case HANDSHAKING, CONNECTING -> fail(NetworkFailure.closedDuringHandshake(), false);
                case RECEIVING -> fail(NetworkFailure.closedMidResponse(), false);
                default -> {
                    boolean stale = staleConnection(p);
                    fail(p.reached(PendingRequest.FIRST_BYTE) ? NetworkFailure.closedMidResponse()
                            : NetworkFailure.closedBeforeResponse(), stale);
                }
            }
        }
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        PendingRequest p = current;
        if (p != null) {
            NetworkFailure failure = NetworkFailure.of(cause, phase == Phase.HANDSHAKING, address);
            boolean retry = staleConnection(p)
                    && (failure.code() == ErrorCode.ECONNRESET || failure.code() == ErrorCode.EPIPE);
            fail(failure, retry);
        }
        open = false;
        context.close();
    }

    /**
     * Keeps one timer per connection, due no later than the request's deadline. Requests much
     * shorter than their limit leave it pending and it is re-aimed when it fires, so a request
     * costs no timer of its own.
     */
    private void armDeadline(long deadline) {
        if (timer == null || deadline - timerAt < 0) {
            if (timer != null) {
                timer.cancel(false);
            }
            timerAt = deadline;
            timer = ctx.executor().schedule(deadlineCheck, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private void checkDeadline() {
        timer = null;
        PendingRequest p = current;
        if (p == null) {
            return;
        }
        if (System.nanoTime() - p.deadline >= 0) {
            fail(NetworkFailure.timeout(), false);
        } else {
            armDeadline(p.deadline);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
