package io.fusillade.engine.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;

/**
 * Netty's response parser, told which responses have no body (answers to HEAD), and the
 * place the first response byte is timed: bytes reach it right off the socket, or right out
 * of TLS, so TLS session tickets arriving after the handshake do not count as the response.
 */
final class ResponseDecoder extends HttpResponseDecoder {
    /**
     * Generous limits, since load targets send what they send; header validation is off
     * because the client only reads what arrives.
     */
    static HttpDecoderConfig config() {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(16 * 1024)
                .setMaxHeaderSize(64 * 1024)
                .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
                .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false));
    }

    private final ClientConnection connection;

    ResponseDecoder(HttpDecoderConfig config, ClientConnection connection) {
        super(config);
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        connection.responseBytesArriving();
        super.channelRead(ctx, msg);
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage msg) {
        return connection.expectsEmptyBody() || super.isContentAlwaysEmpty(msg);
    }
}
