package io.fusillade.engine.js.modules.testing;

import io.fusillade.engine.js.host.JsModule;
import io.fusillade.engine.js.host.VuContext;
import java.util.List;

/** Unit tests in scripts ({@code describe}, {@code test}, {@code it}, {@code expect}), run by {@code fusillade test} and skipped in a load test. */
public final class TestingModule implements JsModule {
    @Override
    public String name() {
        return "testing";
    }

    @Override
    public List<String> globals() {
        return List.of("describe", "test", "it", "expect");
    }

    @Override
    public boolean eager() {
        return false;
    }

    @Override
    public Object host(VuContext vu) {
        return new TestingHost(vu);
    }
}
