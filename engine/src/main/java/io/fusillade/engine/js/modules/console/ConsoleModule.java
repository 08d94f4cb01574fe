package io.fusillade.engine.js.modules.console;

import io.fusillade.engine.js.host.JsModule;
import io.fusillade.engine.js.host.VuContext;
import java.util.List;

/** {@code console.*} and {@code print()}: lines in the script log, tagged with the VU. */
public final class ConsoleModule implements JsModule {
    @Override
    public String name() {
        return "console";
    }

    @Override
    public List<String> globals() {
        return List.of("console", "print");
    }

    @Override
    public boolean eager() {
        return true;
    }

    @Override
    public Object host(VuContext vu) {
        return new ConsoleHost(vu);
    }
}
