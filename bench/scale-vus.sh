#!/usr/bin/env bash
# Scale: VUS virtual users, each looping http.get + sleep(1), against a private nginx on
# 127.0.0.1 for DURATION. Reports the achieved request rate against the ideal (VUS per
# second, minus the time each request takes) over the whole run (VU start-up included) and
# over its second half (from nginx's own log), the peak RSS of the Fusillade process, and its
# live heap after a full GC two thirds into the run, per VU: how many VUs a given heap holds.
#
#   bench/scale-vus.sh                       10,000 VUs for 30 s, -Xmx4g
#   VUS=2000 DURATION=20s bench/scale-vus.sh
#
# Environment: VUS (default 10000), DURATION (default 30s), HEAP (default 4g),
# FUSILLADE (launcher; default <repo>/cli/target/fusillade/bin/fusillade).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(dirname "$here")"
vus="${VUS:-10000}"
duration="${DURATION:-30s}"
heap="${HEAP:-4g}"
fusillade="${FUSILLADE:-$repo/cli/target/fusillade/bin/fusillade}"

# shellcheck source=lib/local-nginx.sh
. "$here/lib/local-nginx.sh"

bench_require_launcher "$fusillade"
bench_install nginx:nginx python3:python3 /usr/bin/time:time

jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
bench_work fusillade-scale

if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((vus + 1000)) ]; then
  ulimit -n $((vus + 1000)) 2>/dev/null || {
    echo "scale-vus: $vus connections need more open files than 'ulimit -n' ($(ulimit -n)) allows" >&2
    exit 2
  }
fi
export NGINX_CONNECTIONS=$((vus + 64))
nginx_start "$work/nginx" timed
url="http://127.0.0.1:$nginx_port/100b.txt"
seconds="${duration%s}"
echo "target: nginx, 1 worker, $url; $vus VUs x (http.get + sleep 1) for $duration, -Xmx$heap" >&2

cat > "$work/scale.js" <<JS
export const options = { workers: $vus, duration: '$duration', stop: '5s' };
export default function () { http.get('$url'); sleep(1); }
JS

(cd "$work" && FUSILLADE_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f '%M %e %U %S' -o "$work/time.out" \
    "$fusillade" run scale.js --headless --runs-dir "$work/runs" --export-json "$work/summary.json" \
    > "$work/run.out" 2> "$work/run.err") &
bench_pid=$!

# Two thirds into the run: a full GC, then the live heap.
sleep $(( seconds * 2 / 3 + 5 ))
java_pid="$(pgrep -f -n "scale.js --headless --runs-dir $work/runs" || true)"
live_mb="n/a"
if [ -n "$java_pid" ]; then
  "$jdk/bin/jcmd" "$java_pid" GC.run > /dev/null 2>&1 || true
  live_mb="$("$jdk/bin/jcmd" "$java_pid" GC.heap_info 2>/dev/null \
    | awk '/garbage-first heap/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "%.0f", v / 1024 } }' || true)"
  live_mb="${live_mb:-n/a}"
fi
wait "$bench_pid" || true
bench_pid=""

python3 - "$work/summary.json" "$work/time.out" "$vus" "$seconds" "$live_mb" "$work/nginx/arrivals.log" <<'PY'
import json, sys
summary_path, time_path, vus, seconds, live_mb, arrivals_path = sys.argv[1:]
vus, seconds = int(vus), float(seconds)
summary = json.load(open(summary_path))
metrics = summary['metrics']
requests = metrics['http_reqs']['values']['count']
failed = metrics['http_req_failed']['values'].get('passes', 0)
avg_ms = metrics['http_req_duration']['values']['avg']
iteration_ms = metrics['iteration_total']['values']['avg'] if 'iteration_total' in metrics else 1000 + avg_ms
peak_kb, elapsed, user, system = open(time_path).read().split()
ideal = vus / (iteration_ms / 1000)
achieved = requests / seconds
print(f'VUs: {vus}, {seconds:.0f} s')
print(f'requests: {requests:.0f} ({failed} failed), achieved {achieved:.0f}/s; ideal {vus}/s '
      f'({100 * achieved / vus:.1f}%); per the mean iteration time ({iteration_ms:.1f} ms) {ideal:.0f}/s ({100 * achieved / ideal:.1f}%)')
times = sorted(float(line) for line in open(arrivals_path) if line.strip())
if times:
    # Once every VU is running: nginx's own count over the second half of what it saw.
    mid, end = (times[0] + times[-1]) / 2, times[-1]
    steady = sum(1 for t in times if t >= mid) / (end - mid) if end > mid else 0
    print(f'steady (second half, as nginx saw it): {steady:.0f}/s ({100 * steady / vus:.1f}% of ideal)')
d = metrics['http_req_duration']['values']
print(f'http_req_duration: avg {d["avg"]:.1f} ms, p95 {d["p(95)"]:.1f} ms, max {d["max"]:.1f} ms; '
      f'vus max {metrics.get("vus", {}).get("values", {}).get("max", "n/a")}')
print(f'peak RSS: {int(peak_kb) / 1024:.0f} MB ({int(peak_kb) / vus:.0f} KB per VU); process: {elapsed} s wall, {float(user) + float(system):.1f} s CPU')
allocated = metrics.get('vus_max', {}).get('values', {}).get('max') or vus
if live_mb != 'n/a' and live_mb:
    # Per VU that existed: on a starved machine not every VU may have been built by then.
    per_vu_kb = float(live_mb) * 1024 / allocated
    print(f'live heap after a full GC: {live_mb} MB with {allocated:.0f} VUs allocated ({per_vu_kb:.0f} KB per VU): '
          f'about {4 * 1024 * 1024 / per_vu_kb:,.0f} VUs in 4 GB of heap')
PY
