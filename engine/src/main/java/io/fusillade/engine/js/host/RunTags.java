package io.fusillade.engine.js.host;

import io.fusillade.ingest.Dictionary;
import io.fusillade.ingest.TagSets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tags added to a run while it runs ({@code tag k=v} of the run control): every sample
 * recorded after the change carries them, below the scenario's and the request's own tags,
 * which win on the same key. Readers poll {@link #version()}, one volatile read, and rebuild
 * what they cached when it moved.
 */
public final class RunTags {
    private volatile Map<String, String> tags = Map.of();
    private volatile long version;
    private volatile Encoded encoded = new Encoded(0, 0);

    private record Encoded(long version, int id) {
    }

    /** Sets {@code key} to {@code value} on every later sample; an empty value removes the key. */
    public synchronized void put(String key, String value) {
        TreeMap<String, String> next = new TreeMap<>(tags);
        if (value == null || value.isEmpty()) {
            next.remove(key);
        } else {
            next.put(key, value);
        }
        tags = Map.copyOf(next);
        version++;
    }

    /** The tags now, sorted by key. */
    public Map<String, String> tags() {
        return new TreeMap<>(tags);
    }

    /** Moves each time the tags change. */
    public long version() {
        return version;
    }

    /** True when no tag was added. */
    public boolean isEmpty() {
        return tags.isEmpty();
    }

    /** The tag set id of the run tags alone, interned in {@code dictionary}; 0 when there are none. */
    public int tagSetId(Dictionary dictionary) {
        Encoded known = encoded;
        if (known.version() == version) {
            return known.id();
        }
        synchronized (this) {
            long now = version;
            Map<String, String> current = tags;
            int id = current.isEmpty() ? 0 : dictionary.intern(TagSets.encode(new TreeMap<>(current)));
            encoded = new Encoded(now, id);
            return id;
        }
    }
}
