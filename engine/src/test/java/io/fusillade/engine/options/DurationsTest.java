package io.fusillade.engine.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsTheFormsK6UsersWrite() {
        assertThat(Durations.parse("d", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("d", "1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("d", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("d", "1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("d", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("d", "100us")).isEqualTo(Duration.ofNanos(100_000));
        assertThat(Durations.parse("d", "250")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.fromValue("d", 1500)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void badDurationsNameTheOptionAndTheValue() {
        assertThatThrownBy(() -> Durations.parse("duration", "10 parsecs"))
                .isInstanceOf(OptionException.class)
                .hasMessage("invalid option 'duration': '10 parsecs' is not a duration; expected e.g. 30s, 1m30s, 500ms");
        assertThatThrownBy(() -> Durations.parse("stop", "")).hasMessageContaining("'stop'");
        assertThatThrownBy(() -> Durations.fromValue("duration", true)).hasMessageContaining("'duration'").hasMessageContaining("true");
    }

    @Test
    void formatsLikeK6() {
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h0m0s");
    }
}
