package io.fusillade.engine.executor;

import io.fusillade.engine.js.ScriptException;
import io.fusillade.engine.js.VuRuntime;

/** Makes the JS runtime for a VU; called on that VU's own virtual thread. */
@FunctionalInterface
public interface VuFactory {
    /**
     * @param vu the VU number, 1-based
     * @throws io.fusillade.engine.js.ScriptException when the script's init code fails
     */
    VuRuntime create(int vu);
}
