#!/usr/bin/env bash
# Where a large check's time goes, stage by stage: the same flowlint build stopped after each stage
# of its per-file work, beside the full run and ajv-cli, on one size of bench/compare.sh's payloads.
#
#   read   start-up, walk, read and decode every file, hand each result back in order (no parse)
#   parse  the same, plus the payload parser (values, keys, spans, line index); no rule runs
#   full   the whole check, as ./flowlint runs it
#
# The stops are not in flowlint: this script copies HEAD into a scratch worktree under bench/.work,
# inserts one line into CheckRun.checkText there (a stop chosen by the FLOWLINT_STAGE variable,
# which only that copy reads), and builds it with its own class-data archive. Each build runs with
# the launcher's JVM options for a large check. Interleaved runs, medians of wall and CPU time.
# Run bench/compare.sh first: it installs the peers and writes the payloads and schemas.
#
# Usage: bench/stages.sh [SIZE]       (default 10000)   Env: RUNS=N (default 9)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
size="${1:-10000}"
runs="${RUNS:-9}"
work="$root/bench/.work"
dir="$work/p$size"
ajv="$root/bench/.peers/node_modules/.bin/ajv"
[[ -d "$dir" && -x "$ajv" && -d "$work/schemas" ]] || { echo "run bench/compare.sh $size first" >&2; exit 2; }

copy="$work/stages"
rm -rf "$copy"
git worktree prune
git worktree add -q --detach "$copy" HEAD
trap 'git -C "$root" worktree remove --force "$copy" >/dev/null 2>&1 || true' EXIT
run_java="$copy/src/main/java/dev/flowlint/check/CheckRun.java"
anchor='    ParsedPayload parsed = TemplateJsonParser.parse(text);'
grep -qxF "$anchor" "$run_java" || { echo "CheckRun.checkText has changed: update bench/stages.sh" >&2; exit 2; }
python3 - "$run_java" "$anchor" <<'PY'
import sys
path, anchor = sys.argv[1], sys.argv[2]
src = open(path).read()
stop = lambda stage, lines: (
    f'    if ("{stage}".equals(System.getenv("FLOWLINT_STAGE"))) {{\n'
    f'      return Done.of(new FileReport(display, Optional.empty(), Optional.empty(), List.of(), {lines}));\n'
    '    }\n')
src = src.replace(anchor + "\n", stop("read", "null") + anchor + "\n" + stop("parse", "parsed.lines()"), 1)
open(path, "w").write(src)
PY
(cd "$copy" && ./mvnw -B -ntp -q package -DskipTests -Dspotless.check.skip=true -Dspotbugs.skip=true >/dev/null)
jsa=$(compgen -G "$copy/target/flowlint-jdk*.jsa" | head -n1)
[[ -n "$jsa" ]] || { echo "the scratch build made no class-data archive" >&2; exit 2; }
jvm="java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms32m -XX:-UsePerfData -XX:CompileThresholdScaling=0.5 -XX:SharedArchiveFile=$jsa -jar $copy/target/flowlint.jar"
check="check '$dir' --schemas '$work/schemas' -q"

labels=(read parse full ajv-cli)
cmds=(
  "FLOWLINT_STAGE=read $jvm $check"
  "FLOWLINT_STAGE=parse $jvm $check"
  "$jvm $check"
  "'$ajv' validate --spec=draft2020 --strict=false -c ajv-formats -s '$work/peer.schema.json' -d '$dir/*.json'"
)
mkdir -p "$work/floor"
declare -A wall cpu
for r in $(seq 0 "$runs"); do
  for i in "${!cmds[@]}"; do
    s=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$work/floor/stage-time" bash -c "${cmds[$i]}" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    ((r == 0)) && continue # a warm-up round, not counted
    wall[$i]+="$(((e - s) / 1000000)) "
    cpu[$i]+="$(tail -n1 "$work/floor/stage-time" | awk '{printf "%d", ($1 + $2) * 1000}') "
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
ajv_wall=$(median <<<"${wall[3]}")
echo "$size files, $runs interleaved runs, medians (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-8s %8s %8s %10s\n' stage "wall ms" "cpu ms" "÷ ajv-cli"
for i in "${!cmds[@]}"; do
  w=$(median <<<"${wall[$i]}")
  printf '%-8s %8s %8s %10s\n' "${labels[$i]}" "$w" "$(median <<<"${cpu[$i]}")" \
    "$(awk -v a="$w" -v b="$ajv_wall" 'BEGIN {printf "%.2f", a / b}')"
done
