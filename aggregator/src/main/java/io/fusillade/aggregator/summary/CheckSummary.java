package io.fusillade.aggregator.summary;

import java.util.List;

/** One named check: how often it passed and failed, and the first distinct failure messages scripts gave. */
public record CheckSummary(String name, long passes, long fails, List<String> messages) {
    public CheckSummary {
        messages = List.copyOf(messages);
    }

    /** The share of evaluations that passed, between 0 and 1 (0 when never evaluated). */
    public double passRate() {
        long total = passes + fails;
        return total == 0 ? 0 : (double) passes / total;
    }
}
