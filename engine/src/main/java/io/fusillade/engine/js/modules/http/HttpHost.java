package io.fusillade.engine.js.modules.http;

import io.fusillade.engine.http.CookieJar;
import io.fusillade.engine.js.host.JsBytes;
import io.fusillade.engine.js.host.VuContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * The host side of one VU's {@code http} module: what {@code http.js} calls. Requests go
 * through the VU's {@link RequestFlow} and come back as lazy {@link JsResponse}s.
 */
public final class HttpHost implements AutoCloseable {
    private final VuContext vu;
    private final RequestReader reader;
    private final CookieJar cookies = new CookieJar();
    private final RequestFlow flow;
    private JsCookies jsCookies;

    HttpHost(VuContext vu) {
        this.vu = vu;
        this.reader = new RequestReader(vu);
        this.flow = new RequestFlow(vu, cookies);
    }

    /**
     * A request with neither body nor params: the common case, with nothing to convert. Its
     * (immutable) request is kept per URL, so a VU repeating it neither re-validates nor, on
     * the socket transport, re-encodes it.
     */
    @HostAccess.Export
    public Object requestPlain(String method, String url) {
        requireRunning();
        return flow.send(reader.plain(method, url), url, null, vu.tagSetId(), RequestPolicy.DEFAULT);
    }

    @HostAccess.Export
    public Object request(String method, String url, Value body, Value params) {
        requireRunning();
        Prepared r = reader.prepare(method, url, body, params);
        return flow.send(r.spec(), r.url(), r.name(), r.tagSetId(), r.policy());
    }

    /** {@code http.batch()}: the requests, each {@code [method, url, body, params]}, sent at the same time. */
    @HostAccess.Export
    public Object batch(Value requests) {
        requireRunning();
        int n = (int) requests.getArraySize();
        Prepared[] prepared = new Prepared[n];
        for (int i = 0; i < n; i++) {
            Value r = requests.getArrayElement(i);
            prepared[i] = reader.prepare(r.getArrayElement(0).asString(), r.getArrayElement(1).asString(), r.getArrayElement(2),
                    r.getArrayElement(3));
        }
        return ProxyArray.fromList(java.util.List.copyOf(flow.batch(prepared)));
    }

    private void requireRunning() {
        if (vu.inInit() || vu.services().http() == null) {
            throw new IllegalStateException("HTTP requests cannot be made in the init context (top-level code); make them in default() or another exported function");
        }
    }

    /** {@code Basic base64(user:password)}, for {@code http.basicAuth()}. */
    @HostAccess.Export
    public String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The VU's cookie jar, for {@code http.cookieJar()}. */
    @HostAccess.Export
    public Object cookieJar() {
        if (jsCookies == null) {
            jsCookies = new JsCookies(cookies);
        }
        return jsCookies;
    }

    /**
     * {@code http.file(pathOrData, filename, contentType)}: a file part for a multipart body. A
     * string naming a file next to the script is that file; any other string or buffer is the
     * content itself (as k6's {@code http.file(open(...))} passes it).
     */
    @HostAccess.Export
    public String fileMarker(Value data, String filename, String contentType) {
        Path scriptDir = vu.scriptDir();
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

    @Override
    public void close() {
        flow.close();
    }
}
