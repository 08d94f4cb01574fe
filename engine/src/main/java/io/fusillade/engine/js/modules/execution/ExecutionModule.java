package io.fusillade.engine.js.modules.execution;

import io.fusillade.engine.js.host.JsModule;
import io.fusillade.engine.js.host.VuContext;
import java.util.List;
import java.util.Map;

/** {@code k6/execution}: the VU, scenario and instance figures of the run, and {@code exec.test.abort()}. */
public final class ExecutionModule implements JsModule {
    @Override
    public String name() {
        return "execution";
    }

    @Override
    public List<String> globals() {
        return List.of();
    }

    @Override
    public boolean eager() {
        return false;
    }

    @Override
    public Map<String, String> imports() {
        return Map.of("k6/execution", "import-k6-execution.js");
    }

    @Override
    public Object host(VuContext vu) {
        return new ExecutionHost(vu);
    }
}
