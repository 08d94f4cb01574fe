package io.fusillade.web.demo;

import io.fusillade.ingest.JsonText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The little JSON the demo target speaks: quoting strings and picking a string field out of a flat object. */
final class Json {
    private Json() {
    }

    /** {@code value} as a JSON string literal, quotes included. */
    static String quote(String value) {
        return JsonText.quote(value);
    }

    /**
     * The string value of a top-level field, or null when absent or not a string. Enough for
     * the demo's login form; the demo is a target for load, not a JSON validator.
     */
    static String stringField(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
