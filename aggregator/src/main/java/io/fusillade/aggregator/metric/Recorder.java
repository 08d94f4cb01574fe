package io.fusillade.aggregator.metric;

import io.fusillade.aggregator.summary.MetricSummary;
import io.fusillade.aggregator.summary.Unit;
import io.fusillade.ingest.MetricType;

/** Accumulates one metric's samples on the consumer thread and summarises them on demand. */
sealed interface Recorder permits CounterRecorder, GaugeRecorder, RateRecorder, ValueTrendRecorder {
    void add(double value);

    boolean hasSamples();

    MetricSummary summarize(double durationSecs);

    /** Adds {@code other}'s samples (a recorder of the same class) to this one's, to answer a tag selector. */
    void mergeFrom(Recorder other);

    /** A fresh recorder for a metric of {@code type}. */
    static Recorder of(MetricType type) {
        return switch (type) {
            case COUNTER -> new CounterRecorder(Unit.NONE);
            case GAUGE -> new GaugeRecorder(Unit.NONE);
            case RATE -> new RateRecorder();
            case TREND -> new ValueTrendRecorder();
        };
    }
}
