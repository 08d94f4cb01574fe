package io.fusillade.aggregator.metric;

import static io.fusillade.aggregator.Events.MS;
import static io.fusillade.aggregator.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.aggregator.Events;
import io.fusillade.aggregator.summary.CounterSummary;
import io.fusillade.aggregator.summary.GaugeSummary;
import io.fusillade.aggregator.summary.RateSummary;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.summary.TrendSummary;
import io.fusillade.aggregator.threshold.Threshold;
import io.fusillade.aggregator.threshold.ThresholdParser;
import io.fusillade.aggregator.threshold.ThresholdResult;
import io.fusillade.ingest.MetricType;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.TagSets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thresholds on tag-selected sub-metrics: status, group and script tags, on requests and custom metrics. */
class TaggedSeriesTest {

    private static Events run() {
        Events events = new Events();
        events.marker("run-start", T0);
        int checkout = events.id(TagSets.encode(Map.of("group", "::checkout")));
        int browse = events.id(TagSets.encode(Map.of("group", "::browse", "kind", "api")));
        for (int i = 1; i <= 100; i++) {
            SampleEvent e = events.request("GET", "/items", T0 + i * MS, i * MS, i % 10 == 0 ? 500 : 200);
            e.tagSetId = i <= 50 ? checkout : browse;
        }
        for (int i = 1; i <= 10; i++) {
            events.metric("orders", MetricType.COUNTER, T0 + i * MS, 2);
            tag(events, i % 2 == 0 ? checkout : browse);
            events.metric("latency", MetricType.TREND, T0 + i * MS, i * 10);
            tag(events, i <= 5 ? checkout : browse);
            events.metric("ok", MetricType.RATE, T0 + i * MS, i <= 8 ? 1 : 0);
            tag(events, browse);
            events.metric("depth", MetricType.GAUGE, T0 + i * MS, i);
            tag(events, i == 10 ? checkout : browse);
        }
        events.marker("run-end", T0 + 1_000 * MS);
        return events;
    }

    private static void tag(Events events, int tagSetId) {
        List<SampleEvent> all = events.list();
        all.get(all.size() - 1).tagSetId = tagSetId;
    }

    private static Summary judged(String... keyAndExpression) throws Exception {
        MetricRegistry registry = new MetricRegistry();
        run().feed(registry);
        List<Threshold> thresholds = new java.util.ArrayList<>();
        for (int i = 0; i < keyAndExpression.length; i += 2) {
            thresholds.add(ThresholdParser.parse(keyAndExpression[i], keyAndExpression[i + 1]));
        }
        return registry.summary(thresholds);
    }

    @Test
    void requestSelectorsOnStatusGroupAndScriptTags() throws Exception {
        Summary summary = judged("http_req_duration{status:200}", "max<100",
                "http_reqs{status:500}", "count==10",
                "http_req_duration{group:::checkout}", "max<=50",
                "http_req_failed{kind:api}", "rate<0.2",
                "http_req_duration{group:::browse,status:500}", "count==5",
                "http_req_duration{expected_response:true,group:::checkout}", "count==45");
        assertThat(summary.thresholds()).allSatisfy(r -> assertThat(r.passed()).as(r.threshold().toString() + " " + r.observed()).isTrue());
        TrendSummary ok = (TrendSummary) summary.metrics().get("http_req_duration{status:200}");
        assertThat(ok.count()).isEqualTo(90);
        assertThat(ok.max()).isEqualTo(99, org.assertj.core.data.Offset.offset(0.1));
        assertThat(((CounterSummary) summary.metrics().get("http_reqs{status:500}")).count()).isEqualTo(10);
        assertThat(((TrendSummary) summary.metrics().get("http_req_duration{group:::checkout}")).count()).isEqualTo(50);
        assertThat(((RateSummary) summary.metrics().get("http_req_failed{kind:api}")).passes()).isEqualTo(5);
    }

    @Test
    void customMetricSelectorsMergeEveryMatchingTagSet() throws Exception {
        Summary summary = judged("orders{group:::checkout}", "count==10",
                "latency{group:::browse}", "avg==80",
                "ok{kind:api}", "rate==0.8",
                "depth{group:::browse}", "value==9",
                "orders{group:::nowhere}", "count>100");
        List<ThresholdResult> results = summary.thresholds();
        assertThat(results.subList(0, 4)).allSatisfy(r -> assertThat(r.passed()).as(r.threshold().toString() + " " + r.observed()).isTrue());
        assertThat(results.get(4).note()).isEqualTo(ThresholdResult.NO_DATA);
        assertThat(((CounterSummary) summary.metrics().get("orders")).count()).isEqualTo(20);
        assertThat(((GaugeSummary) summary.metrics().get("depth{group:::browse}")).max()).isEqualTo(9);
        assertThat(((TrendSummary) summary.metrics().get("latency{group:::browse}")).count()).isEqualTo(5);
    }
}
