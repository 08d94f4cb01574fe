#!/usr/bin/env bash
# How long `fusillade run` takes to make its first request: RUNS (default 5) runs of a script
# with 1 VU and 1 iteration doing one GET against a private nginx on 127.0.0.1; median, min, max.
#
# Two readings per run:
#   reported  the run's own "startup: first iteration X s after launch" line: from the JVM's
#             start to the first iteration
#   observed  from this script starting the launcher to nginx logging the request (millisecond
#             resolution): what a user waits, launcher script and JVM start included
#
# Environment: RUNS (default 5), FUSILLADE (launcher; default <repo>/cli/target/fusillade/bin/fusillade).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(dirname "$here")"
runs="${RUNS:-5}"
fusillade="${FUSILLADE:-$repo/cli/target/fusillade/bin/fusillade}"

# shellcheck source=lib/local-nginx.sh
. "$here/lib/local-nginx.sh"

bench_require_launcher "$fusillade"
bench_install nginx:nginx

work="$(mktemp -d -t fusillade-startup-XXXXXX)"
cleanup() {
  nginx_stop
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

nginx_start "$work/nginx" timed
cat > "$work/one.js" <<JS
// One GET, once: everything before it is start-up.
export default function () {
  http.get('http://127.0.0.1:$nginx_port/100b.txt');
}
JS

reported=()
observed=()
for run in $(seq 1 "$runs"); do
  : > "$work/nginx/arrivals.log"
  launched="$(date +%s%N)"
  if ! "$fusillade" run "$work/one.js" -w 1 --iterations 1 --headless \
      --runs-dir "$work/runs" > "$work/run.out" 2>&1; then
    echo "startup: fusillade run failed; its output:" >&2
    tail -n 40 "$work/run.out" >&2
    exit 1
  fi
  seconds="$(sed -n 's/^startup: first iteration \([0-9.]*\) s after launch.*/\1/p' "$work/run.out" | head -n 1)"
  if [ -z "$seconds" ]; then
    echo "startup: run $run printed no 'startup: first iteration ... s after launch' line; its output:" >&2
    tail -n 40 "$work/run.out" >&2
    exit 1
  fi
  arrival="$(head -n 1 "$work/nginx/arrivals.log")"
  if [ -z "$arrival" ]; then
    echo "startup: run $run finished but nginx saw no request" >&2
    exit 1
  fi
  seen="$(awk -v a="$arrival" -v l="$launched" 'BEGIN { printf "%.2f", a - l / 1e9 }')"
  reported+=("$seconds")
  observed+=("$seen")
  printf 'run %d: reported %s s, observed %s s\n' "$run" "$seconds" "$seen"
done

# "median min max" of the arguments.
stats() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
    END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "median %.2f s   min %.2f s   max %.2f s", m, v[1], v[NR] }'
}

echo
echo "time to first request over $runs runs (1 VU, 1 iteration, one GET to 127.0.0.1):"
echo "  reported (JVM start -> first iteration):        $(stats "${reported[@]}")"
echo "  observed (launcher started -> request at nginx): $(stats "${observed[@]}")"
