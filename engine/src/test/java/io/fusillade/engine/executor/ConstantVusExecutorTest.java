package io.fusillade.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.engine.testing.LocalTarget;
import io.fusillade.ingest.SampleKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ConstantVusExecutorTest {
    @RegisterExtension
    static final LocalTarget LOCAL = new LocalTarget();

    @TempDir
    Path dir;

    private RecordedRun run(String source) throws Exception {
        return RecordedRun.against(LOCAL, dir, source);
    }

    @Test
    void iterationsPerVuAreExact() throws Exception {
        LOCAL.target().reset();
        RecordedRun r = run("""
                export const options = { workers: 4, iterations: 25 };
                export default function () { http.get(`${__ENV.BASE_URL}/health`); sleep(0.001); }
                """);
        assertThat(r.outcome().iterations()).isEqualTo(100);
        assertThat(r.of(SampleKind.ITERATION)).hasSize(100)
                .allSatisfy(e -> assertThat(e.sleepNanos).isPositive().isLessThan(e.durationNanos));
        assertThat(r.of(SampleKind.REQUEST)).hasSize(100);
        assertThat(LOCAL.target().requestCount()).isEqualTo(100);
        assertThat(r.outcome().initFailure()).isNull();
    }

    @Test
    void aDurationRunStopsOnTime() throws Exception {
        RecordedRun r = run("""
                export const options = { workers: 3, duration: '1500ms' };
                export default function () { http.get(`${__ENV.BASE_URL}/health`); sleep(0.01); }
                """);
        assertThat(r.seconds()).isBetween(1.4, 6.0);
        assertThat(r.of(SampleKind.ITERATION)).hasSizeGreaterThan(30);
        assertThat(r.of(SampleKind.VU_GAUGE)).isNotEmpty();
        assertThat(r.outcome().interruptedVus()).isZero();
    }

    @Test
    void gracefulStopLetsALongIterationFinishThenInterruptsIt() throws Exception {
        // Durations long enough for the VUs to be running even when a loaded machine makes their
        // (interpreted, in tests) start-up take several hundred milliseconds.
        RecordedRun finished = run("""
                export const options = { workers: 1, duration: '1s', stop: '5s' };
                export default function () { sleep(2); }
                """);
        assertThat(finished.of(SampleKind.ITERATION)).hasSize(1);
        assertThat(finished.outcome().interruptedVus()).isZero();

        RecordedRun interrupted = run("""
                export const options = { workers: 2, duration: '1500ms', gracefulStop: '500ms' };
                export default function () { sleep(10); }
                """);
        assertThat(interrupted.seconds()).isLessThan(6);
        assertThat(interrupted.outcome().interruptedVus()).isEqualTo(2);
        assertThat(interrupted.of(SampleKind.ITERATION)).isEmpty();
    }

    @Test
    void aVuThatFailsItsInitStopsTheRun() throws Exception {
        RecordedRun r = run("""
                if (__VU === 2) { throw new Error('no data for VU 2'); }
                export const options = { workers: 3, duration: '20s', stop: '1s' };
                export default function () { sleep(0.05); }
                """);
        assertThat(r.outcome().initFailure()).isNotNull();
        assertThat(r.outcome().initFailure().getMessage()).contains("script.js:1:").contains("no data for VU 2");
        assertThat(r.seconds()).isLessThan(10);
    }
}
