package io.fusillade.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Run settings every benchmark inherits: one forked JVM per trial, started with the flags
 * the journal's Chronicle Queue needs on JDK 25 (the same ones the launcher passes; without
 * them Chronicle silently opens read-only or fails to map its files).
 *
 * <p>The flags live here, once, because JMH annotations take only compile-time constants;
 * keep them in step with {@code chronicle.jvm.flags} in the parent pom. Benchmarks that never
 * touch Chronicle get them too, so every number comes from a JVM configured like a real run.
 *
 * <p>The iteration counts are for the real measurement; a smoke run overrides them on the
 * command line ({@code -f 1 -wi 1 -w 1s -i 1 -r 1s}).
 */
@Fork(value = 1, jvmArgsAppend = {
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
        "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
        "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow",
        "-Dchronicle.analytics.disable=true",
        "-Dchronicle.announcer.disable=true",
        "-Dchronicle.disk.monitor.disable=true"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public abstract class BenchmarkFork {
}
