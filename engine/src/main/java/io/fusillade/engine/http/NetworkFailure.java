package io.fusillade.engine.http;

import io.fusillade.ingest.ErrorCode;
import io.netty.channel.ConnectTimeoutException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * A network failure as scripts see it: one of the k6 error codes and a one-line message.
 * Built only when something went wrong, never on the success path.
 */
record NetworkFailure(ErrorCode code, String message) {
    static final String TIMEOUT_MESSAGE = "request timeout";

    static NetworkFailure timeout() {
        return new NetworkFailure(ErrorCode.ETIMEDOUT, TIMEOUT_MESSAGE);
    }

    static NetworkFailure hostNotFound(String host) {
        return new NetworkFailure(ErrorCode.ENOTFOUND, "host not found: " + host);
    }

    static NetworkFailure closedBeforeResponse() {
        return new NetworkFailure(ErrorCode.ENETWORK, "connection closed by the server before the response");
    }

    static NetworkFailure closedMidResponse() {
        return new NetworkFailure(ErrorCode.ENETWORK,
                "unexpected EOF: the server closed the connection before the response was complete");
    }

    static NetworkFailure closedDuringHandshake() {
        return new NetworkFailure(ErrorCode.ECERT, "TLS handshake failed: the server closed the connection");
    }

    static NetworkFailure malformedResponse(Throwable cause) {
        return new NetworkFailure(ErrorCode.ENETWORK, "malformed HTTP response: " + detail(cause));
    }

    static NetworkFailure malformedResponse(String detail) {
        return new NetworkFailure(ErrorCode.ENETWORK, "malformed HTTP response: " + detail);
    }

    static NetworkFailure interrupted() {
        return new NetworkFailure(ErrorCode.ENETWORK, "request interrupted");
    }

    /**
     * Classifies an exception from connecting, the TLS handshake, reading or writing.
     *
     * @param handshaking true while the TLS handshake was in progress: any failure then is a TLS failure
     * @param address     host:port of the peer, named in connect errors
     */
    static NetworkFailure of(Throwable failure, boolean handshaking, String address) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException) {
                return new NetworkFailure(ErrorCode.ECERT, "TLS handshake failed: " + detail(rootCause(t)));
            }
            if (t instanceof ConnectTimeoutException) {
                return timeout();
            }
            if (t instanceof UnknownHostException) {
                return hostNotFound(address);
            }
            if (t instanceof ConnectException) {
                String text = lower(t.getMessage());
                if (text.contains("refused")) {
                    return new NetworkFailure(ErrorCode.ECONNREFUSED, "connection refused: " + address);
                }
                return new NetworkFailure(ErrorCode.ENETWORK, "cannot connect to " + address + ": " + detail(t));
            }
        }
        if (handshaking) {
            return new NetworkFailure(ErrorCode.ECERT, "TLS handshake failed: " + detail(rootCause(failure)));
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedChannelException) {
                return new NetworkFailure(ErrorCode.EPIPE, "broken pipe: connection already closed");
            }
            if (t instanceof IOException) {
                String text = lower(t.getMessage());
                if (text.contains("reset")) {
                    return new NetworkFailure(ErrorCode.ECONNRESET, ErrorCode.ECONNRESET.message());
                }
                if (text.contains("broken pipe")) {
                    return new NetworkFailure(ErrorCode.EPIPE, ErrorCode.EPIPE.message());
                }
            }
        }
        return new NetworkFailure(ErrorCode.ENETWORK, "network error: " + detail(failure));
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String detail(Throwable t) {
        String text = t.getMessage();
        return text == null || text.isBlank() ? t.getClass().getSimpleName() : text;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
