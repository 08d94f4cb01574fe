#!/usr/bin/env bash
# What the stream outputs cost at full load, and how big and slow the HTML report is on a
# large journal. The target is the private nginx of compare-wrk.sh (one worker, a 100-byte
# file on 127.0.0.1); 50 VUs loop http.get.
#
# 1. Throughput: runs without outputs, with --json (to /dev/null) and with --out csv=FILE,
#    interleaved for ROUNDS rounds, and prints each run's req/s and its ratio to the
#    plain run of the same round.
# 2. HTML report: one run of exactly SAMPLES requests (50 VUs x SAMPLES/50 iterations), then
#    `fusillade analyze` on its journal with and without --export-html: the difference is
#    the report's generation time; the file's size is printed too.
#
#   bench/outputs-cost.sh                       10 s runs, 2 rounds, 1,000,000 samples
#   DURATION=20s ROUNDS=3 bench/outputs-cost.sh
#   SAMPLES=0 bench/outputs-cost.sh             throughput only
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(dirname "$here")"
duration="${DURATION:-10s}"
rounds="${ROUNDS:-2}"
samples="${SAMPLES:-1000000}"
vus=50
fusillade="${FUSILLADE:-$repo/cli/target/fusillade/bin/fusillade}"

# shellcheck source=lib/local-nginx.sh
. "$here/lib/local-nginx.sh"

bench_require_launcher "$fusillade"
bench_install nginx:nginx

work="$(mktemp -d -t fusillade-outputs-XXXXXX)"
cleanup() {
  nginx_stop
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

nginx_start "$work/nginx"
url="http://127.0.0.1:$nginx_port/100b.txt"
cat > "$work/loop.js" <<JS
export default function () {
  http.get('$url');
}
JS
echo "target: $url; $vus VUs, $duration per run, $rounds round(s); load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

rps_of() {
  sed -n 's/^ *"rps" *: *\([0-9.eE+-]*\).*/\1/p' "$1" | head -n 1
}

# run NAME ARGS...: one run; prints its req/s.
run() {
  local name="$1"
  shift
  "$fusillade" run "$work/loop.js" -w "$vus" -d "$duration" --headless --runs-dir "$work/runs" \
    --export-json "$work/$name.json" "$@" > "$work/$name.stdout" 2> "$work/$name.stderr" || {
    echo "outputs-cost: the $name run failed:" >&2
    tail -n 20 "$work/$name.stderr" >&2
    exit 1
  }
  rps_of "$work/$name.json"
}

printf "\n%-8s %12s %12s %12s %10s %10s\n" "round" "plain req/s" "--json" "--out csv" "json/plain" "csv/plain"
for round in $(seq 1 "$rounds"); do
  plain="$(run "plain$round")"
  json="$(run "json$round" --json)"
  csv="$(run "csv$round" --out "csv=$work/samples$round.csv")"
  rm -f "$work/samples$round.csv"
  rm -rf "$work/runs"
  awk -v r="$round" -v p="$plain" -v j="$json" -v c="$csv" \
    'BEGIN { printf "%-8s %12.0f %12.0f %12.0f %10.2f %10.2f\n", r, p, j, c, j / p, c / p }'
done

if [ "$samples" -gt 0 ]; then
  iterations=$(( samples / vus ))
  echo >&2
  echo "html: a run of $vus VUs x $iterations iterations ($(( vus * iterations )) requests)..." >&2
  "$fusillade" run "$work/loop.js" -w "$vus" --iterations "$iterations" --headless --runs-dir "$work/big" \
    > "$work/big.stdout" 2> "$work/big.stderr"
  dir="$(ls -d "$work"/big/*)"
  start=$(date +%s%N)
  "$fusillade" analyze "$dir" > /dev/null 2>&1
  plain_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  start=$(date +%s%N)
  "$fusillade" analyze "$dir" --export-html "$work/report.html" > /dev/null 2>&1
  html_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  records="$("$fusillade" analyze "$dir" 2>/dev/null | sed -n 's/^journal: .*(\([0-9]*\) records)/\1/p')"
  printf "\njournal: %s records; analyze %d ms; analyze --export-html %d ms (report: +%d ms); report size %s bytes\n" \
    "$records" "$plain_ms" "$html_ms" $(( html_ms - plain_ms )) "$(stat -c %s "$work/report.html")"
fi
