package io.fusillade.engine.js.modules.encoding;

import io.fusillade.engine.js.host.JsModule;
import io.fusillade.engine.js.host.VuContext;
import java.util.List;
import java.util.Map;

/** Base64 in its four variants: {@code encoding.*} and {@code k6/encoding}. */
public final class EncodingModule implements JsModule {
    @Override
    public String name() {
        return "encoding";
    }

    @Override
    public List<String> globals() {
        return List.of("encoding");
    }

    @Override
    public boolean eager() {
        return false;
    }

    @Override
    public Map<String, String> imports() {
        return Map.of("k6/encoding", "import-k6-encoding.js");
    }

    @Override
    public Object host(VuContext vu) {
        return new EncodingHost();
    }
}
