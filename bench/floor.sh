#!/usr/bin/env bash
# The JVM floor beside flowlint and ajv-cli: bench/floor/ReadFloor.java starts a JVM and reads every
# payload of one size on two threads, looking at each byte once, with the launcher's JIT options;
# bench/floor/LeanFloor.java also parses each payload once (Jackson streaming, no tree) and checks
# it the way ajv does (names, JSON types, patterns, required; one-line findings with line and
# column), with the launcher's options and a class-data archive of its own, as flowlint has.
# Interleaved runs, medians of wall and CPU (user + system) time. Run bench/compare.sh first: it
# installs the peers and writes the payloads and schemas this script uses.
#
# Usage: bench/floor.sh [SIZE]       (default 10000)   Env: RUNS=N (default 9)
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-10000}"
runs="${RUNS:-9}"
work="$PWD/bench/.work"
dir="$work/p$size"
ajv="$PWD/bench/.peers/node_modules/.bin/ajv"
[[ -d "$dir" && -x "$ajv" && -d "$work/schemas" ]] || { echo "run bench/compare.sh $size first" >&2; exit 2; }
mkdir -p "$work/floor"
javac -d "$work/floor" bench/floor/ReadFloor.java
./flowlint --version >/dev/null
rm -rf "$work/floor/lean" && mkdir -p "$work/floor/lean"
javac -cp target/flowlint.jar -d "$work/floor/lean" bench/floor/LeanFloor.java
jar cf "$work/floor/lean.jar" -C "$work/floor/lean" .
oid=6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11
lean_jvm="java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms32m -XX:CompileThresholdScaling=0.5 -cp target/flowlint.jar:$work/floor/lean.jar"
rm -f "$work/floor/lean.jsa"
$lean_jvm -XX:ArchiveClassesAtExit="$work/floor/lean.jsa" LeanFloor "$dir" "$work/schemas/order-lookup.schema.json" $oid >/dev/null 2>&1

labels=(java-read-floor java-lean-check flowlint ajv-cli)
cmds=(
  "java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms32m -cp '$work/floor' ReadFloor '$dir'"
  "$lean_jvm -XX:SharedArchiveFile='$work/floor/lean.jsa' LeanFloor '$dir' '$work/schemas/order-lookup.schema.json' $oid"
  "./flowlint check '$dir' --schemas '$work/schemas' -q"
  "'$ajv' validate --spec=draft2020 --strict=false -c ajv-formats -s '$work/peer.schema.json' -d '$dir/*.json'"
)
declare -A wall cpu
for r in $(seq 0 "$runs"); do
  for i in "${!cmds[@]}"; do
    s=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$work/floor/time" bash -c "${cmds[$i]}" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    ((r == 0)) && continue # a warm-up round, not counted
    wall[$i]+="$(((e - s) / 1000000)) "
    cpu[$i]+="$(tail -n1 "$work/floor/time" | awk '{printf "%d", ($1 + $2) * 1000}') "
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "$size files, $runs interleaved runs, medians (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-16s %8s %8s\n' tool "wall ms" "cpu ms"
for i in "${!cmds[@]}"; do
  printf '%-16s %8s %8s\n' "${labels[$i]}" "$(median <<<"${wall[$i]}")" "$(median <<<"${cpu[$i]}")"
done
