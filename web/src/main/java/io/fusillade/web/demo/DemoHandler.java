package io.fusillade.web.demo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.netty.util.AsciiString;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers one connection's requests. Responses are written as requests complete and flushed
 * once per read burst, so a busy connection costs one syscall per batch, not per response.
 *
 * <p>Requests are answered in order except around {@code /slow}: a client that pipelines a
 * request behind a slow one gets the second answer first. Sequential clients never notice.
 */
final class DemoHandler extends SimpleChannelInboundHandler<HttpObject> {
    static final int DEFAULT_SLOW_MS = 50;
    static final int MAX_SLOW_MS = 5000;
    static final int MAX_REQUEST_BODY = 1024 * 1024;
    /** What {@code /truncated} declares, and what it sends before closing. */
    static final int TRUNCATED_DECLARED = 1000;
    static final int TRUNCATED_SENT = 100;
    static final int CHUNK_PIECE = 1000;

    private static final AsciiString TEXT_HTML = AsciiString.cached("text/html; charset=utf-8");
    private static final AsciiString SERVER = AsciiString.cached("fusillade-demo");

    private final DemoContent content;
    private final RequestCounters counters;
    private final AtomicLong itemIds;

    private HttpRequest request;
    private DemoRoute route;
    private String path;
    private ByteBuf body;
    private boolean bodyTooLarge;
    private boolean flushPending;

    DemoHandler(DemoContent content, RequestCounters counters, AtomicLong itemIds) {
        this.content = content;
        this.counters = counters;
        this.itemIds = itemIds;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg instanceof HttpRequest head) {
            if (!head.decoderResult().isSuccess()) {
                counters.request(DemoRoute.UNKNOWN);
                json(ctx, HttpResponseStatus.BAD_REQUEST, "{\"error\":\"malformed request\"}", Persistence.CLOSE);
                return;
            }
            startRequest(ctx, head);
        }
        if (msg instanceof HttpContent piece && request != null) {
            if (!piece.decoderResult().isSuccess()) {
                finishRequest();
                ctx.close();
                return;
            }
            collect(piece.content());
            if (msg instanceof LastHttpContent) {
                answer(ctx);
                finishRequest();
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (flushPending) {
            flushPending = false;
            ctx.flush();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        finishRequest();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A client going away mid-response is routine under load; nothing to report.
        ctx.close();
    }

    private void startRequest(ChannelHandlerContext ctx, HttpRequest head) {
        request = head;
        String uri = head.uri();
        int query = uri.indexOf('?');
        path = query < 0 ? uri : uri.substring(0, query);
        route = DemoRoute.of(path);
        counters.request(route);
        if (head.method() == HttpMethod.POST || head.method() == HttpMethod.PUT) {
            body = ctx.alloc().heapBuffer();
            bodyTooLarge = false;
        }
    }

    private void collect(ByteBuf piece) {
        if (body == null || !piece.isReadable() || bodyTooLarge) {
            return;
        }
        if (body.readableBytes() + piece.readableBytes() > MAX_REQUEST_BODY) {
            bodyTooLarge = true;
            return;
        }
        body.writeBytes(piece);
    }

    private void finishRequest() {
        if (body != null) {
            body.release();
            body = null;
        }
        request = null;
    }

    private void answer(ChannelHandlerContext ctx) {
        Persistence keepAlive = Persistence.of(request);
        HttpMethod method = request.method();
        if (bodyTooLarge) {
            json(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "{\"error\":\"request body larger than " + MAX_REQUEST_BODY + " bytes\"}", Persistence.CLOSE);
            return;
        }
        if (!route.allows(method)) {
            notAllowed(ctx, route.allow(), keepAlive);
            return;
        }
        switch (route) {
            case INDEX -> send(ctx, HttpResponseStatus.OK, TEXT_HTML, content.index(), keepAlive);
            case ITEMS -> {
                if (method == HttpMethod.POST) {
                    createItem(ctx, keepAlive);
                } else {
                    send(ctx, HttpResponseStatus.OK, HttpHeaderValues.APPLICATION_JSON, content.items(), keepAlive);
                }
            }
            case ITEM -> item(ctx, keepAlive);
            case LOGIN -> login(ctx, keepAlive);
            case SLOW -> slow(ctx, keepAlive);
            case STATUS -> status(ctx, keepAlive);
            case BYTES -> bytes(ctx, keepAlive);
            case CHUNKED -> chunked(ctx, keepAlive);
            case HEADERS -> headers(ctx, keepAlive);
            case HEALTH -> send(ctx, HttpResponseStatus.OK, HttpHeaderValues.APPLICATION_JSON, content.health(), keepAlive);
            case TRUNCATED -> truncated(ctx);
            case REDIRECT -> redirect(ctx, keepAlive);
            case COOKIES_SET -> setCookies(ctx, keepAlive);
            case COOKIES -> cookies(ctx, keepAlive);
            case FLAKY -> flaky(ctx, keepAlive);
            case UPLOAD -> upload(ctx, keepAlive);
            case UNKNOWN -> json(ctx, HttpResponseStatus.NOT_FOUND,
                    "{\"error\":" + Json.quote("no such path: " + path) + "}", keepAlive);
        }
    }

    private void item(ChannelHandlerContext ctx, Persistence keepAlive) {
        String id = DemoRoute.parameter(path, DemoRoute.ITEM);
        ByteBuf found = content.item(parseOr(id, -1));
        if (found != null) {
            send(ctx, HttpResponseStatus.OK, HttpHeaderValues.APPLICATION_JSON, found, keepAlive);
        } else {
            json(ctx, HttpResponseStatus.NOT_FOUND, "{\"error\":" + Json.quote("item " + id + " not found") + "}", keepAlive);
        }
    }

    private void createItem(ChannelHandlerContext ctx, Persistence keepAlive) {
        String text = body.toString(StandardCharsets.UTF_8).strip();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            json(ctx, HttpResponseStatus.BAD_REQUEST, "{\"error\":\"body must be a JSON object\"}", keepAlive);
            return;
        }
        String fields = text.substring(1, text.length() - 1).strip();
        String created = "{\"id\":" + itemIds.incrementAndGet() + (fields.isEmpty() ? "" : "," + fields) + "}";
        json(ctx, HttpResponseStatus.CREATED, created, keepAlive);
    }

    private void login(ChannelHandlerContext ctx, Persistence keepAlive) {
        String form = body.toString(StandardCharsets.UTF_8);
        String username = Json.stringField(form, "username");
        String password = Json.stringField(form, "password");
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            json(ctx, HttpResponseStatus.UNAUTHORIZED, "{\"error\":\"username and password are required\"}", keepAlive);
            return;
        }
        String token = "demo-" + Integer.toHexString(username.hashCode()) + Integer.toHexString(password.hashCode());
        json(ctx, HttpResponseStatus.OK, "{\"token\":" + Json.quote(token) + "}", keepAlive);
    }

    private void slow(ChannelHandlerContext ctx, Persistence keepAlive) {
        long ms = DEFAULT_SLOW_MS;
        List<String> asked = new QueryStringDecoder(request.uri()).parameters().get("ms");
        if (asked != null && !asked.isEmpty()) {
            ms = Math.clamp(parseOr(asked.getFirst(), DEFAULT_SLOW_MS), 0, MAX_SLOW_MS);
        }
        String reply = "{\"delayed_ms\":" + ms + "}";
        // Scheduled on this connection's event loop: the loop keeps serving others meanwhile.
        ctx.executor().schedule(() -> {
            if (ctx.channel().isActive()) {
                write(ctx, response(HttpResponseStatus.OK, HttpHeaderValues.APPLICATION_JSON, utf8(reply)), keepAlive, true);
            }
        }, ms, TimeUnit.MILLISECONDS);
    }

    private void status(ChannelHandlerContext ctx, Persistence keepAlive) {
        int code = (int) parseOr(DemoRoute.parameter(path, DemoRoute.STATUS), -1);
        if (code < 200 || code > 599) {
            json(ctx, HttpResponseStatus.BAD_REQUEST, "{\"error\":\"status must be between 200 and 599\"}", keepAlive);
            return;
        }
        HttpResponseStatus status = HttpResponseStatus.valueOf(code);
        if (code == 204 || code == 304) {
            write(ctx, new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER), keepAlive, false);
        } else {
            json(ctx, status, "{\"status\":" + code + "}", keepAlive);
        }
    }

    private void bytes(ChannelHandlerContext ctx, Persistence keepAlive) {
        long n = parseOr(DemoRoute.parameter(path, DemoRoute.BYTES), -1);
        if (n < 0 || n > DemoContent.MAX_BYTES) {
            json(ctx, HttpResponseStatus.BAD_REQUEST,
                    "{\"error\":\"n must be between 0 and " + DemoContent.MAX_BYTES + "\"}", keepAlive);
            return;
        }
        int length = (int) n;
        if (length <= DemoContent.BLOCK_SIZE) {
            send(ctx, HttpResponseStatus.OK, HttpHeaderValues.APPLICATION_OCTET_STREAM, content.pattern(0, length), keepAlive);
            return;
        }
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpUtil.setContentLength(head, length);
        stream(ctx, head, length, DemoContent.BLOCK_SIZE, keepAlive);
    }

    private void chunked(ChannelHandlerContext ctx, Persistence keepAlive) {
        long n = parseOr(DemoRoute.parameter(path, DemoRoute.CHUNKED), -1);
        if (n < 0 || n > DemoContent.MAX_BYTES) {
            json(ctx, HttpResponseStatus.BAD_REQUEST,
                    "{\"error\":\"n must be between 0 and " + DemoContent.MAX_BYTES + "\"}", keepAlive);
            return;
        }
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpUtil.setTransferEncodingChunked(head, true);
        stream(ctx, head, (int) n, CHUNK_PIECE, keepAlive);
    }

    /** Writes a generated body of {@code length} bytes after {@code head}, in pieces of {@code piece}. */
    private void stream(ChannelHandlerContext ctx, HttpResponse head, int length, int piece, Persistence keepAlive) {
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM);
        head.headers().set(HttpHeaderNames.SERVER, SERVER);
        keepAliveHeader(head, keepAlive);
        ctx.write(head);
        for (int offset = 0; offset < length; offset += piece) {
            ctx.write(new DefaultHttpContent(content.pattern(offset, Math.min(piece, length - offset))));
        }
        ChannelFuture done = ctx.write(LastHttpContent.EMPTY_LAST_CONTENT);
        flushPending = true;
        if (keepAlive == Persistence.CLOSE) {
            done.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void headers(ChannelHandlerContext ctx, Persistence keepAlive) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            seen.merge(header.getKey(), header.getValue(), (a, b) -> a + ", " + b);
        }
        StringBuilder out = new StringBuilder("{");
        seen.forEach((name, value) -> out.append(out.length() > 1 ? "," : "")
                .append(Json.quote(name)).append(':').append(Json.quote(value)));
        json(ctx, HttpResponseStatus.OK, out.append('}').toString(), keepAlive);
    }

    private void redirect(ChannelHandlerContext ctx, Persistence keepAlive) {
        long hops = parseOr(DemoRoute.parameter(path, DemoRoute.REDIRECT), -1);
        if (hops < 0 || hops > 100) {
            json(ctx, HttpResponseStatus.BAD_REQUEST, "{\"error\":\"n must be between 0 and 100\"}", keepAlive);
            return;
        }
        if (hops == 0) {
            json(ctx, HttpResponseStatus.OK, "{\"redirected\":true,\"method\":" + Json.quote(request.method().name())
                    + ",\"body\":" + Json.quote(body == null ? "" : body.toString(StandardCharsets.UTF_8)) + "}", keepAlive);
            return;
        }
        List<String> codes = query().parameters().getOrDefault("code", List.of("302"));
        int code = (int) parseOr(codes.getFirst(), 302);
        if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308) {
            code = 302;
        }
        FullHttpResponse response = response(HttpResponseStatus.valueOf(code), HttpHeaderValues.APPLICATION_JSON, utf8("{}"));
        String rawQuery = request.uri().indexOf('?') < 0 ? "" : request.uri().substring(request.uri().indexOf('?'));
        response.headers().set(HttpHeaderNames.LOCATION, "/redirect/" + (hops - 1) + rawQuery);
        write(ctx, response, keepAlive, false);
    }

    private void setCookies(ChannelHandlerContext ctx, Persistence keepAlive) {
        FullHttpResponse response = response(HttpResponseStatus.OK, HttpHeaderValues.APPLICATION_JSON, utf8(cookieJson()));
        query().parameters().forEach((name, values) -> values.forEach(value ->
                response.headers().add(HttpHeaderNames.SET_COOKIE, name + "=" + value + "; Path=/")));
        write(ctx, response, keepAlive, false);
    }

    private void cookies(ChannelHandlerContext ctx, Persistence keepAlive) {
        json(ctx, HttpResponseStatus.OK, cookieJson(), keepAlive);
    }

    /** The request's cookies as a JSON object, name to value. */
    private String cookieJson() {
        StringBuilder out = new StringBuilder("{");
        for (String header : request.headers().getAll(HttpHeaderNames.COOKIE)) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.append(out.length() > 1 ? "," : "").append(Json.quote(pair.substring(0, eq).strip()))
                            .append(':').append(Json.quote(pair.substring(eq + 1).strip()));
                }
            }
        }
        return out.append('}').toString();
    }

    private void flaky(ChannelHandlerContext ctx, Persistence keepAlive) {
        long every = parseOr(DemoRoute.parameter(path, DemoRoute.FLAKY), -1);
        if (every < 1) {
            json(ctx, HttpResponseStatus.BAD_REQUEST, "{\"error\":\"n must be at least 1\"}", keepAlive);
            return;
        }
        long seen = counters.requests(DemoRoute.FLAKY);
        if (seen % every == 0) {
            json(ctx, HttpResponseStatus.OK, "{\"attempt\":" + seen + "}", keepAlive);
        } else {
            json(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "{\"attempt\":" + seen + "}", keepAlive);
        }
    }

    private void upload(ChannelHandlerContext ctx, Persistence keepAlive) {
        FullHttpRequest full = new DefaultFullHttpRequest(request.protocolVersion(), request.method(), request.uri(),
                body.retainedDuplicate(), request.headers(), EmptyHttpHeaders.INSTANCE);
        HttpPostRequestDecoder decoder = null;
        try {
            decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), full);
            StringBuilder out = new StringBuilder("{");
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                out.append(out.length() > 1 ? "," : "").append(Json.quote(data.getName())).append(":{");
                if (data instanceof FileUpload file) {
                    out.append("\"filename\":").append(Json.quote(file.getFilename()))
                            .append(",\"contentType\":").append(Json.quote(file.getContentType()))
                            .append(",\"size\":").append(file.length())
                            .append(",\"text\":").append(Json.quote(file.getString(StandardCharsets.UTF_8)));
                } else if (data instanceof Attribute field) {
                    out.append("\"text\":").append(Json.quote(field.getValue()));
                }
                out.append('}');
            }
            json(ctx, HttpResponseStatus.OK, out.append('}').toString(), keepAlive);
        } catch (IOException | RuntimeException e) {
            json(ctx, HttpResponseStatus.BAD_REQUEST, "{\"error\":" + Json.quote("cannot decode the form: " + e) + "}", keepAlive);
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
            full.release();
        }
    }

    private QueryStringDecoder query() {
        return new QueryStringDecoder(request.uri());
    }

    private void truncated(ChannelHandlerContext ctx) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM);
        HttpUtil.setContentLength(head, TRUNCATED_DECLARED);
        ctx.write(head);
        ctx.writeAndFlush(new DefaultHttpContent(content.pattern(0, TRUNCATED_SENT)))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void notAllowed(ChannelHandlerContext ctx, String allow, Persistence keepAlive) {
        FullHttpResponse response = response(HttpResponseStatus.METHOD_NOT_ALLOWED, HttpHeaderValues.APPLICATION_JSON,
                utf8("{\"error\":\"method " + request.method() + " not allowed\"}"));
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        write(ctx, response, keepAlive, false);
    }

    private void json(ChannelHandlerContext ctx, HttpResponseStatus status, String json, Persistence keepAlive) {
        send(ctx, status, HttpHeaderValues.APPLICATION_JSON, utf8(json), keepAlive);
    }

    private void send(ChannelHandlerContext ctx, HttpResponseStatus status, CharSequence type, ByteBuf payload,
                      Persistence keepAlive) {
        write(ctx, response(status, type, payload), keepAlive, false);
    }

    private static FullHttpResponse response(HttpResponseStatus status, CharSequence type, ByteBuf payload) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, payload);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, type);
        headers.set(HttpHeaderNames.SERVER, SERVER);
        return response;
    }

    private void write(ChannelHandlerContext ctx, FullHttpResponse response, Persistence keepAlive, boolean flushNow) {
        int code = response.status().code();
        if (code != 204 && code != 304) {
            // RFC 9110: 204 and 304 carry no Content-Length.
            HttpUtil.setContentLength(response, response.content().readableBytes());
        }
        keepAliveHeader(response, keepAlive);
        ChannelFuture written;
        if (flushNow) {
            written = ctx.writeAndFlush(response);
        } else {
            written = ctx.write(response);
            flushPending = true;
        }
        if (keepAlive == Persistence.CLOSE) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static void keepAliveHeader(HttpResponse response, Persistence keepAlive) {
        switch (keepAlive) {
            case CLOSE -> response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            case KEEP_ANNOUNCED -> response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            case KEEP -> {
            }
        }
    }

    /** Whether the connection stays open after a response, and whether HTTP/1.0 needs telling so. */
    private enum Persistence {
        CLOSE, KEEP, KEEP_ANNOUNCED;

        static Persistence of(HttpRequest request) {
            if (!HttpUtil.isKeepAlive(request)) {
                return CLOSE;
            }
            return request.protocolVersion() == HttpVersion.HTTP_1_0 ? KEEP_ANNOUNCED : KEEP;
        }
    }

    private static ByteBuf utf8(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
    }

    private static long parseOr(String digits, long fallback) {
        if (digits.isEmpty() || digits.length() > 18) {
            return fallback;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return fallback;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
