package io.fusillade.bench;

import io.fusillade.engine.http.HttpClientConfig;
import io.fusillade.engine.http.HttpClientEngine;
import io.fusillade.engine.js.ScriptRuntime;
import io.fusillade.engine.js.VuRuntime;
import io.fusillade.engine.js.host.RunServices;
import io.fusillade.engine.js.host.ScriptLog;
import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.SampleRing;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * One VU iteration of {@code http.get(url)} against an in-process keep-alive server: the whole
 * path of a request through the script API (the JS call, the host bridge, the socket
 * transport, the response object, the sample written into the ring), as a run's VU takes it.
 *
 * <p>Run it with the launcher's JVM flags (the JS engine's JIT needs them): {@code bench/vu-iteration.sh}.
 * Four VUs run at once, each on its own JMH thread with its own connection and server thread:
 * with one alone, the machine idles between round trips, and on the 2-core test machine a
 * mostly idle CPU measured each iteration's own CPU time about three times higher (and
 * swinging) than a busy one. The score (wall time per iteration, per VU) is mostly loopback
 * round trips and waiting for a core; so each measured iteration also prints, per VU,
 * what the VU's own thread spent per iteration, in CPU time (all, and user mode: the JS, the
 * API and the transport, without the kernel's socket calls) and in bytes allocated
 * ({@code vu-thread: ...}): the cost a run pays per request, and the figure to compare.
 * {@code -prof gc} gives the whole process's allocation, the server's and the ring consumer's included.
 */
@State(Scope.Thread)
@Threads(4)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VuIterationBenchmark extends BenchmarkFork {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** What the VUs share, as in a run: one server, one script (one JS engine), one ring, one HTTP client. */
    @State(Scope.Benchmark)
    public static class Run {
        CannedHttpServer server;
        Path dir;
        ScriptRuntime script;
        SampleRing ring;
        HttpClientEngine http;
        ScriptLog log;

        @Setup(Level.Trial)
        public void start() throws IOException {
            server = new CannedHttpServer();
            dir = Files.createTempDirectory("fusillade-vu-bench");
            Path file = dir.resolve("get.js");
            Files.writeString(file, "export default function () {\n  http.get('" + server.baseUrl() + "/100b.txt');\n}\n");
            script = ScriptRuntime.load(file);
            if (!script.jitEnabled()) {
                System.out.println("WARNING: the JS engine runs interpreted (" + script.engineName()
                        + "): run this benchmark through bench/vu-iteration.sh");
            }
            ring = new SampleRing(SampleRing.DEFAULT_SIZE, List.of(new DiscardingSink())).start();
            http = new HttpClientEngine(HttpClientConfig.defaults());
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            log = new ScriptLog(quiet, quiet, ScriptLog.Level.ERROR);
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            http.close();
            ring.close();
            script.close();
            server.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger VU_NUMBERS = new java.util.concurrent.atomic.AtomicInteger();

    private VuRuntime vu;
    private long iteration;
    private long iterationAtStart;
    private long allocatedAtStart;
    private long cpuAtStart;
    private long userAtStart;

    @Setup(Level.Trial)
    public void startVu(Run run) {
        RunServices services = new RunServices(run.ring, new EpochClock(), run.http, run.log, Map.of(),
                HttpClientConfig.DEFAULT_TIMEOUT, false);
        vu = new VuRuntime(run.script, VU_NUMBERS.incrementAndGet(), run.ring.dictionary().intern("default"), "default", services);
    }

    @Setup(Level.Iteration)
    public void mark() {
        iterationAtStart = iteration;
        allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
        userAtStart = THREADS.getCurrentThreadUserTime();
    }

    @Benchmark
    public void httpGet() {
        String error = vu.iterate(iteration++);
        if (error != null) {
            throw new IllegalStateException(error);
        }
    }

    @TearDown(Level.Iteration)
    public void report() {
        long iterations = iteration - iterationAtStart;
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - allocatedAtStart;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
        long user = THREADS.getCurrentThreadUserTime() - userAtStart;
        if (iterations > 0) {
            System.out.printf(Locale.ROOT, "  vu-thread per iteration: %.0f ns CPU (%.0f ns of it in user mode), %.0f bytes allocated; %d iterations%n",
                    cpu / (double) iterations, user / (double) iterations, bytes / (double) iterations, iterations);
        }
    }

    @TearDown(Level.Trial)
    public void stopVu() {
        vu.close();
    }
}
