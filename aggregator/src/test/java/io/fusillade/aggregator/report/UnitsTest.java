package io.fusillade.aggregator.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void durationsPickTheUnitAPersonWouldRead() {
        assertThat(Units.duration(0)).isEqualTo("0s");
        assertThat(Units.duration(0.00085)).isEqualTo("850ns");
        assertThat(Units.duration(0.0073)).isEqualTo("7.3µs");
        assertThat(Units.duration(0.001)).isEqualTo("1µs");
        assertThat(Units.duration(1.1)).isEqualTo("1.1ms");
        assertThat(Units.duration(10)).isEqualTo("10ms");
        assertThat(Units.duration(12.345)).isEqualTo("12.35ms");
        assertThat(Units.duration(250)).isEqualTo("250ms");
        assertThat(Units.duration(1250)).isEqualTo("1.25s");
        assertThat(Units.duration(123_500)).isEqualTo("2m3.5s");
        assertThat(Units.duration(3_723_000)).isEqualTo("1h2m3s");
    }

    @Test
    void bytesUseSiUnitsAsK6Does() {
        assertThat(Units.bytes(512)).isEqualTo("512 B");
        assertThat(Units.bytes(2_200)).isEqualTo("2.2 kB");
        assertThat(Units.bytes(23_456)).isEqualTo("23 kB");
        assertThat(Units.bytes(1_500_000)).isEqualTo("1.5 MB");
        assertThat(Units.bytes(3_000_000_000.0)).isEqualTo("3 GB");
    }

    @Test
    void numbersAndPercentages() {
        assertThat(Units.number(20)).isEqualTo("20");
        assertThat(Units.number(1.955496)).isEqualTo("1.9555");
        assertThat(Units.number(0.25)).isEqualTo("0.25");
        assertThat(Units.percent(0.995)).isEqualTo("99.50%");
        assertThat(Units.perSecond(411.5, io.fusillade.aggregator.summary.Unit.NONE)).isEqualTo("411.5/s");
        assertThat(Units.perSecond(2_200, io.fusillade.aggregator.summary.Unit.BYTES)).isEqualTo("2.2 kB/s");
    }
}
