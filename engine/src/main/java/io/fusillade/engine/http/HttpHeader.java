package io.fusillade.engine.http;

import java.util.Objects;

/**
 * One request header line. Names must be HTTP tokens and values must not contain line
 * breaks, so no header can smuggle a second header or a second request onto the wire.
 */
public record HttpHeader(String name, String value) {
    public HttpHeader {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, () -> "value of header '" + name + "'");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                throw new IllegalArgumentException("header name '" + name + "' contains an invalid character at index " + i);
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("value of header '" + name + "' contains a line break or NUL");
            }
        }
    }

    /** True when this header is called {@code other}, ignoring case as HTTP does. */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    /** RFC 9110 token characters. */
    static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return switch (c) {
            case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~' -> true;
            default -> false;
        };
    }
}
