package io.fusillade.engine.js.modules.encoding;

import io.fusillade.engine.js.host.JsBytes;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/** The host side of the {@code encoding} module: base64 in its four variants. Holds no state. */
public final class EncodingHost {
    EncodingHost() {
    }

    @HostAccess.Export
    public String b64encode(Value data, String variant) {
        return Base64Variant.named(variant).encode(JsBytes.data(data));
    }

    @HostAccess.Export
    public String b64decode(String data, String variant) {
        return new String(Base64Variant.named(variant).decode(data), StandardCharsets.UTF_8);
    }

    /** Decoded bytes, one char per byte ({@code encoding.js} makes an ArrayBuffer of them). */
    @HostAccess.Export
    public String b64decodeBytes(String data, String variant) {
        return new String(Base64Variant.named(variant).decode(data), StandardCharsets.ISO_8859_1);
    }
}
