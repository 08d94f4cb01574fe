#!/usr/bin/env bash
# Arrival-rate accuracy: Fusillade's constant-arrival-rate executor against a private nginx on
# 127.0.0.1, at each rate in RATES. For each: iterations the schedule planned and ran, dropped
# ones, the rate achieved (iterations run / duration), the rate nginx saw in the steady middle
# of the run (from its own per-request log), and how many iterations started > 10 ms late.
# A second line per rate reads the run's journal (bench/.../ArrivalTimeline.java) for the
# iterations planned after the first WARM seconds (default 2): planned, ran, dropped, the rate
# at which they actually started, and their start lag (p50, p99).
#
#   bench/arrival-rate.sh                          1000/s and 10000/s, 20 s each
#   RATES="500 2000" DURATION=30s bench/arrival-rate.sh
#
# Environment: RATES (default "1000 10000"), DURATION (default 20s), VUS (pre-allocated VUs,
# default 50), MAX_VUS (default 1000), FUSILLADE (launcher; default <repo>/cli/target/fusillade/bin/fusillade).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(dirname "$here")"
rates="${RATES:-1000 10000}"
duration="${DURATION:-20s}"
vus="${VUS:-50}"
max_vus="${MAX_VUS:-1000}"
warm="${WARM:-2}"
jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
chronicle_flags=(--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED
  --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --enable-native-access=ALL-UNNAMED
  --sun-misc-unsafe-memory-access=allow -Dchronicle.analytics.disable=true -Dchronicle.announcer.disable=true)
fusillade="${FUSILLADE:-$repo/cli/target/fusillade/bin/fusillade}"
lib="$(dirname "$(dirname "$fusillade")")/lib"

# shellcheck source=lib/local-nginx.sh
. "$here/lib/local-nginx.sh"

bench_require_launcher "$fusillade"
bench_install nginx:nginx python3:python3

work="$(mktemp -d -t fusillade-arrival-XXXXXX)"
cleanup() {
  nginx_stop
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export NGINX_CONNECTIONS=$((max_vus + 64))
nginx_start "$work/nginx" timed
url="http://127.0.0.1:$nginx_port/100b.txt"
echo "target: nginx, 1 worker, $url; $duration per rate, $vus pre-allocated VUs (max $max_vus)" >&2

printf '%-9s %-10s %-10s %-9s %-13s %-9s %-16s %s\n' target planned ran dropped achieved accuracy "nginx (middle)" "late >10ms"
for rate in $rates; do
  : > "$work/nginx/arrivals.log"
  cat > "$work/rate.js" <<JS
export const options = {
  executor: 'constant-arrival-rate', rate: $rate, timeUnit: '1s', duration: '$duration',
  preAllocatedVUs: $vus, maxVUs: $max_vus, stop: '5s',
};
export default function () { http.get('$url'); }
JS
  rm -rf "$work/runs"
  (cd "$work" && "$fusillade" run rate.js --headless --runs-dir "$work/runs" --export-json "$work/summary.json" \
      > "$work/run.out" 2> "$work/run.err") || true
  python3 - "$work/summary.json" "$work/nginx/arrivals.log" "$work/run.err" "$rate" "$duration" <<'PY'
import json, re, sys
summary_path, arrivals_path, err_path, rate, duration = sys.argv[1:]
rate = float(rate)
m = re.fullmatch(r'(\d+)(s|m)', duration)
seconds = int(m.group(1)) * (60 if m.group(2) == 'm' else 1)
metrics = json.load(open(summary_path))['metrics']
ran = int(metrics.get('iterations', {}).get('values', {}).get('count', 0))
dropped = int(metrics.get('dropped_iterations', {}).get('values', {}).get('count', 0))
times = sorted(float(line) for line in open(arrivals_path) if line.strip())
middle = 'n/a'
if times:
    # The steady middle: skip the first and last fifth of what nginx saw.
    start, end = times[0], times[-1]
    lo, hi = start + (end - start) * 0.2, start + (end - start) * 0.8
    inside = sum(1 for t in times if lo <= t < hi)
    middle = f'{inside / (hi - lo):.1f}/s' if hi > lo else 'n/a'
late = re.search(r'(\d+) arrival-rate iteration\(s\) started more than 10 ms', open(err_path).read())
achieved = ran / seconds
print(f'{rate:<9.0f} {ran + dropped:<10} {ran:<10} {dropped:<9} {achieved:<13.1f} {100 * achieved / rate:<9.2f} {middle:<16} {late.group(1) if late else 0}')
PY
  journal="$(ls -d "$work"/runs/*/journal | head -1)"
  read -r planned ran dropped started p50 p99 window < <("$jdk/bin/java" "${chronicle_flags[@]}" -cp "$lib/*" \
      "$here/src/main/java/io/fusillade/bench/ArrivalTimeline.java" "$journal" "$warm" 2>/dev/null | tail -1)
  awk -v r="$rate" -v p="$planned" -v n="$ran" -v d="$dropped" -v s="$started" -v a="$p50" -v b="$p99" -v w="$window" -v warm="$warm" \
    'BEGIN { printf "  after %ss warm: planned %d in %.1fs, ran %d, dropped %d, started at %.1f/s (%.2f%% of target), lag p50 %.2f ms p99 %.2f ms\n", warm, p, w, n, d, s, 100 * s / r, a, b }'
done
