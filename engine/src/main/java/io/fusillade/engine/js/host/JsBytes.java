package io.fusillade.engine.js.host;

import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Value;

/** The bytes of a JS string (UTF-8) or of an ArrayBuffer, as request bodies and hash inputs take them. */
public final class JsBytes {
    private JsBytes() {
    }

    /** The bytes of {@code value} when it is a string or a buffer; null for anything else. */
    public static byte[] of(Value value) {
        if (value.isString()) {
            return value.asString().getBytes(StandardCharsets.UTF_8);
        }
        if (value.hasBufferElements()) {
            byte[] bytes = new byte[(int) value.getBufferSize()];
            value.readBuffer(0, bytes, 0, bytes.length);
            return bytes;
        }
        return null;
    }

    /**
     * The bytes of {@code data} as hash and base64 functions take it: a string's UTF-8 bytes,
     * a buffer's bytes, an array's numbers as bytes, any other value's text; none for null.
     */
    public static byte[] data(Value data) {
        if (data == null || data.isNull()) {
            return new byte[0];
        }
        byte[] raw = of(data);
        if (raw != null) {
            return raw;
        }
        if (data.hasArrayElements()) {
            byte[] bytes = new byte[(int) data.getArraySize()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) data.getArrayElement(i).asInt();
            }
            return bytes;
        }
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }
}
