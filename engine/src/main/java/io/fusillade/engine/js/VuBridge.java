package io.fusillade.engine.js;

import io.fusillade.engine.http.HttpExchange;
import io.fusillade.engine.http.HttpHeader;
import io.fusillade.engine.http.HttpRequestSpec;
import io.fusillade.engine.http.HttpSession;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
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
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, URI> uris = new HashMap<>();
    private final Map<String, HttpRequestSpec> plainRequests = new HashMap<>();
    private final ProxyObject env;
    private Value jsonParse;

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
        return send(spec, url, null, scenarioTagSetId);
    }

    @HostAccess.Export
    public Object request(String method, String url, Value body, Value params) {
        requireRunning();
        Duration timeout = services.defaultTimeout();
        String name = null;
        int tagSetId = scenarioTagSetId;
        List<HttpHeader> headers = new ArrayList<>(4);
        if (params != null && params.hasMembers()) {
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
        }
        return send(method, url, body(body, headers), headers, name, tagSetId, timeout);
    }

    private Object send(String method, String url, byte[] body, List<HttpHeader> headers, String name, int tagSetId,
                        Duration timeout) {
        return send(new HttpRequestSpec(method, uri(url), headers, body, timeout, services.responseSink()), url, name, tagSetId);
    }

    private void requireRunning() {
        if (initPhase || services.http() == null) {
            throw new IllegalStateException("HTTP requests cannot be made in the init context (top-level code); make them in default() or another exported function");
        }
    }

    private Object send(HttpRequestSpec spec, String url, String name, int tagSetId) {
        if (session == null) {
            session = services.http().newSession();
        }
        session.execute(spec, exchange);
        String method = spec.method();

        pendingMethodId = intern(method);
        pendingNameId = intern(name != null ? name : url);
        pendingTagSetId = tagSetId;
        services.ring().publish(REQUEST, this);

        long[] timings = {exchange.blockedNanos(), exchange.connectingNanos(), exchange.tlsHandshakingNanos(),
            exchange.sendingNanos(), exchange.waitingNanos(), exchange.receivingNanos(), exchange.durationNanos()};
        return new JsResponse(exchange.status(), exchange.statusText(), exchange.protocol().label(), exchange.error(),
                exchange.errorMessage(), url, exchange.body(), exchange.responseHeaders(), timings, jsonParse);
    }

    private void fillRequest(SampleEvent slot) {
        slot.kind = SampleKind.REQUEST;
        exchange.writeTo(slot, services.clock());
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
        slot.tagSetId = bridge.scenarioTagSetId;
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
        if (body.isString()) {
            return body.asString().getBytes(StandardCharsets.UTF_8);
        }
        if (body.hasBufferElements()) {
            byte[] bytes = new byte[(int) body.getBufferSize()];
            body.readBuffer(0, bytes, 0, bytes.length);
            return bytes;
        }
        if (body.hasMembers() && !body.canExecute()) {
            // As in k6: a plain object is sent form-encoded.
            StringBuilder sb = new StringBuilder();
            for (String key : body.getMemberKeys()) {
                Value v = body.getMember(key);
                if (!sb.isEmpty()) {
                    sb.append('&');
                }
                sb.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v.isString() ? v.asString() : v.toString(), StandardCharsets.UTF_8));
            }
            boolean hasType = headers.stream().anyMatch(h -> h.is("content-type"));
            if (!hasType) {
                headers.add(new HttpHeader("Content-Type", "application/x-www-form-urlencoded"));
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
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
    }
}
