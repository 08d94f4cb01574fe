package io.fusillade.engine.testing;

import io.fusillade.engine.http.HttpClientConfig;
import io.fusillade.engine.http.HttpClientEngine;
import io.fusillade.engine.http.HttpTransport;
import io.fusillade.web.demo.DemoTarget;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.EnumMap;
import java.util.Map;

/**
 * A real HTTP server on 127.0.0.1 and client engines, shared by the tests of one class:
 * {@code @RegisterExtension static final LocalTarget LOCAL = new LocalTarget();}
 */
public final class LocalTarget implements BeforeAllCallback, AfterAllCallback {
    private DemoTarget target;
    private final Map<HttpTransport, HttpClientEngine> engines = new EnumMap<>(HttpTransport.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        target = new DemoTarget(0).start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        engines.values().forEach(HttpClientEngine::close);
        engines.clear();
        target.close();
    }

    /** The server. */
    public DemoTarget target() {
        return target;
    }

    /** The client engine with the default settings. */
    public HttpClientEngine http() {
        return http(HttpClientConfig.defaults().transport());
    }

    /** A client engine with the default settings but {@code transport}, started on first use. */
    public synchronized HttpClientEngine http(HttpTransport transport) {
        return engines.computeIfAbsent(transport, t -> new HttpClientEngine(HttpClientConfig.defaults().withTransport(t)));
    }
}
