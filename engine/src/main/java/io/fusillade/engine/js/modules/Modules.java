package io.fusillade.engine.js.modules;

import io.fusillade.engine.js.host.JsModule;
import io.fusillade.engine.js.modules.console.ConsoleModule;
import io.fusillade.engine.js.modules.crypto.CryptoModule;
import io.fusillade.engine.js.modules.data.DataModule;
import io.fusillade.engine.js.modules.encoding.EncodingModule;
import io.fusillade.engine.js.modules.execution.ExecutionModule;
import io.fusillade.engine.js.modules.http.HttpModule;
import io.fusillade.engine.js.modules.k6.K6Module;
import io.fusillade.engine.js.modules.metrics.MetricsModule;
import io.fusillade.engine.js.modules.testing.TestingModule;
import java.util.List;

/**
 * The script API's modules, in the order a VU installs them. A new module is a folder under
 * {@code modules/} (its {@link JsModule}, host object, installer script and import files)
 * plus one line here.
 */
public final class Modules {
    /** Every module of the script API. */
    public static final List<JsModule> ALL = List.of(
            new HttpModule(),
            new K6Module(),
            new ConsoleModule(),
            new MetricsModule(),
            new DataModule(),
            new CryptoModule(),
            new EncodingModule(),
            new ExecutionModule(),
            new TestingModule());

    private Modules() {
    }
}
