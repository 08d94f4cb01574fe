package io.fusillade.aggregator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fusillade.aggregator.summary.RateSummary;
import io.fusillade.aggregator.summary.Summary;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OtlpOutputTest {
    /** A real OTLP/HTTP receiver on 127.0.0.1; each request is decoded with the opentelemetry-proto classes. */
    private LocalReceiver receiver;
    private String url;

    @BeforeEach
    void startReceiver() {
        receiver = new LocalReceiver(path -> 200);
        url = receiver.url("/v1/metrics");
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private List<ExportMetricsServiceRequest> received() throws Exception {
        List<ExportMetricsServiceRequest> list = new java.util.ArrayList<>();
        for (LocalReceiver.Request r : receiver.received()) {
            assertThat(r.headers().getFirst("Content-Type")).isEqualTo("application/x-protobuf");
            list.add(ExportMetricsServiceRequest.parseFrom(r.body()));
        }
        return list;
    }

    private static String attribute(List<KeyValue> attributes, String key) {
        return attributes.stream().filter(a -> a.getKey().equals(key)).map(a -> a.getValue().hasStringValue()
                ? a.getValue().getStringValue() : a.getValue().hasIntValue() ? Long.toString(a.getValue().getIntValue())
                : Boolean.toString(a.getValue().getBoolValue())).findFirst().orElse(null);
    }

    @Test
    void exportsCumulativeMetricsWithNamesAttributesAndCountsThatMatchTheSummary() throws Exception {
        Outputs outputs = Outputs.open(new Outputs.Options(false, null, List.of("otlp=" + url), null, null, null), System.out);
        Summary summary = RunFixture.run(RunFixture.events(), outputs);
        outputs.finish(summary, "t.js");
        List<ExportMetricsServiceRequest> received = received();

        // 20 s of stream time: periodic exports at 10 s and 20 s (unless one was still under way), then the final one.
        assertThat(received.size()).isBetween(2, 3);
        ExportMetricsServiceRequest last = received.getLast();
        assertThat(attribute(last.getResourceMetrics(0).getResource().getAttributesList(), "service.name")).isEqualTo("fusillade");
        Map<String, Metric> metrics = last.getResourceMetrics(0).getScopeMetrics(0).getMetricsList().stream()
                .collect(Collectors.toMap(Metric::getName, Function.identity()));
        assertThat(metrics).containsKeys("http_reqs", "http_req_failed", "http_req_duration", "data_sent", "data_received",
                "iterations", "iteration_duration", "checks", "vus");

        List<NumberDataPoint> reqs = metrics.get("http_reqs").getSum().getDataPointsList();
        assertThat(metrics.get("http_reqs").getSum().getIsMonotonic()).isTrue();
        assertThat(reqs.stream().mapToLong(NumberDataPoint::getAsInt).sum()).isEqualTo(summary.totalRequests());
        NumberDataPoint orders503 = reqs.stream().filter(p -> "/api/orders".equals(attribute(p.getAttributesList(), "name"))
                && "503".equals(attribute(p.getAttributesList(), "status"))).findFirst().orElseThrow();
        assertThat(attribute(orders503.getAttributesList(), "method")).isEqualTo("POST");
        long failed = metrics.get("http_req_failed").getSum().getDataPointsList().stream().mapToLong(NumberDataPoint::getAsInt).sum();
        assertThat(failed).isEqualTo(summary.failedRequests());

        List<HistogramDataPoint> durations = metrics.get("http_req_duration").getHistogram().getDataPointsList();
        assertThat(metrics.get("http_req_duration").getUnit()).isEqualTo("ms");
        assertThat(durations.stream().mapToLong(HistogramDataPoint::getCount).sum()).isEqualTo(summary.totalRequests());
        HistogramDataPoint any = durations.getFirst();
        assertThat(any.getBucketCountsList().stream().mapToLong(Long::longValue).sum()).isEqualTo(any.getCount());
        assertThat(durations.stream().mapToDouble(HistogramDataPoint::getMax).max().orElseThrow())
                .isEqualTo(summary.trend("http_req_duration").orElseThrow().max());

        long checkPasses = metrics.get("checks").getSum().getDataPointsList().stream()
                .filter(p -> "true".equals(attribute(p.getAttributesList(), "passed"))).mapToLong(NumberDataPoint::getAsInt).sum();
        assertThat(checkPasses).isEqualTo(((RateSummary) summary.metric("checks").orElseThrow()).passes());
        assertThat(metrics.get("iterations").getSum().getDataPoints(0).getAsInt()).isEqualTo(RunFixture.REQUESTS / 2);
        assertThat(metrics.get("vus").getGauge().getDataPoints(0).getAsDouble()).isEqualTo(5.0);

        // Cumulative: the first export counted fewer requests than the last.
        long firstCount = received.getFirst().getResourceMetrics(0).getScopeMetrics(0).getMetricsList().stream()
                .filter(m -> m.getName().equals("http_reqs")).flatMap(m -> m.getSum().getDataPointsList().stream())
                .mapToLong(NumberDataPoint::getAsInt).sum();
        assertThat(firstCount).isLessThan(summary.totalRequests()).isGreaterThan(0);
    }

    @Test
    void badOtlpUrlsAreRefusedAndAnUnreachableReceiverIsNamed() throws Exception {
        assertThatThrownBy(() -> Outputs.open(new Outputs.Options(false, null, List.of("otlp=localhost:4318"), null, null, null), System.out))
                .hasMessageContaining("invalid --out otlp=localhost:4318");
        receiver.close();
        Outputs outputs = Outputs.open(new Outputs.Options(false, null, List.of("otlp=" + url), null, null, null), System.out);
        Summary summary = RunFixture.run(RunFixture.events(), outputs);
        assertThatThrownBy(() -> outputs.finish(summary, "t.js")).hasMessageContaining("cannot export OTLP metrics to " + url);
    }
}
