#!/usr/bin/env bash
# Heap used by VUs holding a large data set: SharedArray (one copy for the run) against each
# VU parsing its own copy with JSON.parse(open(...)). Writes a ~50 MB JSON file, runs each
# script for a bounded time (VUs only sleep: no network), forces a full GC once every VU is
# initialised and prints the live heap.
#   bench/shared-array-memory.sh [VUS_SHARED=1000] [VUS_COPIES=20] [MB=50]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vus_shared="${1:-1000}"
vus_copies="${2:-20}"
mb="${3:-50}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

python3 - "$work/users.json" "$mb" <<'PY'
import json, sys
path, mb = sys.argv[1], int(sys.argv[2])
rows, size, i = [], 0, 0
while size < mb * 1_000_000:
    row = {"id": i, "email": f"user{i}@example.com", "password": f"secret-{i:08d}", "name": f"User Number {i}",
           "address": f"{i} Long Street, Some Town", "tags": ["alpha", "beta", "gamma"]}
    size += len(json.dumps(row)) + 1
    rows.append(row)
    i += 1
json.dump(rows, open(path, "w"))
print(f"data: {i} rows, {size / 1e6:.1f} MB of JSON")
PY

cat > "$work/shared.js" <<'EOF2'
const users = new SharedArray('users', () => JSON.parse(open('./users.json')));
export default function () { const u = users[(__VU * 7919) % users.length]; if (!u.email) { throw new Error('no'); } sleep(1); }
EOF2
cat > "$work/copies.js" <<'EOF2'
const users = JSON.parse(open('./users.json'));
export default function () { const u = users[(__VU * 7919) % users.length]; if (!u.email) { throw new Error('no'); } sleep(1); }
EOF2
cat > "$work/empty.js" <<'EOF2'
export default function () { sleep(1); }
EOF2

measure() { # script vus seconds
  local script="$1" vus="$2" secs="$3" pid heap
  (cd "$work" && FUSILLADE_JAVA_OPTS="-Xmx16g" "$root/fusillade" run "$script" -w "$vus" -d "${secs}s" --headless --runs-dir "$work/runs" >"$work/out.txt" 2>&1) &
  sleep $((secs - 4))
  pid="$(pgrep -f "io.fusillade.cli.Main run $script" | head -1)"
  "$jdk/bin/jcmd" "$pid" GC.run >/dev/null
  heap="$("$jdk/bin/jcmd" "$pid" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')"
  wait
  grep -q "iterations" "$work/out.txt" || { cat "$work/out.txt"; exit 1; }
  echo "$script  VUs=$vus  live heap after full GC: $((heap / 1024)) MB"
}

measure empty.js "$vus_shared" 25
measure shared.js "$vus_shared" 30
measure empty.js "$vus_copies" 15
measure copies.js "$vus_copies" 40
