package io.fusillade.engine.js.modules.http;

import io.fusillade.engine.http.Chaos;
import io.fusillade.engine.http.CookieJar;
import io.fusillade.engine.http.HttpExchange;
import io.fusillade.engine.http.HttpRequestSpec;
import io.fusillade.engine.http.HttpSession;
import io.fusillade.engine.http.Redirects;
import io.fusillade.engine.http.UrlNames;
import io.fusillade.engine.js.host.RunServices;
import io.fusillade.engine.js.host.VuContext;
import io.fusillade.engine.js.host.VuInterruptedException;
import io.fusillade.engine.js.host.VuSamples;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * The one path every request of a VU takes, alone or in {@code http.batch()}: each attempt
 * sends the request and follows the redirects it is answered with (as its policy allows);
 * each exchange sends and keeps the VU's cookies, suffers the run's injected faults, is
 * captured when it failed ({@code --capture-errors}) and becomes one REQUEST sample; a
 * failed attempt is retried as the policy says; the last exchange is the response.
 *
 * <p>A single request runs on the VU's thread and reuses one exchange object, publishing
 * each exchange as it ends. A batch runs its attempts on parallel lanes, keeps their
 * exchanges, then on the VU's thread publishes them in request order and makes any retries.
 */
final class RequestFlow implements AutoCloseable {
    /** The most requests of a batch in flight at once. */
    static final int BATCH_PARALLEL = 20;
    private static final int MAX_CACHED_NAMES = 10_000;

    private final VuContext vu;
    private final RunServices services;
    private final VuSamples samples;
    private final CookieJar cookies;
    private final HttpExchange exchange = new HttpExchange();
    private final Map<String, Integer> urlNameIds = new HashMap<>();
    private final List<HttpSession> lanes = new ArrayList<>();
    private Value jsonParse;
    private HttpSession session;

    RequestFlow(VuContext vu, CookieJar cookies) {
        this.vu = vu;
        this.services = vu.services();
        this.samples = vu.samples();
        this.cookies = cookies;
    }

    /** One exchange of a batch request: what was sent, what came back, and under which URL it is recorded. */
    private record Hop(HttpRequestSpec spec, HttpExchange exchange, String url) {
    }

    /** A request with its retries: every exchange is one sample; the last one is the response. */
    JsResponse send(HttpRequestSpec spec, String url, String name, int tagSetId, RequestPolicy policy) {
        HttpSession own = session();
        for (int attempt = 1; ; attempt++) {
            String last = attempt(own, spec, url, name, tagSetId, policy, exchange, null);
            JsResponse response = response(exchange, last);
            if (!retry(policy, response, exchange.status(), attempt)) {
                return response;
            }
        }
    }

    /**
     * {@code http.batch()}: the requests sent at the same time, each lane on connections of
     * its own (at most {@value #BATCH_PARALLEL} at once); the responses in the order asked.
     */
    List<JsResponse> batch(Prepared[] requests) {
        int n = requests.length;
        List<List<Hop>> kept = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            kept.add(new ArrayList<>(1));
        }
        int parallel = Math.min(n, BATCH_PARALLEL);
        HttpSession own = session();
        while (lanes.size() < parallel) {
            // Each lane its own HTTP/1.1 connections; HTTP/2 streams share the VU's connection.
            lanes.add(own.lane());
        }
        Thread[] workers = new Thread[parallel];
        RuntimeException[] failure = new RuntimeException[1];
        for (int lane = 0; lane < parallel; lane++) {
            int first = lane;
            HttpSession laneSession = lanes.get(lane);
            workers[lane] = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = first; i < n; i += parallel) {
                        Prepared r = requests[i];
                        attempt(laneSession, r.spec(), r.url(), r.name(), r.tagSetId(), r.policy(), null, kept.get(i));
                    }
                } catch (RuntimeException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            });
        }
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            for (Thread worker : workers) {
                worker.interrupt();
            }
            Thread.currentThread().interrupt();
            throw new VuInterruptedException();
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw new IllegalStateException("http.batch: a request failed: " + failure[0].getMessage(), failure[0]);
            }
        }
        List<JsResponse> responses = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Hop last = null;
            for (Hop hop : kept.get(i)) {
                publish(hop.exchange(), hop.spec().method(), hop.url(), requests[i].name(), requests[i].tagSetId());
                last = hop;
            }
            JsResponse response = response(last.exchange(), last.url());
            Prepared r = requests[i];
            for (int attempt = 1; retry(r.policy(), response, last.exchange().status(), attempt); attempt++) {
                String url = attempt(own, r.spec(), r.url(), r.name(), r.tagSetId(), r.policy(), exchange, null);
                response = response(exchange, url);
                last = new Hop(null, exchange, url);
            }
            responses.add(response);
        }
        return responses;
    }

    /** True when attempt {@code attempt} should be tried again; then waits out the pause before it. */
    private static boolean retry(RequestPolicy policy, JsResponse response, int status, int attempt) {
        if (attempt > policy.retries() || !policy.shouldRetry(response, status)) {
            return false;
        }
        pauseNanos(policy.delayMillis(attempt) * 1_000_000);
        return true;
    }

    /**
     * One attempt on {@code on}: the request, then each redirect it is answered with, as its
     * policy allows.
     *
     * @param url  the request's URL as the script wrote it
     * @param name its sample name, or null to name samples after their URL
     * @param out  the exchange to fill (each hop overwrites it) when {@code kept} is null
     * @param kept null to publish each exchange as it ends (on the VU's own thread), or where to
     *             keep each exchange, a new one per hop, for the VU's thread to publish later
     * @return the URL of the last exchange, as it is recorded
     */
    private String attempt(HttpSession on, HttpRequestSpec spec, String firstUrl, String name, int tagSetId,
                           RequestPolicy policy, HttpExchange out, List<Hop> kept) {
        HttpRequestSpec current = spec;
        String url = firstUrl;
        for (int hop = 0; ; hop++) {
            HttpExchange ex = kept == null ? out : new HttpExchange();
            exchange(on, current, ex);
            if (kept == null) {
                publish(ex, current.method(), url, name, tagSetId);
            } else {
                kept.add(new Hop(current, ex, url));
            }
            if (!policy.followRedirects() || hop >= policy.maxRedirects() || !Redirects.isRedirect(ex.status())) {
                return url;
            }
            HttpRequestSpec next = Redirects.next(current, ex.status(), ex.responseHeaders().all("location"));
            if (next == null) {
                return url;
            }
            current = next;
            url = next.uri().toString();
        }
    }

    /** One exchange: the VU's cookies sent, the run's faults injected, a failure captured, the cookies it sets kept. */
    private void exchange(HttpSession on, HttpRequestSpec spec, HttpExchange out) {
        HttpRequestSpec sent = spec;
        synchronized (cookies) {
            if (!cookies.isEmpty()) {
                String cookieHeader = cookies.header(spec.uri(), System.currentTimeMillis());
                if (cookieHeader != null) {
                    sent = spec.withCookies(cookieHeader);
                }
            }
        }
        Chaos chaos = services.chaos();
        if (chaos.active()) {
            long delay = chaos.nextDelayNanos();
            if (delay > 0) {
                long before = System.nanoTime();
                pauseNanos(delay);
                delay = System.nanoTime() - before;
            }
            if (chaos.nextDropped()) {
                out.dropped(System.nanoTime());
            } else {
                on.execute(sent, out);
            }
            out.delayedBy(delay);
        } else {
            on.execute(sent, out);
        }
        if (services.failures() != null) {
            services.failures().record(sent, out);
        }
        List<String> setCookies = out.responseHeaders().setCookies();
        if (!setCookies.isEmpty()) {
            synchronized (cookies) {
                cookies.store(spec.uri(), setCookies, System.currentTimeMillis());
            }
        }
    }

    /** One exchange as one sample, named by the request's name or by its URL. */
    private void publish(HttpExchange ex, String method, String url, String name, int tagSetId) {
        int nameId = name != null ? samples.intern(name) : urlNameId(url);
        samples.request(ex, samples.intern(method), nameId, tagSetId);
    }

    private int urlNameId(String url) {
        Integer id = urlNameIds.get(url);
        if (id == null) {
            id = samples.intern(UrlNames.of(url));
            if (urlNameIds.size() < MAX_CACHED_NAMES) {
                urlNameIds.put(url, id);
            }
        }
        return id;
    }

    private JsResponse response(HttpExchange ex, String url) {
        long[] timings = {ex.blockedNanos(), ex.connectingNanos(), ex.tlsHandshakingNanos(),
            ex.sendingNanos(), ex.waitingNanos(), ex.receivingNanos(), ex.durationNanos()};
        return new JsResponse(ex.status(), ex.statusText(), ex.protocol().label(), ex.error(),
                ex.errorMessage(), url, ex.body(), ex.responseHeaders(), timings, jsonParse());
    }

    /** The VU's {@code JSON.parse}, for {@code r.json()}; looked up on the first response. */
    private Value jsonParse() {
        if (jsonParse == null) {
            jsonParse = org.graalvm.polyglot.Context.getCurrent().getBindings("js").getMember("JSON").getMember("parse");
        }
        return jsonParse;
    }

    private HttpSession session() {
        if (session == null) {
            session = services.http().newSession();
        }
        return session;
    }

    /** Waits (between retries, or injected jitter); a stopped VU stops waiting. */
    private static void pauseNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VuInterruptedException();
        }
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
        lanes.forEach(HttpSession::close);
    }
}
