package io.fusillade.web.demo;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the demo target has seen: requests per route and accepted connections. Event-loop
 * threads count concurrently, so each counter is a {@link LongAdder}.
 */
final class RequestCounters {
    private final LongAdder[] byRoute = new LongAdder[DemoRoute.values().length];
    private final LongAdder connections = new LongAdder();

    RequestCounters() {
        for (int i = 0; i < byRoute.length; i++) {
            byRoute[i] = new LongAdder();
        }
    }

    void request(DemoRoute route) {
        byRoute[route.ordinal()].increment();
    }

    void connection() {
        connections.increment();
    }

    long requests() {
        long total = 0;
        for (LongAdder adder : byRoute) {
            total += adder.sum();
        }
        return total;
    }

    long requests(DemoRoute route) {
        return byRoute[route.ordinal()].sum();
    }

    long connections() {
        return connections.sum();
    }

    void reset() {
        for (LongAdder adder : byRoute) {
            adder.reset();
        }
        connections.reset();
    }
}
