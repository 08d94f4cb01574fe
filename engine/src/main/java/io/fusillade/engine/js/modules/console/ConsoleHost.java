package io.fusillade.engine.js.modules.console;

import io.fusillade.engine.js.host.ScriptLog;
import io.fusillade.engine.js.host.VuContext;
import org.graalvm.polyglot.HostAccess;

/** The host side of one VU's {@code console} module: lines into the run's script log. */
public final class ConsoleHost {
    private static final ScriptLog.Level[] LEVELS = ScriptLog.Level.values();

    private final VuContext vu;

    ConsoleHost(VuContext vu) {
        this.vu = vu;
    }

    /** {@code print(...)}: the line as it is. */
    @HostAccess.Export
    public void print(String message) {
        vu.services().log().print(message);
    }

    /** {@code console.*}: the line at {@code level} (0 debug, 1 info, 2 warn, 3 error), tagged with the VU. */
    @HostAccess.Export
    public void log(int level, String message) {
        vu.services().log().console(LEVELS[Math.max(0, Math.min(LEVELS.length - 1, level))], vu.vu(), message);
    }
}
