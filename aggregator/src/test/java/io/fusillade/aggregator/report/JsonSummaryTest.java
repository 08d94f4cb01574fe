package io.fusillade.aggregator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.aggregator.summary.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSummaryTest {
    private static Summary summary;
    private static JsonNode json;

    @BeforeAll
    static void export(@TempDir Path dir) throws Exception {
        summary = ReportFixture.summary();
        Path file = dir.resolve("out/summary.json");
        new JsonSummary().write(summary, file);
        json = new ObjectMapper().readTree(Files.readString(file));
    }

    @Test
    void hasEveryFieldHandleSummaryPromises() {
        assertThat(json.get("duration_secs").asDouble()).isEqualTo(10.0);
        assertThat(json.get("total_requests").asLong()).isEqualTo(251);
        assertThat(json.get("total_errors").asLong()).isEqualTo(5);
        assertThat(json.get("rps").asDouble()).isEqualTo(25.1);
        double p50 = json.get("p50").asDouble();
        double p95 = json.get("p95").asDouble();
        double p99 = json.get("p99").asDouble();
        assertThat(json.get("avg_latency").asDouble()).isEqualTo(summary.trend("http_req_duration").orElseThrow().avg());
        assertThat(p50).isPositive().isLessThanOrEqualTo(p95);
        assertThat(p95).isLessThanOrEqualTo(p99);
        assertThat(json.get("endpoints")).hasSize(2);
    }

    @Test
    void endpointsCarryTheirBreakdown() {
        JsonNode users = json.get("endpoints").get(0);
        assertThat(users.get("method").asText()).isEqualTo("GET");
        assertThat(users.get("name").asText()).isEqualTo("/api/users");
        assertThat(users.get("requests").asLong()).isEqualTo(200);
        assertThat(users.get("errors").asLong()).isEqualTo(4);
        for (String field : new String[] {"avg", "p50", "p95", "p99", "min", "max"}) {
            assertThat(users.get(field).isNumber()).as(field).isTrue();
        }
        assertThat(users.get("min").asDouble()).isEqualTo(10.0);
        assertThat(users.get("status_codes").get("200").asLong()).isEqualTo(196);
        assertThat(users.get("status_codes").get("500").asLong()).isEqualTo(4);
    }

    @Test
    void metricsUseK6Keys() {
        JsonNode duration = json.get("metrics").get("http_req_duration");
        assertThat(duration.get("type").asText()).isEqualTo("trend");
        assertThat(duration.get("contains").asText()).isEqualTo("time");
        assertThat(duration.get("values").fieldNames()).toIterable()
                .containsExactly("avg", "min", "med", "max", "p(90)", "p(95)", "p(99)", "count");
        assertThat(duration.get("thresholds").get("p95 < 500").get("ok").asBoolean()).isTrue();
        assertThat(duration.get("thresholds").get("avg < 20").get("ok").asBoolean()).isFalse();
        JsonNode reqs = json.get("metrics").get("http_reqs");
        assertThat(reqs.get("type").asText()).isEqualTo("counter");
        assertThat(reqs.get("values").get("count").asDouble()).isEqualTo(251);
        assertThat(reqs.get("values").get("rate").asDouble()).isEqualTo(25.1);
        JsonNode failed = json.get("metrics").get("http_req_failed").get("values");
        assertThat(failed.get("passes").asLong()).isEqualTo(5);
        assertThat(failed.get("fails").asLong()).isEqualTo(246);
        assertThat(json.get("metrics").get("vus").get("values").get("value").asDouble()).isEqualTo(10);
        assertThat(json.get("metrics").get("data_received").get("contains").asText()).isEqualTo("data");
        assertThat(json.get("metrics").has("iteration_duration")).isTrue();
    }

    @Test
    void checksAndThresholdsAreListed() {
        JsonNode status = json.get("checks").get(0);
        assertThat(status.get("name").asText()).isEqualTo("status is 200");
        assertThat(status.get("passes").asLong()).isEqualTo(96);
        assertThat(status.get("fails").asLong()).isEqualTo(4);
        assertThat(status.get("messages").get(0).asText()).isEqualTo("Expected 200, got 500");

        JsonNode duration = json.get("thresholds").get("http_req_duration");
        assertThat(duration).hasSize(2);
        assertThat(duration.get(0).get("expression").asText()).isEqualTo("p95 < 500");
        assertThat(duration.get(0).get("ok").asBoolean()).isTrue();
        assertThat(duration.get(0).get("observed").asDouble()).isEqualTo(summary.trend("http_req_duration").orElseThrow().p95());
        JsonNode noData = json.get("thresholds").get("error_counter").get(0);
        assertThat(noData.get("ok").asBoolean()).isTrue();
        assertThat(noData.get("observed").isNull()).isTrue();
        assertThat(noData.get("note").asText()).isEqualTo("no data");
        assertThat(json.get("thresholds").has("http_req_duration{name:/api/login}")).isTrue();
        assertThat(json.get("thresholds_passed").asBoolean()).isFalse();
    }

    @Test
    void carriesTheRunMetadataAndTimes() {
        assertThat(json.get("run_metadata").get("options").get("vus").asInt()).isEqualTo(10);
        assertThat(json.get("run_metadata").get("script").asText()).isEqualTo("checkout.js");
        assertThat(json.get("start_time").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(json.get("end_time").asText()).isEqualTo("2023-11-14T22:13:30Z");
    }

    @Test
    void theMapIsPlainDataForHandleSummary() {
        Map<String, Object> map = new JsonSummary().toMap(summary);
        assertThat(map).containsKeys("duration_secs", "total_requests", "total_errors", "avg_latency", "p50", "p95",
                "p99", "rps", "endpoints", "metrics", "checks", "thresholds");
        assertThat(map.get("total_requests")).isEqualTo(251L);
    }

    @Test
    void anEmptyRunStillHasEveryTopLevelField() throws Exception {
        JsonNode empty = new ObjectMapper().readTree(new JsonSummary().toJson(new MetricRegistry().summary()));
        assertThat(empty.get("total_requests").asLong()).isZero();
        assertThat(empty.get("p95").asDouble()).isZero();
        assertThat(empty.get("endpoints")).isEmpty();
        assertThat(empty.get("start_time").isNull()).isTrue();
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedInTheError(@TempDir Path dir) throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        Path target = blocker.resolve("summary.json");
        assertThatThrownBy(() -> new JsonSummary().write(summary, target))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write the JSON summary to " + target);
    }
}
