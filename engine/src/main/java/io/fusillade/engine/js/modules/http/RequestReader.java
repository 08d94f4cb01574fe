package io.fusillade.engine.js.modules.http;

import io.fusillade.engine.http.HttpHeader;
import io.fusillade.engine.http.HttpRequestSpec;
import io.fusillade.engine.http.HttpVersion;
import io.fusillade.engine.http.Multipart;
import io.fusillade.engine.js.host.JsBytes;
import io.fusillade.engine.js.host.RunServices;
import io.fusillade.engine.js.host.VuContext;
import io.fusillade.engine.options.Durations;
import io.fusillade.engine.options.OptionException;
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
import org.graalvm.polyglot.Value;

/**
 * Turns what a script passes to {@code http.*} (method, URL, body, params) into a
 * {@link Prepared} request: headers, body encoding (form, multipart, bytes), tags and name,
 * timeout, HTTP version, redirect and retry policy. Keeps one VU's parsed URLs and its
 * parameterless requests, so a VU repeating a request neither re-parses nor re-validates it.
 */
final class RequestReader {
    private static final int MAX_CACHED = 10_000;
    private static final int MAX_CACHED_PLAIN = 1_000;

    private final VuContext vu;
    private final RunServices services;
    private final Map<String, URI> uris = new HashMap<>();
    private final Map<String, HttpRequestSpec> plainRequests = new HashMap<>();

    RequestReader(VuContext vu) {
        this.vu = vu;
        this.services = vu.services();
    }

    /** A request with neither body nor params: kept per URL, immutable. */
    HttpRequestSpec plain(String method, String url) {
        HttpRequestSpec spec = plainRequests.get(url);
        if (spec == null || !spec.method().equals(method)) {
            spec = new HttpRequestSpec(method, uri(url), List.of(), null, services.defaultTimeout(), services.responseSink());
            if (plainRequests.size() >= MAX_CACHED_PLAIN) {
                plainRequests.clear();
            }
            plainRequests.put(url, spec);
        }
        return spec;
    }

    Prepared prepare(String method, String url, Value body, Value params) {
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
                TreeMap<String, String> tags = new TreeMap<>(vu.scenarioTags());
                for (String key : v.getMemberKeys()) {
                    Value tv = v.getMember(key);
                    tags.put(key, tv.isString() ? tv.asString() : tv.toString());
                }
                if (name == null && tags.get("name") != null) {
                    name = tags.get("name");
                }
                tagSetId = vu.tagSet(tags);
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
        return new Prepared(spec, url, name, tagSetId == 0 ? vu.tagSetId() : tagSetId, policy);
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
            if (uris.size() < MAX_CACHED) {
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
}
