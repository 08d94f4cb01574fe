package io.fusillade.engine.executor;

import io.fusillade.engine.js.ScriptException;
import io.fusillade.engine.js.VuRuntime;
import io.fusillade.engine.options.ScenarioOptions;

/** Makes the JS runtime of a VU of some scenario; called on that VU's own virtual thread. */
@FunctionalInterface
public interface ScenarioVuFactory {
    /**
     * @param vu         the VU number, 1-based and unique across the run's scenarios
     * @param scenario   the scenario the VU runs ({@code exec}, {@code env}, {@code response_sink})
     * @param scenarioId the scenario name's dictionary id, stamped on the VU's records
     * @throws io.fusillade.engine.js.ScriptException when the script's init code fails
     */
    VuRuntime create(int vu, ScenarioOptions scenario, int scenarioId);
}
