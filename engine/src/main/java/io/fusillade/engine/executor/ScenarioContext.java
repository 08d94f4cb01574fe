package io.fusillade.engine.executor;

import io.fusillade.engine.js.host.ScriptLog;
import io.fusillade.engine.options.ScenarioOptions;
import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleRing;

/**
 * What one scenario's executor works with.
 *
 * @param scenario   the scenario's options
 * @param scenarioId the scenario name's dictionary id
 * @param factory    makes the scenario's VUs
 * @param ring       where records go
 * @param clock      turns {@link System#nanoTime()} into epoch time
 * @param log        where iteration errors are reported
 * @param state      what the run's scenarios share
 */
record ScenarioContext(ScenarioOptions scenario, int scenarioId, ScenarioVuFactory factory, SampleRing ring,
                       EpochClock clock, ScriptLog log, RunState state) {
}
