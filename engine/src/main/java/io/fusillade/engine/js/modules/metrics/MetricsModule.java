package io.fusillade.engine.js.modules.metrics;

import io.fusillade.engine.js.host.JsModule;
import io.fusillade.engine.js.host.VuContext;
import java.util.List;
import java.util.Map;

/** Custom metrics ({@code metrics.*}, {@code k6/metrics}' Counter, Gauge, Rate and Trend) and live {@code stats.get()}. */
public final class MetricsModule implements JsModule {
    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public List<String> globals() {
        return List.of("metrics", "stats");
    }

    @Override
    public boolean eager() {
        return false;
    }

    @Override
    public Map<String, String> imports() {
        return Map.of("k6/metrics", "import-k6-metrics.js");
    }

    @Override
    public Object host(VuContext vu) {
        return new MetricsHost(vu);
    }
}
