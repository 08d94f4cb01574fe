package io.fusillade.engine.js.modules.crypto;

import io.fusillade.engine.js.host.JsBytes;
import io.fusillade.engine.js.host.Uuids;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/** The host side of the {@code crypto} module: hashes, HMACs, random bytes and UUIDs. Holds no state. */
public final class CryptoHost {
    private static final int MAX_RANDOM_BYTES = 1 << 20;

    CryptoHost() {
    }

    @HostAccess.Export
    public String hash(String algorithm, Value data, String encoding) {
        return Digests.encode(Digests.hash(algorithm, JsBytes.data(data)), encoding);
    }

    @HostAccess.Export
    public String hmac(String algorithm, Value key, Value data, String encoding) {
        return Digests.encode(Digests.hmac(algorithm, JsBytes.data(key), JsBytes.data(data)), encoding);
    }

    /** {@code size} random bytes, one char per byte ({@code crypto.js} makes an ArrayBuffer). */
    @HostAccess.Export
    public String randomBytes(int size) {
        if (size < 0 || size > MAX_RANDOM_BYTES) {
            throw new IllegalArgumentException("randomBytes: size must be between 0 and " + MAX_RANDOM_BYTES + ", not " + size);
        }
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A random (version 4) UUID. */
    @HostAccess.Export
    public String uuid() {
        return Uuids.random();
    }
}
