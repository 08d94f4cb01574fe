package io.fusillade.aggregator.output;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/** A real HTTP receiver on 127.0.0.1 for the push outputs' tests: keeps every request it got. */
final class LocalReceiver implements AutoCloseable {
    /** One request: its path, headers and body. */
    record Request(String path, Headers headers, byte[] body) {
    }

    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    /** Answers each request with the status {@code status} gives it. */
    LocalReceiver(ToIntFunction<String> status) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            received.add(new Request(path, exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status.applyAsInt(path), -1);
            exchange.close();
        });
        server.start();
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
