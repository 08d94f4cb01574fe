package io.fusillade.aggregator.metric;

import io.fusillade.aggregator.summary.TrendSummary;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Questions other threads ask the registry while a run goes on ({@code stats.get(name)} in a
 * script): asked from any thread, answered by the registry's consumer thread at the end of its
 * next batch, so the registry's single-writer state is never read from outside.
 */
final class LiveQueries {
    private record Query(String name, CompletableFuture<Optional<TrendSummary>> answer) {
    }

    private final ConcurrentLinkedQueue<Query> pending = new ConcurrentLinkedQueue<>();

    /**
     * The trend called {@code name}, or empty when there is none or no answer within
     * {@code timeout}; {@code wake} runs once the question is queued, to make the consumer run.
     */
    Optional<TrendSummary> ask(String name, Duration timeout, Runnable wake) {
        Query query = new Query(name, new CompletableFuture<>());
        pending.add(query);
        try {
            wake.run();
            return query.answer().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } finally {
            pending.remove(query);
        }
    }

    /** Answers every waiting question with {@code lookup}; consumer thread only. */
    void answer(Function<String, Optional<TrendSummary>> lookup) {
        Query query;
        while ((query = pending.poll()) != null) {
            try {
                query.answer().complete(lookup.apply(query.name()));
            } catch (RuntimeException e) {
                query.answer().completeExceptionally(e);
            }
        }
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }
}
