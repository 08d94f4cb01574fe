package io.fusillade.engine.js.modules.http;

import io.fusillade.ingest.ErrorCode;
import io.fusillade.engine.http.Cookie;
import io.fusillade.engine.http.CookieJar;
import io.fusillade.engine.http.ResponseHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The response object scripts receive. Fields that cost something to build (the body as a
 * string, the headers and timings objects) are made on first access, so a script that only
 * reads {@code status} pays for nothing else.
 */
public final class JsResponse implements ProxyObject {
    private static final String[] KEYS = {"status", "statusText", "body", "headers", "proto", "timings", "error",
        "errorCode", "errorMessage", "url", "json", "bodyContains", "bodyMatches", "hasHeader", "isJson", "cookies"};
    private static final Set<String> KEY_SET = Set.of(KEYS);

    /** Phase timings in nanoseconds, in the order blocked, connecting, tls, sending, waiting, receiving, duration. */
    private final long[] timingsNanos;
    private final int status;
    private final String statusText;
    private final String proto;
    private final ErrorCode error;
    private final String errorMessage;
    private final String url;
    private final byte[] bodyBytes;
    private final ResponseHeaders headerSource;
    private final Value jsonParse;
    private String body;
    private Object headersObject;
    private Object timingsObject;
    private Object cookiesObject;

    JsResponse(int status, String statusText, String proto, ErrorCode error, String errorMessage, String url,
               byte[] bodyBytes, ResponseHeaders headerSource, long[] timingsNanos, Value jsonParse) {
        this.status = status;
        this.statusText = statusText;
        this.proto = proto;
        this.error = error;
        this.errorMessage = errorMessage;
        this.url = url;
        this.bodyBytes = bodyBytes;
        this.headerSource = headerSource;
        this.timingsNanos = timingsNanos;
        this.jsonParse = jsonParse;
    }

    @Override
    public Object getMember(String key) {
        return switch (key) {
            case "status" -> status;
            case "statusText" -> statusText;
            case "body" -> body();
            case "headers" -> headers();
            case "proto" -> proto;
            case "timings" -> timings();
            case "error" -> error == ErrorCode.NONE ? "" : error.category();
            case "errorCode" -> error == ErrorCode.NONE ? "" : error.name();
            case "error_message", "errorMessage" -> errorMessage == null ? "" : errorMessage;
            case "url" -> url;
            case "json" -> (ProxyExecutable) args -> json();
            case "bodyContains" -> (ProxyExecutable) args -> args.length > 0 && body() != null && body().contains(args[0].asString());
            case "hasHeader" -> (ProxyExecutable) args -> hasHeader(args);
            case "isJson" -> (ProxyExecutable) args -> isJson();
            case "bodyMatches" -> (ProxyExecutable) args -> args.length > 0 && body() != null && bodyMatches(args[0]);
            case "cookies" -> cookies();
            default -> null;
        };
    }

    private String body() {
        if (body == null && bodyBytes != null) {
            body = new String(bodyBytes, StandardCharsets.UTF_8);
        }
        return body;
    }

    private Object json() {
        String text = body();
        if (text == null) {
            throw new IllegalStateException("response has no body to parse as JSON (status " + status + ")");
        }
        return jsonParse.execute(text);
    }

    private boolean isJson() {
        try {
            json();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@code pattern} is a JS RegExp (its source and i/m/s flags are used) or a string. */
    private boolean bodyMatches(Value pattern) {
        String source;
        int flags = 0;
        if (pattern.isString()) {
            source = pattern.asString();
        } else if (pattern.hasMember("source")) {
            source = pattern.getMember("source").asString();
            String f = pattern.hasMember("flags") ? pattern.getMember("flags").asString() : "";
            flags |= f.contains("i") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            flags |= f.contains("m") ? Pattern.MULTILINE : 0;
            flags |= f.contains("s") ? Pattern.DOTALL : 0;
        } else {
            source = pattern.toString();
        }
        try {
            return Pattern.compile(source, flags).matcher(body()).find();
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bodyMatches: invalid pattern /" + source + "/: " + e.getDescription());
        }
    }

    /** The cookies this response set, by name (each as {@code http.cookieJar()} reports cookies). */
    private Object cookies() {
        if (cookiesObject == null) {
            Map<String, Object> byName = new LinkedHashMap<>();
            List<String> headers = headerSource.setCookies();
            if (!headers.isEmpty()) {
                URI uri = URI.create(url);
                long now = System.currentTimeMillis();
                for (String header : headers) {
                    Cookie cookie = CookieJar.parse(uri, header, now);
                    if (cookie != null) {
                        byName.put(cookie.name(), JsCookies.toJs(cookie));
                    }
                }
            }
            cookiesObject = ProxyObject.fromMap(byName);
        }
        return cookiesObject;
    }

    private boolean hasHeader(Value[] args) {
        if (args.length == 0) {
            return false;
        }
        String name = args[0].asString();
        HttpHeaders headerList = headerSource.get();
        if (args.length < 2 || args[1].isNull()) {
            return headerList.contains(name);
        }
        String expected = args[1].asString();
        for (String value : headerList.getAll(name)) {
            if (value.contains(expected)) {
                return true;
            }
        }
        return false;
    }

    private Object headers() {
        if (headersObject == null) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (java.util.Iterator<Map.Entry<String, String>> it = headerSource.get().iteratorAsString(); it.hasNext(); ) {
                Map.Entry<String, String> h = it.next();
                String name = canonical(h.getKey());
                map.merge(name, h.getValue(), (a, b) -> a + ", " + b);
            }
            headersObject = ProxyObject.fromMap(map);
        }
        return headersObject;
    }

    private Object timings() {
        if (timingsObject == null) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("blocked", ms(timingsNanos[0]));
            map.put("connecting", ms(timingsNanos[1]));
            map.put("tls_handshaking", ms(timingsNanos[2]));
            map.put("sending", ms(timingsNanos[3]));
            map.put("waiting", ms(timingsNanos[4]));
            map.put("receiving", ms(timingsNanos[5]));
            map.put("duration", ms(timingsNanos[6]));
            timingsObject = ProxyObject.fromMap(map);
        }
        return timingsObject;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** {@code content-type} → {@code Content-Type}, as k6 presents header names. */
    static String canonical(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean upper = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return sb.toString();
    }

    @Override
    public Object getMemberKeys() {
        List<Object> keys = new ArrayList<>(List.of((Object[]) KEYS));
        return ProxyArray.fromList(keys);
    }

    @Override
    public boolean hasMember(String key) {
        return KEY_SET.contains(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new IllegalStateException("response objects are read-only (tried to set '" + key + "')");
    }
}
