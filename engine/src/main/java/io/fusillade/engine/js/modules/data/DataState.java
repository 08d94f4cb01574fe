package io.fusillade.engine.js.modules.data;

import java.util.concurrent.atomic.AtomicLong;

/** What the {@code data} module's VUs share in one run: arrays and CSV files built once, and the sequential ids. */
final class DataState {
    private final SharedStore<SharedData> arrays = new SharedStore<>();
    private final SharedStore<CsvTable> csvFiles = new SharedStore<>();
    private final AtomicLong sequence = new AtomicLong();

    /** Shared arrays by name. */
    SharedStore<SharedData> arrays() {
        return arrays;
    }

    /** Parsed CSV files by absolute path. */
    SharedStore<CsvTable> csvFiles() {
        return csvFiles;
    }

    /** The next id of {@code utils.sequentialId()}: 1, 2, 3... across all VUs. */
    long nextSequentialId() {
        return sequence.incrementAndGet();
    }
}
