package io.fusillade.engine.js.modules.http;

import io.fusillade.engine.http.Cookie;
import io.fusillade.engine.http.CookieJar;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The script's view of its VU's cookie jar ({@code http.cookieJar()}): set, get, list, delete
 * and clear cookies by URL, with the properties the spec lists.
 */
public final class JsCookies {
    private final CookieJar jar;

    JsCookies(CookieJar jar) {
        this.jar = jar;
    }

    @HostAccess.Export
    public void set(String url, String name, String value, Value options) {
        URI uri = uri(url);
        long now = System.currentTimeMillis();
        String domain = CookieJar.host(uri);
        boolean hostOnly = true;
        String path = "/";
        long expiresAt = Cookie.SESSION;
        long maxAge = -1;
        boolean secure = false;
        boolean httpOnly = false;
        String sameSite = "";
        if (options != null && options.hasMembers()) {
            Value v = options.getMember("domain");
            if (v != null && v.isString() && !v.asString().isBlank()) {
                String d = v.asString().strip().toLowerCase(Locale.ROOT);
                domain = d.startsWith(".") ? d.substring(1) : d;
                hostOnly = false;
            }
            v = options.getMember("path");
            if (v != null && v.isString() && v.asString().startsWith("/")) {
                path = v.asString();
            }
            v = options.getMember("expires");
            if (v != null && v.isNumber()) {
                expiresAt = (long) (v.asDouble() * 1000);
            }
            v = options.getMember("maxAge");
            if (v != null && v.isNumber()) {
                maxAge = v.asLong();
                expiresAt = maxAge <= 0 ? Long.MIN_VALUE : now + maxAge * 1000;
            }
            secure = flag(options, "secure");
            httpOnly = flag(options, "httpOnly");
            v = options.getMember("sameSite");
            if (v != null && v.isString()) {
                sameSite = v.asString();
            }
        }
        jar.put(new Cookie(name, value, domain, hostOnly, path, expiresAt, maxAge, secure, httpOnly, sameSite), now);
    }

    @HostAccess.Export
    public Object get(String url, String name) {
        Cookie cookie = jar.get(uri(url), name, System.currentTimeMillis());
        return cookie == null ? null : toJs(cookie);
    }

    @HostAccess.Export
    public Object cookiesForUrl(String url) {
        List<Object> out = new ArrayList<>();
        for (Cookie cookie : jar.forUri(uri(url), System.currentTimeMillis())) {
            out.add(toJs(cookie));
        }
        return ProxyArray.fromList(out);
    }

    /** k6's form of {@link #cookiesForUrl}: cookie name to the list of its values. */
    @HostAccess.Export
    public Object cookiesForURL(String url) {
        Map<String, Object> byName = new LinkedHashMap<>();
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (Cookie cookie : jar.forUri(uri(url), System.currentTimeMillis())) {
            values.computeIfAbsent(cookie.name(), n -> new ArrayList<>()).add(cookie.value());
        }
        values.forEach((name, list) -> byName.put(name, ProxyArray.fromList(list)));
        return ProxyObject.fromMap(byName);
    }

    @HostAccess.Export
    public void delete(String url, String name) {
        jar.delete(uri(url), name, System.currentTimeMillis());
    }

    @HostAccess.Export
    public void clear() {
        jar.clear();
    }

    /** A cookie as scripts see it. */
    static Object toJs(Cookie cookie) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", cookie.name());
        m.put("value", cookie.value());
        m.put("domain", cookie.domain());
        m.put("path", cookie.path());
        m.put("expires", cookie.expiresEpochSeconds());
        m.put("maxAge", cookie.maxAge());
        m.put("secure", cookie.secure());
        m.put("httpOnly", cookie.httpOnly());
        m.put("sameSite", cookie.sameSite());
        return ProxyObject.fromMap(m);
    }

    private static boolean flag(Value options, String key) {
        Value v = options.getMember(key);
        return v != null && v.isBoolean() && v.asBoolean();
    }

    private static URI uri(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("cookie jar: '" + url + "' is not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cookie jar: invalid URL '" + url + "': " + e.getReason());
        }
    }
}
