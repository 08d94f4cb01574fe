package io.fusillade.aggregator.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ThresholdParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "p95 < 500       | p(95)<500",
            "p99 < 1000      | p(99)<1000",
            "avg < 200       | avg<200",
            "min > 0         | min>0",
            "max < 5000      | max<5000",
            "med < 100       | med<100",
            "rate < 0.01     | rate<0.01",
            "count > 100     | count>100",
            "value < 10      | value<10",
            "p(95)<500       | p(95)<500",
            "p(99.9) < 1000  | p(99.9)<1000",
            "p( 99.9 )<1000  | p(99.9)<1000",
            "p99.9<1000      | p(99.9)<1000",
            "p95<500         | p(95)<500",
            "avg<=200        | avg<=200",
            "avg >= 1.5      | avg>=1.5",
            "value == 1      | value==1",
            "value === 1     | value===1",
            "count != 0      | count!=0",
            "rate<1e-3       | rate<0.001",
            "min > -5        | min>-5",
            "avg<.5          | avg<0.5",
    })
    void parsesEveryWrittenForm(String written, String canonical) {
        assertThat(ThresholdParser.parseExpression(written).toString()).isEqualTo(canonical);
    }

    @Test
    void readsAggregationOperatorAndBound() {
        ThresholdExpression expression = ThresholdParser.parseExpression("p(99.9) <= 1000");
        assertThat(expression.aggregation()).isEqualTo(new Percentile(99.9));
        assertThat(expression.operator()).isEqualTo(Operator.LESS_OR_EQUAL);
        assertThat(expression.bound()).isEqualTo(1000.0);
        assertThat(ThresholdParser.parseExpression("rate<0.01").aggregation()).isEqualTo(Statistic.RATE);
    }

    @Test
    void parsesAnOptionsEntryKeepingTheSourceText() {
        Threshold threshold = ThresholdParser.parse("http_req_duration", " p95 < 500 ");
        assertThat(threshold.metric()).isEqualTo(MetricKey.of("http_req_duration"));
        assertThat(threshold.source()).isEqualTo("p95 < 500");
        assertThat(threshold.abortOnFail()).isFalse();
        assertThat(ThresholdParser.parse("errors", "count<10", true).abortOnFail()).isTrue();
    }

    @Test
    void parsesCliThresholds() {
        Threshold duration = ThresholdParser.parseCli("http_req_duration:p95<500");
        assertThat(duration.metric().name()).isEqualTo("http_req_duration");
        assertThat(duration.expression().toString()).isEqualTo("p(95)<500");
        Threshold failed = ThresholdParser.parseCli("http_req_failed:rate<0.01");
        assertThat(failed.expression().aggregation()).isEqualTo(Statistic.RATE);
        Threshold tagged = ThresholdParser.parseCli("http_req_duration{name:login}:p(99) < 900");
        assertThat(tagged.metric()).isEqualTo(new MetricKey("http_req_duration", Map.of("name", "login")));
        assertThat(tagged.expression().bound()).isEqualTo(900.0);
    }

    @Test
    void parsesTagSelectors() {
        MetricKey key = ThresholdParser.parseKey("http_req_duration{ name : login , method:\"POST\" }");
        assertThat(key.name()).isEqualTo("http_req_duration");
        assertThat(key.tags()).containsExactly(Map.entry("method", "POST"), Map.entry("name", "login"));
        assertThat(key.toString()).isEqualTo("http_req_duration{method:POST,name:login}");
        assertThat(ThresholdParser.parseKey("http_req_duration{url:http://x/y}").tags()).containsEntry("url", "http://x/y");
        assertThat(ThresholdParser.parseKey("http_req_duration{expected_response:true}").toString())
                .isEqualTo("http_req_duration{expected_response:true}");
    }

    @Test
    void parsesAWholeOptionsObject() {
        List<Threshold> thresholds = ThresholdParser.parseAll(Map.of("http_req_duration", List.of("p95 < 500", "avg < 200")));
        assertThat(thresholds).extracting(Threshold::source).containsExactly("p95 < 500", "avg < 200");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "p95 500        | 'p95 500' has no comparison",
            "p95 <          | 'p95 <' has no number after '<'",
            "< 500          | '< 500' has nothing before '<'",
            "p95 = 500      | '=' is not an operator",
            "p95 !== 500    | '!==' is not supported",
            "p95 < abc      | 'abc' is not a number",
            "p95 < 500ms    | '500ms' is not a number",
            "p95 < 5 < 6    | '5 < 6' is not a number",
            "average < 5    | unknown aggregation 'average'",
            "p(95 < 5       | percentile 'p(95' is missing ')'",
            "p(abc) < 5     | 'p(abc)' is not a percentile",
            "p() < 5        | 'p()' is not a percentile",
            "p101 < 5       | percentile 101 is above 100",
    })
    void rejectsBadExpressionsQuotingThemAndSayingWhy(String expression, String message) {
        assertThatThrownBy(() -> ThresholdParser.parse("my_trend", expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("my_trend")
                .hasMessageContaining(message);
    }

    @Test
    void rejectsEmptyExpressions() {
        assertThatThrownBy(() -> ThresholdParser.parse("http_reqs", "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http_reqs").hasMessageContaining("empty expression");
    }

    @Test
    void rejectsAnAggregationThatABuiltinMetricCannotHave() {
        assertThatThrownBy(() -> ThresholdParser.parse("http_req_duration", "rate < 0.01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold 'rate < 0.01' on http_req_duration: 'rate' does not apply to a trend metric;"
                        + " use avg, min, med, max, p(N) or count");
        assertThatThrownBy(() -> ThresholdParser.parse("http_req_failed", "p95 < 1"))
                .hasMessageContaining("'p(95)' does not apply to a rate metric; use rate");
        assertThatThrownBy(() -> ThresholdParser.parse("vus", "avg < 1"))
                .hasMessageContaining("use value, min or max");
        assertThatThrownBy(() -> ThresholdParser.parse("http_reqs", "avg < 1"))
                .hasMessageContaining("use count or rate");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http_req_duration{name      | tag selector must end with '}'",
            "{name:login}                | has no metric name before '{'",
            "http_req_duration{}         | tag selector is empty",
            "http_req_duration{name}     | tag 'name' needs the form key:value",
            "http_req_duration{:x}       | tag ':x' has no key",
            "http_req_duration{a:1,a:2}  | tag 'a' is given twice",
            "http$req                    | 'http$req' is not a metric name",
    })
    void rejectsBadMetricKeys(String key, String message) {
        assertThatThrownBy(() -> ThresholdParser.parse(key, "p95<1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsCliThresholdsWithoutAMetric() {
        assertThatThrownBy(() -> ThresholdParser.parseCli("p95<500"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold 'p95<500' needs the form metric:expression, e.g. http_req_duration:p95<500");
        assertThatThrownBy(() -> ThresholdParser.parseCli("http_req_duration{name:x:p95<500"))
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> ThresholdParser.parseCli(""))
                .hasMessageContaining("--threshold needs a value");
    }
}
