package io.fusillade.engine.http;

import io.fusillade.ingest.ErrorCode;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one HTTP/1.1 response at a time off a blocking stream, through one read buffer kept
 * for the connection's life: status line, headers (kept as raw lines in {@link ResponseHeaders},
 * made into a map only when read), and the body framed by Content-Length, chunked transfer
 * coding, or the end of the stream. Interim 1xx responses are skipped. Only the raw header
 * copy and the body array are new per response.
 *
 * <p>A response it cannot read ends in a {@link Failure} carrying what scripts see; nothing is
 * thrown on the success path.
 */
final class ResponseReader {
    /**
     * A connection's first read buffer: enough for a small response whole. With 10,000 VUs,
     * 16 KB each held 160 MB of heap that small responses never used.
     */
    private static final int READ_BUFFER = 4 * 1024;
    /** What the read buffer grows to, doubling each time a read fills it: large bodies take fewer reads. */
    private static final int GROWN_READ_BUFFER = 64 * 1024;
    /** As generous as the Netty path: a 16 KiB status line plus 64 KiB of headers. */
    private static final int MAX_HEAD = 80 * 1024;
    /** Larger declared lengths are gathered like unknown ones, so a lying header cannot exhaust the heap at once. */
    private static final int MAX_PREALLOCATED = 8 * 1024 * 1024;
    private static final int MAX_BODY = Integer.MAX_VALUE - 16;
    /** Gathering space beyond this is let go after each body, so an idle virtual user holds little memory. */
    private static final int KEPT_SPILL = 1024 * 1024;
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] HTTP_1 = ascii("HTTP/1.");
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] SET_COOKIE = ascii("set-cookie");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    private InputStream in;
    private byte[] buf = new byte[READ_BUFFER];
    private int pos;
    private int limit;
    private int lineStart;
    private PendingRequest request;

    // The response read last.
    int status;
    String reason;
    ResponseHeaders headers = ResponseHeaders.NONE;
    /** The header lines of the response being read, as {@link ResponseHeaders#raw} wants them. */
    private byte[] rawHead = new byte[1024];
    private int rawLength;
    byte[] body;
    long bodyLength;
    boolean keepAlive;

    // The framing its head announced.
    private long contentLength;
    private boolean transferEncoded;
    private boolean chunked;
    private boolean http10;
    private boolean connectionClose;
    private boolean connectionKeepAlive;
    /** The response sets cookies: noted while its header lines are read, so nobody scans them again to find out. */
    private boolean setsCookies;

    // Where body bytes go.
    private boolean discarding;
    private boolean spilling;
    private byte[] exact;
    private int filled;
    private byte[] spill = EMPTY;
    private int spilled;

    /** The stream to read from: the socket's, or TLS's on top of it. */
    void attach(InputStream stream) {
        in = stream;
    }

    /**
     * Reads the response to {@code pending}, marking its first byte. The outcome is in this
     * reader's fields until the next call.
     *
     * @throws Failure     when the response is malformed, too large, or cut short
     * @throws IOException when the socket fails, or is closed because the deadline passed
     */
    void read(PendingRequest pending) throws IOException {
        request = pending;
        pos = 0;
        limit = 0;
        body = null;
        try {
            do {
                readHead();
            } while (status >= 100 && status < 200 && status != 101);
            keepAlive = (http10 ? connectionKeepAlive : !connectionClose) && !pending.closeRequested && status != 101;
            boolean empty = pending.spec.isHead() || status == 101 || status == 204 || status == 304;
            boolean untilClose = !empty && !chunked && (transferEncoded || contentLength < 0);
            startBody(empty ? 0 : chunked || untilClose ? -1 : contentLength);
            if (empty) {
                // Headers only, whatever they announce.
            } else if (chunked) {
                readChunked();
            } else if (untilClose) {
                readUntilClose();
                keepAlive = false;
            } else {
                consume(contentLength);
            }
            body = finishBody();
            if (pos != limit) {
                // Bytes nobody asked for: this connection's framing can no longer be trusted.
                keepAlive = false;
            }
        } catch (IOException e) {
            abandonBody();
            throw e;
        } finally {
            request = null;
        }
    }

    private void readHead() throws IOException {
        int end;
        do {
            // Stray line breaks between responses are tolerated, as in Netty's decoder.
            end = nextLine();
        } while (end == lineStart);
        statusLine(lineStart, end);
        rawLength = 0;
        contentLength = -1;
        transferEncoded = false;
        chunked = false;
        connectionClose = false;
        connectionKeepAlive = false;
        setsCookies = false;
        while ((end = nextLine()) != lineStart) {
            headerLine(lineStart, end);
        }
        headers = ResponseHeaders.raw(java.util.Arrays.copyOf(rawHead, rawLength), setsCookies);
    }

    private void appendRaw(int nameStart, int nameEnd, int valueStart, int valueEnd) {
        int needed = rawLength + (nameEnd - nameStart) + (valueEnd - valueStart) + 2;
        if (needed > rawHead.length) {
            rawHead = java.util.Arrays.copyOf(rawHead, Math.max(needed, rawHead.length * 2));
        }
        System.arraycopy(buf, nameStart, rawHead, rawLength, nameEnd - nameStart);
        rawLength += nameEnd - nameStart;
        rawHead[rawLength++] = ':';
        System.arraycopy(buf, valueStart, rawHead, rawLength, valueEnd - valueStart);
        rawLength += valueEnd - valueStart;
        rawHead[rawLength++] = '\n';
    }

    /** {@code HTTP/1.x SP 3DIGIT [SP reason]} */
    private void statusLine(int start, int end) throws Failure {
        if (end - start < 12 || !startsWith(start, HTTP_1) || !isDigit(buf[start + 7]) || buf[start + 8] != ' '
                || !isDigit(buf[start + 9]) || !isDigit(buf[start + 10]) || !isDigit(buf[start + 11])
                || end > start + 12 && buf[start + 12] != ' ') {
            throw malformed("invalid status line '" + text(start, Math.min(end, start + 64)) + "'");
        }
        http10 = buf[start + 7] == '0';
        status = (buf[start + 9] - '0') * 100 + (buf[start + 10] - '0') * 10 + (buf[start + 11] - '0');
        reason = end > start + 13 ? reasonPhrase(start + 13, end) : "";
    }

    /** The usual phrase for the code is shared rather than copied. */
    private String reasonPhrase(int start, int end) {
        String usual = HttpResponseStatus.valueOf(status).reasonPhrase();
        if (usual.length() == end - start) {
            boolean same = true;
            for (int i = 0; i < usual.length() && same; i++) {
                same = usual.charAt(i) == (buf[start + i] & 0xFF);
            }
            if (same) {
                return usual;
            }
        }
        return text(start, end);
    }

    private void headerLine(int start, int end) throws Failure {
        if (buf[start] == ' ' || buf[start] == '\t') {
            throw malformed("folded header line (obsolete line folding is not supported)");
        }
        int colon = indexOf((byte) ':', start, end);
        if (colon <= start) {
            throw malformed("invalid header line '" + text(start, Math.min(end, start + 64)) + "'");
        }
        int nameEnd = colon;
        while (nameEnd > start && isSpace(buf[nameEnd - 1])) {
            nameEnd--;
        }
        int valueStart = colon + 1;
        while (valueStart < end && isSpace(buf[valueStart])) {
            valueStart++;
        }
        int valueEnd = end;
        while (valueEnd > valueStart && isSpace(buf[valueEnd - 1])) {
            valueEnd--;
        }
        appendRaw(start, nameEnd, valueStart, valueEnd);
        if (nameIs(start, nameEnd, CONTENT_LENGTH)) {
            long length = decimal(valueStart, valueEnd);
            if (contentLength >= 0 && length != contentLength) {
                throw malformed("conflicting Content-Length values");
            }
            contentLength = length;
        } else if (nameIs(start, nameEnd, TRANSFER_ENCODING)) {
            transferEncoded = true;
            // Only a final "chunked" frames the body by chunks; anything else runs to the end of the stream.
            chunked = lastTokenIs(valueStart, valueEnd, CHUNKED);
        } else if (nameIs(start, nameEnd, CONNECTION)) {
            connectionClose |= hasToken(valueStart, valueEnd, CLOSE);
            connectionKeepAlive |= hasToken(valueStart, valueEnd, KEEP_ALIVE);
        } else if (nameIs(start, nameEnd, SET_COOKIE)) {
            setsCookies = true;
        }
    }

    private void readChunked() throws IOException {
        while (true) {
            int end = nextLine();
            long size = chunkSize(lineStart, end);
            if (size == 0) {
                break;
            }
            consume(size);
            if (nextLine() != lineStart) {
                throw malformed("chunk data not followed by a line break");
            }
        }
        // Trailer fields are read past, not kept, as on the Netty path.
        while (nextLine() != lineStart) {
            // Next trailer line.
        }
    }

    private void readUntilClose() throws IOException {
        do {
            if (pos < limit) {
                accept(pos, limit - pos);
                pos = limit;
            }
        } while (fill());
    }

    /** Passes the next {@code n} bytes to the body. */
    private void consume(long n) throws IOException {
        while (n > 0) {
            if (pos == limit && !fill()) {
                throw endOfStream();
            }
            int take = (int) Math.min(n, limit - pos);
            accept(pos, take);
            pos += take;
            n -= take;
        }
    }

    /** The end of the next line (before its CR LF); {@link #lineStart} is its start and {@link #pos} the next line's. */
    private int nextLine() throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = pos + scanned; i < limit; i++) {
                if (buf[i] == '\n') {
                    lineStart = pos;
                    pos = i + 1;
                    return i > lineStart && buf[i - 1] == '\r' ? i - 1 : i;
                }
            }
            scanned = limit - pos;
            if (!fill()) {
                throw endOfStream();
            }
        }
    }

    /** Reads more after the bytes buffered, moving them to the front first; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_HEAD) {
                throw malformed("status line or header section longer than " + MAX_HEAD + " bytes");
            }
            buf = Arrays.copyOf(buf, Math.min(MAX_HEAD, buf.length * 2));
        }
        int wanted = buf.length - limit;
        int n = in.read(buf, limit, wanted);
        if (n < 0) {
            return false;
        }
        if (n == wanted && buf.length < GROWN_READ_BUFFER) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        if (!request.reached(PendingRequest.FIRST_BYTE)) {
            request.mark(PendingRequest.FIRST_BYTE, System.nanoTime());
        }
        limit += n;
        return true;
    }

    /** Prepares for a body of {@code declared} bytes, or of unknown length when negative. */
    private void startBody(long declared) {
        bodyLength = 0;
        filled = 0;
        spilled = 0;
        discarding = request.spec.discardBody();
        spilling = false;
        exact = EMPTY;
        if (discarding || declared == 0) {
            return;
        }
        if (declared > 0 && declared <= MAX_PREALLOCATED) {
            exact = new byte[(int) declared];
        } else {
            spilling = true;
        }
    }

    private void accept(int from, int n) throws Failure {
        bodyLength += n;
        if (discarding) {
            return;
        }
        if (!spilling) {
            System.arraycopy(buf, from, exact, filled, n);
            filled += n;
            return;
        }
        if (n > MAX_BODY - spilled) {
            throw new Failure(new NetworkFailure(ErrorCode.ENETWORK,
                    "response body too large to hold; use discardBody"), false);
        }
        if (n > spill.length - spilled) {
            long grown = Math.max((long) spilled + n, Math.max(8 * 1024, spill.length * 2L));
            spill = Arrays.copyOf(spill, (int) Math.min(MAX_BODY, grown));
        }
        System.arraycopy(buf, from, spill, spilled, n);
        spilled += n;
    }

    private byte[] finishBody() {
        if (discarding) {
            return null;
        }
        byte[] whole;
        if (spilling) {
            whole = Arrays.copyOf(spill, spilled);
        } else {
            whole = exact;
        }
        abandonBody();
        return whole;
    }

    private void abandonBody() {
        exact = EMPTY;
        filled = 0;
        spilled = 0;
        if (spill.length > KEPT_SPILL) {
            spill = EMPTY;
        }
    }

    private Failure endOfStream() {
        boolean started = request.reached(PendingRequest.FIRST_BYTE);
        return new Failure(started ? NetworkFailure.closedMidResponse() : NetworkFailure.closedBeforeResponse(), !started);
    }

    private static Failure malformed(String detail) {
        return new Failure(NetworkFailure.malformedResponse(detail), false);
    }

    private long decimal(int start, int end) throws Failure {
        if (start == end || end - start > 18) {
            throw malformed("invalid Content-Length '" + text(start, end) + "'");
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            if (!isDigit(buf[i])) {
                throw malformed("invalid Content-Length '" + text(start, end) + "'");
            }
            value = value * 10 + (buf[i] - '0');
        }
        return value;
    }

    /** The hex size at the start of a chunk line; extensions after ';' are ignored. */
    private long chunkSize(int start, int end) throws Failure {
        long size = 0;
        int digits = 0;
        int i = start;
        for (; i < end; i++) {
            int d = Character.digit(buf[i], 16);
            if (d < 0) {
                break;
            }
            if (++digits > 15) {
                throw malformed("chunk size too large");
            }
            size = size * 16 + d;
        }
        while (i < end && isSpace(buf[i])) {
            i++;
        }
        if (digits == 0 || i < end && buf[i] != ';') {
            throw malformed("invalid chunk size line '" + text(start, Math.min(end, start + 64)) + "'");
        }
        return size;
    }

    /** True when one of the comma-separated tokens in the value is {@code token} (ASCII case ignored). */
    private boolean hasToken(int start, int end, byte[] token) {
        int from = start;
        while (from <= end) {
            int comma = indexOf((byte) ',', from, end);
            int to = comma < 0 ? end : comma;
            if (trimmedIs(from, to, token)) {
                return true;
            }
            from = to + 1;
        }
        return false;
    }

    private boolean lastTokenIs(int start, int end, byte[] token) {
        int from = end;
        while (from > start && buf[from - 1] != ',') {
            from--;
        }
        return trimmedIs(from, end, token);
    }

    private boolean trimmedIs(int from, int to, byte[] token) {
        while (from < to && isSpace(buf[from])) {
            from++;
        }
        while (to > from && isSpace(buf[to - 1])) {
            to--;
        }
        return nameIs(from, to, token);
    }

    /** Compares with a lower-case ASCII constant, ignoring case. */
    private boolean nameIs(int start, int end, byte[] lower) {
        if (end - start != lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            byte b = buf[start + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lower[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWith(int start, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (buf[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Header bytes as text, one char per byte, as Netty's decoder reads them. */
    private String text(int start, int end) {
        return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A response that could not be read, as scripts see it. */
    static final class Failure extends IOException {
        final NetworkFailure failure;
        /** True when not one byte of the response had arrived: the request may be retried on a fresh connection. */
        final boolean beforeResponse;

        Failure(NetworkFailure failure, boolean beforeResponse) {
            super(failure.message());
            this.failure = failure;
            this.beforeResponse = beforeResponse;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            // An expected outcome, reported as an error code: the stack would never be looked at.
            return this;
        }
    }
}
