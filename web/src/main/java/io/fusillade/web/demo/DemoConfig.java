package io.fusillade.web.demo;

import io.netty.handler.ssl.SslContext;

/**
 * How to run a {@link DemoTarget}.
 *
 * @param port       the port on 127.0.0.1; 0 picks a free one
 * @param ioThreads  event-loop threads; 0 means one per core, at most four
 * @param tls        the server TLS context to serve HTTPS with, or null for plain HTTP
 */
public record DemoConfig(int port, int ioThreads, SslContext tls) {
    public DemoConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("demo port must be between 0 and 65535, got " + port);
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("demo ioThreads must be 0 (automatic) or more, got " + ioThreads);
        }
        if (tls != null && !tls.isServer()) {
            throw new IllegalArgumentException("demo TLS context must be a server context");
        }
    }

    /** Plain HTTP on {@code port}, default threads. */
    public static DemoConfig http(int port) {
        return new DemoConfig(port, 0, null);
    }

    /** The same settings serving HTTPS with {@code serverContext}. */
    public DemoConfig withTls(SslContext serverContext) {
        return new DemoConfig(port, ioThreads, serverContext);
    }

    /** The event-loop thread count to start. */
    int effectiveIoThreads() {
        return ioThreads > 0 ? ioThreads : Math.min(4, Runtime.getRuntime().availableProcessors());
    }
}
