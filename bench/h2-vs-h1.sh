#!/usr/bin/env bash
# HTTP/2 against HTTP/1.1 over TLS, the same target, the same run: 50 VUs looping http.get
# for DURATION each, first with httpVersion '2' (each VU one multiplexed connection), then with
# httpVersion '1.1' (each VU one keep-alive connection). Prints req/s and the CPU seconds the
# Fusillade process used for each, and the ratios. The target is a private nginx (one worker,
# http2 on) serving a 100-byte file on 127.0.0.1 with a self-signed certificate made here.
#
#   bench/h2-vs-h1.sh                 10 s each
#   DURATION=30s ROUNDS=5 bench/h2-vs-h1.sh    longer runs, more rounds, steadier numbers
#
# Environment: DURATION (default 10s), VUS (default 50), ROUNDS (default 3: h2 and h1 alternate), FUSILLADE (launcher; default
# <repo>/cli/target/fusillade/bin/fusillade).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(dirname "$here")"
duration="${DURATION:-10s}"
vus="${VUS:-50}"
fusillade="${FUSILLADE:-$repo/cli/target/fusillade/bin/fusillade}"

# shellcheck source=lib/local-nginx.sh
. "$here/lib/local-nginx.sh"

bench_require_launcher "$fusillade"
bench_install nginx:nginx openssl:openssl /usr/bin/time:time

bench_work fusillade-h2

NGINX_TLS=1 nginx_start "$work/nginx"
url="https://127.0.0.1:$nginx_port/100b.txt"
echo "target: $("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //'), 1 worker, TLS + http2, $url (100 bytes); $vus VUs for $duration each" >&2

json_number() {
  sed -n "s/^ *\"$2\" *: *\([0-9.eE+-]*\).*/\1/p" "$1" | head -n 1
}

# One run with httpVersion $1; prints "req/s requests cpu-seconds-in-test h2-share".
run() {
  local version="$1" name="$2" time_pid attempt
  cat > "$work/$name.js" <<JS
export const options = { httpVersion: '$version', insecureSkipTLSVerify: true };
export default function () {
  const res = http.get('$url');
  if (res.proto !== '$([ "$version" = 2 ] && echo h2 || echo h1)') {
    throw new Error('expected another protocol, got ' + res.proto + ' (' + res.error + ')');
  }
}
JS
  bench_pid=""
  /usr/bin/time -f '%U %S %e' -o "$work/$name.time" \
    "$fusillade" run "$work/$name.js" -w "$vus" -d "$duration" --headless \
    --export-json "$work/$name.json" --runs-dir "$work/runs" > "$work/$name.out" 2>&1 &
  time_pid=$!
  for attempt in $(seq 1 100); do
    bench_pid="$(pgrep -P "$time_pid" || true)"
    [ -n "$bench_pid" ] && break
    sleep 0.02
  done
  if [ -n "$bench_pid" ]; then
    bench_sample_cpu "$bench_pid" "$work/$name.cpu" &
  fi
  if ! wait "$time_pid"; then
    echo "h2-vs-h1: the $name run failed; its output:" >&2
    tail -n 40 "$work/$name.out" >&2
    exit 1
  fi
  wait
  local rps requests start end cpu
  rps="$(json_number "$work/$name.json" rps)"
  requests="$(json_number "$work/$name.json" total_requests)"
  start="$(sed -n 's/^ *"start_time" *: *"\([^"]*\)".*/\1/p' "$work/$name.json" | head -n 1)"
  end="$(sed -n 's/^ *"end_time" *: *"\([^"]*\)".*/\1/p' "$work/$name.json" | head -n 1)"
  cpu="$(awk '{ printf "%.2f", $1 + $2 }' "$work/$name.time")"
  if [ -s "$work/$name.cpu" ] && [ -n "$start" ] && [ -n "$end" ]; then
    cpu="$(bench_cpu_between "$work/$name.cpu" "$(date -d "$start" +%s%N)" "$(date -d "$end" +%s%N)")"
  fi
  if grep -q "Error: expected another protocol" "$work/$name.out"; then
    echo "h2-vs-h1: the $name run did not get the protocol it asked for:" >&2
    grep -m3 "expected another protocol" "$work/$name.out" >&2
    exit 1
  fi
  echo "$rps $requests $cpu"
}

rounds="${ROUNDS:-3}"
: > "$work/results"
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds: httpVersion '2'..." >&2
  read -r h2_rps h2_requests h2_cpu <<< "$(run 2 h2)"
  [ -n "$h2_rps" ] || exit 1
  echo "round $round of $rounds: httpVersion '1.1'..." >&2
  read -r h1_rps h1_requests h1_cpu <<< "$(run 1.1 h1)"
  [ -n "$h1_rps" ] || exit 1
  echo "$round $h2_rps $h2_requests $h2_cpu $h1_rps $h1_requests $h1_cpu" >> "$work/results"
done

# Per round, then the median of each column: rounds alternate, so a burst of other load on the
# machine hits one round, not one protocol.
sort -n "$work/results" | awk '
function us(cpu, n) { return n > 0 ? cpu * 1e6 / n : 0 }
function median(a, n,   i, j, t) {
  for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j > 0 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
BEGIN {
  printf "\n%-6s %12s %12s %12s | %12s %12s %12s | %8s %8s\n", "round", "h2 req/s", "h2 CPU s", "h2 us/req", \
    "h1 req/s", "h1 CPU s", "h1 us/req", "req/s", "us/req"
}
{
  n++; r2[n] = $2; c2[n] = $4; u2[n] = us($4, $3); r1[n] = $5; c1[n] = $7; u1[n] = us($7, $6)
  rr[n] = ($5 > 0 ? $2 / $5 : 0); ru[n] = (u1[n] > 0 ? u2[n] / u1[n] : 0)
  printf "%-6d %12.0f %12.2f %12.1f | %12.0f %12.2f %12.1f | %8.2f %8.2f\n", $1, r2[n], c2[n], u2[n], r1[n], c1[n], u1[n], rr[n], ru[n]
}
END {
  printf "%-6s %12.0f %12.2f %12.1f | %12.0f %12.2f %12.1f | %8.2f %8.2f\n", "median", median(r2, n), median(c2, n), \
    median(u2, n), median(r1, n), median(c1, n), median(u1, n), median(rr, n), median(ru, n)
  printf "\nh2/h1 (last two columns): req/s ratio and CPU-per-request ratio, per round and their medians\n"
}'
