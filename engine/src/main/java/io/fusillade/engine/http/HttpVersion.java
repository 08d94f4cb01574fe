package io.fusillade.engine.http;

import java.util.Locale;

/**
 * Which HTTP version a request may use: what the server picks by ALPN, HTTP/1.1 only, or
 * HTTP/2 only (over TLS by ALPN, over plain http as h2c with prior knowledge).
 */
public enum HttpVersion {
    /** Over TLS offer h2 and http/1.1 and use what the server picks; plain http is HTTP/1.1. */
    AUTO("auto"),
    /** HTTP/1.1 only: ALPN offers nothing else. */
    HTTP_1_1("1.1"),
    /** HTTP/2 only: a TLS server that does not agree to h2 is an error; plain http is h2c with prior knowledge. */
    HTTP_2("2");

    private final String label;

    HttpVersion(String label) {
        this.label = label;
    }

    /** The value as users write it: {@code auto}, {@code 1.1} or {@code 2}. */
    public String label() {
        return label;
    }

    /**
     * Reads a user's value: {@code auto}, {@code 1.1} (also {@code 1}, {@code http/1.1}) or
     * {@code 2} (also {@code 2.0}, {@code h2}, {@code h2c}, {@code http/2}).
     *
     * @throws IllegalArgumentException naming {@code option} when the value is none of these
     */
    public static HttpVersion parse(String option, Object value) {
        String text = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? Long.toString(n.longValue()) : String.valueOf(value);
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "auto", "" -> AUTO;
            case "1.1", "1", "http/1.1", "h1" -> HTTP_1_1;
            case "2", "2.0", "h2", "h2c", "http/2" -> HTTP_2;
            default -> throw new IllegalArgumentException("invalid " + option + " '" + value
                    + "': expected 'auto', '1.1' or '2'");
        };
    }
}
