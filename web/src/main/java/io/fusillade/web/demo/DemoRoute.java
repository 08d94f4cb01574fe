package io.fusillade.web.demo;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The demo target's paths, each named by its template ({@code /api/items/{id}}), which is
 * also the key its requests are counted under.
 */
public enum DemoRoute {
    INDEX("/"),
    ITEMS("/api/items"),
    ITEM("/api/items/{id}"),
    LOGIN("/api/login"),
    SLOW("/slow"),
    STATUS("/status/{code}"),
    BYTES("/bytes/{n}"),
    /** n bytes sent with chunked transfer encoding, in pieces of at most 1000. */
    CHUNKED("/chunked/{n}"),
    HEADERS("/headers"),
    HEALTH("/health"),
    /** Declares a body it never finishes, then closes the connection: a server failing mid-response. */
    TRUNCATED("/truncated"),
    /** Any path the target does not serve. */
    UNKNOWN("*");

    private final String template;

    DemoRoute(String template) {
        this.template = template;
    }

    /** The path template requests to this route are counted under. */
    public String template() {
        return template;
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
            default -> {
                if (hasParameter(path, "/bytes/")) {
                    yield BYTES;
                } else if (hasParameter(path, "/chunked/")) {
                    yield CHUNKED;
                } else if (hasParameter(path, "/api/items/")) {
                    yield ITEM;
                } else if (hasParameter(path, "/status/")) {
                    yield STATUS;
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
