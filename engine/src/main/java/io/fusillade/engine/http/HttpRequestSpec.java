package io.fusillade.engine.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One HTTP request to make: what a script asked for, checked once here so the send path
 * never has to.
 *
 * @param method      the request method, an HTTP token such as {@code GET}
 * @param uri         an absolute {@code http} or {@code https} URL
 * @param headers     request headers in the order they are sent; Host, User-Agent and
 *                    Content-Length are added when absent (a given Content-Length or
 *                    Transfer-Encoding is replaced by the body's real length)
 * @param body        the request body, or null for none
 * @param timeout     the whole request's time limit, DNS to last byte; null for the engine's default
 * @param discardBody true to count the response body's bytes without keeping them
 * @param httpVersion the HTTP version this request may use; null for the engine's default
 */
public record HttpRequestSpec(String method, URI uri, List<HttpHeader> headers, byte[] body, Duration timeout,
                              boolean discardBody, HttpVersion httpVersion) {
    public HttpRequestSpec {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        if (method.isEmpty()) {
            throw new IllegalArgumentException("HTTP method must not be empty");
        }
        for (int i = 0; i < method.length(); i++) {
            if (!HttpHeader.isTokenChar(method.charAt(i))) {
                throw new IllegalArgumentException("HTTP method '" + method + "' contains an invalid character");
            }
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new IllegalArgumentException("URL '" + uri + "' is not absolute: it needs http:// or https://");
        }
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            throw new IllegalArgumentException("unsupported URL scheme '" + scheme + "' in '" + uri
                    + "': only http and https are supported");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("URL '" + uri + "' has no host");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("URL '" + uri + "' has an invalid port " + uri.getPort());
        }
        headers = headers == null ? List.of() : List.copyOf(headers);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("request timeout must be positive, got " + timeout);
        }
    }

    /** A request on the engine's default HTTP version. */
    public HttpRequestSpec(String method, URI uri, List<HttpHeader> headers, byte[] body, Duration timeout, boolean discardBody) {
        this(method, uri, headers, body, timeout, discardBody, null);
    }

    /** This request on HTTP version {@code version} (null for the engine's default). */
    public HttpRequestSpec withHttpVersion(HttpVersion version) {
        return new HttpRequestSpec(method, uri, headers, body, timeout, discardBody, version);
    }

    /** This request carrying the cookies {@code cookieHeader} too (joined to a Cookie header of its own, if it has one). */
    public HttpRequestSpec withCookies(String cookieHeader) {
        List<HttpHeader> merged = new java.util.ArrayList<>(headers.size() + 1);
        String own = null;
        for (HttpHeader h : headers) {
            if (h.is("cookie")) {
                own = own == null ? h.value() : own + "; " + h.value();
            } else {
                merged.add(h);
            }
        }
        merged.add(new HttpHeader("Cookie", own == null ? cookieHeader : own + "; " + cookieHeader));
        return new HttpRequestSpec(method, uri, merged, body, timeout, discardBody, httpVersion);
    }

    /** A GET of {@code uri} with no headers, the engine's default timeout, body kept. */
    public static HttpRequestSpec get(URI uri) {
        return of("GET", uri);
    }

    /** A request with no headers or body, the engine's default timeout, body kept. */
    public static HttpRequestSpec of(String method, URI uri) {
        return new HttpRequestSpec(method, uri, List.of(), null, null, false);
    }

    /** This request with one more header, sent after the existing ones. */
    public HttpRequestSpec withHeader(String name, String value) {
        List<HttpHeader> more = new ArrayList<>(headers.size() + 1);
        more.addAll(headers);
        more.add(new HttpHeader(name, value));
        return new HttpRequestSpec(method, uri, more, body, timeout, discardBody, httpVersion);
    }

    /** This request with {@code content} as its body. */
    public HttpRequestSpec withBody(byte[] content) {
        return new HttpRequestSpec(method, uri, headers, content, timeout, discardBody, httpVersion);
    }

    /** This request with its own time limit. */
    public HttpRequestSpec withTimeout(Duration limit) {
        return new HttpRequestSpec(method, uri, headers, body, limit, discardBody, httpVersion);
    }

    /** This request with the response body counted but not kept. */
    public HttpRequestSpec discardingBody() {
        return new HttpRequestSpec(method, uri, headers, body, timeout, true, httpVersion);
    }

    /** True for {@code https} URLs. */
    public boolean secure() {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    /** The port the URL names, or its scheme's default. */
    public int port() {
        int port = uri.getPort();
        return port > 0 ? port : secure() ? 443 : 80;
    }

    /** True for HEAD, whose response never has a body whatever its headers say. */
    boolean isHead() {
        return method.equalsIgnoreCase("HEAD");
    }

    /** True for methods whose empty body is still announced as {@code Content-Length: 0}. */
    boolean announcesEmptyBody() {
        return method.equalsIgnoreCase("POST") || method.equalsIgnoreCase("PUT") || method.equalsIgnoreCase("PATCH");
    }
}
