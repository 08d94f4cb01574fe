package io.fusillade.engine.js.modules.crypto;

import io.fusillade.engine.js.host.JsModule;
import io.fusillade.engine.js.host.VuContext;
import java.util.List;
import java.util.Map;

/** Hashes, HMACs, random bytes and UUIDs: {@code crypto.*} and {@code k6/crypto}. */
public final class CryptoModule implements JsModule {
    @Override
    public String name() {
        return "crypto";
    }

    @Override
    public List<String> globals() {
        return List.of("crypto");
    }

    @Override
    public boolean eager() {
        return false;
    }

    @Override
    public Map<String, String> imports() {
        return Map.of("k6/crypto", "import-k6-crypto.js");
    }

    @Override
    public Object host(VuContext vu) {
        return new CryptoHost();
    }
}
