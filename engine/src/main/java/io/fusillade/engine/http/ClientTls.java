package io.fusillade.engine.http;

import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The client side of TLS, the same for both transports and HTTP/2: one JDK {@link SSLContext}
 * (trust as configured, the {@code tlsAuth} client certificates), and the per-connection
 * parameters: versions, cipher suites, host name check and the ALPN protocols offered.
 */
final class ClientTls {
    /** ALPN when the server may pick: h2 first. */
    static final String[] OFFER_BOTH = {"h2", "http/1.1"};
    /** ALPN when HTTP/1.1 is forced. */
    static final String[] OFFER_H1 = {"http/1.1"};
    /** ALPN when HTTP/2 is forced. */
    static final String[] OFFER_H2 = {"h2"};

    private final SSLContext context;
    private final SSLSocketFactory sockets;
    private final boolean verifyHostNames;
    private final String[] protocols;
    private final String[] cipherSuites;

    /** @throws IllegalStateException when the JDK cannot provide TLS with these settings */
    ClientTls(HttpClientConfig config) {
        TlsSettings tls = config.tls();
        this.verifyHostNames = !config.insecureSkipTlsVerify();
        this.protocols = tls.protocols();
        this.cipherSuites = tls.cipherSuites().isEmpty() ? null : tls.cipherSuites().toArray(String[]::new);
        try {
            context = SSLContext.getInstance("TLS");
            KeyManager[] keys = tls.clientCertificates().isEmpty() ? null
                    : new KeyManager[] {new ClientKeys(tls.clientCertificates())};
            context.init(keys, config.insecureSkipTlsVerify() ? InsecureTrustManagerFactory.INSTANCE.getTrustManagers() : null,
                    null);
            sockets = context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for HTTPS requests: " + e.getMessage(), e);
        }
        if (cipherSuites != null) {
            java.util.Set<String> supported = java.util.Set.of(context.getSupportedSSLParameters().getCipherSuites());
            for (String suite : cipherSuites) {
                if (!supported.contains(suite)) {
                    throw new IllegalArgumentException("invalid tlsCipherSuites: '" + suite + "' is not a cipher suite this JDK supports");
                }
            }
        }
    }

    /** TLS on top of a connected socket, offering {@code alpn}; the handshake is the caller's to start. */
    SSLSocket layer(Socket plain, Origin origin, String[] alpn) throws IOException {
        SSLSocket secure = (SSLSocket) sockets.createSocket(plain, origin.hostName(), origin.port(), true);
        secure.setUseClientMode(true);
        secure.setSSLParameters(configure(secure.getSSLParameters(), alpn));
        return secure;
    }

    /** A Netty handler doing the handshake for {@code origin}, offering {@code alpn}; the request's deadline bounds it. */
    SslHandler newHandler(Origin origin, String[] alpn) {
        SSLEngine engine = context.createSSLEngine(origin.hostName(), origin.port());
        engine.setUseClientMode(true);
        engine.setSSLParameters(configure(engine.getSSLParameters(), alpn));
        SslHandler handler = new SslHandler(engine);
        handler.setHandshakeTimeoutMillis(0);
        return handler;
    }

    private SSLParameters configure(SSLParameters parameters, String[] alpn) {
        if (verifyHostNames) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (protocols != null) {
            parameters.setProtocols(protocols);
        }
        if (cipherSuites != null) {
            parameters.setCipherSuites(cipherSuites);
        }
        parameters.setApplicationProtocols(alpn);
        return parameters;
    }
}
