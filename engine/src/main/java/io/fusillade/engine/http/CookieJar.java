package io.fusillade.engine.http;

import java.net.URI;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One VU's cookies, kept and sent as a browser would (RFC 6265): a cookie without a Domain
 * attribute goes back only to the host that set it, one with a Domain to that domain and its
 * subdomains; a path prefix; expiry by Max-Age (which wins) or Expires; Secure cookies only
 * over HTTPS. Used by one VU thread at a time.
 */
public final class CookieJar {
    private static final DateTimeFormatter[] EXPIRES_FORMATS = {
        DateTimeFormatter.RFC_1123_DATE_TIME,
        DateTimeFormatter.ofPattern("EEE, dd-MMM-yyyy HH:mm:ss zzz", Locale.ROOT),
        DateTimeFormatter.ofPattern("EEE, dd-MMM-yy HH:mm:ss zzz", Locale.ROOT),
    };

    private final List<Cookie> cookies = new ArrayList<>();

    /** True when the jar holds nothing (then requests need no Cookie header at all). */
    public boolean isEmpty() {
        return cookies.isEmpty();
    }

    /** Keeps the cookies of a response to {@code uri} (its Set-Cookie header values); invalid ones are ignored, as browsers do. */
    public void store(URI uri, List<String> setCookieHeaders, long nowMillis) {
        for (String header : setCookieHeaders) {
            Cookie cookie = parse(uri, header, nowMillis);
            if (cookie != null) {
                put(cookie, nowMillis);
            }
        }
    }

    /** Adds or replaces {@code cookie} (same name, domain and path); an expired one removes it. */
    public void put(Cookie cookie, long nowMillis) {
        cookies.removeIf(c -> c.name().equals(cookie.name()) && c.domain().equals(cookie.domain()) && c.path().equals(cookie.path()));
        if (!cookie.expired(nowMillis)) {
            cookies.add(cookie);
        }
    }

    /** The cookies a request to {@code uri} carries, longest path first (as browsers order them). */
    public List<Cookie> forUri(URI uri, long nowMillis) {
        if (cookies.isEmpty()) {
            return List.of();
        }
        cookies.removeIf(c -> c.expired(nowMillis));
        String host = host(uri);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        List<Cookie> matching = new ArrayList<>();
        for (Cookie c : cookies) {
            boolean domainOk = c.hostOnly() ? host.equals(c.domain()) : domainMatches(host, c.domain());
            if (domainOk && pathMatches(path, c.path()) && (!c.secure() || secure)) {
                matching.add(c);
            }
        }
        matching.sort(Comparator.comparingInt((Cookie c) -> c.path().length()).reversed());
        return matching;
    }

    /** The Cookie header value for a request to {@code uri}, or null when no cookie applies. */
    public String header(URI uri, long nowMillis) {
        List<Cookie> matching = forUri(uri, nowMillis);
        if (matching.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Cookie c : matching) {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(c.name()).append('=').append(c.value());
        }
        return out.toString();
    }

    /** The cookie named {@code name} that a request to {@code uri} would carry, or null. */
    public Cookie get(URI uri, String name, long nowMillis) {
        for (Cookie c : forUri(uri, nowMillis)) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Removes the cookies named {@code name} that a request to {@code uri} would carry. */
    public void delete(URI uri, String name, long nowMillis) {
        List<Cookie> matching = forUri(uri, nowMillis);
        cookies.removeIf(c -> c.name().equals(name) && matching.contains(c));
    }

    /** Removes every cookie. */
    public void clear() {
        cookies.clear();
    }

    /**
     * One Set-Cookie header value received from {@code uri}, as the cookie it sets; null when
     * it is malformed or its Domain does not cover the host that sent it.
     */
    public static Cookie parse(URI uri, String header, long nowMillis) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return null;
        }
        String name = parts[0].substring(0, eq).strip();
        String value = unquote(parts[0].substring(eq + 1).strip());
        if (name.isEmpty()) {
            return null;
        }
        String host = host(uri);
        String domain = null;
        String path = null;
        long expiresAt = Cookie.SESSION;
        long maxAge = -1;
        boolean maxAgeSeen = false;
        boolean secure = false;
        boolean httpOnly = false;
        String sameSite = "";
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            int at = attribute.indexOf('=');
            String key = (at < 0 ? attribute : attribute.substring(0, at)).strip().toLowerCase(Locale.ROOT);
            String val = at < 0 ? "" : attribute.substring(at + 1).strip();
            switch (key) {
                case "domain" -> {
                    String d = val.startsWith(".") ? val.substring(1) : val;
                    if (!d.isEmpty()) {
                        domain = d.toLowerCase(Locale.ROOT);
                    }
                }
                case "path" -> path = val.startsWith("/") ? val : null;
                case "max-age" -> {
                    try {
                        maxAge = Long.parseLong(val);
                        maxAgeSeen = true;
                        expiresAt = maxAge <= 0 ? Long.MIN_VALUE : nowMillis + Math.min(maxAge, Long.MAX_VALUE / 2000) * 1000;
                    } catch (NumberFormatException ignored) {
                        // An unreadable Max-Age is ignored, as browsers do.
                    }
                }
                case "expires" -> {
                    if (!maxAgeSeen) {
                        long parsed = parseExpires(val);
                        if (parsed != Long.MIN_VALUE) {
                            expiresAt = parsed;
                        }
                    }
                }
                case "secure" -> secure = true;
                case "httponly" -> httpOnly = true;
                case "samesite" -> sameSite = val;
                default -> {
                    // Unknown attributes are ignored.
                }
            }
        }
        boolean hostOnly = domain == null;
        if (hostOnly) {
            domain = host;
        } else if (!domainMatches(host, domain)) {
            return null;
        }
        if (path == null) {
            path = defaultPath(uri);
        }
        return new Cookie(name, value, domain, hostOnly, path, expiresAt, maxAge, secure, httpOnly, sameSite);
    }

    private static long parseExpires(String text) {
        for (DateTimeFormatter format : EXPIRES_FORMATS) {
            try {
                return ZonedDateTime.parse(text, format).toInstant().toEpochMilli();
            } catch (DateTimeParseException ignored) {
                // Try the next format.
            }
        }
        return Long.MIN_VALUE;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** The host of {@code uri} as cookies name it: lower case, IPv6 without brackets. */
    public static String host(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** RFC 6265 5.1.3: the host is the domain, or a name under it (never for IP addresses). */
    static boolean domainMatches(String host, String domain) {
        if (host.equals(domain)) {
            return true;
        }
        return host.endsWith("." + domain) && !isIpAddress(host);
    }

    private static boolean isIpAddress(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /** RFC 6265 5.1.4. */
    static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath)) {
            return true;
        }
        return requestPath.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }

    /** RFC 6265 5.1.4: the request path up to its last slash, or {@code /}. */
    static String defaultPath(URI uri) {
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/")) {
            return "/";
        }
        int last = path.lastIndexOf('/');
        return last <= 0 ? "/" : path.substring(0, last);
    }
}
