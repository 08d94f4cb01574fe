package io.fusillade.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * How fast virtual threads doing plain blocking socket I/O can loop HTTP/1.1 GETs: the
 * ceiling for a transport with no hand-off between a VU and an I/O thread, to compare with
 * the Netty client and with wrk against the same server.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.fusillade.bench.BlockingSocketProbe PORT [SECONDS] [CONNECTIONS]}
 * against a server on 127.0.0.1 that answers {@code GET /100b.txt} with a Content-Length
 * body (nginx from {@code lib/local-nginx.sh}). Prints requests per second.
 */
public final class BlockingSocketProbe {
    private BlockingSocketProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: BlockingSocketProbe PORT [SECONDS] [CONNECTIONS]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 10;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        byte[] request = "GET /100b.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: probe\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        LongAdder responses = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            threads.add(Thread.ofVirtual().start(() -> loop(port, request, end, responses)));
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("%d connections, %d s: %.0f req/s%n", connections, seconds, responses.sum() / (double) seconds);
    }

    private static void loop(int port, byte[] request, long end, LongAdder responses) {
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ByteBuffer out = ByteBuffer.wrap(request);
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (System.nanoTime() < end) {
                out.clear();
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                if (!readResponse(channel, in)) {
                    return;
                }
                responses.increment();
            }
        } catch (IOException e) {
            System.err.println("connection failed: " + e.getMessage());
        }
    }

    /** Reads one response with a Content-Length body; false when the server closed. */
    private static boolean readResponse(SocketChannel channel, ByteBuffer in) throws IOException {
        in.clear();
        int needed = -1;
        while (needed < 0 || in.position() < needed) {
            if (channel.read(in) < 0) {
                return false;
            }
            if (needed < 0) {
                needed = responseLength(in.array(), in.position());
            }
        }
        return true;
    }

    /** Head plus body length once the head is complete, else -1. */
    private static int responseLength(byte[] data, int length) {
        for (int i = 3; i < length; i++) {
            if (data[i] == '\n' && data[i - 1] == '\r' && data[i - 2] == '\n' && data[i - 3] == '\r') {
                String head = new String(data, 0, i, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
                int at = head.indexOf("content-length:");
                int eol = head.indexOf("\r\n", at);
                return i + 1 + Integer.parseInt(head.substring(at + 15, eol < 0 ? head.length() : eol).trim());
            }
        }
        return -1;
    }
}
