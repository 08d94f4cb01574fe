package io.fusillade.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

import java.net.SocketAddress;

/**
 * First in the pipeline, next to the socket: counts the raw bytes each way (TLS records
 * included, as k6's data_sent and data_received do) and notes when the TCP connect starts.
 */
final class WireMeter extends ChannelDuplexHandler {
    /** Where the counts go: the connection, which knows the request they belong to. */
    interface Counted {
        void connectStarting();

        void bytesIn(int n);

        void bytesOut(int n);
    }

    private final Counted connection;

    WireMeter(Counted connection) {
        this.connection = connection;
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        connection.connectStarting();
        ctx.connect(remote, local, promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            connection.bytesIn(bytes.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes) {
            connection.bytesOut(bytes.readableBytes());
        }
        ctx.write(msg, promise);
    }
}
