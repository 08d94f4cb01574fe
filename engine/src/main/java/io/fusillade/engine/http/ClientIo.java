package io.fusillade.engine.http;

/**
 * The engine's half of a transport: what all sessions share (event loops, TLS settings, the
 * registry of open sockets), and the maker of each session's own half.
 */
sealed interface ClientIo permits NettyIo, SocketIo {

    /** A new session's connections, empty. */
    SessionIo<?> newSession();

    /** What the I/O runs on, for diagnostics: {@code epoll}, {@code nio} or {@code socket}. */
    String name();

    /** Closes every connection of every session; requests in flight end with a network error. */
    void close();
}
