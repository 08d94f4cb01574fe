package io.fusillade.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a {@code --capture-errors} file: a failed request and what it got.
 *
 * @param line     its line number in the file (1-based)
 * @param method   the HTTP method
 * @param url      the URL
 * @param headers  the request headers, in order
 * @param body     the request body, or null
 * @param status   the status it got (0 for a network error)
 * @param error    the error: the status text, or the network error's message
 */
record CapturedRequest(int line, String method, String url, Map<String, String> headers, String body, int status, String error) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads a capture file.
     *
     * @throws IllegalArgumentException naming the file and line when it is missing or a line is not a captured request
     */
    static List<CapturedRequest> read(Path file) {
        List<CapturedRequest> requests = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                requests.add(parse(file, line, text));
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        return requests;
    }

    private static CapturedRequest parse(Path file, int line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + line + ": not a JSON line: " + e.getOriginalMessage());
        }
        if (node == null || !node.path("method").isTextual() || !node.path("url").isTextual()) {
            throw new IllegalArgumentException(file + ":" + line + ": not a captured request (it needs \"method\" and \"url\")");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        node.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        JsonNode body = node.path("body");
        return new CapturedRequest(line, node.get("method").asText(), node.get("url").asText(), headers,
                body.isTextual() ? body.asText() : null, node.path("status").asInt(0), node.path("error").asText(""));
    }
}
