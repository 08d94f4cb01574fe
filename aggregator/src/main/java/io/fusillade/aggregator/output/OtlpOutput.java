package io.fusillade.aggregator.output;

import io.fusillade.ingest.MetricType;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;
import io.fusillade.ingest.TagSets;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code --out otlp=URL}: the run's metrics as OpenTelemetry metrics over OTLP/HTTP
 * (protobuf), cumulative, exported every {@value #EXPORT_EVERY_SECONDS} seconds of the run and
 * once more at its end: {@code http_reqs} and {@code http_req_failed} (sums) and
 * {@code http_req_duration} (histogram, ms) per method, name, status and scenario, plus the
 * request's own tags; {@code data_sent}, {@code data_received}, {@code iterations},
 * {@code iteration_duration}, {@code checks} (per check and {@code passed}), {@code vus}, and
 * every custom metric (counter and rate as sums, gauge as a gauge, trend as a histogram).
 *
 * <p>Periodic exports are asynchronous, one at a time: one that finds the previous still
 * under way is skipped, which loses nothing since every export carries running totals.
 */
public final class OtlpOutput implements SampleSink {
    static final int EXPORT_EVERY_SECONDS = 10;
    private static final long EXPORT_EVERY_NANOS = EXPORT_EVERY_SECONDS * 1_000_000_000L;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final StreamText text = new StreamText(s -> s, tags -> "");
    private final Map<SeriesKey, RequestSeries> requests = new HashMap<>();
    private final OtlpHistogram iterationDuration = new OtlpHistogram();
    private final Map<Long, long[]> checks = new LinkedHashMap<>();
    private final Map<Integer, CustomSeries> custom = new LinkedHashMap<>();
    private final AtomicBoolean exporting = new AtomicBoolean();
    private final AtomicLong exports = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private long dataSent;
    private long dataReceived;
    private long iterations;
    private double vus = Double.NaN;
    private long startNanos;
    private long latestNanos;
    private long nextExportNanos;

    /** What tells one request series from another: its OTLP attributes, as dictionary ids. */
    private record SeriesKey(int methodId, int nameId, int status, int scenarioId, int tagSetId) {
    }

    /** The series of one method, name, status, scenario and tag set. */
    private static final class RequestSeries {
        final int methodId;
        final int nameId;
        final int status;
        final int scenarioId;
        final int tagSetId;
        final OtlpHistogram duration = new OtlpHistogram();
        long count;
        long failed;

        RequestSeries(SampleEvent e) {
            methodId = e.methodId;
            nameId = e.nameId;
            status = e.status;
            scenarioId = e.scenarioId;
            tagSetId = e.tagSetId;
        }
    }

    /** A custom metric: its type fixes which fields it uses. */
    private static final class CustomSeries {
        final MetricType type;
        final OtlpHistogram trend = new OtlpHistogram();
        double total;
        long passes;
        long fails;
        double last;

        CustomSeries(MetricType type) {
            this.type = type;
        }
    }

    private OtlpOutput(URI url) {
        this.url = url;
    }

    /**
     * The output for {@code --out otlp=URL}.
     *
     * @throws IllegalArgumentException naming the option when the URL is not http(s)
     */
    public static OtlpOutput to(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("invalid --out otlp=" + url + ": " + e.getReason());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("invalid --out otlp=" + url
                    + ": expected an OTLP/HTTP URL such as http://localhost:4318/v1/metrics");
        }
        return new OtlpOutput(uri);
    }

    @Override
    public void onSample(SampleEvent e, boolean endOfBatch) {
        if (e.kind == null || text.define(e)) {
            return;
        }
        if (e.startNanos > 0 && e.kind != io.fusillade.ingest.SampleKind.RUN_META) {
            if (startNanos == 0) {
                startNanos = e.startNanos;
                nextExportNanos = startNanos + EXPORT_EVERY_NANOS;
            }
            latestNanos = Math.max(latestNanos, e.startNanos);
        }
        switch (e.kind) {
            case REQUEST -> request(e);
            case ITERATION -> {
                iterations++;
                iterationDuration.record(e.durationNanos / 1e6);
            }
            case CHECK -> checks.computeIfAbsent((long) e.nameId << 32 | (e.tagSetId & 0xFFFF_FFFFL), k -> new long[2])[e.value != 0 ? 0 : 1]++;
            case METRIC -> metric(e);
            case VU_GAUGE -> {
                if ("vus".equals(text.plain(e.nameId))) {
                    vus = e.value;
                }
            }
            default -> {
                // Markers, metadata and dropped iterations are not exported.
            }
        }
        if (startNanos != 0 && latestNanos >= nextExportNanos) {
            nextExportNanos += EXPORT_EVERY_NANOS * Math.max(1, (latestNanos - nextExportNanos) / EXPORT_EVERY_NANOS + 1);
            exportAsync();
        }
    }

    private void request(SampleEvent e) {
        RequestSeries series = requests.computeIfAbsent(new SeriesKey(e.methodId, e.nameId, e.status, e.scenarioId, e.tagSetId),
                k -> new RequestSeries(e));
        series.count++;
        if (e.requestFailed()) {
            series.failed++;
        }
        series.duration.record(e.durationNanos / 1e6);
        dataSent += e.bytesSent;
        dataReceived += e.bytesReceived;
    }

    private void metric(SampleEvent e) {
        if (!Double.isFinite(e.value)) {
            return;
        }
        CustomSeries series = custom.computeIfAbsent(e.nameId, k -> new CustomSeries(e.metricType == null ? MetricType.COUNTER : e.metricType));
        switch (series.type) {
            case COUNTER -> series.total += e.value;
            case GAUGE -> series.last = e.value;
            case RATE -> {
                if (e.value != 0) {
                    series.passes++;
                } else {
                    series.fails++;
                }
            }
            case TREND -> series.trend.record(e.value);
        }
    }

    private void exportAsync() {
        if (!exporting.compareAndSet(false, true)) {
            return;
        }
        client.sendAsync(request(build()), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            exporting.set(false);
            record(response == null ? 0 : response.statusCode(), error);
        });
    }

    @Override
    public void onEnd() {
        // The final export is sent by export(), from the end-of-run step, where its failure can be reported.
    }

    /**
     * Waits for a periodic export still under way, then sends the final one.
     *
     * @throws IOException naming the URL when it was not accepted
     */
    public void export() throws IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (exporting.get() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        try {
            HttpResponse<Void> response = client.send(request(build()), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                throw new IOException("cannot export OTLP metrics to " + url + ": HTTP " + response.statusCode());
            }
            exports.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while exporting OTLP metrics to " + url, e);
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("cannot export") ? e
                    : new IOException("cannot export OTLP metrics to " + url + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    /** What became of the periodic exports; null when every one was accepted. */
    public String periodicProblems() {
        long bad = failures.get();
        return bad == 0 ? null : "--out otlp: " + bad + " periodic export(s) failed (first: " + firstFailure.get() + ")";
    }

    private void record(int status, Throwable error) {
        if (error == null && status < 300) {
            exports.incrementAndGet();
            return;
        }
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, error != null ? String.valueOf(error.getCause() != null ? error.getCause() : error) : "HTTP " + status);
    }

    private HttpRequest request(ExportMetricsServiceRequest body) {
        return HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    /** The running totals as one OTLP export request. */
    ExportMetricsServiceRequest build() {
        long now = Math.max(latestNanos, startNanos);
        List<Metric> metrics = new ArrayList<>();
        Sum.Builder reqs = cumulativeSum();
        Sum.Builder failed = cumulativeSum();
        Histogram.Builder durations = Histogram.newBuilder().setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
        for (RequestSeries s : requests.values()) {
            List<KeyValue> attributes = requestAttributes(s);
            reqs.addDataPoints(intPoint(s.count, now).addAllAttributes(attributes));
            failed.addDataPoints(intPoint(s.failed, now).addAllAttributes(attributes));
            durations.addDataPoints(s.duration.point().setStartTimeUnixNano(startNanos).setTimeUnixNano(now).addAllAttributes(attributes));
        }
        if (!requests.isEmpty()) {
            metrics.add(Metric.newBuilder().setName("http_reqs").setDescription("HTTP requests made").setUnit("{request}").setSum(reqs).build());
            metrics.add(Metric.newBuilder().setName("http_req_failed").setDescription("HTTP requests that failed (network error or status >= 400)")
                    .setUnit("{request}").setSum(failed).build());
            metrics.add(Metric.newBuilder().setName("http_req_duration").setDescription("HTTP request duration").setUnit("ms")
                    .setHistogram(durations).build());
            metrics.add(sum("data_sent", "By", intPoint(dataSent, now)));
            metrics.add(sum("data_received", "By", intPoint(dataReceived, now)));
        }
        if (iterations > 0) {
            metrics.add(sum("iterations", "{iteration}", intPoint(iterations, now)));
            metrics.add(Metric.newBuilder().setName("iteration_duration").setUnit("ms").setHistogram(Histogram.newBuilder()
                    .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                    .addDataPoints(iterationDuration.point().setStartTimeUnixNano(startNanos).setTimeUnixNano(now))).build());
        }
        if (!checks.isEmpty()) {
            Sum.Builder checkSum = cumulativeSum();
            checks.forEach((key, passFail) -> {
                int nameId = (int) (key >>> 32);
                int tagSetId = (int) (long) key;
                for (int i = 0; i < 2; i++) {
                    List<KeyValue> attributes = new ArrayList<>();
                    attributes.add(attribute("check", text.plain(nameId)));
                    attributes.add(KeyValue.newBuilder().setKey("passed").setValue(AnyValue.newBuilder().setBoolValue(i == 0)).build());
                    tags(attributes, tagSetId);
                    checkSum.addDataPoints(intPoint(passFail[i], now).addAllAttributes(attributes));
                }
            });
            metrics.add(Metric.newBuilder().setName("checks").setUnit("{check}").setSum(checkSum).build());
        }
        if (!Double.isNaN(vus)) {
            metrics.add(Metric.newBuilder().setName("vus").setUnit("{vu}").setGauge(Gauge.newBuilder()
                    .addDataPoints(NumberDataPoint.newBuilder().setAsDouble(vus).setTimeUnixNano(now))).build());
        }
        custom.forEach((nameId, s) -> metrics.add(customMetric(text.plain(nameId), s, now)));
        return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "fusillade")))
                .addScopeMetrics(ScopeMetrics.newBuilder().setScope(InstrumentationScope.newBuilder().setName("fusillade"))
                        .addAllMetrics(metrics))).build();
    }

    private Metric customMetric(String name, CustomSeries s, long now) {
        Metric.Builder metric = Metric.newBuilder().setName(name);
        return switch (s.type) {
            case COUNTER -> metric.setSum(cumulativeSum().addDataPoints(NumberDataPoint.newBuilder().setAsDouble(s.total)
                    .setStartTimeUnixNano(startNanos).setTimeUnixNano(now))).build();
            case GAUGE -> metric.setGauge(Gauge.newBuilder().addDataPoints(NumberDataPoint.newBuilder().setAsDouble(s.last)
                    .setTimeUnixNano(now))).build();
            case RATE -> {
                Sum.Builder sum = cumulativeSum();
                sum.addDataPoints(intPoint(s.passes, now).addAttributes(KeyValue.newBuilder().setKey("passed")
                        .setValue(AnyValue.newBuilder().setBoolValue(true))));
                sum.addDataPoints(intPoint(s.fails, now).addAttributes(KeyValue.newBuilder().setKey("passed")
                        .setValue(AnyValue.newBuilder().setBoolValue(false))));
                yield metric.setSum(sum).build();
            }
            case TREND -> metric.setHistogram(Histogram.newBuilder()
                    .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                    .addDataPoints(s.trend.point().setStartTimeUnixNano(startNanos).setTimeUnixNano(now))).build();
        };
    }

    private List<KeyValue> requestAttributes(RequestSeries s) {
        List<KeyValue> attributes = new ArrayList<>();
        attributes.add(attribute("method", text.plain(s.methodId)));
        attributes.add(attribute("name", text.plain(s.nameId)));
        attributes.add(KeyValue.newBuilder().setKey("status").setValue(AnyValue.newBuilder().setIntValue(s.status)).build());
        if (s.scenarioId != SampleEvent.NO_ID) {
            attributes.add(attribute("scenario", text.plain(s.scenarioId)));
        }
        tags(attributes, s.tagSetId);
        return attributes;
    }

    private void tags(List<KeyValue> attributes, int tagSetId) {
        if (tagSetId != SampleEvent.NO_ID) {
            TagSets.decode(text.plain(tagSetId)).forEach((k, v) -> attributes.add(attribute(k, v)));
        }
    }

    private Metric sum(String name, String unit, NumberDataPoint.Builder point) {
        return Metric.newBuilder().setName(name).setUnit(unit).setSum(cumulativeSum().addDataPoints(point)).build();
    }

    private static Sum.Builder cumulativeSum() {
        return Sum.newBuilder().setIsMonotonic(true).setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
    }

    private NumberDataPoint.Builder intPoint(long value, long now) {
        return NumberDataPoint.newBuilder().setAsInt(value).setStartTimeUnixNano(startNanos).setTimeUnixNano(now);
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }
}
