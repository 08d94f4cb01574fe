#!/usr/bin/env bash
# Fusillade against wrk, the same target, the same run: req/s of each, the ratio, and the CPU
# each generator burned. The target is a private nginx (one worker) serving a 100-byte file on
# 127.0.0.1; wrk runs first (-t2 -c50), then Fusillade with 50 VUs looping http.get.
#
#   bench/compare-wrk.sh                 10 s each
#   DURATION=30s bench/compare-wrk.sh    longer runs, steadier numbers
#
# Environment: DURATION (default 10s), FUSILLADE (launcher; default <repo>/cli/target/fusillade/bin/fusillade),
# FUSILLADE_ARGS (extra arguments for `fusillade run`, e.g. --response-sink).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(dirname "$here")"
duration="${DURATION:-10s}"
connections=50
fusillade="${FUSILLADE:-$repo/cli/target/fusillade/bin/fusillade}"

# shellcheck source=lib/local-nginx.sh
. "$here/lib/local-nginx.sh"

bench_require_launcher "$fusillade"
bench_install nginx:nginx wrk:wrk /usr/bin/time:time

bench_work fusillade-compare

nginx_start "$work/nginx"
url="http://127.0.0.1:$nginx_port/100b.txt"
echo "target: $("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //'), 1 worker, $url (100 bytes); $connections connections for $duration each" >&2

# CPU seconds (user + system) of a finished command, from /usr/bin/time's output file.
cpu_seconds() {
  awk '{ printf "%.2f", $1 + $2 }' "$1"
}

echo "running wrk..." >&2
/usr/bin/time -f '%U %S %e' -o "$work/wrk.time" \
  wrk -t2 -c"$connections" -d"$duration" "$url" > "$work/wrk.out"
wrk_rps="$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.out")"
wrk_requests="$(awk '/requests in/ { print $1 }' "$work/wrk.out")"
if [ -z "$wrk_rps" ] || [ -z "$wrk_requests" ]; then
  echo "compare-wrk: could not read wrk's result:" >&2
  cat "$work/wrk.out" >&2
  exit 1
fi
wrk_cpu="$(cpu_seconds "$work/wrk.time")"

cat > "$work/loop.js" <<JS
// Every VU fetches the same small file in a loop, as each wrk connection does.
export default function () {
  http.get('$url');
}
JS

echo "running fusillade..." >&2
# shellcheck disable=SC2086
/usr/bin/time -f '%U %S %e' -o "$work/fusillade.time" \
  "$fusillade" run "$work/loop.js" -w "$connections" -d "$duration" --headless \
  --export-json "$work/fusillade.json" --runs-dir "$work/runs" ${FUSILLADE_ARGS:-} > "$work/fusillade.out" 2>&1 &
time_pid=$!
# The launcher execs the JVM, so time's child is the JVM for the whole run.
for attempt in $(seq 1 100); do
  bench_pid="$(pgrep -P "$time_pid" || true)"
  [ -n "$bench_pid" ] && break
  sleep 0.02
done
if [ -n "$bench_pid" ]; then
  bench_sample_cpu "$bench_pid" "$work/fusillade.cpu" &
fi
if ! wait "$time_pid"; then
  echo "compare-wrk: fusillade run failed; its output:" >&2
  tail -n 40 "$work/fusillade.out" >&2
  exit 1
fi
wait

# The summary is our own JSON; its numbers sit on "key": value lines.
json_number() {
  sed -n "s/^ *\"$1\" *: *\([0-9.eE+-]*\).*/\1/p" "$work/fusillade.json" | head -n 1
}
fus_rps="$(json_number rps)"
fus_requests="$(json_number total_requests)"
fus_secs="$(json_number duration_secs)"
fus_cpu="$(cpu_seconds "$work/fusillade.time")"
fus_wall="$(awk '{ print $3 }' "$work/fusillade.time")"
if [ -z "$fus_rps" ] || [ -z "$fus_requests" ]; then
  echo "compare-wrk: no rps / total_requests in fusillade's JSON summary:" >&2
  cat "$work/fusillade.json" >&2
  exit 1
fi
startup_line="$(grep -m1 '^startup:' "$work/fusillade.out" || true)"
# CPU inside the test window only (the summary's start and end), without JVM start-up and exit.
window_cpu=""
start_time="$(sed -n 's/^ *"start_time" *: *"\([^"]*\)".*/\1/p' "$work/fusillade.json" | head -n 1)"
end_time="$(sed -n 's/^ *"end_time" *: *"\([^"]*\)".*/\1/p' "$work/fusillade.json" | head -n 1)"
if [ -s "$work/fusillade.cpu" ] && [ -n "$start_time" ] && [ -n "$end_time" ]; then
  window_cpu="$(bench_cpu_between "$work/fusillade.cpu" "$(date -d "$start_time" +%s%N)" "$(date -d "$end_time" +%s%N)")"
fi

awk -v wrps="$wrk_rps" -v wreq="$wrk_requests" -v wcpu="$wrk_cpu" \
    -v frps="$fus_rps" -v freq="$fus_requests" -v fsecs="$fus_secs" -v fcpu="$fus_cpu" -v fwall="$fus_wall" \
    -v wincpu="$window_cpu" -v duration="$duration" -v startup="$startup_line" '
function us_per_request(cpu, requests) { return (requests > 0 ? cpu * 1e6 / requests : 0) }
BEGIN {
  printf "\n%-22s %10s %12s %8s %10s\n", "", "req/s", "requests", "CPU s", "CPU us/req"
  printf "%-22s %10.0f %12d %8.2f %10.1f\n", "wrk", wrps, wreq, wcpu, us_per_request(wcpu, wreq)
  printf "%-22s %10.0f %12d %8.2f %10.1f\n", "fusillade (process)", frps, freq, fcpu, us_per_request(fcpu, freq)
  if (wincpu != "")
    printf "%-22s %10s %12s %8.2f %10.1f\n", "fusillade (test only)", "", "", wincpu, us_per_request(wincpu, freq)
  printf "\nratio fusillade/wrk: %.2f (%.0f%%)\n", frps / wrps, 100 * frps / wrps
  printf "for reference, k6 measured on this machine: 33.9k vs wrk 81.5k req/s = 41%%\n"
  printf "\nfusillade: %d requests in %.2f s of test (%s asked); the process ran %.1f s wall and used %.2f s CPU in all", \
    freq, fsecs, duration, fwall, fcpu
  if (wincpu != "") printf ", %.2f s (%.0f%% of a core) during the test", wincpu, (fsecs > 0 ? 100 * wincpu / fsecs : 0)
  printf "\n"
  if (startup != "") printf "%s\n", startup
}'
