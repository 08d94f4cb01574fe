package io.fusillade.engine.js.modules.testing;

import io.fusillade.engine.js.host.TestResult;
import io.fusillade.engine.js.host.VuContext;
import org.graalvm.polyglot.HostAccess;

/** The host side of one VU's {@code testing} module: whether tests run, and their outcomes. */
public final class TestingHost {
    private final VuContext vu;

    TestingHost(VuContext vu) {
        this.vu = vu;
    }

    /** True under {@code fusillade test}; in a load test, {@code test()} skips its function. */
    @HostAccess.Export
    public boolean testing() {
        return vu.run().testing();
    }

    @HostAccess.Export
    public void testResult(String name, boolean passed, String message, double millis) {
        vu.run().testResult(new TestResult(name, passed, message, (long) millis));
    }
}
