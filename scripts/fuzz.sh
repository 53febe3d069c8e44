#!/usr/bin/env bash
# The long fuzz run: many mutations of every corpus file through every reader, the payload parser,
# the checker and --fix (CI runs 3 per file; this runs PER_FILE, default 200, with a fresh seed).
# Usage: scripts/fuzz.sh [PER_FILE] [SEED] ; a failing input is saved under target/fuzz-failures/.
set -euo pipefail
cd "$(dirname "$0")/.."
per_file="${1:-200}"
seed="${2:-$RANDOM$RANDOM}"
echo "fuzz: $per_file mutations per corpus file, seed $seed (re-run a failure with: scripts/fuzz.sh $per_file $seed)"
mvn -B -ntp -q test -Dtest=CorpusFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.perFile="$per_file" -Dfuzz.seed="$seed" -Djunit.jupiter.execution.timeout.default=2h "$@" 2>&1 | grep -E "^fuzz:|FAIL|broke|Tests run" || true
[[ -z "$(ls target/fuzz-failures 2>/dev/null)" ]] || { echo "fuzz: failing inputs in target/fuzz-failures/"; exit 1; }
