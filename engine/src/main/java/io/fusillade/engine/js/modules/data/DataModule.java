package io.fusillade.engine.js.modules.data;

import io.fusillade.engine.js.host.JsModule;
import io.fusillade.engine.js.host.VuContext;
import java.util.List;
import java.util.Map;

/** Data shared by a run's VUs ({@code SharedArray}, {@code SharedCSV}, {@code k6/data}) and random test data ({@code utils}, jslib's k6-utils). */
public final class DataModule implements JsModule {
    @Override
    public String name() {
        return "data";
    }

    @Override
    public List<String> globals() {
        return List.of("SharedArray", "SharedCSV", "utils");
    }

    @Override
    public boolean eager() {
        return false;
    }

    @Override
    public Map<String, String> imports() {
        return Map.of("k6/data", "import-k6-data.js", "jslib.k6.io/k6-utils/", "import-jslib-k6-utils.js");
    }

    @Override
    public Object host(VuContext vu) {
        return new DataHost(vu);
    }
}
