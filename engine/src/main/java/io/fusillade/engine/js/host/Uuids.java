package io.fusillade.engine.js.host;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Random (version 4) UUIDs from the thread's own generator, so VUs never wait on a shared one. */
public final class Uuids {
    private Uuids() {
    }

    /** A new random UUID, as text. */
    public static String random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L).toString();
    }
}
