package io.fusillade.aggregator.output;

import static io.fusillade.aggregator.Events.MS;
import static io.fusillade.aggregator.Events.T0;

import io.fusillade.aggregator.Events;
import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.threshold.ThresholdParser;
import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.SampleSink;
import java.util.ArrayList;
import java.util.List;

/** A 20-second run with a slow middle and failures in its second half, fed to a registry and to outputs. */
final class RunFixture {
    static final int REQUESTS = 2_000;

    private RunFixture() {
    }

    static Events events() {
        Events events = new Events();
        events.marker("run-start", T0);
        events.meta("{\"workers\":5}");
        events.gauge("vus", T0, 5);
        for (int i = 0; i < REQUESTS; i++) {
            long at = T0 + i * 10L * MS;
            long second = i / 100;
            long duration = (second >= 8 && second < 12 ? 200 : 20) * MS + (i % 7) * MS;
            int status = second >= 15 && i % 10 == 0 ? 503 : 200;
            events.request(i % 3 == 0 ? "POST" : "GET", i % 3 == 0 ? "/api/orders" : "/api/items, \"all\"", at, duration, status);
            if (i % 2 == 0) {
                events.iteration(at, duration * 2, 0);
                events.check("status is 200", at, status == 200, status == 200 ? null : "got " + status);
            }
        }
        events.networkError("GET", "/api/items, \"all\"", T0 + 19_990 * MS, 5 * MS, ErrorCode.ECONNREFUSED);
        events.marker("run-end", T0 + 20_000 * MS);
        return events;
    }

    /** Feeds {@code events} to a registry and {@code outputs}' sinks, and returns the summary with thresholds. */
    static Summary run(Events events, Outputs outputs) throws Exception {
        MetricRegistry registry = new MetricRegistry();
        List<SampleSink> sinks = new ArrayList<>(outputs.sinks());
        sinks.add(registry);
        events.feed(new SinkGroup(sinks));
        return registry.summary(List.of(
                ThresholdParser.parse("http_req_duration", "p95 < 500"),
                ThresholdParser.parse("http_req_failed", "rate < 0.01"),
                ThresholdParser.parse("checks", "rate > 0.9")));
    }
}
