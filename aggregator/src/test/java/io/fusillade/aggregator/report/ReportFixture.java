package io.fusillade.aggregator.report;

import static io.fusillade.aggregator.Events.MS;
import static io.fusillade.aggregator.Events.T0;

import io.fusillade.aggregator.Events;
import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.threshold.ThresholdParser;
import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.MetricType;
import io.fusillade.ingest.SampleEvent;
import java.util.List;

/** A small but complete run: requests on two endpoints, iterations, checks, gauges, custom metrics, thresholds. */
final class ReportFixture {
    private ReportFixture() {
    }

    static Summary summary() throws Exception {
        Events events = new Events();
        events.marker("run-start", T0);
        events.meta("{\"options\":{\"vus\":10,\"duration\":\"10s\"},\"script\":\"checkout.js\"}");
        for (int i = 1; i <= 200; i++) {
            SampleEvent e = events.request("GET", "/api/users", T0 + i * 40 * MS, (10 + i % 20) * MS, i % 50 == 0 ? 500 : 200);
            e.bytesSent = 120;
            e.bytesReceived = 2_300;
            e.blockedNanos = 7_300;
        }
        for (int i = 1; i <= 50; i++) {
            events.request("POST", "/api/login", T0 + i * 150 * MS, (40 + i) * MS, 200).bytesReceived = 500;
        }
        events.networkError("POST", "/api/login", T0 + 9_000 * MS, 5_000 * MS, ErrorCode.ETIMEDOUT);
        for (int i = 0; i < 100; i++) {
            events.iteration(T0 + i * 100 * MS, 600 * MS, 500 * MS);
            events.check("status is 200", T0 + i * 100 * MS, i % 25 != 0, i % 25 != 0 ? null : "Expected 200, got 500");
            events.check("has body", T0 + i * 100 * MS, true, null);
        }
        events.metric("checkout_duration", MetricType.TREND, T0 + 1, 120.5);
        events.metric("items_sold", MetricType.COUNTER, T0 + 1, 3);
        events.gauge("vus", T0, 1).gauge("vus", T0 + 1_000 * MS, 10).gauge("vus", T0 + 9_000 * MS, 10);
        events.gauge("vus_max", T0, 10);
        events.marker("run-end", T0 + 10_000 * MS);
        MetricRegistry registry = new MetricRegistry();
        events.feed(registry);
        return registry.summary(List.of(
                ThresholdParser.parse("http_req_duration", "p95 < 500"),
                ThresholdParser.parse("http_req_duration", "avg < 20"),
                ThresholdParser.parse("http_req_failed", "rate < 0.01"),
                ThresholdParser.parse("http_req_duration{name:/api/login}", "p(99) < 6000"),
                ThresholdParser.parse("error_counter", "count < 10")));
    }
}
