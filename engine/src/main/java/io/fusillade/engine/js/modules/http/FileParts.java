package io.fusillade.engine.js.modules.http;

import io.fusillade.ingest.JsonText;
import io.fusillade.engine.http.Multipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code http.file()}'s markers: a JSON string naming a file part (its path relative to the
 * script, or its data), which a request body turns into a multipart part. Being a string, a
 * marker can travel through plain objects and {@code FormData} like any field value.
 */
final class FileParts {
    static final String MARKER = "__fusillade_file";

    private FileParts() {
    }

    /** A marker for the file at {@code path} (relative to {@code scriptDir}), which must exist. */
    static String ofPath(Path scriptDir, String path, String filename, String contentType) {
        Path file = scriptDir.resolve(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("http.file: file not found: " + file);
        }
        return marker("path", file.toString(), filename != null ? filename : file.getFileName().toString(), contentType);
    }

    /** A marker carrying {@code data} itself (k6's {@code http.file(data, filename, contentType)}). */
    static String ofData(byte[] data, String filename, String contentType) {
        return marker("data", Base64.getEncoder().encodeToString(data), filename != null ? filename : "file", contentType);
    }

    /** True when {@code value} is a marker. */
    static boolean isMarker(String value) {
        return value.startsWith("{\"" + MARKER + "\"");
    }

    /** Adds the part a field value stands for: the file of a marker, else a text field. */
    static void add(Multipart body, String name, String value) {
        if (!isMarker(value)) {
            body.field(name, value);
            return;
        }
        Map<String, String> marker = parse(value);
        try {
            byte[] content = marker.containsKey("data") ? Base64.getDecoder().decode(marker.get("data"))
                    : Files.readAllBytes(Path.of(marker.getOrDefault("path", "")));
            body.file(name, marker.getOrDefault("filename", "file"), marker.get("contentType"), content);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("http.file: file not found: " + e.getFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("http.file: cannot read the file of field '" + name + "': " + e.getMessage());
        }
    }

    /** {@code {"__fusillade_file":true,"<source>":"...","filename":"...","contentType":"..."}}. */
    private static String marker(String source, String sourceValue, String filename, String contentType) {
        StringBuilder out = new StringBuilder("{\"").append(MARKER).append("\":true");
        field(out, source, sourceValue);
        field(out, "filename", filename);
        if (contentType != null) {
            field(out, "contentType", contentType);
        }
        return out.append('}').toString();
    }

    private static void field(StringBuilder out, String key, String value) {
        out.append(",\"").append(key).append("\":");
        JsonText.appendQuoted(out, value);
    }

    /** The string fields of a marker this class wrote (a flat object of strings and one boolean). */
    private static Map<String, String> parse(String marker) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = marker.indexOf(',');
        while (i >= 0 && i < marker.length()) {
            int keyStart = marker.indexOf('"', i) + 1;
            int keyEnd = marker.indexOf('"', keyStart);
            int valueStart = marker.indexOf('"', keyEnd + 1) + 1;
            if (keyStart <= 0 || keyEnd < 0 || valueStart <= 0) {
                break;
            }
            StringBuilder value = new StringBuilder();
            int j = valueStart;
            for (; j < marker.length() && marker.charAt(j) != '"'; j++) {
                char c = marker.charAt(j);
                if (c == '\\' && j + 1 < marker.length()) {
                    char next = marker.charAt(++j);
                    if (next == 'u' && j + 4 < marker.length()) {
                        value.append((char) Integer.parseInt(marker.substring(j + 1, j + 5), 16));
                        j += 4;
                    } else {
                        value.append(next);
                    }
                } else {
                    value.append(c);
                }
            }
            fields.put(marker.substring(keyStart, keyEnd), value.toString());
            i = marker.indexOf(',', j);
        }
        return fields;
    }

    /** Text as bytes the way {@code http.file(data)} takes a string: UTF-8. */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
