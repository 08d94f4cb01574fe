package io.fusillade.engine.http;

import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.Protocol;
import io.fusillade.ingest.SampleEvent;
import io.netty.handler.codec.http.HttpHeaders;

import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The outcome of one request: status, headers, body, bytes on the wire and the time spent in
 * each phase. One instance per virtual user, refilled by every
 * {@link HttpSession#execute(HttpRequestSpec, HttpExchange)}; copy out what must outlive the
 * next call. The header object and body array are fresh per response, so keeping references
 * to them is safe.
 *
 * <p>A request that failed on the network has status 0, an {@link #error()} other than
 * {@link ErrorCode#NONE}, a message, no headers and no body; its timings still show where the
 * time went. Timings are nanoseconds measured at the network layer with the phases of k6:
 * blocked (DNS and waiting for a connection), connecting, TLS handshaking, sending, waiting
 * (time to first byte) and receiving; {@link #durationNanos()} is sending + waiting + receiving.
 */
public final class HttpExchange {
    private long startNanos;
    private int status;
    private String statusText = "";
    private ResponseHeaders headers = ResponseHeaders.NONE;
    private byte[] body;
    private long bodyLength;
    private Protocol protocol = Protocol.NONE;
    private ErrorCode error = ErrorCode.NONE;
    private String errorMessage = "";
    private long bytesSent;
    private long bytesReceived;
    private long blockedNanos;
    private long connectingNanos;
    private long tlsHandshakingNanos;
    private long sendingNanos;
    private long waitingNanos;
    private long receivingNanos;
    private boolean connectionReused;
    private InetSocketAddress remoteAddress;

    /** The HTTP status; 0 when the request failed on the network. */
    public int status() {
        return status;
    }

    /** The reason phrase of the status line, such as {@code OK}; empty on a network failure. */
    public String statusText() {
        return statusText;
    }

    /** The response headers (case-insensitive); empty on a network failure. */
    public HttpHeaders headers() {
        return headers.get();
    }

    /** The first value of a response header, or null. */
    public String header(String name) {
        return headers.get().get(name);
    }

    /** Calls {@code action} with every response header line, in the order received. */
    public void forEachHeader(BiConsumer<String, String> action) {
        Iterator<Map.Entry<String, String>> lines = headers.get().iteratorAsString();
        while (lines.hasNext()) {
            Map.Entry<String, String> line = lines.next();
            action.accept(line.getKey(), line.getValue());
        }
    }

    /** The response body; null when it was discarded or the request failed. */
    public byte[] body() {
        return body;
    }

    /** The response body's length in bytes, counted even when the body was discarded. */
    public long bodyLength() {
        return bodyLength;
    }

    /** The protocol the response came over; {@link Protocol#NONE} when no response came. */
    public Protocol protocol() {
        return protocol;
    }

    /** Why no response came; {@link ErrorCode#NONE} when one did. */
    public ErrorCode error() {
        return error;
    }

    /** A human-readable account of {@link #error()}; empty when there was none. */
    public String errorMessage() {
        return errorMessage;
    }

    /** True when the request failed on the network (status 0). */
    public boolean failed() {
        return error != ErrorCode.NONE;
    }

    /** Bytes written to the socket for this request: request line, headers, body (TLS records included). */
    public long bytesSent() {
        return bytesSent;
    }

    /** Bytes read off the socket for this request: status line, headers, body (TLS records included). */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** When the call began, as a {@link System#nanoTime()} reading. */
    public long startNanos() {
        return startNanos;
    }

    /** DNS lookup and waiting for a connection to write on (including a failed stale-connection attempt). */
    public long blockedNanos() {
        return blockedNanos;
    }

    /** The TCP connect; 0 on a reused connection. */
    public long connectingNanos() {
        return connectingNanos;
    }

    /** The TLS handshake; 0 for plain HTTP and on a reused connection. */
    public long tlsHandshakingNanos() {
        return tlsHandshakingNanos;
    }

    /** From starting to write the request to the socket taking its last byte. */
    public long sendingNanos() {
        return sendingNanos;
    }

    /** From the request being written to the first response byte (time to first byte). */
    public long waitingNanos() {
        return waitingNanos;
    }

    /** From the first response byte to the last. */
    public long receivingNanos() {
        return receivingNanos;
    }

    /** sending + waiting + receiving: k6's {@code http_req_duration}. */
    public long durationNanos() {
        return sendingNanos + waitingNanos + receivingNanos;
    }

    /** True when the request went over a connection an earlier request had opened. */
    public boolean connectionReused() {
        return connectionReused;
    }

    /** The address the request was sent to, or null when no connection was made. */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /**
     * Writes this outcome into a request sample: start (as epoch time), duration, the six
     * phases, status, error, protocol and bytes. Kind and ids are the caller's to set.
     */
    public void writeTo(SampleEvent slot, EpochClock clock) {
        slot.startNanos = clock.toEpochNanos(startNanos);
        slot.durationNanos = durationNanos();
        slot.blockedNanos = blockedNanos;
        slot.connectingNanos = connectingNanos;
        slot.tlsNanos = tlsHandshakingNanos;
        slot.sendingNanos = sendingNanos;
        slot.waitingNanos = waitingNanos;
        slot.receivingNanos = receivingNanos;
        slot.status = status;
        slot.error = error;
        slot.protocol = protocol;
        slot.bytesSent = bytesSent;
        slot.bytesReceived = bytesReceived;
    }

    @Override
    public String toString() {
        return "HttpExchange{status=" + status + ", error=" + error + (failed() ? " (" + errorMessage + ")" : "")
                + ", sent=" + bytesSent + ", received=" + bytesReceived + ", duration=" + durationNanos() + "ns}";
    }

    /** Records a request that chaos dropped before sending: status 0, {@link ErrorCode#EDROPPED}, no time on the wire. */
    public void dropped(long nowNanos) {
        begin(nowNanos);
        failure(ErrorCode.EDROPPED, ErrorCode.EDROPPED.message(), null);
    }

    /** Counts {@code nanos} waited before the request was sent (chaos jitter) in its start time and blocked phase. */
    public void delayedBy(long nanos) {
        startNanos -= nanos;
        blockedNanos += nanos;
    }

    /** Clears the previous outcome at the start of a call. */
    void begin(long start) {
        startNanos = start;
        status = 0;
        statusText = "";
        headers = ResponseHeaders.NONE;
        body = null;
        bodyLength = 0;
        protocol = Protocol.NONE;
        error = ErrorCode.NONE;
        errorMessage = "";
        bytesSent = 0;
        bytesReceived = 0;
        blockedNanos = 0;
        connectingNanos = 0;
        tlsHandshakingNanos = 0;
        sendingNanos = 0;
        waitingNanos = 0;
        receivingNanos = 0;
        connectionReused = false;
        remoteAddress = null;
    }

    /** Forgets a failed attempt on a stale connection: its bytes are not this request's. */
    void beginRetry() {
        error = ErrorCode.NONE;
        errorMessage = "";
        bytesSent = 0;
        bytesReceived = 0;
        connectionReused = false;
    }

    void connectionReused(boolean reused) {
        connectionReused = reused;
    }

    void addBytesSent(int n) {
        bytesSent += n;
    }

    void addBytesReceived(int n) {
        bytesReceived += n;
    }

    /** The response headers, parsed only if asked: keep this (not {@link #headers()}) to read them later. */
    public ResponseHeaders responseHeaders() {
        return headers;
    }

    void response(int code, String reason, ResponseHeaders responseHeaders, byte[] content, long contentLength,
                  InetSocketAddress remote) {
        response(code, reason, responseHeaders, content, contentLength, remote, Protocol.H1);
    }

    void response(int code, String reason, ResponseHeaders responseHeaders, byte[] content, long contentLength,
                  InetSocketAddress remote, Protocol over) {
        status = code;
        statusText = reason;
        headers = responseHeaders;
        body = content;
        bodyLength = contentLength;
        protocol = over;
        remoteAddress = remote;
    }

    void failure(ErrorCode code, String message, InetSocketAddress remote) {
        status = 0;
        statusText = "";
        headers = ResponseHeaders.NONE;
        body = null;
        protocol = Protocol.NONE;
        error = code;
        errorMessage = message;
        remoteAddress = remote;
    }

    void timings(long blocked, long connecting, long tls, long sending, long waiting, long receiving) {
        blockedNanos = blocked;
        connectingNanos = connecting;
        tlsHandshakingNanos = tls;
        sendingNanos = sending;
        waitingNanos = waiting;
        receivingNanos = receiving;
    }
}
