package io.fusillade.aggregator.threshold;

import io.fusillade.aggregator.metric.BuiltinMetrics;
import io.fusillade.aggregator.summary.CounterSummary;
import io.fusillade.aggregator.summary.DurationDistribution;
import io.fusillade.aggregator.summary.EndpointSummary;
import io.fusillade.aggregator.summary.GaugeSummary;
import io.fusillade.aggregator.summary.MetricSummary;
import io.fusillade.aggregator.summary.RateSummary;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.summary.TrendSummary;
import io.fusillade.aggregator.summary.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Tests thresholds against a {@link Summary}.
 *
 * <p>The observed value is the threshold's aggregation of its metric: for a trend
 * {@code avg min med max p(N) count} (built-in timings in milliseconds); for a counter
 * {@code count} and {@code rate} (per second over the run); for a rate metric {@code rate}
 * (0 to 1); for a gauge {@code value min max}.
 *
 * <p>As in k6, a threshold on a metric that received no samples is not tested and passes,
 * with note {@value ThresholdResult#NO_DATA}: a custom counter of errors that never fired
 * means no errors. A threshold whose aggregation does not fit the metric's type fails,
 * saying so in its note.
 *
 * <p>Tag selectors are answered from the per-endpoint breakdown: {@code name} and
 * {@code method} on {@code http_req_duration}, {@code http_reqs} and {@code http_req_failed},
 * and {@code status} on {@code http_reqs}; also k6's {@code http_req_duration{expected_response:true}}.
 * Any other selector has no data.
 */
public final class ThresholdEvaluator {
    private static final Set<String> ENDPOINT_TAGS = Set.of("name", "method");

    private ThresholdEvaluator() {
    }

    /** Each threshold's verdict, in the order given. */
    public static List<ThresholdResult> evaluate(Summary summary, List<Threshold> thresholds) {
        List<ThresholdResult> results = new ArrayList<>(thresholds.size());
        for (Threshold threshold : thresholds) {
            results.add(evaluate(summary, threshold));
        }
        return results;
    }

    /** One threshold's verdict. */
    public static ThresholdResult evaluate(Summary summary, Threshold threshold) {
        Optional<MetricSummary> metric = find(summary, threshold.metric());
        if (metric.isEmpty()) {
            return new ThresholdResult(threshold, OptionalDouble.empty(), true, ThresholdResult.NO_DATA);
        }
        MetricSummary data = metric.get();
        Aggregation aggregation = threshold.expression().aggregation();
        if (!ThresholdParser.applies(aggregation, data.type())) {
            return new ThresholdResult(threshold, OptionalDouble.empty(), false, "'" + aggregation.label()
                    + "' does not apply to " + ThresholdParser.typeName(data.type()) + " metric "
                    + threshold.metric().name() + "; use " + ThresholdParser.allowed(data.type()));
        }
        double observed = observe(data, aggregation);
        ThresholdExpression expression = threshold.expression();
        boolean passed = expression.operator().test(observed, expression.bound());
        return new ThresholdResult(threshold, OptionalDouble.of(observed), passed, "");
    }

    /** The metric's value for {@code aggregation}, which must apply to its type. */
    public static double observe(MetricSummary metric, Aggregation aggregation) {
        return switch (metric) {
            case TrendSummary trend -> switch (aggregation) {
                case Percentile p -> trend.percentile(p.percentile());
                case Statistic s -> switch (s) {
                    case AVG -> trend.avg();
                    case MIN -> trend.min();
                    case MED -> trend.med();
                    case MAX -> trend.max();
                    default -> trend.count();
                };
            };
            case CounterSummary counter -> aggregation == Statistic.RATE ? counter.ratePerSecond() : counter.count();
            case RateSummary rate -> rate.rate();
            case GaugeSummary gauge -> aggregation == Statistic.MIN ? gauge.min()
                    : aggregation == Statistic.MAX ? gauge.max() : gauge.value();
        };
    }

    /** The metric a key names, or the sub-metric its tag selector picks out; empty when there is no data. */
    public static Optional<MetricSummary> find(Summary summary, MetricKey key) {
        MetricSummary exact = summary.metrics().get(key.toString());
        if (exact != null) {
            return Optional.of(exact);
        }
        if (!key.hasTags()) {
            return Optional.empty();
        }
        return fromEndpoints(summary, key);
    }

    private static Optional<MetricSummary> fromEndpoints(Summary summary, MetricKey key) {
        Map<String, String> tags = key.tags();
        String status = tags.get("status");
        boolean onlyEndpointTags = tags.keySet().stream().allMatch(tag -> ENDPOINT_TAGS.contains(tag) || tag.equals("status"));
        if (!onlyEndpointTags || (status != null && !key.name().equals(BuiltinMetrics.HTTP_REQS))) {
            return Optional.empty();
        }
        Integer statusCode = null;
        if (status != null) {
            try {
                statusCode = Integer.valueOf(status);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        List<EndpointSummary> matching = new ArrayList<>();
        for (EndpointSummary endpoint : summary.endpoints()) {
            if (matches(tags.get("name"), endpoint.name()) && matches(tags.get("method"), endpoint.method())) {
                matching.add(endpoint);
            }
        }
        boolean narrowsEndpoints = tags.containsKey("name") || tags.containsKey("method");
        if (narrowsEndpoints && matching.isEmpty()) {
            return Optional.empty();
        }
        return switch (key.name()) {
            case BuiltinMetrics.HTTP_REQ_DURATION -> status != null ? Optional.empty() : Optional.of(mergeDurations(matching));
            case BuiltinMetrics.HTTP_REQ_FAILED -> {
                long requests = matching.stream().mapToLong(EndpointSummary::requests).sum();
                long failures = matching.stream().mapToLong(EndpointSummary::failures).sum();
                yield Optional.of(RateSummary.of(failures, requests - failures));
            }
            case BuiltinMetrics.HTTP_REQS -> {
                long count = 0;
                if (narrowsEndpoints) {
                    for (EndpointSummary endpoint : matching) {
                        count += statusCode == null ? endpoint.requests() : endpoint.statusCounts().getOrDefault(statusCode, 0L);
                    }
                } else if (statusCode != null) {
                    count = summary.statusCounts().getOrDefault(statusCode, 0L);
                }
                if (count == 0) {
                    yield Optional.empty();
                }
                double rate = summary.durationSecs() > 0 ? count / summary.durationSecs() : 0;
                yield Optional.of(new CounterSummary(count, rate, Unit.NONE));
            }
            default -> Optional.empty();
        };
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static TrendSummary mergeDurations(List<EndpointSummary> endpoints) {
        if (endpoints.size() == 1) {
            return endpoints.getFirst().duration();
        }
        long count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<DurationDistribution> parts = new ArrayList<>(endpoints.size());
        for (EndpointSummary endpoint : endpoints) {
            TrendSummary duration = endpoint.duration();
            count += duration.count();
            sum += duration.avg() * duration.count();
            min = Math.min(min, duration.min());
            max = Math.max(max, duration.max());
            parts.add((DurationDistribution) duration.distribution());
        }
        return TrendSummary.of(count, sum, min, max, DurationDistribution.merge(parts), Unit.MILLISECONDS);
    }
}
