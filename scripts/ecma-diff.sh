#!/usr/bin/env bash
# Differential run of flowlint's ECMA-262 pattern reading against node's RegExp with the u flag (what
# ajv runs): COUNT generated patterns (default 20000), 8 values each, same verdict required. Needs
# node; outside CI (the tests use no JavaScript engine). Usage: scripts/ecma-diff.sh [COUNT] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-20000}"
seed="${2:-$RANDOM$RANDOM}"
echo "ecma-diff: $count patterns, seed $seed (re-run with: scripts/ecma-diff.sh $count $seed)"
[[ -f target/flowlint.jar ]] || ./mvnw -B -ntp -q package -DskipTests
mkdir -p target/ecma-diff
node scripts/ecma-diff.mjs "$count" "$seed" target/ecma-diff/cases.json
java -cp target/flowlint.jar scripts/EcmaDiff.java target/ecma-diff/cases.json
