#!/usr/bin/env bash
# Mutation testing with PIT over dev.flowlint.check, .payload and .fix (not part of CI: it takes
# minutes). Prints the mutation score; the HTML report is in target/pit-reports/index.html.
# Usage: scripts/pit.sh [extra mvn args, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
mvn -B -ntp -q "$@" -Ppit test-compile org.pitest:pitest-maven:mutationCoverage >target/pit.log 2>&1 || {
  tail -50 target/pit.log >&2
  echo "pit: failed (full log in target/pit.log)" >&2
  exit 2
}
csv=target/pit-reports/mutations.csv
[[ -f "$csv" ]] || { echo "pit: no $csv" >&2; exit 2; }
# Columns: file,class,mutator,method,line,status,killing test
awk -F, '
  { split($2, parts, "."); pkg = parts[3]; total[pkg]++; all++
    if ($6 == "KILLED" || $6 == "TIMED_OUT" || $6 == "MEMORY_ERROR" || $6 == "RUN_ERROR") { killed[pkg]++; k++ }
    if ($6 == "NO_COVERAGE") { nocov[pkg]++ } }
  END {
    for (p in total) printf "%-8s %5d mutants, %5d killed, %5d without coverage: %5.1f%%\n", p, total[p], killed[p], nocov[p], 100 * killed[p] / total[p]
    printf "all      %5d mutants, %5d killed: mutation score %.1f%%\n", all, k, 100 * k / all
  }' "$csv"
