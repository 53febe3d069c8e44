#!/usr/bin/env bash
# Benchmark: check N generated payloads (default 10,000) in one run, against the fixture schemas.
# Prints the median wall time of RUNS runs (default 5) and the cost per file; also the start-up
# cost (check of one payload) with and without the class-data archive, for comparison.
# Usage: bench/check-10k.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

./flowlint import fixtures/flows --out "$work/schemas" -q >/dev/null
mkdir -p "$work/payloads"
python3 - "$work/payloads" "$n" <<'PY'
import json, os, sys
out, n = sys.argv[1], int(sys.argv[2])
oid = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11"
for i in range(n):
    kind = i % 4
    if kind == 0:   # clean
        body = {"flowId": oid, "name": f"run-{i}", "inputData": {"Flow.customer_id": f"C-{i}", "Flow.priority": i % 5,
                "Flow.tags": ["a", "b"], "Flow.due": "2024-05-01T13:30:00Z"}}
    elif kind == 1: # misspelt key
        body = {"flowId": oid, "inputData": {"customerId": f"C-{i}", "Flow.priority": 2}}
    elif kind == 2: # wrong types
        body = {"flowId": oid, "flowVersion": 3, "inputData": {"Flow.customer_id": "x", "Flow.priority": "3", "Flow.express": "yes"}}
    else:           # template
        body = None
    path = os.path.join(out, f"p{i:05d}.json" if body else f"p{i:05d}.json.hbs")
    with open(path, "w") as f:
        if body:
            json.dump(body, f, indent=2)
        else:
            f.write('{\n  "flowId": "%s",\n  "inputData": {"Flow.customer_id": "{{ id }}", "Flow.priority": {{ p }}}\n}\n' % oid)
PY

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

./flowlint --version >/dev/null  # builds the jar if needed and starts recording the archive
sleep 3
big=$(for _ in $(seq "$runs"); do time_ms ./flowlint check "$work/payloads" --schemas "$work/schemas" -q; done | median)
one_file="$work/payloads/p00000.json"
warm=$(for _ in $(seq "$runs"); do time_ms ./flowlint check "$one_file" --schemas "$work/schemas" -q; done | median)
cold=$(for _ in $(seq "$runs"); do FLOWLINT_NO_CDS=1 time_ms ./flowlint check "$one_file" --schemas "$work/schemas" -q; done | median)
echo "payloads: $n, runs: $runs (medians)"
echo "check $n files: ${big} ms wall, $(awk -v t="$big" -v n="$n" 'BEGIN {printf "%.3f", t / n}') ms per file"
echo "check 1 file:  ${warm} ms with the class-data archive, ${cold} ms without ($(awk -v a="$cold" -v b="$warm" 'BEGIN {printf "%.2f", a / b}')x)"
