#!/usr/bin/env bash
# Two ./flowlint runs started together on a fresh copy of the project (no target/) must both
# succeed: the launcher locks the Maven build, and the run that waited uses the jar the other made.
# Issue 10 item 17. Needs Maven's dependencies cached (run after the main build); pass -o through
# MAVEN_ARGS to stay offline.
set -euo pipefail
cd "$(dirname "$0")/../../.."
fail() { echo "concurrent launcher check failed: $*" >&2; exit 1; }
copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
# The sources only, as a fresh clone has them.
tar -cf - --exclude=./target --exclude=./.git . | tar -xf - -C "$copy"
expect="flowlint $(sed -n 's/^version=//p' target/classes/dev/flowlint/version.properties)"
"$copy/flowlint" --version >"$copy/out1" 2>"$copy/err1" & p1=$!
"$copy/flowlint" --version >"$copy/out2" 2>"$copy/err2" & p2=$!
rc1=0; rc2=0
wait $p1 || rc1=$?
wait $p2 || rc2=$?
[[ $rc1 -eq 0 ]] || fail "first run exited $rc1: $(cat "$copy/err1")"
[[ $rc2 -eq 0 ]] || fail "second run exited $rc2: $(cat "$copy/err2")"
[[ "$(cat "$copy/out1")" == "$expect" && "$(cat "$copy/out2")" == "$expect" ]] || fail "unexpected output: $(cat "$copy/out1") / $(cat "$copy/out2")"
builds=$(cat "$copy/err1" "$copy/err2" | grep -c "building" || true)
[[ $builds -eq 1 ]] || fail "expected one build, saw $builds"
echo "concurrent launcher check: ok (two runs, one build)"
