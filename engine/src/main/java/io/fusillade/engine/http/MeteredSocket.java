package io.fusillade.engine.http;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The blocking transport's plain TCP socket. It counts the bytes each way for the request in
 * progress (for https, TLS sits on top of it, so the count includes handshake and record
 * overhead as k6's data_sent and data_received do).
 */
final class MeteredSocket extends Socket {
    private HttpExchange counted;
    private InputStream meteredIn;
    private OutputStream meteredOut;

    /** Counts the bytes that follow into {@code exchange}; null to count nowhere. */
    void countFor(HttpExchange exchange) {
        counted = exchange;
    }

    /** Milliseconds left until {@code deadline}, at least 1 (0 would mean no limit to the JDK). */
    static int millisUntil(long deadline) {
        long remaining = deadline - System.nanoTime();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (remaining + 999_999) / 1_000_000));
    }

    @Override
    public InputStream getInputStream() throws IOException {
        if (meteredIn == null) {
            meteredIn = new CountingInput(super.getInputStream());
        }
        return meteredIn;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        if (meteredOut == null) {
            meteredOut = new CountingOutput(super.getOutputStream());
        }
        return meteredOut;
    }

    private final class CountingInput extends FilterInputStream {
        CountingInput(InputStream socket) {
            super(socket);
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int n = in.read(into, offset, length);
            HttpExchange exchange = counted;
            if (n > 0 && exchange != null) {
                exchange.addBytesReceived(n);
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            HttpExchange exchange = counted;
            if (b >= 0 && exchange != null) {
                exchange.addBytesReceived(1);
            }
            return b;
        }
    }

    private final class CountingOutput extends FilterOutputStream {
        CountingOutput(OutputStream socket) {
            super(socket);
        }

        @Override
        public void write(byte[] from, int offset, int length) throws IOException {
            // FilterOutputStream would write byte by byte: one syscall each.
            out.write(from, offset, length);
            HttpExchange exchange = counted;
            if (exchange != null) {
                exchange.addBytesSent(length);
            }
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            HttpExchange exchange = counted;
            if (exchange != null) {
                exchange.addBytesSent(1);
            }
        }
    }
}
