package io.fusillade.bench;

/**
 * Which consumers a benchmarked ring feeds. {@link #RING_ONLY} is the baseline: read the
 * others as a fraction of it, measured in the same run.
 */
public enum Consumers {
    /** One sink that discards every record: the cost of the ring alone. */
    RING_ONLY(false, false),
    /** The Chronicle Queue journal writer only. */
    JOURNAL(true, false),
    /** The HdrHistogram metric registry only. */
    REGISTRY(false, true),
    /** Journal and registry, each on its own consumer thread, as in a run. */
    FULL(true, true);

    private final boolean journal;
    private final boolean registry;

    Consumers(boolean journal, boolean registry) {
        this.journal = journal;
        this.registry = registry;
    }

    /** True when the ring feeds a journal writer. */
    public boolean journal() {
        return journal;
    }

    /** True when the ring feeds a metric registry. */
    public boolean registry() {
        return registry;
    }
}
