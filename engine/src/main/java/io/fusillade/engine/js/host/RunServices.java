package io.fusillade.engine.js.host;

import io.fusillade.engine.http.Chaos;
import io.fusillade.engine.http.FailedRequestLog;
import io.fusillade.engine.http.HttpClientEngine;
import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleRing;
import java.time.Duration;
import java.util.Map;

/**
 * What every VU of a run shares: the sample ring, the clock, the HTTP client, the script
 * log, the environment for {@code __ENV}, the request defaults from the options, where
 * failed requests are captured ({@code --capture-errors}; null when they are not), the
 * faults injected into requests ({@code jitter}, {@code drop}), the run's live progress
 * (for {@code exec.instance}) and the tags the run control adds.
 * {@code http} is null for a context that only reads the script's options.
 */
public record RunServices(
        SampleRing ring,
        EpochClock clock,
        HttpClientEngine http,
        ScriptLog log,
        Map<String, String> env,
        Duration defaultTimeout,
        boolean responseSink,
        FailedRequestLog failures,
        Chaos chaos,
        ExecutionInfo execution,
        RunTags tags) {
    /** Services that capture no failed requests, inject no faults, report no run progress and add no tags. */
    public RunServices(SampleRing ring, EpochClock clock, HttpClientEngine http, ScriptLog log, Map<String, String> env,
                       Duration defaultTimeout, boolean responseSink) {
        this(ring, clock, http, log, env, defaultTimeout, responseSink, null, Chaos.NONE, ExecutionInfo.NONE, new RunTags());
    }
}
