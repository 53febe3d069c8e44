#!/usr/bin/env bash
# flowlint import of the test corpus (src/test/corpus: Archy YAML, Architect exports, data
# actions) and pull of 1,000 flows from a stand-in Genesys Cloud on 127.0.0.1 (the tests'
# FakeGenesys, 25 flows a page). Median wall time of RUNS runs each (default 5), through ./flowlint.
# Writes docs/bench/import-pull.md (or OUT/import-pull.md).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-5}"
out="${OUT:-docs/bench}"
mkdir -p "$out"
work="$(mktemp -d)"
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

./flowlint --version >/dev/null # builds the jar if needed
mvn -B -ntp -q -o test-compile >/dev/null 2>&1 || mvn -B -ntp -q test-compile >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }

corpus_files=$(find src/test/corpus -type f ! -name '*.md' | wc -l)
import_ms=$(for _ in $(seq "$runs"); do rm -rf "$work/imported"; ms ./flowlint import src/test/corpus --out "$work/imported" -q; done | median)
imported=$(ls "$work/imported" | grep -c '\.schema\.json$' || true)

java -cp "target/test-classes:target/flowlint.jar" dev.flowlint.genesys.FakeGenesysServer 1000 >"$work/server.txt" &
server=$!
for _ in $(seq 100); do [[ -s "$work/server.txt" ]] && break; sleep 0.1; done
base="$(head -n1 "$work/server.txt")"
export GENESYSCLOUD_OAUTHCLIENT_ID=client-7f3a GENESYSCLOUD_OAUTHCLIENT_SECRET=s3cr3t-DO-NOT-PRINT-91c2
pull_ms=$(for _ in $(seq "$runs"); do rm -rf "$work/pulled"; ms ./flowlint pull --api-base "$base" --login-base "$base" --out "$work/pulled"; done | median)
pulled=$(ls "$work/pulled" | grep -c '\.schema\.json$' || true)

{
  echo "| workload | median wall | result |"
  echo "|---|---:|---|"
  echo "| \`flowlint import src/test/corpus\` ($corpus_files files) | $import_ms ms | $imported schemas written |"
  echo "| \`flowlint pull\` of 1,000 flows (40 pages, stand-in server on 127.0.0.1) | $pull_ms ms | $pulled schemas written |"
  echo
  echo "Medians of $runs runs each."
} | tee "$out/import-pull.md"
