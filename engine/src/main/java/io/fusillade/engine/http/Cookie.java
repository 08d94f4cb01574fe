package io.fusillade.engine.http;

/**
 * One cookie as a client keeps it (RFC 6265).
 *
 * @param name       its name
 * @param value      its value
 * @param domain     the domain it is sent to (lower case, no leading dot)
 * @param hostOnly   true when set without a Domain attribute: sent to exactly that host, not its subdomains
 * @param path       the path prefix it is sent under
 * @param expiresAt  when it expires, epoch milliseconds; {@link Long#MAX_VALUE} for a session cookie
 * @param maxAge     the Max-Age it was set with, seconds; -1 when none
 * @param secure     sent over HTTPS only
 * @param httpOnly   not for scripts in a browser (kept and reported, as a browser would)
 * @param sameSite   Strict, Lax, None, or empty
 */
public record Cookie(String name, String value, String domain, boolean hostOnly, String path, long expiresAt,
                     long maxAge, boolean secure, boolean httpOnly, String sameSite) {
    /** A session cookie: it lives as long as the VU. */
    public static final long SESSION = Long.MAX_VALUE;

    /** True once {@code nowMillis} has reached its expiry. */
    public boolean expired(long nowMillis) {
        return expiresAt <= nowMillis;
    }

    /** Its expiry as Unix epoch seconds; 0 for a session cookie. */
    public long expiresEpochSeconds() {
        return expiresAt == SESSION ? 0 : Math.floorDiv(expiresAt, 1000);
    }
}
