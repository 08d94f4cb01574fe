package io.fusillade.engine.http;

import io.fusillade.ingest.JsonText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code --capture-errors}: each failed request (a network error, or status 400 and up) as
 * one JSON line: {@code timestamp}, {@code method}, {@code url}, {@code headers}, {@code body},
 * {@code status}, {@code error}, {@code error_code}, {@code response_body} (its first
 * {@value #MAX_RESPONSE_BODY} bytes). Each line is flushed as written, so a run that dies
 * leaves every line before it readable. Shared by all VUs.
 */
public final class FailedRequestLog implements AutoCloseable {
    /** Lines kept at most: a target that is down would otherwise fill the disk. */
    public static final int MAX_LINES = 100_000;
    private static final int MAX_RESPONSE_BODY = 8192;

    private final Path file;
    private final BufferedWriter out;
    private long lines;
    private long dropped;

    /** Creates (or truncates) {@code file}. */
    public FailedRequestLog(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** True for the exchanges this log keeps. */
    public static boolean failed(HttpExchange exchange) {
        return exchange.failed() || exchange.status() >= 400;
    }

    /** Appends {@code exchange}, answered to {@code request}, when it failed. */
    public void record(HttpRequestSpec request, HttpExchange exchange) {
        if (!failed(exchange)) {
            return;
        }
        StringBuilder line = new StringBuilder(256);
        line.append("{\"timestamp\":\"").append(Instant.now()).append("\",\"method\":");
        JsonText.appendQuoted(line, request.method());
        line.append(",\"url\":");
        JsonText.appendQuoted(line, request.uri().toString());
        line.append(",\"headers\":{");
        boolean first = true;
        for (HttpHeader h : request.headers()) {
            if (!first) {
                line.append(',');
            }
            first = false;
            JsonText.appendQuoted(line, h.name());
            line.append(':');
            JsonText.appendQuoted(line, h.value());
        }
        line.append("},\"body\":");
        if (request.body() == null) {
            line.append("null");
        } else {
            JsonText.appendQuoted(line, new String(request.body(), StandardCharsets.UTF_8));
        }
        line.append(",\"status\":").append(exchange.status()).append(",\"error\":");
        JsonText.appendQuoted(line, exchange.failed() ? exchange.errorMessage() : exchange.statusText());
        line.append(",\"error_code\":");
        JsonText.appendQuoted(line, exchange.failed() ? exchange.error().name() : "");
        line.append(",\"response_body\":");
        byte[] body = exchange.body();
        JsonText.appendQuoted(line, body == null ? "" : new String(body, 0, Math.min(body.length, MAX_RESPONSE_BODY), StandardCharsets.UTF_8));
        line.append("}\n");
        write(line);
    }

    private synchronized void write(CharSequence line) {
        if (lines >= MAX_LINES) {
            dropped++;
            return;
        }
        try {
            out.append(line);
            out.flush();
            lines++;
        } catch (IOException e) {
            dropped++;
        }
    }

    /** Where the lines go. */
    public Path file() {
        return file;
    }

    /** Lines written. */
    public synchronized long lines() {
        return lines;
    }

    /** Failed requests not written (past {@link #MAX_LINES}, or a write error). */
    public synchronized long dropped() {
        return dropped;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // Every line was flushed as written.
        }
    }
}
