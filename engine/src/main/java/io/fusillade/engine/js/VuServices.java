package io.fusillade.engine.js;

import io.fusillade.engine.http.FailedRequestLog;
import io.fusillade.engine.http.HttpClientEngine;
import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleRing;
import java.time.Duration;
import java.util.Map;

/**
 * What every VU of a run shares: the sample ring, the clock, the HTTP client, the script
 * log, the environment for {@code __ENV}, the request defaults from the options, and where
 * failed requests are captured ({@code --capture-errors}; null when they are not).
 * {@code http} is null for a context that only reads the script's options.
 */
public record VuServices(
        SampleRing ring,
        EpochClock clock,
        HttpClientEngine http,
        ScriptLog log,
        Map<String, String> env,
        Duration defaultTimeout,
        boolean responseSink,
        FailedRequestLog failures) {
    /** Services that capture no failed requests. */
    public VuServices(SampleRing ring, EpochClock clock, HttpClientEngine http, ScriptLog log, Map<String, String> env,
                      Duration defaultTimeout, boolean responseSink) {
        this(ring, clock, http, log, env, defaultTimeout, responseSink, null);
    }
}
