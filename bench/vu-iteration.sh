#!/usr/bin/env bash
# JMH: one VU iteration of http.get against an in-process server (VuIterationBenchmark), run
# with the launcher's class path, module path and JIT flags, as a real run's VUs are.
#
#   bench/vu-iteration.sh                    the measurement (3 warm-up + 5 measured iterations of 2 s)
#   bench/vu-iteration.sh -prof gc           with the whole process's allocation per iteration
#   bench/vu-iteration.sh -f 1 -wi 1 -w 1s -i 1 -r 1s    a smoke run
#
# Environment: BENCH_JAVA_OPTS (more JVM flags, which the fork inherits), FUSILLADE_HOME (a built distribution; default <repo>/cli/target/fusillade),
# BENCH_JAR (default <repo>/bench/target/benchmarks.jar). Build both with:
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -B -q package -Dmaven.test.skip=true
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(dirname "$here")"
home="${FUSILLADE_HOME:-$repo/cli/target/fusillade}"
jar="${BENCH_JAR:-$repo/bench/target/benchmarks.jar}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"

for need in "$home/lib" "$home/graal" "$home/upgrade" "$jar"; do
  if [ ! -e "$need" ]; then
    echo "vu-iteration: $need is missing; build with: mvn -B -q package -Dmaven.test.skip=true" >&2
    exit 2
  fi
done

# The launcher's flags (bin/fusillade): GraalJS on the module path, the Graal compiler on the
# upgrade module path, C2 off. JMH's fork inherits them; the journal's flags come from BenchmarkFork.
exec "$java" -XX:+UseG1GC -XX:TieredStopAtLevel=1 -Xss4m \
  -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path "$home/upgrade" \
  --module-path "$home/graal" --add-modules org.graalvm.polyglot \
  --enable-native-access=ALL-UNNAMED,org.graalvm.truffle \
  -Dio.netty.leakDetection.level=disabled -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  ${BENCH_JAVA_OPTS:-} \
  -cp "$home/lib/*:$jar" org.openjdk.jmh.Main VuIterationBenchmark "$@"
