package io.fusillade.engine.http;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http2.Http2Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One response's headers, turned into a header map only when someone reads them. Most load
 * scripts never look at response headers, and building the map (strings, hashing) was the
 * largest part of reading a response; framing needs only a few headers, which the reader
 * picks out itself. Used by one thread at a time.
 */
public final class ResponseHeaders {
    /** No headers: a network failure, or nothing received yet. */
    public static final ResponseHeaders NONE = new ResponseHeaders(EmptyHttpHeaders.INSTANCE, null, null, false);

    private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private HttpHeaders parsed;
    private final byte[] raw;
    /** HTTP/2 headers as decoded (names in lower case, pseudo-headers included), or null. */
    private final Http2Headers h2;
    private final boolean setsCookies;

    private ResponseHeaders(HttpHeaders parsed, byte[] raw, Http2Headers h2, boolean setsCookies) {
        this.parsed = parsed;
        this.raw = raw;
        this.h2 = h2;
        this.setsCookies = setsCookies;
    }

    /** Headers already in a map (the Netty transport decodes them itself). */
    static ResponseHeaders of(HttpHeaders headers) {
        return new ResponseHeaders(headers, null, null, headers.contains(HttpHeaderNames.SET_COOKIE));
    }

    /** An HTTP/2 response's headers, turned into an HTTP/1-style map (without pseudo-headers) only if read. */
    static ResponseHeaders of(Http2Headers headers) {
        return new ResponseHeaders(null, null, headers, headers.contains(HttpHeaderNames.SET_COOKIE));
    }

    /**
     * Header lines as {@code name:value\n}, trimmed, in arrival order, ISO-8859-1;
     * {@code setsCookies} says whether one of them is a Set-Cookie (the reader saw it go by).
     */
    static ResponseHeaders raw(byte[] lines, boolean setsCookies) {
        return new ResponseHeaders(null, lines, null, setsCookies);
    }

    /** The Set-Cookie values, in arrival order: read on every response, free when there are none. */
    public List<String> setCookies() {
        return setsCookies ? all("set-cookie") : List.of();
    }

    /**
     * Every value of header {@code name} (ASCII, any case), in arrival order; an empty list,
     * without building the map, when there is none. For headers the client itself acts on
     * (Set-Cookie, Location) on every response.
     */
    public List<String> all(String name) {
        if (h2 != null) {
            List<CharSequence> found = h2.getAll(name.toLowerCase(java.util.Locale.ROOT));
            if (found.isEmpty()) {
                return List.of();
            }
            List<String> values = new ArrayList<>(found.size());
            found.forEach(v -> values.add(v.toString()));
            return values;
        }
        if (raw == null) {
            return parsed.getAll(name);
        }
        List<String> values = List.of();
        int start = 0;
        while (start < raw.length) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            if (end - start > name.length() && raw[start + name.length()] == ':' && nameMatches(start, name)) {
                if (values.isEmpty()) {
                    values = new ArrayList<>(2);
                }
                values.add(new String(raw, start + name.length() + 1, end - start - name.length() - 1, StandardCharsets.ISO_8859_1).strip());
            }
            start = end + 1;
        }
        return values;
    }

    private boolean nameMatches(int at, String name) {
        for (int i = 0; i < name.length(); i++) {
            int a = raw[at + i];
            int b = name.charAt(i);
            if (a != b && Character.toLowerCase(a) != Character.toLowerCase(b)) {
                return false;
            }
        }
        return true;
    }

    /** The headers as a case-insensitive map, built on the first call. */
    public HttpHeaders get() {
        if (parsed == null && h2 != null) {
            HttpHeaders headers = HEADERS.newHeaders();
            for (java.util.Map.Entry<CharSequence, CharSequence> e : h2) {
                if (e.getKey().length() > 0 && e.getKey().charAt(0) != ':') {
                    headers.add(e.getKey(), e.getValue());
                }
            }
            parsed = headers;
        }
        if (parsed == null) {
            HttpHeaders headers = HEADERS.newHeaders();
            int start = 0;
            while (start < raw.length) {
                int end = start;
                while (end < raw.length && raw[end] != '\n') {
                    end++;
                }
                int colon = start;
                while (colon < end && raw[colon] != ':') {
                    colon++;
                }
                headers.add(new String(raw, start, colon - start, StandardCharsets.ISO_8859_1),
                        new String(raw, colon + 1, Math.max(0, end - colon - 1), StandardCharsets.ISO_8859_1));
                start = end + 1;
            }
            parsed = headers;
        }
        return parsed;
    }
}
