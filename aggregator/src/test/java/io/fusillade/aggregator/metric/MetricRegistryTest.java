package io.fusillade.aggregator.metric;

import static io.fusillade.aggregator.Events.MS;
import static io.fusillade.aggregator.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.fusillade.aggregator.Events;
import io.fusillade.aggregator.summary.CheckSummary;
import io.fusillade.aggregator.summary.CounterSummary;
import io.fusillade.aggregator.summary.EndpointSummary;
import io.fusillade.aggregator.summary.GaugeSummary;
import io.fusillade.aggregator.summary.RateSummary;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.summary.TrendSummary;
import io.fusillade.aggregator.summary.Unit;
import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.MetricType;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleRing;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {

    /** 1000 requests over 10 s: durations 1..1000 ms, every 10th a 500, two network errors. */
    private static Events httpRun() {
        Events events = new Events();
        events.marker("run-start", T0);
        for (int i = 1; i <= 1000; i++) {
            long start = T0 + (i - 1) * 10 * MS;
            String name = i % 4 == 0 ? "/login" : "/users";
            String method = i % 4 == 0 ? "POST" : "GET";
            int status = i % 10 == 0 ? 500 : 200;
            SampleEvent e = events.request(method, name, start, i * MS, status);
            e.bytesSent = 100;
            e.bytesReceived = 1000;
            e.blockedNanos = 2_000;
            e.connectingNanos = i == 1 ? 1 * MS : 0;
            e.sendingNanos = 10_000;
            e.waitingNanos = i * MS - 20_000;
            e.receivingNanos = 10_000;
        }
        events.networkError("GET", "/users", T0 + 5_000 * MS, 30 * MS, ErrorCode.ECONNREFUSED);
        events.networkError("GET", "/users", T0 + 6_000 * MS, 30 * MS, ErrorCode.ETIMEDOUT);
        events.marker("run-end", T0 + 10_000 * MS);
        return events;
    }

    private static Summary summaryOf(Events events) throws Exception {
        MetricRegistry registry = new MetricRegistry();
        events.feed(registry);
        return registry.summary();
    }

    @Test
    void countsRequestsFailuresAndBytesFedThroughARealRing() {
        MetricRegistry registry = new MetricRegistry();
        httpRun().publish(List.of(registry));
        Summary summary = registry.summary();

        assertThat(summary.durationSecs()).isEqualTo(10.0);
        assertThat(summary.totalRequests()).isEqualTo(1002);
        assertThat(summary.failedRequests()).isEqualTo(102);
        CounterSummary reqs = (CounterSummary) summary.metrics().get("http_reqs");
        assertThat(reqs.ratePerSecond()).isCloseTo(100.2, within(1e-9));
        RateSummary failed = (RateSummary) summary.metrics().get("http_req_failed");
        assertThat(failed.passes()).isEqualTo(102);
        assertThat(failed.fails()).isEqualTo(900);
        assertThat(failed.rate()).isCloseTo(102 / 1002.0, within(1e-12));
        CounterSummary sent = (CounterSummary) summary.metrics().get("data_sent");
        CounterSummary received = (CounterSummary) summary.metrics().get("data_received");
        assertThat(sent.count()).isEqualTo(100_000);
        assertThat(received.count()).isEqualTo(1_000_000);
        assertThat(received.ratePerSecond()).isEqualTo(100_000);
        assertThat(received.unit()).isEqualTo(Unit.BYTES);
        assertThat(summary.statusCounts()).containsExactly(entry(0, 2L), entry(200, 900L), entry(500, 100L));
    }

    @Test
    void durationPercentilesMatchAKnownDistributionWithinHistogramPrecision() throws Exception {
        Events events = new Events();
        for (int i = 1; i <= 1000; i++) {
            events.request("GET", "/x", T0 + i * MS, i * MS, 200);
        }
        TrendSummary duration = summaryOf(events).trend("http_req_duration").orElseThrow();

        assertThat(duration.count()).isEqualTo(1000);
        assertThat(duration.avg()).isEqualTo(500.5);
        assertThat(duration.min()).isEqualTo(1.0);
        assertThat(duration.max()).isEqualTo(1000.0);
        assertThat(duration.med()).isCloseTo(500, within(500 * 0.001));
        assertThat(duration.p90()).isCloseTo(900, within(900 * 0.001));
        assertThat(duration.p95()).isCloseTo(950, within(950 * 0.001));
        assertThat(duration.p99()).isCloseTo(990, within(990 * 0.001));
        assertThat(duration.percentile(99.9)).isCloseTo(999, within(999 * 0.001));
        assertThat(duration.percentile(100)).isEqualTo(1000.0);
        assertThat(duration.unit()).isEqualTo(Unit.MILLISECONDS);
    }

    @Test
    void subMillisecondPhasesKeepMicrosecondPrecision() throws Exception {
        Events events = new Events();
        for (int i = 0; i < 100; i++) {
            SampleEvent e = events.request("GET", "/x", T0 + i * MS, MS, 200);
            e.blockedNanos = 7_300;
        }
        TrendSummary blocked = summaryOf(events).trend("http_req_blocked").orElseThrow();
        assertThat(blocked.avg()).isEqualTo(0.0073);
        assertThat(blocked.p95()).isCloseTo(0.0073, within(0.0073 * 0.001));
    }

    @Test
    void timingPhasesEachBecomeTheirOwnTrend() throws Exception {
        Summary summary = summaryOf(httpRun());
        assertThat(summary.trend("http_req_sending").orElseThrow().med()).isCloseTo(0.01, within(1e-12));
        assertThat(summary.trend("http_req_receiving").orElseThrow().max()).isCloseTo(0.01, within(1e-12));
        assertThat(summary.trend("http_req_blocked").orElseThrow().max()).isCloseTo(0.002, within(1e-12));
        assertThat(summary.trend("http_req_connecting").orElseThrow().max()).isEqualTo(1.0);
        assertThat(summary.trend("http_req_tls_handshaking").orElseThrow().max()).isEqualTo(0.0);
        assertThat(summary.trend("http_req_waiting").orElseThrow().max()).isCloseTo(999.98, within(1e-9));
        TrendSummary expected = summary.trend("http_req_duration{expected_response:true}").orElseThrow();
        assertThat(expected.count()).isEqualTo(900);
    }

    @Test
    void breaksRequestsDownByEndpointBusiestFirst() throws Exception {
        List<EndpointSummary> endpoints = summaryOf(httpRun()).endpoints();

        assertThat(endpoints).extracting(EndpointSummary::label).containsExactly("GET /users", "POST /login");
        EndpointSummary users = endpoints.get(0);
        assertThat(users.requests()).isEqualTo(752);
        assertThat(users.failures()).isEqualTo(52);
        assertThat(users.statusCounts()).containsExactly(entry(0, 2L), entry(200, 700L), entry(500, 50L));
        EndpointSummary login = endpoints.get(1);
        assertThat(login.requests()).isEqualTo(250);
        assertThat(login.failures()).isEqualTo(50);
        assertThat(login.min()).isEqualTo(4.0);
        assertThat(login.max()).isEqualTo(1000.0);
        assertThat(login.avg()).isEqualTo(502.0);
        assertThat(login.p50()).isCloseTo(500, within(1.0));
        assertThat(login.p99()).isCloseTo(992, within(1.5));
    }

    @Test
    void withoutEndpointTrackingThereIsNoBreakdownButTheTotalsStand() throws Exception {
        MetricRegistry registry = new MetricRegistry(false);
        httpRun().feed(registry);
        Summary summary = registry.summary();
        assertThat(summary.endpoints()).isEmpty();
        assertThat(summary.totalRequests()).isEqualTo(1002);
    }

    @Test
    void iterationExcludesSleepWhileIterationTotalAndIterationDurationIncludeIt() throws Exception {
        Events events = new Events();
        for (int i = 0; i < 10; i++) {
            events.iteration(T0 + i * 600 * MS, 600 * MS, 500 * MS);
        }
        Summary summary = summaryOf(events);

        assertThat(((CounterSummary) summary.metrics().get("iterations")).count()).isEqualTo(10);
        assertThat(summary.trend("iteration").orElseThrow().avg()).isEqualTo(100.0);
        assertThat(summary.trend("iteration_total").orElseThrow().avg()).isEqualTo(600.0);
        assertThat(summary.trend("iteration_duration")).isEqualTo(summary.trend("iteration_total"));
    }

    @Test
    void checksCountPassesAndFailsAndKeepTheFirstDistinctMessages() throws Exception {
        Events events = new Events();
        for (int i = 0; i < 20; i++) {
            events.check("status is 200", T0 + i, i % 4 != 0, i % 4 != 0 ? null : "Expected 200, got " + (500 + i % 3));
            events.check("has items", T0 + i, i % 2 == 0, i % 2 == 0 ? null : "Missing items array " + i);
        }
        Summary summary = summaryOf(events);

        assertThat(summary.checks()).extracting(CheckSummary::name).containsExactly("status is 200", "has items");
        CheckSummary status = summary.checks().get(0);
        assertThat(status.passes()).isEqualTo(15);
        assertThat(status.fails()).isEqualTo(5);
        assertThat(status.messages()).containsExactly("Expected 200, got 500", "Expected 200, got 501", "Expected 200, got 502");
        CheckSummary items = summary.checks().get(1);
        assertThat(items.fails()).isEqualTo(10);
        assertThat(items.messages()).hasSize(CheckTally.MAX_MESSAGES).first().isEqualTo("Missing items array 1");
        RateSummary checks = (RateSummary) summary.metrics().get("checks");
        assertThat(checks.passes()).isEqualTo(25);
        assertThat(checks.fails()).isEqualTo(15);
        assertThat(checks.rate()).isEqualTo(25 / 40.0);
    }

    @Test
    void vuGaugesKeepLastMinAndMax() throws Exception {
        Events events = new Events();
        double[] readings = {1, 5, 10, 10, 7};
        for (int i = 0; i < readings.length; i++) {
            events.gauge("vus", T0 + i * 1_000 * MS, readings[i]);
            events.gauge("vus_max", T0 + i * 1_000 * MS, 10);
        }
        MetricRegistry registry = new MetricRegistry();
        events.feed(registry);
        Summary summary = registry.summary();

        assertThat(summary.metrics().get("vus")).isEqualTo(new GaugeSummary(7, 1, 10, Unit.NONE));
        assertThat(summary.metrics().get("vus_max")).isEqualTo(new GaugeSummary(10, 10, 10, Unit.NONE));
        assertThat(registry.live().vus()).isEqualTo(7);
        assertThat(registry.live().vusMax()).isEqualTo(10);
    }

    @Test
    void customMetricsAreSummarisedByTheirType() throws Exception {
        Events events = new Events();
        events.marker("run-start", T0).marker("run-end", T0 + 2_000 * MS);
        events.metric("items_sold", MetricType.COUNTER, T0 + 1, 3);
        events.metric("items_sold", MetricType.COUNTER, T0 + 2, 4);
        events.metric("queue_depth", MetricType.GAUGE, T0 + 1, 42);
        events.metric("queue_depth", MetricType.GAUGE, T0 + 2, 7);
        events.metric("payment_success", MetricType.RATE, T0 + 1, 1);
        events.metric("payment_success", MetricType.RATE, T0 + 2, 1);
        events.metric("payment_success", MetricType.RATE, T0 + 3, 0);
        for (int i = 1; i <= 100; i++) {
            events.metric("checkout_duration", MetricType.TREND, T0 + i, i * 1.5);
        }
        Summary summary = summaryOf(events);

        assertThat(summary.metrics().get("items_sold")).isEqualTo(new CounterSummary(7, 3.5, Unit.NONE));
        assertThat(summary.metrics().get("queue_depth")).isEqualTo(new GaugeSummary(7, 7, 42, Unit.NONE));
        assertThat(summary.metrics().get("payment_success")).isEqualTo(RateSummary.of(2, 1));
        TrendSummary checkout = summary.trend("checkout_duration").orElseThrow();
        assertThat(checkout.count()).isEqualTo(100);
        assertThat(checkout.avg()).isCloseTo(75.75, within(1e-9));
        assertThat(checkout.min()).isEqualTo(1.5);
        assertThat(checkout.max()).isEqualTo(150.0);
        assertThat(checkout.p95()).isCloseTo(142.5, within(142.5 * 0.001));
        assertThat(checkout.unit()).isEqualTo(Unit.NONE);
    }

    @Test
    void aCustomMetricBorrowingABuiltinNameIsKeptApart() throws Exception {
        Events events = new Events();
        events.request("GET", "/", T0, MS, 200);
        events.metric("http_reqs", MetricType.TREND, T0, 5);
        Summary summary = summaryOf(events);
        assertThat(summary.totalRequests()).isEqualTo(1);
        assertThat(summary.metrics()).containsKey("http_reqs (custom)");
    }

    @Test
    void droppedIterationsAreCounted() throws Exception {
        Events events = new Events();
        events.marker("run-start", T0).dropped(T0 + 1).dropped(T0 + 2).marker("run-end", T0 + 1_000 * MS);
        Summary summary = summaryOf(events);
        assertThat(summary.metrics().get("dropped_iterations")).isEqualTo(new CounterSummary(2, 2, Unit.NONE));
    }

    @Test
    void plannedIterationsReportHowLateTheyStartedAndUnplannedOnesDoNot() throws Exception {
        Events events = new Events();
        events.marker("run-start", T0).iteration(T0, 5 * MS, 0);
        for (int i = 1; i <= 100; i++) {
            events.plannedIteration(T0 + i * MS, T0 + i * MS + i * 100_000L, MS);
        }
        events.marker("run-end", T0 + 1_000 * MS);
        TrendSummary lag = summaryOf(events).trend("iteration_start_lag").orElseThrow();
        assertThat(lag.count()).isEqualTo(100);
        assertThat(lag.max()).isCloseTo(10.0, within(0.01));
        assertThat(lag.p99()).isCloseTo(9.9, within(0.02));

        Events closedLoop = new Events();
        closedLoop.marker("run-start", T0).iteration(T0, 5 * MS, 0).marker("run-end", T0 + 1_000 * MS);
        assertThat(summaryOf(closedLoop).metrics()).doesNotContainKey("iteration_start_lag");
    }

    @Test
    void runWindowFallsBackToFirstAndLastSampleWithoutMarkers() throws Exception {
        Events events = new Events();
        events.request("GET", "/a", T0 + 1_000 * MS, 200 * MS, 200);
        events.request("GET", "/a", T0 + 3_000 * MS, 800 * MS, 200);
        Summary summary = summaryOf(events);
        assertThat(summary.startEpochNanos()).isEqualTo(T0 + 1_000 * MS);
        assertThat(summary.endEpochNanos()).isEqualTo(T0 + 3_800 * MS);
        assertThat(summary.durationSecs()).isEqualTo(2.8);
    }

    @Test
    void aRunThatCrashedBeforeItsEndMarkerEndsAtItsLastSample() throws Exception {
        Events events = new Events();
        events.marker("run-start", T0);
        events.request("GET", "/a", T0 + 4_000 * MS, 1_000 * MS, 200);
        Summary summary = summaryOf(events);
        assertThat(summary.durationSecs()).isEqualTo(5.0);
    }

    @Test
    void keepsTheRunMetadataText() throws Exception {
        Events events = new Events();
        events.meta("{\"options\":{\"vus\":10}}");
        MetricRegistry registry = new MetricRegistry();
        events.feed(registry);
        assertThat(registry.runMetadata()).contains("{\"options\":{\"vus\":10}}");
        assertThat(registry.summary().runMetadata()).contains("{\"options\":{\"vus\":10}}");
    }

    @Test
    void anEmptyStreamGivesAnEmptySummary() {
        Summary summary = new MetricRegistry().summary();
        assertThat(summary.metrics()).isEmpty();
        assertThat(summary.durationSecs()).isZero();
        assertThat(summary.totalRequests()).isZero();
        assertThat(summary.requestsPerSecond()).isZero();
    }

    @Test
    void theSameRecordsGiveTheSameSummaryLiveAndReplayedFromTheJournalCodec() throws Exception {
        Events events = httpRun();
        events.iteration(T0 + 100 * MS, 700 * MS, 300 * MS);
        events.check("ok", T0 + 200 * MS, false, "bad");
        events.metric("checkout_duration", MetricType.TREND, T0 + 300 * MS, 12.5);
        events.gauge("vus", T0, 3);
        events.meta("{\"a\":1}");

        MetricRegistry live = new MetricRegistry();
        events.publish(List.of(live));
        MetricRegistry replayed = new MetricRegistry();
        events.replay(replayed);
        MetricRegistry fedDirectly = new MetricRegistry();
        events.feed(fedDirectly);

        Summary expected = live.summary();
        assertThat(replayed.summary()).isEqualTo(expected);
        assertThat(fedDirectly.summary()).isEqualTo(expected);
        assertThat(replayed.summary().trend("http_req_duration").orElseThrow().percentile(99.9))
                .isEqualTo(expected.trend("http_req_duration").orElseThrow().percentile(99.9));
    }

    @Test
    void buildsItsOwnDictionaryFromTheRingsEntries() {
        MetricRegistry registry = new MetricRegistry();
        Events.CountingSink counted = new Events.CountingSink(registry);
        try (SampleRing ring = new SampleRing(1024, List.of(counted)).start()) {
            int get = ring.dictionary().intern("GET");
            int name = ring.dictionary().intern("/ring");
            ring.publish((slot, i) -> {
                slot.kind = SampleKind.REQUEST;
                slot.startNanos = T0;
                slot.durationNanos = 5 * MS;
                slot.status = 204;
                slot.methodId = get;
                slot.nameId = name;
            }, 0);
            Events.awaitDelivered(List.of(counted), 3);
        }
        assertThat(registry.summary().endpoints()).extracting(EndpointSummary::label).containsExactly("GET /ring");
    }

    @Test
    void liveCountersAreReadableFromAnotherThreadWhileTheRunGoes() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        LiveCounters live = registry.live();
        assertThat(live.elapsedNanos(T0)).isZero();
        try (SampleRing ring = new SampleRing(1024, List.of(registry)).start()) {
            for (SampleEvent e : httpRun().list()) {
                if (e.kind == SampleKind.MARKER && "run-end".equals(e.text)) {
                    continue;
                }
                ring.publishCopy(e);
            }
            long deadline = System.nanoTime() + 10_000 * MS;
            while (live.requests() < 1002 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(live.requests()).isEqualTo(1002);
            assertThat(live.failedRequests()).isEqualTo(102);
            assertThat(live.startEpochNanos()).isEqualTo(T0);
            assertThat(live.ended()).isFalse();
            assertThat(live.elapsedNanos(T0 + 3_000 * MS)).isEqualTo(3_000 * MS);
            Events end = new Events();
            end.marker("run-end", T0 + 7_000 * MS).iteration(T0, MS, 0);
            end.list().forEach(ring::publishCopy);
        }
        assertThat(live.ended()).isTrue();
        assertThat(live.iterations()).isEqualTo(1);
        assertThat(live.elapsedNanos(T0 + 60_000 * MS)).isEqualTo(7_000 * MS);
    }

    @Test
    void aWarmRegistryAllocatesNothingPerRequest() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        Events events = httpRun();
        events.feed(registry);
        List<SampleEvent> requests = events.list().stream().filter(e -> e.kind == SampleKind.REQUEST).toList();
        SampleEvent[] slots = requests.toArray(new SampleEvent[0]);
        for (int round = 0; round < 50; round++) {
            for (SampleEvent e : slots) {
                registry.onSample(e, false);
            }
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < 100; round++) {
            for (SampleEvent e : slots) {
                registry.onSample(e, false);
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // 100,200 requests; a few hundred bytes of measurement noise at most.
        assertThat(allocated).isLessThan(4_096);
        assertThat(registry.summary().totalRequests()).isEqualTo(1002L * 151);
    }
}
