#!/usr/bin/env bash
# Iterations per second (and per CPU-second) of an empty default function, with and without
# five checks, as whole runs of the launcher: no network, every check a journaled record.
#   bench/checks-overhead.sh [VUS=2] [SECONDS=20]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vus="${1:-2}"
secs="${2:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/empty.js" <<'EOF2'
export default function () {}
EOF2
cat > "$work/checks.js" <<'EOF2'
const value = { status: 200, body: 'ok', items: [1, 2, 3] };
export default function () {
  check(value, {
    'status is 200': (r) => r.status === 200,
    'body is ok': (r) => r.body === 'ok',
    'has items': (r) => r.items.length === 3,
    'first item': (r) => r.items[0] === 1,
    'not empty': (r) => r.body.length > 0,
  });
}
EOF2

for script in empty.js checks.js; do
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$work/time.txt" "$root/fusillade" run "$work/$script" -w "$vus" -d "${secs}s" --headless \
      --runs-dir "$work/runs" >"$work/out.txt" 2>&1
  iterations="$(grep -oE 'iterations: [0-9]+' "$work/out.txt" | head -1 | grep -oE '[0-9]+')"
  read -r user sys < "$work/time.txt"
  awk -v s="$script" -v it="$iterations" -v d="$secs" -v u="$user" -v k="$sys" 'BEGIN {
    printf "%-10s %d VUs %ds: %d iterations, %.0f it/s, CPU %.1f s, %.0f it per CPU-second\n", s, '"$vus"', d, it, it / d, u + k, it / (u + k) }'
done
