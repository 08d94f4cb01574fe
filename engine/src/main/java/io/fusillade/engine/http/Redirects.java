package io.fusillade.engine.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a client follows a redirect, as browsers and k6 do: 301, 302 and 303 turn a request
 * with a body into a GET without one (303 always, HEAD aside); 307 and 308 repeat the same
 * method and body. The Location is resolved against the request's URL; credentials
 * (Authorization) are not carried to another host.
 */
public final class Redirects {
    private Redirects() {
    }

    /** True for the statuses a client follows when the response names a Location. */
    public static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The request that follows {@code request} answered with {@code status} and {@code locations}; null when it cannot be followed. */
    public static HttpRequestSpec next(HttpRequestSpec request, int status, List<String> locations) {
        if (locations.isEmpty() || locations.getFirst().isBlank()) {
            return null;
        }
        URI target;
        try {
            target = request.uri().resolve(new URI(locations.getFirst().strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        String scheme = target.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || target.getHost() == null) {
            return null;
        }
        boolean toGet = (status == 303 && !request.method().equals("HEAD"))
                || ((status == 301 || status == 302) && !request.method().equals("GET") && !request.method().equals("HEAD"));
        boolean sameHost = CookieJar.host(target).equals(CookieJar.host(request.uri())) && target.getPort() == request.uri().getPort();
        List<HttpHeader> headers = new ArrayList<>(request.headers().size());
        for (HttpHeader h : request.headers()) {
            boolean bodyHeader = h.is("content-type") || h.is("content-length") || h.is("transfer-encoding");
            boolean credentials = h.is("authorization") || h.is("cookie");
            if ((toGet && bodyHeader) || (!sameHost && credentials)) {
                continue;
            }
            headers.add(h);
        }
        return new HttpRequestSpec(toGet ? "GET" : request.method(), target, headers, toGet ? null : request.body(),
                request.timeout(), request.discardBody(), request.httpVersion());
    }
}
