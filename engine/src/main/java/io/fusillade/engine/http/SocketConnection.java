package io.fusillade.engine.http;

import io.fusillade.ingest.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;

/**
 * One keep-alive connection of one session on the blocking transport: a plain socket, with
 * TLS layered on it for https, driven entirely by the calling (virtual) thread. A request is
 * encoded into a buffer kept for the connection's life and sent with one write; the response
 * is read by this connection's {@link ResponseReader}.
 *
 * <p>Every way a request can end goes through {@link #succeed} or {@link #fail}, which record
 * the outcome in the request's exchange.
 */
final class SocketConnection implements KeptConnection {
    /** {@link #watched} when no request is in progress. */
    private static final long IDLE = Long.MIN_VALUE;
    /** {@link #watched} once the watchdog has closed the connection for missing its deadline. */
    private static final long EXPIRED = Long.MIN_VALUE + 1;
    /** A request buffer grown beyond this by an unusual request is let go afterwards. */
    private static final int KEPT_REQUEST_BUFFER = 64 * 1024;
    private static final int MAX_CACHED_HEADS = 64;
    private static final int MAX_CACHED_HEAD = 4096;

    private final Origin origin;
    private final String address;
    private final SocketIo io;
    private final MeteredSocket socket = new MeteredSocket();
    private final ResponseReader reader = new ResponseReader();
    /**
     * The deadline of the request in progress, shared with the {@link SocketIo} watchdog; the
     * two sides compare-and-set it so a request that ends just in time is never closed under
     * the next one.
     */
    private final AtomicLong watched = new AtomicLong(IDLE);
    private ByteBuf requestBytes = Unpooled.buffer(1024);
    /**
     * Encoded heads of requests this connection sent before, by request identity: a VU that
     * repeats the same (immutable) request skips encoding it again. Bounded, and cleared when full.
     */
    private final IdentityHashMap<HttpRequestSpec, byte[]> encodedHeads = new IdentityHashMap<>();
    /** The socket requests are written to and read from: {@link #socket} itself, or TLS on it. */
    private Socket channel;
    private OutputStream out;
    private InetSocketAddress remote;
    private int served;
    /** Read by another thread only to abort; the owning thread's view is what counts. */
    private volatile boolean open = true;

    SocketConnection(Origin origin, SocketIo io) {
        this.origin = origin;
        this.address = origin.hostName() + ":" + origin.port();
        this.io = io;
    }

    public Origin origin() {
        return origin;
    }

    /** True while the connection can take another request. */
    public boolean isOpen() {
        return open && !socket.isClosed();
    }

    /**
     * Connects (and for https, shakes hands) within the request's deadline; false when that
     * failed and the failure is recorded.
     */
    boolean connect(PendingRequest p, InetSocketAddress target) {
        io.opened(this);
        socket.countFor(p.exchange);
        watch(p.deadline);
        boolean handshaking = false;
        try {
            p.mark(PendingRequest.CONNECT_START, System.nanoTime());
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(target, MeteredSocket.millisUntil(p.deadline));
            long connected = System.nanoTime();
            p.mark(PendingRequest.CONNECTED, connected);
            remote = target;
            if (origin.secure()) {
                handshaking = true;
                SSLSocket secure = io.layer(socket, origin, p.version);
                secure.startHandshake();
                handshaking = false;
                channel = secure;
                p.mark(PendingRequest.TLS_DONE, System.nanoTime());
                if (p.version == HttpVersion.AUTO && "h2".equals(secure.getApplicationProtocol())) {
                    // The server prefers HTTP/2: the request goes there instead, and so will later ones.
                    io.protocols().learned(origin, true);
                    p.switchProtocol = true;
                    close();
                    return false;
                }
            } else {
                channel = socket;
                p.mark(PendingRequest.TLS_DONE, connected);
            }
            out = channel.getOutputStream();
            reader.attach(channel.getInputStream());
            return true;
        } catch (IOException e) {
            fail(p, failure(e, handshaking), false);
            return false;
        } finally {
            socket.countFor(null);
            watched.set(IDLE);
        }
    }

    /** Sends the request and reads its response; on a stale reused connection marks it retryable. */
    void exchange(PendingRequest p) {
        socket.countFor(p.exchange);
        watch(p.deadline);
        try {
            send(p);
            reader.read(p);
        } catch (IOException e) {
            NetworkFailure failure = failure(e, false);
            fail(p, failure, staleConnection(p) && retryable(e, failure));
            return;
        } finally {
            socket.countFor(null);
            watched.set(IDLE);
        }
        succeed(p);
    }

    private void watch(long deadline) {
        watched.set(deadline);
        io.watch(deadline);
    }

    /**
     * Called by the watchdog: closes the connection if the request in progress is past its
     * deadline at {@code now}.
     *
     * @return the deadline of the request still in progress, or {@link Long#MAX_VALUE} for none
     */
    long expireIfDue(long now) {
        long deadline = watched.get();
        if (deadline == IDLE || deadline == EXPIRED) {
            return Long.MAX_VALUE;
        }
        if (now - deadline >= 0 && watched.compareAndSet(deadline, EXPIRED)) {
            abort();
            return Long.MAX_VALUE;
        }
        return deadline;
    }

    private void send(PendingRequest p) throws IOException {
        boolean separate = RequestEncoder.bodySeparate(p.spec);
        byte[] cached = encodedHeads.get(p.spec);
        if (cached != null) {
            out.write(cached);
        } else {
            encodeAndWrite(p, separate);
        }
        if (separate) {
            // Copying a large body into the buffer would cost more than a second write.
            out.write(p.spec.body());
        }
        p.mark(PendingRequest.WRITTEN, System.nanoTime());
    }

    private void encodeAndWrite(PendingRequest p, boolean separate) throws IOException {
        ByteBuf head = requestBytes;
        head.clear();
        RequestEncoder.encodeInto(head, p, origin, io.userAgent());
        out.write(head.array(), head.arrayOffset() + head.readerIndex(), head.readableBytes());
        if (!separate && head.readableBytes() <= MAX_CACHED_HEAD) {
            if (encodedHeads.size() >= MAX_CACHED_HEADS) {
                encodedHeads.clear();
            }
            byte[] copy = new byte[head.readableBytes()];
            head.getBytes(head.readerIndex(), copy);
            encodedHeads.put(p.spec, copy);
        }
        if (head.capacity() > KEPT_REQUEST_BUFFER) {
            requestBytes = Unpooled.buffer(1024);
        }
    }

    private void succeed(PendingRequest p) {
        long now = System.nanoTime();
        p.mark(PendingRequest.LAST_BYTE, now);
        ResponseReader r = reader;
        p.exchange.response(r.status, r.reason, r.headers, r.body, r.bodyLength, remote);
        p.recordTimings(now);
        served++;
        if (!r.keepAlive) {
            close();
        }
    }

    private void fail(PendingRequest p, NetworkFailure failure, boolean retryable) {
        long now = System.nanoTime();
        p.retryable = retryable;
        p.exchange.failure(failure.code(), failure.message(), remote);
        p.recordTimings(now);
        close();
    }

    /** What scripts see for an exception from connecting, the handshake, writing or reading. */
    private NetworkFailure failure(IOException e, boolean handshaking) {
        if (Thread.currentThread().isInterrupted()) {
            // The JDK closes a virtual thread's socket when the thread is interrupted in a blocking call.
            return NetworkFailure.interrupted();
        }
        if (e instanceof ResponseReader.Failure read) {
            return read.failure;
        }
        if (e instanceof SocketTimeoutException || watched.get() == EXPIRED) {
            return NetworkFailure.timeout();
        }
        if (io.isClosed()) {
            return new NetworkFailure(ErrorCode.ENETWORK, "the HTTP client engine was closed");
        }
        return NetworkFailure.of(e, handshaking, address);
    }

    /** A reused connection that failed before any response byte: the server had closed it meanwhile. */
    private boolean staleConnection(PendingRequest p) {
        return served > 0 && !p.reached(PendingRequest.FIRST_BYTE);
    }

    private static boolean retryable(IOException e, NetworkFailure failure) {
        if (e instanceof ResponseReader.Failure read) {
            return read.beforeResponse;
        }
        return failure.code() == ErrorCode.ECONNRESET || failure.code() == ErrorCode.EPIPE;
    }

    /** Closes the connection from its own thread (TLS says goodbye properly). */
    public void close() {
        open = false;
        io.closed(this);
        try {
            (channel != null ? channel : socket).close();
        } catch (IOException e) {
            // Closing is best effort; the socket is unusable either way.
        }
    }

    /** Closes the connection from another thread: a read blocked on it fails at once. */
    void abort() {
        open = false;
        try {
            socket.close();
        } catch (IOException e) {
            // As above.
        }
    }
}
