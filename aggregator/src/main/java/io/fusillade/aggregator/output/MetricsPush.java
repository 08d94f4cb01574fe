package io.fusillade.aggregator.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fusillade.aggregator.report.JsonSummary;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code --metrics-url URL [--metrics-auth 'Header: value']}: while the run goes, POSTs one
 * JSON object per second of the run to {@code URL} (requests, rps, failures, latency
 * percentiles, VUs); at the end, POSTs the full JSON summary, with its endpoint breakdown and
 * status code counts, to {@code URL/summary}.
 *
 * <p>Pushes are asynchronous and never hold up the sample stream: at most
 * {@value #MAX_IN_FLIGHT} are outstanding, and a second that finds them all busy is skipped
 * and counted. Each push times out after five seconds.
 */
public final class MetricsPush implements SampleSink {
    static final int MAX_IN_FLIGHT = 32;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI url;
    private final URI summaryUrl;
    private final String authName;
    private final String authValue;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final StreamText text = new StreamText(s -> s, tags -> "");
    private final PerSecond perSecond = new PerSecond(text, this::push);
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    private MetricsPush(URI url, String authName, String authValue) {
        this.url = url;
        String base = url.toString();
        this.summaryUrl = URI.create(base.endsWith("/") ? base + "summary" : base + "/summary");
        this.authName = authName;
        this.authValue = authValue;
    }

    /**
     * Checks the URL and the header.
     *
     * @param auth {@code Header-Name: value}, or null
     * @throws IllegalArgumentException naming {@code --metrics-url} or {@code --metrics-auth}
     */
    public static MetricsPush to(String url, String auth) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid --metrics-url '" + url + "': " + e.getReason());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("invalid --metrics-url '" + url + "': expected an http:// or https:// URL");
        }
        if (auth == null) {
            return new MetricsPush(uri, null, null);
        }
        int colon = auth.indexOf(':');
        String name = colon < 0 ? "" : auth.substring(0, colon).strip();
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new IllegalArgumentException("invalid --metrics-auth '" + auth + "': expected 'Header-Name: value', e.g. 'Authorization: Bearer TOKEN'");
        }
        return new MetricsPush(uri, name, auth.substring(colon + 1).strip());
    }

    @Override
    public void onSample(SampleEvent e, boolean endOfBatch) {
        if (!text.define(e)) {
            perSecond.onSample(e);
        }
    }

    @Override
    public void onEnd() {
        perSecond.end();
    }

    private void push(IntervalStats stats) {
        if (stats.wholeRun()) {
            return;
        }
        if (!inFlight.tryAcquire()) {
            skipped.incrementAndGet();
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", Instant.ofEpochSecond(0, stats.startNanos()).toString());
        body.put("elapsed_secs", stats.elapsedSeconds());
        body.put("requests", stats.requests());
        body.put("rps", stats.rps());
        body.put("errors", stats.failed());
        body.put("error_rate", stats.requests() == 0 ? 0.0 : (double) stats.failed() / stats.requests());
        body.put("iterations", stats.iterations());
        body.put("p50", finite(stats.p50()));
        body.put("p90", finite(stats.p90()));
        body.put("p95", finite(stats.p95()));
        body.put("p99", finite(stats.p99()));
        body.put("max", finite(stats.max()));
        body.put("vus", finite(stats.vus()));
        client.sendAsync(request(url, json(body)), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    inFlight.release();
                    record(response, error);
                });
    }

    /**
     * Waits for the per-second pushes still under way, then POSTs {@code summary} to
     * {@code URL/summary}.
     *
     * @throws IOException when the summary could not be delivered, naming the URL
     */
    public void pushSummary(Summary summary) throws IOException {
        try {
            if (inFlight.tryAcquire(MAX_IN_FLIGHT, TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                inFlight.release(MAX_IN_FLIGHT);
            }
            HttpResponse<Void> response = client.send(request(summaryUrl, new JsonSummary().toJson(summary)),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                throw new IOException("cannot push the summary to " + summaryUrl + ": HTTP " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pushing the summary to " + summaryUrl, e);
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("cannot push") ? e
                    : new IOException("cannot push the summary to " + summaryUrl + ": " + describe(e), e);
        }
    }

    /** What became of the per-second pushes, for a note at the end; null when all were delivered. */
    public String intervalProblems() {
        long bad = failed.get();
        long dropped = skipped.get();
        if (bad == 0 && dropped == 0) {
            return null;
        }
        return "--metrics-url: " + bad + " of " + (sent.get() + bad) + " per-second pushes failed"
                + (dropped > 0 ? ", " + dropped + " skipped while earlier ones were outstanding" : "")
                + (firstFailure.get() == null ? "" : " (first: " + firstFailure.get() + ")");
    }

    private void record(HttpResponse<Void> response, Throwable error) {
        if (error == null && response.statusCode() < 300) {
            sent.incrementAndGet();
            return;
        }
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, error != null ? describe(error) : "HTTP " + response.statusCode());
    }

    private HttpRequest request(URI target, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authName != null) {
            builder.header(authName, authValue);
        }
        return builder.build();
    }

    private String json(Map<String, Object> body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a metrics push: " + e.getOriginalMessage(), e);
        }
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
