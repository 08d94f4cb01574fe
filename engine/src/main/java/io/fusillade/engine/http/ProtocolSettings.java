package io.fusillade.engine.http;

import java.util.Objects;

/**
 * A run's protocol choices, from its options: the HTTP version requests use unless they say
 * otherwise ({@code httpVersion}), and the TLS versions, cipher suites and client
 * certificates ({@code tlsVersion}, {@code tlsCipherSuites}, {@code tlsAuth}).
 *
 * @param httpVersion the default HTTP version
 * @param tls         the TLS settings
 */
public record ProtocolSettings(HttpVersion httpVersion, TlsSettings tls) {
    /** Automatic HTTP version, the JDK's TLS defaults. */
    public static final ProtocolSettings DEFAULT = new ProtocolSettings(HttpVersion.AUTO, TlsSettings.DEFAULT);

    public ProtocolSettings {
        Objects.requireNonNull(httpVersion, "httpVersion");
        Objects.requireNonNull(tls, "tls");
    }
}
