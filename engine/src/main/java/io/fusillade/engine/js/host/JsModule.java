package io.fusillade.engine.js.host;

import io.fusillade.engine.js.modules.Modules;
import java.util.List;
import java.util.Map;

/**
 * One part of the script API: its JavaScript (an installer, {@code (function (host, core) {
 * ... return exports; })}, kept next to the module's class as {@link #script()}), the globals
 * its exports define, the import names it serves, and the Java object its JavaScript calls
 * ({@link #host}), one per VU.
 *
 * <p>A module is registered once, by one line in {@code io.fusillade.engine.js.modules.Modules},
 * and holds no state of its own: what its VUs share lives in {@link RunShared#state}, what one
 * VU keeps lives in its host object.
 *
 * <p>The installer's {@code core} gives {@code core.module(name)} (another module's exports,
 * installed on first use), {@code core.bytesToBuffer(text)} and {@code core.format(args)}.
 */
public interface JsModule {
    /** The module's name, as other modules and import files ask for it ({@code core.module('http')}). */
    String name();

    /** The names of the exports that become globals. */
    List<String> globals();

    /**
     * True for a module every VU installs as it starts (the core API); false for one installed
     * in a VU the first time its script reads one of its globals or imports it.
     */
    boolean eager();

    /**
     * The import names it serves, each to the resource (next to the module's class) holding
     * that ES module's source: {@code "k6/http" -> "import-k6-http.js"}. A name containing a
     * dot is a remote URL's part ({@code jslib.k6.io/k6-utils/}) matched anywhere in the URL.
     */
    default Map<String, String> imports() {
        return Map.of();
    }

    /** The installer's resource name, next to the module's class. */
    default String script() {
        return name() + ".js";
    }

    /**
     * The object the installer receives as {@code host}, for VU {@code vu}; null when its
     * JavaScript needs none. Closed with the VU when it is {@link AutoCloseable}.
     */
    Object host(VuContext vu);
}
