package io.fusillade.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A keep-alive HTTP/1.1 server on 127.0.0.1 that answers every request with the same
 * 100-byte body, written from one byte array: a target for in-process benchmarks that costs
 * next to nothing and allocates nothing per request, so what a benchmark measures is the
 * client. One platform thread per connection; it reads until the blank line that ends a
 * request head (requests must carry no body).
 */
final class CannedHttpServer implements AutoCloseable {
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
            + "x".repeat(99) + "\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final Thread acceptor;
    private volatile boolean closed;

    CannedHttpServer() throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = Thread.ofPlatform().daemon().name("canned-http-accept").start(this::accept);
    }

    /** {@code http://127.0.0.1:PORT}. */
    String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                Thread.ofPlatform().daemon().name("canned-http").start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(Socket socket) {
        byte[] buf = new byte[8192];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int matched = 0;
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    return;
                }
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    // Counts the bytes of "\r\n\r\n" seen in a row: each full match ends one request.
                    matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
                    if (matched == 4) {
                        out.write(RESPONSE);
                        matched = 0;
                    }
                }
                out.flush();
            }
        } catch (IOException e) {
            // The client went away.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        acceptor.interrupt();
    }
}
