#!/usr/bin/env bash
# Flat memory at scale: one run over 1,000,000 payloads with a 256 MB heap, in the formats that
# need a document around their results (JSON and SARIF, each to a file) with the text report beside
# the JSON. The payloads are bench/compare.sh's 100,000, reached through ten symbolic links to their
# directory (the walk follows a linked directory that is not its own ancestor), so nothing is copied.
# Prints, per format, the summary line, the exit code, the peak RSS and the CPU time (GNU time).
#
# Usage: bench/million.sh [COPIES]     (default 10: 10 x 100,000 files)
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-10}"
work="$PWD/bench/.work"
src="$work/p100000"
[[ -d "$src" && -d "$work/schemas" ]] || { echo "run bench/compare.sh 100000 first" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time (/usr/bin/time; Debian package time)" >&2; exit 2; }
./flowlint --version >/dev/null
big="$work/million"
rm -rf "$big"
mkdir -p "$big"
for i in $(seq -w 1 "$copies"); do ln -s "$src" "$big/d$i"; done
out="$work/million-out"
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT

run() { # label, then flowlint's arguments after "check DIR --schemas S"
  local label="$1" rc=0
  shift
  JAVA_TOOL_OPTIONS=-Xmx256m /usr/bin/time -f '%M %U %S' -o "$out/time" \
    ./flowlint check "$big" --schemas "$work/schemas" "$@" >"$out/stdout" 2>"$out/stderr" || rc=$?
  read -r rss user sys < <(tail -n1 "$out/time")
  printf '%-34s exit %d, peak RSS %d MB, CPU %.0f s user + %.0f s system\n' \
    "$label" "$rc" $((rss / 1024)) "$user" "$sys"
  grep -h '^checked' "$out/stdout" "$out/stderr" | sed 's/^/  /' || echo "  (no summary line)"
  grep -h -i -E 'exception|out of memory' "$out/stderr" | head -n 3 | sed 's/^/  stderr: /' || true
}
echo "$((copies * 100000)) payloads, -Xmx256m"
run "json to a file + text report" --format json="$out/r.json" --format text
run "sarif to a file, quiet" --format sarif="$out/r.sarif" -q
echo "  sarif results: $(grep -o '"ruleId"' "$out/r.sarif" | wc -l)"
ls -l "$out"/r.json "$out"/r.sarif | awk '{printf "  %s: %d MB\n", $NF, $5 / 1048576}'
