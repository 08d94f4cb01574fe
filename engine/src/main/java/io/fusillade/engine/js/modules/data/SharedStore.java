package io.fusillade.engine.js.modules.data;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The run's shared data by name: built by the first VU that asks (in its own context) while
 * any other asking for the same name waits, then handed to every VU. A build that fails is
 * forgotten, so each VU reports the script's error itself.
 */
final class SharedStore<T> {
    private final ConcurrentHashMap<String, CompletableFuture<T>> entries = new ConcurrentHashMap<>();

    /** The value for {@code name}, built by {@code build} if nobody has built it yet. */
    public T get(String name, Supplier<T> build) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> existing = entries.putIfAbsent(name, mine);
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                // The builder failed; that VU reported why. Try again here for our own error.
                entries.remove(name, existing);
                return get(name, build);
            }
        }
        try {
            T value = build.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            entries.remove(name, mine);
            throw e;
        }
    }

    /** How many names are held. */
    public int size() {
        return entries.size();
    }
}
