package io.fusillade.engine.executor;

import io.fusillade.engine.testing.LocalTarget;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.engine.http.HttpClientConfig;
import io.fusillade.engine.js.ScriptLog;
import io.fusillade.engine.js.ScriptRuntime;
import io.fusillade.engine.js.VuRuntime;
import io.fusillade.engine.js.VuServices;
import io.fusillade.engine.options.TestOptions;
import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.SampleRing;
import io.fusillade.ingest.SampleSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstantVusExecutorTest {
    @RegisterExtension
    static final LocalTarget LOCAL = new LocalTarget();

    @TempDir
    Path dir;

    /** Counts records by kind, and the highest VU number seen. */
    static final class Counts implements SampleSink {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong iterations = new AtomicLong();
        final AtomicLong sleptIterations = new AtomicLong();
        final AtomicLong gaugeReadings = new AtomicLong();

        @Override
        public void onSample(SampleEvent e, boolean endOfBatch) {
            switch (e.kind) {
                case REQUEST -> requests.incrementAndGet();
                case ITERATION -> {
                    iterations.incrementAndGet();
                    if (e.sleepNanos > 0 && e.sleepNanos < e.durationNanos) {
                        sleptIterations.incrementAndGet();
                    }
                }
                case VU_GAUGE -> gaugeReadings.incrementAndGet();
                default -> { }
            }
        }
    }


    private record Result(ExecutionOutcome outcome, Counts counts, double seconds) {
    }

    private Result run(String source, TestOptions options) throws Exception {
        Path script = dir.resolve("s.js");
        Files.writeString(script, source);
        Counts counts = new Counts();
        SampleRing ring = new SampleRing(4096, List.of(counts)).start();
        EpochClock clock = new EpochClock();
        ScriptLog log = new ScriptLog(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), ScriptLog.Level.INFO);
        VuServices services = new VuServices(ring, clock, LOCAL.http(), log, Map.of("BASE_URL", LOCAL.target().baseUrl()),
                HttpClientConfig.DEFAULT_TIMEOUT, false);
        long start = System.nanoTime();
        ExecutionOutcome outcome;
        try (ScriptRuntime runtime = ScriptRuntime.load(script)) {
            ConstantVusExecutor executor = new ConstantVusExecutor(options,
                    vu -> new VuRuntime(runtime, vu, 0, "default", services), ring, clock, log, 0);
            outcome = executor.run();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ring.close();
        return new Result(outcome, counts, seconds);
    }

    private static TestOptions options(int workers, Duration duration, long iterations, Duration gracefulStop) {
        return new TestOptions(workers, duration, iterations, gracefulStop, Map.of(), false, false, Map.of());
    }

    @Test
    void iterationsPerVuAreExact() throws Exception {
        LOCAL.target().reset();
        Result r = run("export default function () { http.get(`${__ENV.BASE_URL}/health`); sleep(0.001); }",
                options(4, null, 25, Duration.ofSeconds(30)));
        assertThat(r.outcome().iterations()).isEqualTo(100);
        assertThat(r.counts().iterations.get()).isEqualTo(100);
        assertThat(r.counts().requests.get()).isEqualTo(100);
        assertThat(LOCAL.target().requestCount()).isEqualTo(100);
        assertThat(r.counts().sleptIterations.get()).isEqualTo(100);
        assertThat(r.outcome().initFailure()).isNull();
    }

    @Test
    void aDurationRunStopsOnTime() throws Exception {
        Result r = run("export default function () { http.get(`${__ENV.BASE_URL}/health`); sleep(0.01); }",
                options(3, Duration.ofMillis(1500), 0, Duration.ofSeconds(30)));
        assertThat(r.seconds()).isBetween(1.4, 6.0);
        assertThat(r.counts().iterations.get()).isGreaterThan(30);
        assertThat(r.counts().gaugeReadings.get()).isPositive();
        assertThat(r.outcome().interruptedVus()).isZero();
    }

    @Test
    void gracefulStopLetsALongIterationFinishThenInterruptsIt() throws Exception {
        // Durations long enough for the VUs to be running even when a loaded machine makes their
        // (interpreted, in tests) start-up take several hundred milliseconds.
        Result finished = run("export default function () { sleep(2); }",
                options(1, Duration.ofMillis(1000), 0, Duration.ofSeconds(5)));
        assertThat(finished.counts().iterations.get()).isEqualTo(1);
        assertThat(finished.outcome().interruptedVus()).isZero();

        Result interrupted = run("export default function () { sleep(10); }",
                options(2, Duration.ofMillis(1500), 0, Duration.ofMillis(500)));
        assertThat(interrupted.seconds()).isLessThan(6);
        assertThat(interrupted.outcome().interruptedVus()).isEqualTo(2);
        assertThat(interrupted.counts().iterations.get()).isZero();
    }

    @Test
    void aVuThatFailsItsInitStopsTheRun() throws Exception {
        Result r = run("if (__VU === 2) { throw new Error('no data for VU 2'); }\nexport default function () { sleep(0.05); }",
                options(3, Duration.ofSeconds(20), 0, Duration.ofSeconds(1)));
        assertThat(r.outcome().initFailure()).isNotNull();
        assertThat(r.outcome().initFailure().getMessage()).contains("s.js:1:").contains("no data for VU 2");
        assertThat(r.seconds()).isLessThan(10);
    }
}
