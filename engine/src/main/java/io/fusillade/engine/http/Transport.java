package io.fusillade.engine.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
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

    /** A client bootstrap on {@code group}'s loops with the options every connection gets. */
    Bootstrap clientBootstrap(EventLoopGroup group) {
        return new Bootstrap()
                .group(group)
                .channel(channelType)
                // Measured: the pooled allocator costs less per request than Netty 4.2's adaptive default.
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                // Each request's own deadline covers the connect; no second, fixed limit.
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 0);
    }

    static Transport detect() {
        if (Epoll.isAvailable()) {
            return new Transport("epoll", EpollIoHandler.newFactory(), EpollSocketChannel.class);
        }
        return new Transport("nio", NioIoHandler.newFactory(), NioSocketChannel.class);
    }
}
