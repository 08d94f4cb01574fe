package io.fusillade.ingest;

/**
 * Fills a claimed ring slot from an argument. Implementations are usually static, stateless
 * constants, so publishing allocates nothing: the slot and the argument are passed in.
 */
@FunctionalInterface
public interface SampleWriter<A> {
    void write(SampleEvent slot, A argument);
}
