package io.fusillade.engine.js.modules.data;

import org.graalvm.polyglot.HostAccess;

/**
 * The one copy of a {@code SharedArray}'s (or a {@code SharedCSV}'s rows) that every VU
 * reads: each element kept as its JSON text and parsed only when a VU reads it, so a VU holds
 * nothing of the data but a small view. Immutable, so any number of VU threads read it at once.
 */
public final class SharedData {
    private final String[] items;

    public SharedData(String[] items) {
        this.items = items;
    }

    @HostAccess.Export
    public int length() {
        return items.length;
    }

    /** Element {@code index} as JSON text. */
    @HostAccess.Export
    public String get(int index) {
        return items[index];
    }
}
