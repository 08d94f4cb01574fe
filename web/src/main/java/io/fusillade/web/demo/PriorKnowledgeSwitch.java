package io.fusillade.web.demo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;

import java.util.List;
import java.util.function.Consumer;

/**
 * First in a plain connection's pipeline: looks at the first bytes, and if they are the HTTP/2
 * client preface (h2c with prior knowledge) sets the connection up for HTTP/2, otherwise for
 * HTTP/1.1; then it leaves, so later requests pay nothing for it.
 */
final class PriorKnowledgeSwitch extends ByteToMessageDecoder {
    private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

    private final Consumer<ChannelPipeline> http1;
    private final Consumer<ChannelPipeline> http2;

    PriorKnowledgeSwitch(Consumer<ChannelPipeline> http1, Consumer<ChannelPipeline> http2) {
        this.http1 = http1;
        this.http2 = http2;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int length = Math.min(in.readableBytes(), PREFACE.readableBytes());
        boolean h2 = ByteBufUtil.equals(PREFACE, PREFACE.readerIndex(), in, in.readerIndex(), length);
        if (h2 && length < PREFACE.readableBytes()) {
            // Could still be the preface: wait for more.
            return;
        }
        (h2 ? http2 : http1).accept(ctx.pipeline());
        // Removing this handler passes the bytes read so far on to the new ones.
        ctx.pipeline().remove(this);
    }
}
