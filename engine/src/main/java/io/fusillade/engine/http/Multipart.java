package io.fusillade.engine.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A {@code multipart/form-data} body (RFC 7578): fields and files, each a part, between boundaries. */
public final class Multipart {
    /** One part: a field ({@code filename} null) or a file. */
    public record Part(String name, String filename, String contentType, byte[] content) {
    }

    private final String boundary;
    private final List<Part> parts = new ArrayList<>();

    public Multipart() {
        this.boundary = "----FusilladeBoundary" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /** Adds a text field. */
    public Multipart field(String name, String value) {
        parts.add(new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Adds a file. */
    public Multipart file(String name, String filename, String contentType, byte[] content) {
        parts.add(new Part(name, filename, contentType == null ? "application/octet-stream" : contentType, content));
        return this;
    }

    /** The parts so far, in order. */
    public List<Part> parts() {
        return List.copyOf(parts);
    }

    /** The Content-Type header value, with the boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The encoded body. */
    public byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(escape(part.name())).append('"');
            if (part.filename() != null) {
                head.append("; filename=\"").append(escape(part.filename())).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
