package io.fusillade.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's interned strings: request names, methods, scenarios, check and metric names,
 * tag sets. Records carry small integer ids; the dictionary maps them back.
 *
 * <p>On the producing side, {@link #intern} hands out ids and reports each new entry to a
 * {@link Listener} (the sample ring, which publishes it as a DICTIONARY record) <em>before</em>
 * returning the id, so in the stream an entry always comes before the first record using it.
 * On the reading side, {@link #define} rebuilds the same table from those records.
 * Id {@link SampleEvent#NO_ID} (0) is reserved for "none".
 */
public final class Dictionary {
    /** Told about each new entry, on the thread that interned it. */
    @FunctionalInterface
    public interface Listener {
        void onNewEntry(int id, String text);
    }

    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private final List<String> texts = new ArrayList<>();
    private final Listener listener;

    /** A dictionary that reports new entries to {@code listener}. */
    public Dictionary(Listener listener) {
        this.listener = listener;
        texts.add("");
    }

    /** A dictionary for reading: entries arrive through {@link #define}. */
    public Dictionary() {
        this((id, text) -> { });
    }

    /** The id for {@code text}, creating (and announcing) it on first use. */
    public int intern(String text) {
        Integer id = ids.get(text);
        if (id != null) {
            return id;
        }
        return ids.computeIfAbsent(text, this::add);
    }

    private Integer add(String text) {
        int id;
        synchronized (texts) {
            id = texts.size();
            texts.add(text);
        }
        listener.onNewEntry(id, text);
        return id;
    }

    /** Records an entry read back from a journal. */
    public void define(int id, String text) {
        synchronized (texts) {
            while (texts.size() <= id) {
                texts.add(null);
            }
            texts.set(id, text);
        }
        ids.put(text, id);
    }

    /** The text for {@code id}; empty for {@link SampleEvent#NO_ID}; {@code "#id"} when unknown. */
    public String text(int id) {
        synchronized (texts) {
            String text = id >= 0 && id < texts.size() ? texts.get(id) : null;
            return text != null ? text : "#" + id;
        }
    }

    /** How many ids have been handed out or defined, including the reserved 0. */
    public int size() {
        synchronized (texts) {
            return texts.size();
        }
    }
}
