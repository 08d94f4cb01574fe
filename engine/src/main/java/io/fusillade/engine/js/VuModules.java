package io.fusillade.engine.js;

import io.fusillade.engine.js.host.JsModule;
import io.fusillade.engine.js.host.VuContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;

/**
 * One VU's module host objects, made as {@code core.js} installs each module and closed with
 * the VU. Used by the VU's own thread.
 */
public final class VuModules implements AutoCloseable {
    private final VuContext vu;
    private final Map<String, JsModule> modules;
    private final List<AutoCloseable> closing = new ArrayList<>();

    VuModules(VuContext vu, Map<String, JsModule> modules) {
        this.vu = vu;
        this.modules = modules;
    }

    /** The host object of module {@code name} for this VU (each module's installer asks once). */
    @HostAccess.Export
    public Object host(String name) {
        JsModule module = modules.get(name);
        if (module == null) {
            throw new IllegalArgumentException("no built-in module '" + name + "'");
        }
        Object host = module.host(vu);
        if (host instanceof AutoCloseable c) {
            closing.add(c);
        }
        return host;
    }

    @Override
    public void close() {
        for (AutoCloseable c : closing) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Closing a VU: what one module fails to release does not stop the others.
            }
        }
        closing.clear();
    }
}
