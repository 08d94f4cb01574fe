package io.fusillade.aggregator.threshold;

import static io.fusillade.aggregator.Events.MS;
import static io.fusillade.aggregator.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fusillade.aggregator.Events;
import io.fusillade.aggregator.metric.MetricRegistry;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.ingest.MetricType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ThresholdEvaluatorTest {
    private static Summary summary;

    /** 10 s; GET /fast: 100 requests of 10 ms; POST /slow: 100 of 10..1000 ms, every 10th a 503. */
    @BeforeAll
    static void run() throws Exception {
        Events events = new Events();
        events.marker("run-start", T0);
        for (int i = 1; i <= 100; i++) {
            events.request("GET", "/fast", T0 + i * MS, 10 * MS, 200);
            events.request("POST", "/slow", T0 + i * MS, i * 10 * MS, i % 10 == 0 ? 503 : 201);
        }
        events.check("ok", T0 + 1, true, null).check("ok", T0 + 2, false, null);
        events.metric("items_sold", MetricType.COUNTER, T0 + 1, 30);
        events.metric("queue_depth", MetricType.GAUGE, T0 + 1, 4);
        events.metric("queue_depth", MetricType.GAUGE, T0 + 2, 2);
        events.gauge("vus", T0 + 1, 5);
        events.marker("run-end", T0 + 10_000 * MS);
        MetricRegistry registry = new MetricRegistry();
        events.feed(registry);
        summary = registry.summary();
    }

    private static ThresholdResult evaluate(String metric, String expression) {
        return ThresholdEvaluator.evaluate(summary, ThresholdParser.parse(metric, expression));
    }

    private static double observed(String metric, String expression) {
        return evaluate(metric, expression).observed().orElseThrow();
    }

    @Test
    void trendAggregationsReadMilliseconds() {
        assertThat(observed("http_req_duration", "avg<1")).isCloseTo((100 * 10 + 50_500) / 200.0, within(1e-9));
        assertThat(observed("http_req_duration", "min>0")).isEqualTo(10.0);
        assertThat(observed("http_req_duration", "max<1")).isEqualTo(1000.0);
        assertThat(observed("http_req_duration", "count>0")).isEqualTo(200.0);
        assertThat(observed("http_req_duration", "p(99.5)<1")).isCloseTo(990, within(1.0));
        assertThat(observed("http_req_duration", "med<1")).isCloseTo(10, within(0.01));
    }

    @Test
    void passesAndFailsByTheOperator() {
        assertThat(evaluate("http_req_duration", "p95 < 1000").passed()).isTrue();
        assertThat(evaluate("http_req_duration", "p95 < 500").passed()).isFalse();
        assertThat(evaluate("http_req_duration", "max <= 1000").passed()).isTrue();
        assertThat(evaluate("http_req_duration", "max < 1000").passed()).isFalse();
        assertThat(evaluate("http_req_duration", "min >= 10").passed()).isTrue();
        assertThat(evaluate("http_req_duration", "min > 10").passed()).isFalse();
        assertThat(evaluate("http_req_duration", "count == 200").passed()).isTrue();
        assertThat(evaluate("http_req_duration", "count === 200").passed()).isTrue();
        assertThat(evaluate("http_req_duration", "count != 200").passed()).isFalse();
    }

    @Test
    void ratesCountersAndGauges() {
        assertThat(observed("http_req_failed", "rate<0.01")).isEqualTo(0.05);
        assertThat(evaluate("http_req_failed", "rate<0.01").passed()).isFalse();
        assertThat(evaluate("http_req_failed", "rate<0.1").passed()).isTrue();
        assertThat(observed("http_reqs", "count>100")).isEqualTo(200.0);
        assertThat(observed("http_reqs", "rate>10")).isEqualTo(20.0);
        assertThat(observed("checks", "rate>0.9")).isEqualTo(0.5);
        assertThat(observed("items_sold", "count>100")).isEqualTo(30.0);
        assertThat(evaluate("items_sold", "count>100").passed()).isFalse();
        assertThat(observed("queue_depth", "value<10")).isEqualTo(2.0);
        assertThat(observed("queue_depth", "max<10")).isEqualTo(4.0);
        assertThat(observed("vus", "value<10")).isEqualTo(5.0);
    }

    @Test
    void aMetricWithoutSamplesPassesWithNoDataAsK6Does() {
        ThresholdResult result = evaluate("error_counter", "count < 10");
        assertThat(result.passed()).isTrue();
        assertThat(result.noData()).isTrue();
        assertThat(result.observed()).isEmpty();
        assertThat(evaluate("iteration_duration", "p95 < 1").noData()).isTrue();
    }

    @Test
    void anAggregationThatDoesNotFitACustomMetricFailsAndSaysWhy() {
        ThresholdResult result = evaluate("items_sold", "p95 < 1");
        assertThat(result.passed()).isFalse();
        assertThat(result.note()).isEqualTo("'p(95)' does not apply to counter metric items_sold; use count or rate");
    }

    @Test
    void tagSelectorsOnNameAndMethodReadTheEndpointBreakdown() {
        assertThat(observed("http_req_duration{name:/fast}", "p95<1")).isCloseTo(10, within(0.01));
        assertThat(observed("http_req_duration{name:/slow,method:POST}", "max<1")).isEqualTo(1000.0);
        assertThat(observed("http_req_duration{method:POST}", "avg<1")).isEqualTo(505.0);
        assertThat(observed("http_req_failed{name:/slow}", "rate<1")).isEqualTo(0.1);
        assertThat(observed("http_req_failed{name:/fast}", "rate<1")).isEqualTo(0.0);
        assertThat(observed("http_reqs{name:/fast}", "count>1")).isEqualTo(100.0);
        assertThat(observed("http_reqs{status:503}", "count<1")).isEqualTo(10.0);
        assertThat(observed("http_reqs{name:/slow,status:201}", "count>1")).isEqualTo(90.0);
        assertThat(evaluate("http_req_duration{name:/slow}", "p95 < 500").passed()).isFalse();
        assertThat(evaluate("http_req_duration{name:/fast}", "p95 < 500").passed()).isTrue();
    }

    @Test
    void twoEndpointsMergedGiveTheSameNumbersAsTheWholeMetric() {
        assertThat(observed("http_req_duration{method:GET}", "count>0") + observed("http_req_duration{method:POST}", "count>0"))
                .isEqualTo(observed("http_req_duration", "count>0"));
        ThresholdResult bothNames = evaluate("http_req_duration{name:/slow}", "p(99)<1");
        assertThat(bothNames.observed()).isPresent();
    }

    @Test
    void expectedResponseSubMetricExcludesFailedRequests() {
        assertThat(observed("http_req_duration{expected_response:true}", "count>0")).isEqualTo(190.0);
        assertThat(observed("http_req_duration{expected_response:true}", "max<1")).isEqualTo(990.0);
    }

    @Test
    void selectorsWithoutDataPass() {
        assertThat(evaluate("http_req_duration{name:/nowhere}", "p95<1").noData()).isTrue();
        assertThat(evaluate("http_req_duration{scenario:browse}", "p95<1").noData()).isTrue();
        assertThat(evaluate("http_req_duration{status:200}", "p95<1").noData()).isTrue();
        assertThat(evaluate("checkout_duration{type:x}", "p95<1").noData()).isTrue();
    }

    @Test
    void summaryCarriesResultsInOrderAndAnOverallVerdict() {
        List<Threshold> thresholds = List.of(
                ThresholdParser.parse("http_req_duration", "p95 < 1000"),
                ThresholdParser.parse("http_req_failed", "rate < 0.01"));
        Summary judged = summary.withThresholds(ThresholdEvaluator.evaluate(summary, thresholds));
        assertThat(judged.thresholds()).extracting(ThresholdResult::passed).containsExactly(true, false);
        assertThat(judged.thresholdsPassed()).isFalse();
        assertThat(summary.thresholdsPassed()).isTrue();
    }
}
