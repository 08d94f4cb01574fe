package io.fusillade.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text form of a tag set, so that equal sets intern to one dictionary id:
 * keys sorted, each pair {@code key=value}, pairs joined by {@code \u001E}; the unit
 * separator {@code \u001F} would never appear in user tags, the record separator neither.
 */
public final class TagSets {
    private static final char PAIR_SEPARATOR = '\u001E';
    private static final char KEY_VALUE_SEPARATOR = '\u001F';

    private TagSets() {
    }

    /** The canonical text for {@code tags}; the empty string for no tags. */
    public static String encode(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> entry : new TreeMap<>(tags).entrySet()) {
            if (!sb.isEmpty()) {
                sb.append(PAIR_SEPARATOR);
            }
            sb.append(entry.getKey()).append(KEY_VALUE_SEPARATOR).append(entry.getValue());
        }
        return sb.toString();
    }

    /** The tags encoded in {@code text}, in key order. */
    public static Map<String, String> decode(String text) {
        if (text == null || text.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf(PAIR_SEPARATOR, start);
            if (end < 0) {
                end = text.length();
            }
            String pair = text.substring(start, end);
            int split = pair.indexOf(KEY_VALUE_SEPARATOR);
            if (split >= 0) {
                tags.put(pair.substring(0, split), pair.substring(split + 1));
            }
            start = end + 1;
        }
        return tags;
    }
}
