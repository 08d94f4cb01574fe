package io.fusillade.engine.http;

/**
 * The metric name of a request that was not given one: its URL with every path segment that
 * looks like an identifier replaced by {@code :id}, so {@code /users/123} and
 * {@code /users/456} are one endpoint in the summary rather than two.
 *
 * <p>A segment is an identifier when it is all digits, a UUID, a long hexadecimal string
 * (16 or more characters, as object ids and hashes are), or words joined by hyphens of which
 * at least one is a number ({@code abc-def-123}). The scheme, host, port and query string are
 * kept as they are.
 */
public final class UrlNames {
    /** The placeholder an identifier segment becomes. */
    public static final String ID = ":id";

    private UrlNames() {
    }

    /** {@code url} with its identifier segments replaced; the same string when it has none. */
    public static String of(String url) {
        int pathStart = pathStart(url);
        if (pathStart < 0) {
            return url;
        }
        int pathEnd = url.length();
        for (int i = pathStart; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#') {
                pathEnd = i;
                break;
            }
        }
        StringBuilder out = null;
        int segmentStart = pathStart + 1;
        for (int i = segmentStart; i <= pathEnd; i++) {
            if (i == pathEnd || url.charAt(i) == '/') {
                if (isIdentifier(url, segmentStart, i)) {
                    if (out == null) {
                        out = new StringBuilder(url.length()).append(url, 0, segmentStart);
                    }
                    out.append(ID);
                } else if (out != null) {
                    out.append(url, segmentStart, i);
                }
                if (out != null && i < pathEnd) {
                    out.append('/');
                }
                segmentStart = i + 1;
            }
        }
        return out == null ? url : out.append(url, pathEnd, url.length()).toString();
    }

    /** Where the path begins: after {@code scheme://authority}, or 0 for a bare path; -1 for none. */
    private static int pathStart(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url.startsWith("/") ? 0 : -1;
        }
        int slash = url.indexOf('/', scheme + 3);
        return slash;
    }

    static boolean isIdentifier(CharSequence s, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return false;
        }
        boolean allDigits = true;
        boolean allHex = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            allDigits &= c >= '0' && c <= '9';
            allHex &= isHex(c);
        }
        if (allDigits || (allHex && length >= 16)) {
            return true;
        }
        return isUuid(s, from, to) || isHyphenatedWithNumber(s, from, to);
    }

    private static boolean isUuid(CharSequence s, int from, int to) {
        if (to - from != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(from + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code abc-def-123}: alphanumeric words joined by hyphens, one of them all digits. */
    private static boolean isHyphenatedWithNumber(CharSequence s, int from, int to) {
        boolean hyphen = false;
        boolean numericWord = false;
        int wordStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '-') {
                if (i == wordStart) {
                    return false;
                }
                boolean digits = true;
                for (int j = wordStart; j < i; j++) {
                    char c = s.charAt(j);
                    if (!Character.isLetterOrDigit(c)) {
                        return false;
                    }
                    digits &= c >= '0' && c <= '9';
                }
                numericWord |= digits;
                hyphen |= i < to;
                wordStart = i + 1;
            }
        }
        return hyphen && numericWord;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
