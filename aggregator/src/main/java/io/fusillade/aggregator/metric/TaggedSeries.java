package io.fusillade.aggregator.metric;

import io.fusillade.aggregator.summary.CounterSummary;
import io.fusillade.aggregator.summary.MetricSummary;
import io.fusillade.aggregator.summary.RateSummary;
import io.fusillade.aggregator.summary.Unit;
import io.fusillade.aggregator.threshold.MetricKey;
import io.fusillade.ingest.Dictionary;
import io.fusillade.ingest.MetricType;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.TagSets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The samples behind tag selectors such as {@code http_req_duration{status:200}},
 * {@code http_req_duration{group:::checkout}} or {@code orders{region:eu}}: requests split
 * by tag set and status, custom metric samples split by name and tag set. A selector is
 * answered after the fact by merging every series whose tags it matches, so a threshold added
 * at {@code fusillade analyze} time is answered as exactly as one the run had.
 *
 * <p>Selectors on {@code name} and {@code method} alone are the endpoint breakdown's; this
 * class answers the others ({@code status}, {@code group}, {@code expected_response} and any
 * tag a script set). Single-writer, like the registry; at most {@value #MAX_SERIES} series of
 * each kind, beyond which further tag sets are not split out (and {@link #overflowed()} says so).
 */
final class TaggedSeries {
    static final int MAX_SERIES = 10_000;
    private static final Set<String> REQUEST_METRICS = Set.of(BuiltinMetrics.HTTP_REQ_DURATION, BuiltinMetrics.HTTP_REQS,
            BuiltinMetrics.HTTP_REQ_FAILED);
    private static final String STATUS = "status";
    private static final String EXPECTED_RESPONSE = "expected_response";

    /** One tag set and status's requests. */
    private static final class Requests {
        final int tagSetId;
        final int status;
        final DurationTrend duration = DurationTrend.compact();
        long count;
        long failures;

        Requests(int tagSetId, int status) {
            this.tagSetId = tagSetId;
            this.status = status;
        }
    }

    /** One custom metric's samples with one tag set. */
    private record Custom(int nameId, int tagSetId, Recorder recorder) {
    }

    private final LongObjectMap<Requests> requests = new LongObjectMap<>();
    private final LongObjectMap<Custom> custom = new LongObjectMap<>();
    private long sequence;
    private boolean overflowed;

    void onRequest(SampleEvent e, boolean failed) {
        long key = (long) e.tagSetId << 32 | (e.status & 0xFFFF_FFFFL);
        Requests series = requests.get(key);
        if (series == null) {
            if (requests.values().size() >= MAX_SERIES) {
                overflowed = true;
                return;
            }
            series = new Requests(e.tagSetId, e.status);
            requests.put(key, series);
        }
        series.count++;
        if (failed) {
            series.failures++;
        }
        series.duration.record(e.durationNanos);
    }

    /** A custom metric sample; {@code recorder} is the metric's untagged recorder, whose type the series share. */
    void onMetric(SampleEvent e, Recorder recorder) {
        if (e.tagSetId == 0) {
            return;
        }
        MetricType type = typeOf(recorder);
        long key = (long) e.nameId << 32 | (e.tagSetId & 0xFFFF_FFFFL);
        Custom series = custom.get(key);
        if (series == null) {
            if (custom.values().size() >= MAX_SERIES) {
                overflowed = true;
                return;
            }
            series = new Custom(e.nameId, e.tagSetId, Recorder.of(type));
            custom.put(key, series);
        }
        if (series.recorder() instanceof GaugeRecorder gauge) {
            gauge.add(e.value, ++sequence);
        } else {
            series.recorder().add(e.value);
        }
    }

    /** True when more tag sets were seen than are split out, so some selectors miss samples. */
    boolean overflowed() {
        return overflowed;
    }

    /** True when this class answers {@code key}: a built-in request metric's non-endpoint selector, or any custom metric's. */
    static boolean answers(MetricKey key) {
        if (!key.hasTags()) {
            return false;
        }
        if (!REQUEST_METRICS.contains(key.name())) {
            return !BuiltinMetrics.isBuiltin(key.name());
        }
        return !key.tags().containsKey("name") && !key.tags().containsKey("method");
    }

    /**
     * The sub-metric {@code key} selects, or empty when no sample matches.
     *
     * @param customNameId the dictionary id of the custom metric {@code key} names, or -1
     */
    Optional<MetricSummary> select(MetricKey key, Dictionary dictionary, int customNameId, double durationSecs) {
        if (REQUEST_METRICS.contains(key.name())) {
            return selectRequests(key, dictionary, durationSecs);
        }
        Recorder merged = null;
        for (Custom series : custom.values()) {
            if (series.nameId() == customNameId && matches(key.tags(), dictionary, series.tagSetId(), -1, false)) {
                if (merged == null) {
                    merged = Recorder.of(typeOf(series.recorder()));
                }
                merged.mergeFrom(series.recorder());
            }
        }
        return merged == null ? Optional.empty() : Optional.of(merged.summarize(durationSecs));
    }

    private Optional<MetricSummary> selectRequests(MetricKey key, Dictionary dictionary, double durationSecs) {
        DurationTrend duration = DurationTrend.compact();
        long count = 0;
        long failures = 0;
        Boolean expected = key.tags().containsKey(EXPECTED_RESPONSE) ? Boolean.valueOf(key.tags().get(EXPECTED_RESPONSE)) : null;
        for (Requests series : requests.values()) {
            if (!matches(key.tags(), dictionary, series.tagSetId, series.status, true)) {
                continue;
            }
            boolean allFailed = series.failures == series.count;
            boolean noneFailed = series.failures == 0;
            if (expected != null && !(expected ? noneFailed : allFailed)) {
                // expected_response splits by outcome, and a status's requests share one outcome
                // unless some failed on the network (status 0): those carry no status to split on.
                continue;
            }
            count += series.count;
            failures += series.failures;
            duration.mergeFrom(series.duration);
        }
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(switch (key.name()) {
            case BuiltinMetrics.HTTP_REQS -> new CounterSummary(count, durationSecs > 0 ? count / durationSecs : 0, Unit.NONE);
            case BuiltinMetrics.HTTP_REQ_FAILED -> RateSummary.of(failures, count - failures);
            default -> duration.summarize();
        });
    }

    /** True when every selector tag is satisfied by the tag set (and, for requests, the status). */
    private static boolean matches(Map<String, String> selector, Dictionary dictionary, int tagSetId, int status, boolean request) {
        Map<String, String> tags = tagSetId == 0 ? Map.of() : TagSets.decode(dictionary.text(tagSetId));
        for (Map.Entry<String, String> wanted : selector.entrySet()) {
            String tag = wanted.getKey();
            if (request && tag.equals(STATUS)) {
                if (!wanted.getValue().equals(Integer.toString(status))) {
                    return false;
                }
            } else if (request && tag.equals(EXPECTED_RESPONSE)) {
                continue;
            } else if (!wanted.getValue().equals(tags.get(tag))) {
                return false;
            }
        }
        return true;
    }

    private static MetricType typeOf(Recorder recorder) {
        return switch (recorder) {
            case CounterRecorder c -> MetricType.COUNTER;
            case GaugeRecorder g -> MetricType.GAUGE;
            case RateRecorder r -> MetricType.RATE;
            case ValueTrendRecorder t -> MetricType.TREND;
        };
    }
}
