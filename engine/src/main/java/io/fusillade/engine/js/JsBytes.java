package io.fusillade.engine.js;

import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Value;

/** The bytes of a JS string (UTF-8) or of an ArrayBuffer, as request bodies and hash inputs take them. */
final class JsBytes {
    private JsBytes() {
    }

    /** The bytes of {@code value} when it is a string or a buffer; null for anything else. */
    static byte[] of(Value value) {
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
}
