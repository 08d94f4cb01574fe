package io.fusillade.engine.js.modules.http;

import io.fusillade.engine.http.Multipart;
import org.graalvm.polyglot.HostAccess;

/**
 * The host side of a script's {@code FormData}: fields and {@code http.file()} parts, sent as
 * a {@code multipart/form-data} body when passed as a request body.
 */
public final class JsFormData {
    private final Multipart multipart = new Multipart();

    @HostAccess.Export
    public void append(String name, String value) {
        FileParts.add(multipart, name, value);
    }

    /** The Content-Type to send the body with (its boundary included). */
    @HostAccess.Export
    public String contentType() {
        return multipart.contentType();
    }

    /** The encoded body. */
    byte[] body() {
        return multipart.body();
    }
}
