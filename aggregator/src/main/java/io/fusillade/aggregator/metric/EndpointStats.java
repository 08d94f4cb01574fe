package io.fusillade.aggregator.metric;

import io.fusillade.aggregator.summary.EndpointSummary;
import io.fusillade.ingest.Dictionary;

/** One endpoint's tallies: requests, failures, durations and status codes. Single-writer. */
final class EndpointStats {
    private final int methodId;
    private final int nameId;
    private final DurationTrend duration = DurationTrend.compact();
    private final IntLongMap statusCounts = new IntLongMap();
    private long failures;

    EndpointStats(int methodId, int nameId) {
        this.methodId = methodId;
        this.nameId = nameId;
    }

    void record(long durationNanos, int status, boolean failed) {
        duration.record(durationNanos);
        statusCounts.increment(status);
        if (failed) {
            failures++;
        }
    }

    int nameId() {
        return nameId;
    }

    DurationTrend duration() {
        return duration;
    }

    EndpointSummary summarize(Dictionary dictionary) {
        return new EndpointSummary(dictionary.text(methodId), dictionary.text(nameId), duration.count(), failures,
                duration.summarize(), statusCounts.toMap());
    }
}
