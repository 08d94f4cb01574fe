package io.fusillade.engine.js;

import io.fusillade.engine.http.Chaos;
import io.fusillade.engine.http.CookieJar;
import io.fusillade.engine.http.HttpExchange;
import io.fusillade.engine.http.HttpHeader;
import io.fusillade.engine.http.HttpRequestSpec;
import io.fusillade.engine.http.HttpSession;
import io.fusillade.engine.http.HttpVersion;
import io.fusillade.engine.http.Multipart;
import io.fusillade.engine.http.Redirects;
import io.fusillade.engine.http.UrlNames;
import io.fusillade.engine.options.Durations;
import io.fusillade.engine.options.OptionException;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleWriter;
import io.fusillade.ingest.TagSets;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The host side of one VU's script API: the only Java object its JS can reach, and only
 * through the methods marked {@link HostAccess.Export}. Used by one virtual thread at a time.
 *
 * <p>A request runs on the VU's own {@link HttpSession} (its keep-alive connections), is
 * published as one REQUEST record written straight into a ring slot, and comes back to JS as
 * a lazy {@link JsResponse}. Strings that become record ids are interned once per VU.
 */
public final class VuBridge {
    private static final SampleWriter<VuBridge> REQUEST = VuBridge::writeRequest;
    private static final SampleWriter<VuBridge> CHECK = VuBridge::writeCheck;

    private final int vu;
    private final int scenarioId;
    private final Map<String, String> scenarioTags;
    private final int scenarioTagSetId;
    private final VuServices services;
    private HttpSession session;
    /** True while the script's init code runs: requests are not allowed there, as in k6. */
    boolean initPhase = true;
    private final HttpExchange exchange = new HttpExchange();
    /** The exchange being published: set just before ring.publish, read by the writer. */
    private HttpExchange publishing;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, URI> uris = new HashMap<>();
    private final Map<String, HttpRequestSpec> plainRequests = new HashMap<>();
    /** Request URL to the id of its metric name (the URL with identifier segments as {@code :id}). */
    private final Map<String, Integer> urlNameIds = new HashMap<>();
    private final CookieJar cookies = new CookieJar();
    private JsCookies jsCookies;
    private Path scriptDir;
    private final ProxyObject env;
    private Value jsonParse;
    /** The current {@code group()} path ({@code ::outer::inner}), empty outside groups, and its tag set. */
    private String group = "";
    private int groupTagSetId;
    private final Map<String, Integer> groupTagSetIds = new HashMap<>();

    /** Iteration number, set by the VU loop; stamped on every record. */
    long iteration;
    /** Nanoseconds slept in the current iteration, so iteration time can exclude sleep. */
    long sleptNanos;
    /** How late the current iteration started against its arrival-rate plan; its requests' intended starts are that much earlier. */
    long lagNanos;

    // The record being published: set just before ring.publish, read by the writers.
    private int pendingMethodId;
    private int pendingNameId;
    private int pendingTagSetId;
    private int pendingCheckId;
    private boolean pendingCheckPass;
    private String pendingCheckMessage;

    VuBridge(int vu, int scenarioId, VuServices services) {
        this(vu, scenarioId, services, Map.of());
    }

    /** @param scenarioTags the scenario's {@code tags}, on every request and check of this VU (a request's own tags win) */
    VuBridge(int vu, int scenarioId, VuServices services, Map<String, String> scenarioTags) {
        this.vu = vu;
        this.scenarioId = scenarioId;
        this.services = services;
        this.scenarioTags = Map.copyOf(scenarioTags);
        this.scenarioTagSetId = scenarioTags.isEmpty() ? 0 : intern(TagSets.encode(new TreeMap<>(scenarioTags)));
        this.groupTagSetId = scenarioTagSetId;
        this.env = ProxyObject.fromMap(new HashMap<>(services.env()));
    }

    void attach(Value jsonParse) {
        this.jsonParse = jsonParse;
    }

    /**
     * A request with neither body nor params: the common case, with nothing to convert. Its
     * (immutable) request is kept per URL, so a VU repeating it neither re-validates nor, on
     * the socket transport, re-encodes it.
     */
    @HostAccess.Export
    public Object requestPlain(String method, String url) {
        requireRunning();
        HttpRequestSpec spec = plainRequests.get(url);
        if (spec == null || !spec.method().equals(method)) {
            spec = new HttpRequestSpec(method, uri(url), List.of(), null, services.defaultTimeout(), services.responseSink());
            if (plainRequests.size() >= 1_000) {
                plainRequests.clear();
            }
            plainRequests.put(url, spec);
        }
        return send(spec, url, null, groupTagSetId, RequestPolicy.DEFAULT);
    }

    @HostAccess.Export
    public Object request(String method, String url, Value body, Value params) {
        requireRunning();
        Prepared r = prepare(method, url, body, params);
        return send(r.spec(), r.url(), r.name(), r.tagSetId(), r.policy());
    }

    /** A request as the script described it, ready to send. */
    private record Prepared(HttpRequestSpec spec, String url, String name, int tagSetId, RequestPolicy policy) {
    }

    private Prepared prepare(String method, String url, Value body, Value params) {
        Duration timeout = services.defaultTimeout();
        HttpVersion version = null;
        String name = null;
        int tagSetId = 0;
        List<HttpHeader> headers = new ArrayList<>(4);
        RequestPolicy policy = RequestPolicy.DEFAULT;
        if (params != null && params.hasMembers()) {
            policy = RequestPolicy.of(params);
            Value v = params.getMember("headers");
            if (v != null && v.hasMembers()) {
                for (String key : v.getMemberKeys()) {
                    Value hv = v.getMember(key);
                    if (hv != null && !hv.isNull()) {
                        headers.add(new HttpHeader(key, hv.isString() ? hv.asString() : hv.toString()));
                    }
                }
            }
            v = params.getMember("name");
            if (v != null && v.isString()) {
                name = v.asString();
            }
            v = params.getMember("tags");
            if (v != null && v.hasMembers()) {
                Map<String, String> tags = new TreeMap<>(scenarioTags);
                for (String key : v.getMemberKeys()) {
                    Value tv = v.getMember(key);
                    tags.put(key, tv.isString() ? tv.asString() : tv.toString());
                }
                if (name == null && tags.get("name") != null) {
                    name = tags.get("name");
                }
                if (!group.isEmpty()) {
                    tags.putIfAbsent("group", group);
                }
                tagSetId = intern(TagSets.encode(tags));
            }
            v = params.getMember("timeout");
            if (v != null && !v.isNull()) {
                try {
                    timeout = Durations.fromValue("timeout", v.isNumber() ? (Object) v.asDouble() : v.asString());
                } catch (OptionException | ClassCastException e) {
                    throw new IllegalArgumentException("invalid request timeout " + v + ": expected e.g. '10s' or a number of milliseconds");
                }
            }
            v = params.getMember("httpVersion");
            if (v != null && !v.isNull()) {
                version = HttpVersion.parse("params.httpVersion", v.isNumber() ? (Object) v.asDouble() : v.isString() ? v.asString() : v.toString());
            }
        }
        HttpRequestSpec spec = new HttpRequestSpec(method, uri(url), headers, body(body, headers), timeout, services.responseSink(),
                version);
        return new Prepared(spec, url, name, tagSetId == 0 ? groupTagSetId : tagSetId, policy);
    }

    /**
     * {@code http.batch()}: the requests (each {@code [method, url, body, params]}) sent at
     * the same time, each on a connection of its own (at most {@value #BATCH_PARALLEL} at
     * once), redirects followed; the responses in the order asked. Each exchange is a sample,
     * published in request order once all are done.
     */
    @HostAccess.Export
    public Object batch(Value requests) {
        requireRunning();
        int n = (int) requests.getArraySize();
        Prepared[] prepared = new Prepared[n];
        for (int i = 0; i < n; i++) {
            Value r = requests.getArrayElement(i);
            Prepared p = prepare(r.getArrayElement(0).asString(), r.getArrayElement(1).asString(), r.getArrayElement(2),
                    r.getArrayElement(3));
            String cookieHeader = cookies.isEmpty() ? null : cookies.header(p.spec().uri(), System.currentTimeMillis());
            prepared[i] = cookieHeader == null ? p
                    : new Prepared(p.spec().withCookies(cookieHeader), p.url(), p.name(), p.tagSetId(), p.policy());
        }
        List<List<Hop>> hops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            hops.add(new ArrayList<>(1));
        }
        int lanes = Math.min(n, BATCH_PARALLEL);
        if (session == null) {
            session = services.http().newSession();
        }
        while (batchSessions.size() < lanes) {
            // Each lane its own HTTP/1.1 connections; HTTP/2 streams share the VU's connection.
            batchSessions.add(session.lane());
        }
        Thread[] workers = new Thread[lanes];
        RuntimeException[] failure = new RuntimeException[1];
        for (int lane = 0; lane < lanes; lane++) {
            int first = lane;
            HttpSession laneSession = batchSessions.get(lane);
            workers[lane] = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = first; i < n; i += lanes) {
                        sendFollowing(laneSession, prepared[i], hops.get(i));
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
        List<Object> responses = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Hop last = null;
            for (Hop hop : hops.get(i)) {
                if (services.failures() != null) {
                    services.failures().record(hop.spec(), hop.exchange());
                }
                List<String> setCookies = hop.exchange().responseHeaders().setCookies();
                if (!setCookies.isEmpty()) {
                    cookies.store(hop.spec().uri(), setCookies, System.currentTimeMillis());
                }
                String url = last == null ? prepared[i].url() : hop.spec().uri().toString();
                publish(hop.exchange(), hop.spec().method(), url, prepared[i].name(), prepared[i].tagSetId());
                last = hop;
            }
            responses.add(response(last.exchange(), last == hops.get(i).getFirst() ? prepared[i].url() : last.spec().uri().toString()));
        }
        return ProxyArray.fromList(responses);
    }

    private static final int BATCH_PARALLEL = 20;
    private final List<HttpSession> batchSessions = new ArrayList<>();

    /** One exchange of a batch request: what was sent and what came back. */
    private record Hop(HttpRequestSpec spec, HttpExchange exchange) {
    }

    /** One batch request and its redirects on {@code lane}; each exchange kept in {@code hops}. */
    private static void sendFollowing(HttpSession lane, Prepared request, List<Hop> hops) {
        HttpRequestSpec current = request.spec();
        for (int hop = 0; ; hop++) {
            HttpExchange out = new HttpExchange();
            lane.execute(current, out);
            hops.add(new Hop(current, out));
            if (!request.policy().followRedirects() || hop >= request.policy().maxRedirects() || !Redirects.isRedirect(out.status())) {
                return;
            }
            HttpRequestSpec next = Redirects.next(current, out.status(), out.responseHeaders().all("location"));
            if (next == null) {
                return;
            }
            current = next;
        }
    }

    private void requireRunning() {
        if (initPhase || services.http() == null) {
            throw new IllegalStateException("HTTP requests cannot be made in the init context (top-level code); make them in default() or another exported function");
        }
    }

    /** A request with its retries (each attempt with its redirects): every exchange is one sample; the last one is the response. */
    private Object send(HttpRequestSpec spec, String url, String name, int tagSetId, RequestPolicy policy) {
        if (session == null) {
            session = services.http().newSession();
        }
        for (int attempt = 1; ; attempt++) {
            JsResponse response = follow(spec, url, name, tagSetId, policy);
            if (attempt > policy.retries() || !policy.shouldRetry(response, exchange.status())) {
                return response;
            }
            pauseNanos(policy.delayMillis(attempt) * 1_000_000);
        }
    }

    /** One attempt: the request, then each redirect it is answered with, as the policy allows. */
    private JsResponse follow(HttpRequestSpec spec, String url, String name, int tagSetId, RequestPolicy policy) {
        HttpRequestSpec current = spec;
        String currentUrl = url;
        for (int hop = 0; ; hop++) {
            exchange(current, currentUrl, name, tagSetId);
            if (!policy.followRedirects() || hop >= policy.maxRedirects() || !Redirects.isRedirect(exchange.status())) {
                break;
            }
            HttpRequestSpec next = Redirects.next(current, exchange.status(), exchange.responseHeaders().all("location"));
            if (next == null) {
                break;
            }
            current = next;
            currentUrl = next.uri().toString();
        }
        return response(exchange, currentUrl);
    }

    private JsResponse response(HttpExchange ex, String url) {
        long[] timings = {ex.blockedNanos(), ex.connectingNanos(), ex.tlsHandshakingNanos(),
            ex.sendingNanos(), ex.waitingNanos(), ex.receivingNanos(), ex.durationNanos()};
        return new JsResponse(ex.status(), ex.statusText(), ex.protocol().label(), ex.error(),
                ex.errorMessage(), url, ex.body(), ex.responseHeaders(), timings, jsonParse);
    }

    /** Publishes {@code ex} as one request sample. */
    private void publish(HttpExchange ex, String method, String url, String name, int tagSetId) {
        pendingMethodId = intern(method);
        pendingNameId = name != null ? intern(name) : urlNameId(url);
        pendingTagSetId = tagSetId;
        publishing = ex;
        services.ring().publish(REQUEST, this);
    }

    /** One exchange on the VU's session, with its cookies sent and kept, published as one sample. */
    private void exchange(HttpRequestSpec spec, String url, String name, int tagSetId) {
        HttpRequestSpec sent = spec;
        if (!cookies.isEmpty()) {
            String cookieHeader = cookies.header(spec.uri(), System.currentTimeMillis());
            if (cookieHeader != null) {
                sent = spec.withCookies(cookieHeader);
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
                exchange.dropped(System.nanoTime());
            } else {
                session.execute(sent, exchange);
            }
            exchange.delayedBy(delay);
        } else {
            session.execute(sent, exchange);
        }
        if (services.failures() != null) {
            services.failures().record(sent, exchange);
        }
        List<String> setCookies = exchange.responseHeaders().setCookies();
        if (!setCookies.isEmpty()) {
            cookies.store(spec.uri(), setCookies, System.currentTimeMillis());
        }
        publish(exchange, spec.method(), url, name, tagSetId);
    }

    private int urlNameId(String url) {
        Integer id = urlNameIds.get(url);
        if (id == null) {
            id = intern(UrlNames.of(url));
            if (urlNameIds.size() < 10_000) {
                urlNameIds.put(url, id);
            }
        }
        return id;
    }

    /** Waits (between retries, or chaos jitter); a stopped VU stops waiting. */
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

    /** {@code Basic base64(user:password)}, for {@code http.basicAuth()}. */
    @HostAccess.Export
    public String basicAuth(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The VU's cookie jar, for {@code http.cookieJar()}. */
    @HostAccess.Export
    public Object cookieJar() {
        if (jsCookies == null) {
            jsCookies = new JsCookies(cookies);
        }
        return jsCookies;
    }

    private void fillRequest(SampleEvent slot) {
        slot.kind = SampleKind.REQUEST;
        publishing.writeTo(slot, services.clock());
        slot.intendedStartNanos = slot.startNanos - lagNanos;
        slot.methodId = pendingMethodId;
        slot.nameId = pendingNameId;
        slot.tagSetId = pendingTagSetId;
        slot.scenarioId = scenarioId;
        slot.vu = vu;
        slot.iteration = iteration;
    }

    private static void writeRequest(SampleEvent slot, VuBridge bridge) {
        bridge.fillRequest(slot);
    }

    private static void writeCheck(SampleEvent slot, VuBridge bridge) {
        slot.kind = SampleKind.CHECK;
        slot.startNanos = bridge.services.clock().nowNanos();
        slot.intendedStartNanos = slot.startNanos;
        slot.nameId = bridge.pendingCheckId;
        slot.tagSetId = bridge.groupTagSetId;
        slot.value = bridge.pendingCheckPass ? 1 : 0;
        slot.text = bridge.pendingCheckMessage;
        slot.scenarioId = bridge.scenarioId;
        slot.vu = bridge.vu;
        slot.iteration = bridge.iteration;
    }

    private URI uri(String url) {
        URI uri = uris.get(url);
        if (uri == null) {
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("invalid URL '" + url + "': " + e.getReason());
            }
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("invalid URL '" + url + "': expected an absolute http:// or https:// URL");
            }
            if (uris.size() < 10_000) {
                uris.put(url, uri);
            }
        }
        return uri;
    }

    private static byte[] body(Value body, List<HttpHeader> headers) {
        if (body == null || body.isNull()) {
            return null;
        }
        if (body.isHostObject() && body.asHostObject() instanceof JsFormData form) {
            setContentType(headers, form.contentType());
            return form.body();
        }
        byte[] raw = JsBytes.of(body);
        if (raw != null) {
            return raw;
        }
        if (body.hasMembers() && !body.canExecute()) {
            // A plain object: form-encoded, as in k6; multipart when a value is an http.file().
            boolean files = false;
            for (String key : body.getMemberKeys()) {
                Value v = body.getMember(key);
                files |= v.isString() && FileParts.isMarker(v.asString());
            }
            if (files) {
                Multipart multipart = new Multipart();
                for (String key : body.getMemberKeys()) {
                    Value v = body.getMember(key);
                    FileParts.add(multipart, key, v.isString() ? v.asString() : v.toString());
                }
                setContentType(headers, multipart.contentType());
                return multipart.body();
            }
            StringBuilder sb = new StringBuilder();
            for (String key : body.getMemberKeys()) {
                Value v = body.getMember(key);
                if (!sb.isEmpty()) {
                    sb.append('&');
                }
                sb.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v.isString() ? v.asString() : v.toString(), StandardCharsets.UTF_8));
            }
            setContentType(headers, "application/x-www-form-urlencoded");
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Sets Content-Type unless the script set one itself. */
    private static void setContentType(List<HttpHeader> headers, String type) {
        if (headers.stream().noneMatch(h -> h.is("content-type"))) {
            headers.add(new HttpHeader("Content-Type", type));
        }
    }

    /**
     * {@code http.file(pathOrData, filename, contentType)}: a file part for a multipart body. A
     * string naming a file next to the script is that file; any other string or buffer is the
     * content itself (as k6's {@code http.file(open(...))} passes it).
     */
    @HostAccess.Export
    public String fileMarker(Value data, String filename, String contentType) {
        if (data != null && data.isString() && scriptDir != null) {
            String text = data.asString();
            try {
                if (text.length() < 4096 && Files.isRegularFile(scriptDir.resolve(text))) {
                    return FileParts.ofPath(scriptDir, text, filename, contentType);
                }
            } catch (InvalidPathException notAPath) {
                // Content, not a file name.
            }
        }
        byte[] bytes = data == null || data.isNull() ? new byte[0] : JsBytes.of(data);
        if (bytes == null) {
            throw new IllegalArgumentException("http.file: expected a file path, a string or an ArrayBuffer");
        }
        return FileParts.ofData(bytes, filename, contentType);
    }

    /** A new multipart form for {@code new FormData()}. */
    @HostAccess.Export
    public Object formData() {
        return new JsFormData();
    }

    /** Where the script lives: {@code http.file()} paths are relative to it. */
    void scriptDir(Path dir) {
        this.scriptDir = dir;
    }

    @HostAccess.Export
    public int intern(String text) {
        Integer id = ids.get(text);
        if (id == null) {
            id = services.ring().dictionary().intern(text);
            if (ids.size() < 100_000) {
                ids.put(text, id);
            }
        }
        return id;
    }

    @HostAccess.Export
    public void check(int nameId, boolean pass, String message) {
        pendingCheckId = nameId;
        pendingCheckPass = pass;
        pendingCheckMessage = message;
        services.ring().publish(CHECK, this);
    }

    /**
     * Enters or leaves a {@code group()}: requests, checks and metrics are tagged {@code group=path}
     * inside it. {@code groupTagSetId} is the tag set every record of the VU carries right now:
     * its scenario's tags, plus the group when it is in one.
     */
    @HostAccess.Export
    public void setGroup(String path) {
        group = path;
        if (path.isEmpty()) {
            groupTagSetId = scenarioTagSetId;
            return;
        }
        Integer id = groupTagSetIds.get(path);
        if (id == null) {
            Map<String, String> tags = new TreeMap<>(scenarioTags);
            tags.put("group", path);
            id = intern(TagSets.encode(tags));
            if (groupTagSetIds.size() < 10_000) {
                groupTagSetIds.put(path, id);
            }
        }
        groupTagSetId = id;
    }

    String group() {
        return group;
    }

    int groupTagSetId() {
        return groupTagSetId;
    }

    @HostAccess.Export
    public void sleep(double seconds) {
        if (!(seconds > 0)) {
            return;
        }
        long nanos = (long) (seconds * 1e9);
        long start = System.nanoTime();
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VuInterruptedException();
        } finally {
            sleptNanos += System.nanoTime() - start;
        }
    }

    @HostAccess.Export
    public void print(String message) {
        services.log().print(message);
    }

    @HostAccess.Export
    public void log(int level, String message) {
        services.log().console(ScriptLog.Level.values()[Math.max(0, Math.min(3, level))], vu, message);
    }

    @HostAccess.Export
    public Object env() {
        return env;
    }

    void close() {
        if (session != null) {
            session.close();
        }
        batchSessions.forEach(HttpSession::close);
    }
}
