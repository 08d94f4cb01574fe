package io.fusillade.cli;

import io.fusillade.engine.http.HttpClientConfig;
import io.fusillade.engine.http.HttpClientEngine;
import io.fusillade.engine.js.ScriptException;
import io.fusillade.engine.js.ScriptRuntime;
import io.fusillade.engine.js.VuRuntime;
import io.fusillade.engine.js.host.RunServices;
import io.fusillade.engine.js.host.ScriptLog;
import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleRing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * One VU outside a load test, for {@code fusillade test} and {@code fusillade exec}: the full
 * script API, with samples published into a ring nobody reads and {@code __ENV} from the shell
 * and the {@code .env} files.
 */
final class StandaloneVu implements AutoCloseable {
    private final SampleRing ring = new SampleRing(1024, List.of()).start();
    private final HttpClientEngine http;
    private final VuRuntime vu;

    /**
     * @param exec the exported function to run, or null to run the init code only
     * @param withHttp give the VU an HTTP client (requests still only outside init code)
     */
    StandaloneVu(ScriptRuntime runtime, Path scriptForEnv, String exec, boolean withHttp, ScriptLog log) {
        Map<String, String> env = DotEnv.environment(scriptForEnv, System.getenv());
        this.http = withHttp ? new HttpClientEngine(HttpClientConfig.defaults()) : null;
        RunServices services = new RunServices(ring, new EpochClock(), http, log, env, HttpClientConfig.DEFAULT_TIMEOUT, false);
        try {
            this.vu = new VuRuntime(runtime, 1, ring.dictionary().intern("default"), exec, services);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Runs a command's {@code body}, turning a script error or a bad input into its message and exit code. */
    static int guarded(IntSupplier body) {
        try {
            return body.getAsInt();
        } catch (ScriptException e) {
            System.err.println("fusillade: " + e.getMessage());
            return ExitCodes.SCRIPT_ERROR;
        } catch (IllegalArgumentException e) {
            System.err.println("fusillade: " + e.getMessage());
            return ExitCodes.INVALID_CONFIG;
        }
    }

    /** A {@code --log-level} value. */
    static ScriptLog.Level level(String text) {
        try {
            return ScriptLog.parseLevel(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--log-level: " + e.getMessage());
        }
    }

    VuRuntime vu() {
        return vu;
    }

    @Override
    public void close() {
        if (vu != null) {
            vu.close();
        }
        if (http != null) {
            http.close();
        }
        ring.close();
    }
}
