#!/usr/bin/env bash
# The long fuzz run: many mutations of every corpus file through every reader, the payload parser,
# the checker and --fix (CI runs 3 per file; this runs PER_FILE, default 200, with a fresh seed).
# Usage: scripts/fuzz.sh [PER_FILE] [SEED] ; a failing input is saved under target/fuzz-failures/.
set -euo pipefail
cd "$(dirname "$0")/.."
per_file="${1:-200}"
seed="${2:-$RANDOM$RANDOM}"
shift $(( $# < 2 ? $# : 2 ))
echo "fuzz: $per_file mutations per corpus file, seed $seed (re-run a failure with: scripts/fuzz.sh $per_file $seed)"
rm -rf target/fuzz-failures
set +e
# -Dflowlint.test.jvm=: the test JVM with full tiered compilation (the suite's default is C1 only,
# right for its short tests, not for minutes of hot code).
mvn -B -ntp -q test -Dtest=CorpusFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.timeout=0 \
  -Dflowlint.test.jvm= -Dfuzz.perFile="$per_file" -Dfuzz.seed="$seed" "$@" >target/fuzz.log 2>&1
rc=$?
set -e
grep -oE "fuzz: [0-9]+ mutated.*|[0-9]+ of [0-9]+ mutated inputs broke a reader.*" target/fuzz.log || true
[[ -z "$(ls target/fuzz-failures 2>/dev/null)" ]] || { echo "fuzz: failing inputs in target/fuzz-failures/"; exit 1; }
[[ $rc -eq 0 ]] || { tail -30 target/fuzz.log; echo "fuzz: the run failed (log in target/fuzz.log)"; exit 2; }
