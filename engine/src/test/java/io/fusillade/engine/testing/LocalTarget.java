package io.fusillade.engine.testing;

import io.fusillade.engine.http.HttpClientConfig;
import io.fusillade.engine.http.HttpClientEngine;
import io.fusillade.web.demo.DemoTarget;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on 127.0.0.1 and a client engine, shared by the tests of one class:
 * {@code @RegisterExtension static final LocalTarget LOCAL = new LocalTarget();}
 */
public final class LocalTarget implements BeforeAllCallback, AfterAllCallback {
    private DemoTarget target;
    private HttpClientEngine http;

    @Override
    public void beforeAll(ExtensionContext context) {
        target = new DemoTarget(0).start();
        http = new HttpClientEngine(HttpClientConfig.defaults());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        http.close();
        target.close();
    }

    /** The server. */
    public DemoTarget target() {
        return target;
    }

    /** The client engine. */
    public HttpClientEngine http() {
        return http;
    }
}
