package io.fusillade.engine.http;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The socket implementation: Linux epoll when its native library loads (fewer copies and
 * syscalls), the JDK's NIO otherwise.
 *
 * @param name        {@code epoll} or {@code nio}
 * @param ioHandlers  the event loops' I/O handler
 * @param channelType the client socket channel class
 */
record Transport(String name, IoHandlerFactory ioHandlers, Class<? extends SocketChannel> channelType) {

    static Transport detect() {
        if (Epoll.isAvailable()) {
            return new Transport("epoll", EpollIoHandler.newFactory(), EpollSocketChannel.class);
        }
        return new Transport("nio", NioIoHandler.newFactory(), NioSocketChannel.class);
    }
}
