package io.fusillade.engine.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What each https origin chose by ALPN when offered both h2 and http/1.1, shared by every
 * virtual user: with {@link HttpVersion#AUTO}, requests to an origin known to speak h2 go
 * straight to its HTTP/2 connection, and the others to HTTP/1.1 connections that still offer
 * both (so an origin that starts to prefer h2 is noticed on its next new connection).
 */
final class ProtocolMemory {
    private final ConcurrentHashMap<Origin, Boolean> h2 = new ConcurrentHashMap<>();

    /** True when {@code request}'s origin last chose h2. */
    boolean speaksH2(HttpRequestSpec request) {
        return !h2.isEmpty() && h2.getOrDefault(Origin.of(request), Boolean.FALSE);
    }

    /** Notes what {@code origin} chose. */
    void learned(Origin origin, boolean speaksH2) {
        if (speaksH2) {
            h2.put(origin, Boolean.TRUE);
        } else {
            h2.remove(origin);
        }
    }
}
