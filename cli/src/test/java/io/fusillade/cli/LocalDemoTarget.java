package io.fusillade.cli;

import io.fusillade.web.demo.DemoTarget;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The demo target on 127.0.0.1 for one test class, its counters reset before each test. */
final class LocalDemoTarget implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private DemoTarget target;

    @Override
    public void beforeAll(ExtensionContext context) {
        target = new DemoTarget(0).start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        target.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        target.reset();
    }

    DemoTarget target() {
        return target;
    }
}
