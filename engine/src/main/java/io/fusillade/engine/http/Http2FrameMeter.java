package io.fusillade.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.util.collection.IntObjectHashMap;

/**
 * Sits between TLS and the HTTP/2 codec and counts, per stream, the bytes of the frames that
 * pass each way (the 9-byte frame header plus payload): on a multiplexed connection that is
 * what one request costs on the wire. Connection frames (stream 0: settings, pings, window
 * updates) belong to no request. The event loop alone uses it.
 */
final class Http2FrameMeter extends ChannelDuplexHandler {
    /** The client connection preface, sent before the first frame. */
    private static final int PREFACE_LENGTH = 24;

    private final Http2Connection streams;
    private final IntObjectHashMap<long[]> counts = new IntObjectHashMap<>();
    private final Scanner in = new Scanner(0, 1);
    private final Scanner out = new Scanner(PREFACE_LENGTH, 0);
    /** Streams up to this id that are not in {@link #counts} have ended: late frames of theirs are not counted. */
    private int highestTaken;

    Http2FrameMeter(Http2Connection streams) {
        this.streams = streams;
    }

    /** The bytes sent and received for stream {@code id} ({@code [sent, received]}), forgotten afterwards. */
    long[] take(int id) {
        long[] taken = counts.remove(id);
        if (id > highestTaken) {
            highestTaken = id;
        }
        return taken == null ? new long[2] : taken;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            in.scan(bytes);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes) {
            out.scan(bytes);
        }
        ctx.write(msg, promise);
    }

    private void count(int stream, int direction, long n) {
        if (stream == 0) {
            return;
        }
        long[] c = counts.get(stream);
        if (c == null) {
            if (stream <= highestTaken || streams.stream(stream) == null) {
                return;
            }
            c = new long[2];
            counts.put(stream, c);
        }
        c[direction] += n;
    }

    /** Finds frame boundaries in one direction's bytes, however they are split. */
    private final class Scanner {
        private final int direction;
        private final byte[] header = new byte[9];
        private int skip;
        private int headerFill;
        private long remaining;
        private int stream;

        Scanner(int skip, int direction) {
            this.skip = skip;
            this.direction = direction;
        }

        void scan(ByteBuf bytes) {
            int i = bytes.readerIndex();
            int end = bytes.writerIndex();
            while (i < end) {
                if (skip > 0) {
                    int n = Math.min(skip, end - i);
                    skip -= n;
                    i += n;
                } else if (remaining > 0) {
                    int n = (int) Math.min(remaining, end - i);
                    count(stream, direction, n);
                    remaining -= n;
                    i += n;
                } else {
                    header[headerFill++] = bytes.getByte(i++);
                    if (headerFill == header.length) {
                        headerFill = 0;
                        remaining = ((header[0] & 0xffL) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
                        stream = ((header[5] & 0x7f) << 24) | ((header[6] & 0xff) << 16) | ((header[7] & 0xff) << 8) | (header[8] & 0xff);
                        count(stream, direction, header.length);
                    }
                }
            }
        }
    }
}
