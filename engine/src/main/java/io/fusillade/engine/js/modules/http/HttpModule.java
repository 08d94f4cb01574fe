package io.fusillade.engine.js.modules.http;

import io.fusillade.engine.js.host.JsModule;
import io.fusillade.engine.js.host.VuContext;
import java.util.List;
import java.util.Map;

/** The {@code http} global and {@code k6/http}: requests, batches, cookies, forms, hooks and defaults. */
public final class HttpModule implements JsModule {
    @Override
    public String name() {
        return "http";
    }

    /** {@code http} itself is defined read-only by its installer. */
    @Override
    public List<String> globals() {
        return List.of("FormData");
    }

    @Override
    public boolean eager() {
        return true;
    }

    @Override
    public Map<String, String> imports() {
        return Map.of("k6/http", "import-k6-http.js");
    }

    @Override
    public Object host(VuContext vu) {
        return new HttpHost(vu);
    }
}
