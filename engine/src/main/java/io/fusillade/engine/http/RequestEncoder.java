package io.fusillade.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Writes a request's head (and a small body) straight into one pooled buffer: no request
 * object, no header map, no intermediate strings. The URL's raw path and query are sent as
 * they are, with any non-ASCII character percent-encoded as UTF-8.
 */
final class RequestEncoder {
    /** Bodies up to this size share the head's buffer; larger ones are sent from the caller's array. */
    static final int INLINE_BODY_LIMIT = 16 * 1024;
    private static final byte[] VERSION_CRLF = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HOST = "Host: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] USER_AGENT = "User-Agent: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AUTHORIZATION_BASIC = "Authorization: Basic ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COLON_SPACE = {':', ' '};
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private RequestEncoder() {
    }

    /** True when the body goes out as a second buffer after {@link #encode}'s. */
    static boolean bodySeparate(HttpRequestSpec spec) {
        return spec.body() != null && spec.body().length > INLINE_BODY_LIMIT;
    }

    /**
     * The request line, headers and, unless {@link #bodySeparate}, the body.
     *
     * @param userAgent the engine's User-Agent, pre-encoded; empty for none
     */
    static ByteBuf encode(ByteBufAllocator alloc, PendingRequest request, Origin origin, byte[] userAgent) {
        ByteBuf out = alloc.ioBuffer(estimate(request.spec, origin, userAgent));
        encodeInto(out, request, origin, userAgent);
        return out;
    }

    /**
     * Appends the same bytes as {@link #encode} to {@code out}, which grows as needed: the
     * blocking transport keeps one such buffer per connection and reuses it for every request.
     */
    static void encodeInto(ByteBuf out, PendingRequest request, Origin origin, byte[] userAgent) {
        HttpRequestSpec spec = request.spec;
        URI uri = spec.uri();
        byte[] body = spec.body();
        int bodyLength = body == null ? 0 : body.length;
        boolean inline = !bodySeparate(spec);
        List<HttpHeader> headers = spec.headers();
        int headerCount = headers.size();

        out.writeCharSequence(spec.method(), StandardCharsets.US_ASCII);
        out.writeByte(' ');
        writeTarget(out, uri);
        out.writeBytes(VERSION_CRLF);
        if (!request.hasHost) {
            out.writeBytes(HOST);
            writeText(out, origin.hostHeader());
            out.writeBytes(CRLF);
        }
        if (!request.hasUserAgent && userAgent.length > 0) {
            out.writeBytes(USER_AGENT).writeBytes(userAgent).writeBytes(CRLF);
        }
        if (!request.hasAuthorization && uri.getRawUserInfo() != null) {
            // Credentials in the URL become Basic auth, as browsers and k6 do.
            out.writeBytes(AUTHORIZATION_BASIC);
            out.writeBytes(Base64.getEncoder().encode(uri.getUserInfo().getBytes(StandardCharsets.UTF_8)));
            out.writeBytes(CRLF);
        }
        for (int i = 0; i < headerCount; i++) {
            HttpHeader header = headers.get(i);
            if (header.is("content-length") || header.is("transfer-encoding")) {
                continue;
            }
            out.writeCharSequence(header.name(), StandardCharsets.US_ASCII);
            out.writeBytes(COLON_SPACE);
            writeText(out, header.value());
            out.writeBytes(CRLF);
        }
        if (body != null || spec.announcesEmptyBody()) {
            out.writeBytes(CONTENT_LENGTH);
            writeDecimal(out, bodyLength);
            out.writeBytes(CRLF);
        }
        out.writeBytes(CRLF);
        if (inline && bodyLength > 0) {
            out.writeBytes(body);
        }
    }

    /** A size the head (and an inline body) usually fits in, so the buffer seldom grows. */
    private static int estimate(HttpRequestSpec spec, Origin origin, byte[] userAgent) {
        URI uri = spec.uri();
        int estimate = 96 + spec.method().length() + length(uri.getRawPath()) + length(uri.getRawQuery())
                + origin.hostHeader().length() + userAgent.length
                + (bodySeparate(spec) || spec.body() == null ? 0 : spec.body().length);
        List<HttpHeader> headers = spec.headers();
        for (int i = 0, n = headers.size(); i < n; i++) {
            HttpHeader header = headers.get(i);
            estimate += header.name().length() + header.value().length() + 4;
        }
        return estimate;
    }

    /** The request target (path and query) as it goes on the wire, for HTTP/2's {@code :path}. */
    static String target(URI uri) {
        ByteBuf out = io.netty.buffer.Unpooled.buffer(64);
        writeTarget(out, uri);
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static void writeTarget(ByteBuf out, URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            out.writeByte('/');
        } else {
            writeUrlPart(out, path);
        }
        String query = uri.getRawQuery();
        if (query != null) {
            out.writeByte('?');
            writeUrlPart(out, query);
        }
    }

    /** ASCII goes as is; anything else is percent-encoded UTF-8, as a URL on the wire must be. */
    private static void writeUrlPart(ByteBuf out, String part) {
        int n = part.length();
        for (int i = 0; i < n; i++) {
            char c = part.charAt(i);
            if (c < 0x80) {
                out.writeByte(c);
                continue;
            }
            int end = i + 1;
            if (Character.isHighSurrogate(c) && end < n && Character.isLowSurrogate(part.charAt(end))) {
                end++;
            }
            for (byte b : part.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.writeByte('%').writeByte(HEX[(b >> 4) & 0xF]).writeByte(HEX[b & 0xF]);
            }
            i = end - 1;
        }
    }

    /** Header values are sent as UTF-8 (plain ASCII in practice). */
    private static void writeText(ByteBuf out, String text) {
        ByteBufUtil.writeUtf8(out, text);
    }

    private static void writeDecimal(ByteBuf out, int value) {
        if (value == 0) {
            out.writeByte('0');
            return;
        }
        int divisor = 1;
        while (value / divisor >= 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.writeByte('0' + (value / divisor) % 10);
        }
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
