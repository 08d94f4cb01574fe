package io.fusillade.engine.js.modules.http;

import io.fusillade.engine.http.HttpRequestSpec;

/**
 * A request as the script described it, ready to send.
 *
 * @param spec     what goes on the wire (before cookies)
 * @param url      the URL as the script wrote it (the sample's name when it gives none)
 * @param name     the {@code name} param or tag, or null to name the sample after its URL
 * @param tagSetId the tag set its samples carry
 * @param policy   redirects and retries
 */
record Prepared(HttpRequestSpec spec, String url, String name, int tagSetId, RequestPolicy policy) {
}
