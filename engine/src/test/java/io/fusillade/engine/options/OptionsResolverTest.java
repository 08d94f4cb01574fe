package io.fusillade.engine.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsResolverTest {
    @Test
    void scriptOptionsWithSpecAndK6Names() {
        TestOptions spec = new OptionsResolver().resolve(Map.of("workers", 5, "duration", "10s",
                "criteria", Map.of("http_req_duration", List.of("p95 < 500"))), OptionsResolver.Overrides.none());
        assertThat(spec.workers()).isEqualTo(5);
        assertThat(spec.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(spec.thresholds()).containsEntry("http_req_duration", List.of("p95 < 500"));

        TestOptions k6 = new OptionsResolver().resolve(Map.of("vus", 7, "duration", "1m", "gracefulStop", "5s",
                "thresholds", Map.of("http_req_failed", List.of(Map.of("threshold", "rate<0.01", "abortOnFail", true)))),
                OptionsResolver.Overrides.none());
        assertThat(k6.workers()).isEqualTo(7);
        assertThat(k6.gracefulStop()).isEqualTo(Duration.ofSeconds(5));
        assertThat(k6.thresholds()).containsEntry("http_req_failed", List.of("rate<0.01"));
    }

    @Test
    void commandLineWins() {
        TestOptions o = new OptionsResolver().resolve(Map.of("workers", 5, "duration", "10s"),
                new OptionsResolver.Overrides(2, Duration.ofSeconds(1), null, null, null));
        assertThat(o.workers()).isEqualTo(2);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void noDurationMeansOneIterationPerVuAsInK6() {
        TestOptions o = new OptionsResolver().resolve(Map.of(), OptionsResolver.Overrides.none());
        assertThat(o.workers()).isEqualTo(1);
        assertThat(o.duration()).isNull();
        assertThat(o.iterations()).isEqualTo(1);
        assertThat(o.gracefulStop()).isEqualTo(TestOptions.DEFAULT_GRACEFUL_STOP);
    }

    @Test
    void wrongTypesNameTheKey() {
        assertThatThrownBy(() -> new OptionsResolver().resolve(Map.of("workers", "many"), OptionsResolver.Overrides.none()))
                .isInstanceOf(OptionException.class).hasMessageContaining("'workers'").hasMessageContaining("'many'");
        assertThatThrownBy(() -> new OptionsResolver().resolve(Map.of("duration", "soon"), OptionsResolver.Overrides.none()))
                .hasMessageContaining("'duration'").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> new OptionsResolver().resolve(Map.of("thresholds", List.of("p95<1")), OptionsResolver.Overrides.none()))
                .hasMessageContaining("'thresholds'");
        assertThatThrownBy(() -> new OptionsResolver().resolve(Map.of("workers", 0), OptionsResolver.Overrides.none()))
                .hasMessageContaining("at least 1");
    }

    @Test
    void unknownKeysWarn() {
        OptionsResolver resolver = new OptionsResolver();
        resolver.resolve(Map.of("wrokers", 3), OptionsResolver.Overrides.none());
        assertThat(resolver.warnings()).singleElement().asString().contains("'wrokers'");
    }
}
