package io.fusillade.engine.js.modules.k6;

import io.fusillade.engine.js.host.JsModule;
import io.fusillade.engine.js.host.VuContext;
import java.util.List;
import java.util.Map;

/** The core functions of k6 scripts ({@code check}, {@code group}, {@code sleep}, {@code fail}) and the init-context {@code open()}; {@code import ... from 'k6'}. */
public final class K6Module implements JsModule {
    @Override
    public String name() {
        return "k6";
    }

    @Override
    public List<String> globals() {
        return List.of("check", "assertion", "group", "segment", "fail", "sleep", "sleepRandom", "open");
    }

    @Override
    public boolean eager() {
        return true;
    }

    @Override
    public Map<String, String> imports() {
        return Map.of("k6", "import-k6.js");
    }

    @Override
    public Object host(VuContext vu) {
        return new K6Host(vu);
    }
}
