package io.fusillade.aggregator.threshold;

import io.fusillade.aggregator.metric.BuiltinMetrics;
import io.fusillade.ingest.MetricType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads thresholds as users write them: an options entry ({@code 'http_req_duration': ['p95 < 500']})
 * or a CLI flag ({@code --threshold 'http_req_duration:p95<500'}).
 *
 * <p>Expressions take the form {@code aggregation operator number}, spaces optional:
 * {@code p95 < 500}, {@code p(99.9)<1000}, {@code avg<=200}, {@code rate < 0.01},
 * {@code count > 100}, {@code value == 1}. Aggregations: {@code avg min med max count rate value},
 * {@code pN} and {@code p(N)}. Operators: {@code < <= > >= == === !=}. A metric key may carry
 * a k6 tag selector, {@code http_req_duration{name:login}}. For built-in metrics the
 * aggregation is checked against the metric's type here; for custom metrics, whose type is
 * only known from the run, at evaluation.
 *
 * <p>Every error is an {@link IllegalArgumentException} whose message quotes the input and
 * says what is wrong with it.
 */
public final class ThresholdParser {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern METRIC_NAME = Pattern.compile("[\\p{L}\\p{N}._\\-/ ]+");
    private static final String OPERATOR_CHARS = "<>=!";
    private static final String AGGREGATIONS = "avg, min, med, max, p(N), count, rate or value";

    private ThresholdParser() {
    }

    /** Parses one options entry: {@code metricKey} such as {@code http_req_duration{name:login}}, {@code expression} such as {@code p95 < 500}. */
    public static Threshold parse(String metricKey, String expression) {
        return parse(metricKey, expression, false);
    }

    /** As {@link #parse(String, String)}, for k6's object form {@code {threshold: ..., abortOnFail: true}}. */
    public static Threshold parse(String metricKey, String expression, boolean abortOnFail) {
        MetricKey key = parseKey(metricKey);
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("threshold on " + key + " has an empty expression; write e.g. 'p95 < 500'");
        }
        ThresholdExpression parsed;
        try {
            parsed = parseExpression(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("threshold on " + key + ": " + e.getMessage(), e);
        }
        checkApplies(key, parsed, expression);
        return new Threshold(key, parsed, expression.strip(), abortOnFail);
    }

    /** Parses a CLI threshold, {@code metric:expression}, e.g. {@code http_req_duration:p95<500} or {@code http_req_duration{name:login}:p(99)<900}. */
    public static Threshold parseCli(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--threshold needs a value like 'http_req_duration:p95<500'");
        }
        String trimmed = text.strip();
        int searchFrom = 0;
        int brace = trimmed.indexOf('{');
        int colon = trimmed.indexOf(':');
        if (brace >= 0 && (colon < 0 || brace < colon)) {
            int close = trimmed.indexOf('}', brace);
            if (close < 0) {
                throw new IllegalArgumentException("threshold '" + trimmed + "': tag selector opened with '{' is never closed");
            }
            searchFrom = close + 1;
        }
        int split = trimmed.indexOf(':', searchFrom);
        if (split < 0) {
            throw new IllegalArgumentException("threshold '" + trimmed
                    + "' needs the form metric:expression, e.g. http_req_duration:p95<500");
        }
        return parse(trimmed.substring(0, split), trimmed.substring(split + 1));
    }

    /** Parses every entry of an options {@code thresholds} object, in its order. */
    public static List<Threshold> parseAll(Map<String, ? extends Collection<String>> thresholds) {
        List<Threshold> parsed = new ArrayList<>();
        thresholds.forEach((key, expressions) -> expressions.forEach(expression -> parsed.add(parse(key, expression))));
        return parsed;
    }

    /** Parses a metric key with an optional tag selector: {@code http_req_duration{name:login,method:POST}}. */
    public static MetricKey parseKey(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("threshold metric name is empty");
        }
        String trimmed = text.strip();
        int brace = trimmed.indexOf('{');
        String name = (brace < 0 ? trimmed : trimmed.substring(0, brace)).strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("threshold metric '" + trimmed + "' has no metric name before '{'");
        }
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("threshold metric '" + trimmed + "': '" + name
                    + "' is not a metric name (letters, digits, '_', '.', '-', '/', spaces)");
        }
        if (brace < 0) {
            return MetricKey.of(name);
        }
        if (!trimmed.endsWith("}")) {
            throw new IllegalArgumentException("threshold metric '" + trimmed + "': tag selector must end with '}'");
        }
        String body = trimmed.substring(brace + 1, trimmed.length() - 1);
        if (body.indexOf('{') >= 0 || body.indexOf('}') >= 0) {
            throw new IllegalArgumentException("threshold metric '" + trimmed + "': nested braces in tag selector");
        }
        if (body.isBlank()) {
            throw new IllegalArgumentException("threshold metric '" + trimmed + "': tag selector is empty; write e.g. {name:login}");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : body.split(",")) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("threshold metric '" + trimmed + "': tag '" + pair.strip()
                        + "' needs the form key:value");
            }
            String tagKey = pair.substring(0, colon).strip();
            String tagValue = unquote(pair.substring(colon + 1).strip());
            if (tagKey.isEmpty()) {
                throw new IllegalArgumentException("threshold metric '" + trimmed + "': tag '" + pair.strip() + "' has no key");
            }
            if (tags.put(tagKey, tagValue) != null) {
                throw new IllegalArgumentException("threshold metric '" + trimmed + "': tag '" + tagKey + "' is given twice");
            }
        }
        return new MetricKey(name, tags);
    }

    /** Parses an expression alone: {@code p95 < 500}, {@code p(99.9)<1000}, {@code rate<0.01}. */
    public static ThresholdExpression parseExpression(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("threshold expression is empty; write e.g. 'p95 < 500'");
        }
        String expression = text.strip();
        int at = firstOperatorChar(expression);
        if (at < 0) {
            throw new IllegalArgumentException("'" + expression
                    + "' has no comparison; write aggregation, operator, number, e.g. 'p95 < 500' (operators: < <= > >= == === !=)");
        }
        String left = expression.substring(0, at).strip();
        String rest = expression.substring(at);
        Operator operator = operatorAt(rest, expression);
        String right = rest.substring(operator.symbol().length()).strip();
        if (left.isEmpty()) {
            throw new IllegalArgumentException("'" + expression + "' has nothing before '" + operator.symbol()
                    + "'; start with an aggregation: " + AGGREGATIONS);
        }
        Aggregation aggregation = parseAggregation(left, expression);
        if (right.isEmpty()) {
            throw new IllegalArgumentException("'" + expression + "' has no number after '" + operator.symbol() + "'");
        }
        if (!NUMBER.matcher(right).matches()) {
            throw new IllegalArgumentException("'" + expression + "': '" + right + "' is not a number");
        }
        return new ThresholdExpression(aggregation, operator, Double.parseDouble(right));
    }

    private static int firstOperatorChar(String expression) {
        for (int i = 0; i < expression.length(); i++) {
            if (OPERATOR_CHARS.indexOf(expression.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static Operator operatorAt(String rest, String expression) {
        if (rest.startsWith("===")) {
            return Operator.STRICT_EQUAL;
        }
        if (rest.startsWith("!==")) {
            throw new IllegalArgumentException("'" + expression + "': '!==' is not supported; use '!='");
        }
        for (Operator operator : List.of(Operator.LESS_OR_EQUAL, Operator.GREATER_OR_EQUAL, Operator.EQUAL,
                Operator.NOT_EQUAL, Operator.LESS, Operator.GREATER)) {
            if (rest.startsWith(operator.symbol())) {
                return operator;
            }
        }
        throw new IllegalArgumentException("'" + expression + "': '" + rest.charAt(0)
                + "' is not an operator; use one of < <= > >= == === !=");
    }

    private static Aggregation parseAggregation(String text, String expression) {
        for (Statistic statistic : Statistic.values()) {
            if (statistic.label().equals(text)) {
                return statistic;
            }
        }
        if (text.startsWith("p")) {
            String number = text.substring(1).strip();
            if (number.startsWith("(")) {
                if (!number.endsWith(")")) {
                    throw new IllegalArgumentException("'" + expression + "': percentile '" + text + "' is missing ')'");
                }
                number = number.substring(1, number.length() - 1).strip();
            }
            if (number.isEmpty() || !NUMBER.matcher(number).matches() || number.startsWith("+") || number.startsWith("-")) {
                throw new IllegalArgumentException("'" + expression + "': '" + text
                        + "' is not a percentile; write p95, p(95) or p(99.9)");
            }
            double percentile = Double.parseDouble(number);
            if (percentile > 100) {
                throw new IllegalArgumentException("'" + expression + "': percentile " + number + " is above 100");
            }
            return new Percentile(percentile);
        }
        throw new IllegalArgumentException("'" + expression + "': unknown aggregation '" + text + "'; use " + AGGREGATIONS);
    }

    private static void checkApplies(MetricKey key, ThresholdExpression expression, String source) {
        Optional<MetricType> type = BuiltinMetrics.typeOf(key.name());
        if (type.isPresent() && !applies(expression.aggregation(), type.get())) {
            throw new IllegalArgumentException("threshold '" + source.strip() + "' on " + key + ": '"
                    + expression.aggregation().label() + "' does not apply to a " + typeName(type.get())
                    + " metric; use " + allowed(type.get()));
        }
    }

    /** True when {@code aggregation} can be read from a metric of {@code type}. */
    public static boolean applies(Aggregation aggregation, MetricType type) {
        return switch (aggregation) {
            case Percentile p -> type == MetricType.TREND;
            case Statistic s -> switch (type) {
                case TREND -> s == Statistic.AVG || s == Statistic.MIN || s == Statistic.MED || s == Statistic.MAX
                        || s == Statistic.COUNT;
                case COUNTER -> s == Statistic.COUNT || s == Statistic.RATE;
                case RATE -> s == Statistic.RATE;
                case GAUGE -> s == Statistic.VALUE || s == Statistic.MIN || s == Statistic.MAX;
            };
        };
    }

    /** The aggregations a metric of {@code type} accepts, for messages. */
    public static String allowed(MetricType type) {
        return switch (type) {
            case TREND -> "avg, min, med, max, p(N) or count";
            case COUNTER -> "count or rate";
            case RATE -> "rate";
            case GAUGE -> "value, min or max";
        };
    }

    /** The type's name as users know it. */
    public static String typeName(MetricType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
