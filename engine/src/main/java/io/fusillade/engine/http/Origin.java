package io.fusillade.engine.http;

import java.net.URI;

/**
 * Where a connection goes: scheme, host and port, plus the Host header value and the name to
 * resolve and present for TLS. Connections are kept per origin.
 *
 * @param secure     true for https
 * @param host       the host as the URL spells it (IPv6 literals in brackets)
 * @param port       the port, with the scheme's default filled in
 * @param hostHeader the Host header value: host, plus the port when it is not the default
 */
record Origin(boolean secure, String host, int port, String hostHeader) {

    static Origin of(HttpRequestSpec request) {
        URI uri = request.uri();
        String host = uri.getHost();
        boolean secure = request.secure();
        int port = request.port();
        boolean defaultPort = port == (secure ? 443 : 80);
        return new Origin(secure, host, port, defaultPort ? host : host + ":" + port);
    }

    /** The host without IPv6 brackets: what DNS and TLS (SNI, name checks) see. */
    String hostName() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** True when {@code request} goes to this origin; compares without allocating. */
    boolean matches(HttpRequestSpec request) {
        return request.port() == port && request.secure() == secure && request.uri().getHost().equalsIgnoreCase(host);
    }
}
