package io.fusillade.web.demo;

import io.netty.handler.codec.http.HttpMethod;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo target's paths, each named by its template ({@code /api/items/{id}}), which is
 * also the key its requests are counted under.
 */
public enum DemoRoute {
    INDEX("/", "GET, HEAD"),
    ITEMS("/api/items", "GET, HEAD, POST"),
    ITEM("/api/items/{id}", "GET, HEAD"),
    LOGIN("/api/login", "POST"),
    SLOW("/slow", "GET, HEAD"),
    /** Any method: scripts check how they handle error statuses on writes too. */
    STATUS("/status/{code}", ""),
    BYTES("/bytes/{n}", "GET, HEAD"),
    /** n bytes sent with chunked transfer encoding, in pieces of at most 1000. */
    CHUNKED("/chunked/{n}", "GET, HEAD"),
    HEADERS("/headers", ""),
    HEALTH("/health", "GET, HEAD"),
    /** Declares a body it never finishes, then closes the connection: a server failing mid-response. */
    TRUNCATED("/truncated", "GET, HEAD"),
    /** Redirects (302) to {@code /redirect/{n-1}}; {@code /redirect/0} answers 200: n hops. {@code ?code=301|303|307|308} picks the status. */
    REDIRECT("/redirect/{n}", ""),
    /** Sets each query parameter as a cookie ({@code Path=/}), and answers with the cookies the request carried. */
    COOKIES_SET("/cookies/set", "GET, HEAD, POST"),
    /** Answers with the cookies the request carried, as a JSON object. */
    COOKIES("/cookies", "GET, HEAD"),
    /** Answers 503 except on every n-th request to this route (counted since the last reset): a service that fails n-1 times, then recovers. */
    FLAKY("/flaky/{n}", ""),
    /** Decodes a multipart/form-data (or form-urlencoded) POST and answers with each part: name, filename, content type, size, text. */
    UPLOAD("/upload", "POST"),
    /** Any path the target does not serve. */
    UNKNOWN("*", "");

    private final String template;
    private final String allow;
    private final List<String> methods;

    DemoRoute(String template, String allow) {
        this.template = template;
        this.allow = allow;
        this.methods = allow.isEmpty() ? List.of() : List.of(allow.split(", "));
    }

    /** The path template requests to this route are counted under. */
    public String template() {
        return template;
    }

    /** True when the route answers {@code method}. */
    boolean allows(HttpMethod method) {
        return methods.isEmpty() || methods.contains(method.name());
    }

    /** The Allow header value a 405 names; empty for routes that take any method. */
    String allow() {
        return allow;
    }

    /** The route for a request path (without its query string). */
    static DemoRoute of(String path) {
        return switch (path) {
            case "/" -> INDEX;
            case "/api/items" -> ITEMS;
            case "/api/login" -> LOGIN;
            case "/slow" -> SLOW;
            case "/headers" -> HEADERS;
            case "/health" -> HEALTH;
            case "/truncated" -> TRUNCATED;
            case "/cookies" -> COOKIES;
            case "/cookies/set" -> COOKIES_SET;
            case "/upload" -> UPLOAD;
            default -> {
                if (hasParameter(path, "/bytes/")) {
                    yield BYTES;
                } else if (hasParameter(path, "/chunked/")) {
                    yield CHUNKED;
                } else if (hasParameter(path, "/api/items/")) {
                    yield ITEM;
                } else if (hasParameter(path, "/status/")) {
                    yield STATUS;
                } else if (hasParameter(path, "/redirect/")) {
                    yield REDIRECT;
                } else if (hasParameter(path, "/flaky/")) {
                    yield FLAKY;
                }
                yield UNKNOWN;
            }
        };
    }

    /** The route counted under a template; fails naming the known templates, so a typo is not read as zero. */
    static DemoRoute ofTemplate(String template) {
        for (DemoRoute route : values()) {
            if (route.template.equals(template)) {
                return route;
            }
        }
        throw new IllegalArgumentException("unknown demo path template '" + template + "'; known: "
                + Arrays.stream(values()).map(DemoRoute::template).collect(Collectors.joining(", ")));
    }

    /** True for {@code prefix} followed by one non-empty path segment. */
    private static boolean hasParameter(String path, String prefix) {
        return path.length() > prefix.length() && path.startsWith(prefix)
                && path.indexOf('/', prefix.length()) < 0;
    }

    /** The path parameter after {@code prefix}, for routes with one. */
    static String parameter(String path, DemoRoute route) {
        return path.substring(route.template.indexOf('{'));
    }
}
