package io.fusillade.engine.http;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The blocking transport's shared part: the TLS settings every connection layers on its
 * socket, and the connections open right now, so that closing the engine can end requests
 * that are blocked in a read on some virtual user's thread.
 */
final class SocketIo implements ClientIo {
    private final SSLSocketFactory tls;
    private final boolean verifyHostNames;
    private final byte[] userAgent;
    private final Set<SocketConnection> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @throws IllegalStateException when the JDK cannot provide TLS */
    SocketIo(HttpClientConfig config, byte[] userAgent) {
        this.userAgent = userAgent;
        this.verifyHostNames = !config.insecureSkipTlsVerify();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, config.insecureSkipTlsVerify() ? InsecureTrustManagerFactory.INSTANCE.getTrustManagers() : null,
                    null);
            this.tls = context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for HTTPS requests: " + e.getMessage(), e);
        }
    }

    @Override
    public SessionIo newSession() {
        return new SocketSessionIo(this);
    }

    @Override
    public String name() {
        return "socket";
    }

    /** Closes every open socket; a thread blocked reading one gets an error at once. */
    @Override
    public void close() {
        closed = true;
        for (SocketConnection connection : live) {
            connection.abort();
        }
        live.clear();
    }

    boolean isClosed() {
        return closed;
    }

    byte[] userAgent() {
        return userAgent;
    }

    /** Counts {@code connection} among those {@link #close} must end. */
    void opened(SocketConnection connection) {
        live.add(connection);
        if (closed) {
            // Lost the race with close(): it may not have seen this one.
            connection.abort();
        }
    }

    void closed(SocketConnection connection) {
        live.remove(connection);
    }

    /** TLS on top of a connected socket, named for SNI and (unless verification is off) checked against the host. */
    SSLSocket layer(Socket plain, Origin origin) throws IOException {
        SSLSocket secure = (SSLSocket) tls.createSocket(plain, origin.hostName(), origin.port(), true);
        secure.setUseClientMode(true);
        if (verifyHostNames) {
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
        }
        return secure;
    }
}
