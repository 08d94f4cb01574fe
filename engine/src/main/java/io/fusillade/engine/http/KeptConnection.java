package io.fusillade.engine.http;

/** What a session needs of a keep-alive connection, whichever transport made it. */
sealed interface KeptConnection permits ClientConnection, SocketConnection {
    /** The scheme, host and port it talks to. */
    Origin origin();

    /** True while it can carry another request. */
    boolean isOpen();

    /** Closes it; a request in progress on it fails. */
    void close();
}
