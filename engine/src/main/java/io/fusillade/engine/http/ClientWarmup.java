package io.fusillade.engine.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends one request through a client to a one-shot responder on 127.0.0.1 that it serves
 * itself, so that what a request needs (the virtual-thread socket poller, the encoder, the
 * response parser, the timing code) is loaded and initialised before the first VU's first
 * request, on a thread that is otherwise idle during start-up. Nothing reaches the target,
 * and nothing is recorded.
 */
public final class ClientWarmup {
    private static final byte[] RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok"
            .getBytes(StandardCharsets.US_ASCII);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private ClientWarmup() {
    }

    /**
     * Runs the warm-up request through {@code client} and waits for it (at most about two
     * seconds). Failures are ignored: warming up only makes the first request faster.
     */
    public static void run(HttpClientEngine client) {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            server.setSoTimeout((int) TIMEOUT.toMillis());
            Thread responder = Thread.ofPlatform().daemon(true).name("client-warmup").start(() -> respondOnce(server));
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
            Thread request = Thread.ofVirtual().start(() -> {
                try (HttpSession session = client.newSession()) {
                    session.execute(HttpRequestSpec.get(uri), new HttpExchange());
                }
            });
            request.join(TIMEOUT.toMillis());
            responder.join(TimeUnit.SECONDS.toMillis(1));
        } catch (IOException | RuntimeException e) {
            // No loopback socket to warm up with: the first request simply pays the cost itself.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respondOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            InputStream in = socket.getInputStream();
            // Read the request head up to its blank line (the last four bytes read are CR LF CR LF), then answer.
            int lastFour = 0;
            while (lastFour != 0x0D0A0D0A) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                lastFour = (lastFour << 8) | b;
            }
            OutputStream out = socket.getOutputStream();
            out.write(RESPONSE);
            out.flush();
        } catch (IOException ignored) {
            // The request side gives up on its own timeout.
        }
    }
}
