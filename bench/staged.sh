#!/usr/bin/env bash
# What a commit hook pays for reading the index: `check --staged` (the bytes git will commit) beside
# a plain `check` of the same files, on N staged payloads in a scratch repository; interleaved
# runs, median wall times. Run bench/compare.sh first: it writes the payloads and schemas used here.
#
# Usage: bench/staged.sh [N]          (default 300 files)
# Env:   RUNS=N (default 7); FLOWLINT=path (default ./flowlint; another build's launcher for an A/B)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-300}"
runs="${RUNS:-7}"
flowlint="$(realpath "${FLOWLINT:-./flowlint}")"
work="$PWD/bench/.work"
[[ -d "$work/p1000" && -d "$work/schemas" ]] || { echo "run bench/compare.sh 1000 first" >&2; exit 2; }
((n <= 1000)) || { echo "at most 1000 files" >&2; exit 2; }
repo="$(mktemp -d)"
trap 'rm -rf "$repo"' EXIT
git -C "$repo" init -q
cp -r "$work/schemas" "$repo/schemas"
mkdir "$repo/p"
files=("$work/p1000"/*.json)
cp "${files[@]:0:n}" "$repo/p/"
git -C "$repo" add -A
"$flowlint" --version >/dev/null
cd "$repo"
declare -A wall
for r in $(seq 0 "$runs"); do
  for mode in staged plain; do
    args=(check -q)
    [[ $mode == staged ]] && args+=(--staged)
    s=$(date +%s%N)
    "$flowlint" "${args[@]}" -- p/*.json >/dev/null 2>&1 || true
    e=$(date +%s%N)
    ((r == 0)) || wall[$mode]+="$(((e - s) / 1000000)) "
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "$n staged payloads, $runs interleaved runs, medians (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf 'check --staged  %6s ms\ncheck           %6s ms\n' "$(median <<<"${wall[staged]}")" "$(median <<<"${wall[plain]}")"
