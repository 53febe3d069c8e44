#!/usr/bin/env bash
# Two ./flowlint runs started together on a fresh copy of the project (no target/) must both
# succeed, each checking the payload piped to it: the launcher locks the Maven build, and the run
# that waited uses the jar the other made.
# Issue 10 item 17. Needs Maven's dependencies cached (run after the main build); pass -o through
# MAVEN_ARGS to stay offline.
set -euo pipefail
cd "$(dirname "$0")/../../.."
fail() { echo "concurrent launcher check failed: $*" >&2; exit 1; }
copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
# The sources only, as a fresh clone has them.
tar -cf - --exclude=./target --exclude=./.git --exclude=./bench/.work --exclude=./bench/.peers . | tar -xf - -C "$copy"
# Both runs read a payload from standard input: whichever builds, the build must not eat it (it
# did: Maven inherited the launcher's stdin, and the check then saw an empty payload).
payload='{"flowId": "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11", "inputData": {"customerId": "C"}}'
(cd "$copy" && printf '%s' "$payload" | ./flowlint check - --schemas schemas) >"$copy/out1" 2>"$copy/err1" & p1=$!
(cd "$copy" && printf '%s' "$payload" | ./flowlint check - --schemas schemas) >"$copy/out2" 2>"$copy/err2" & p2=$!
rc1=0; rc2=0
wait $p1 || rc1=$?
wait $p2 || rc2=$?
for i in 1 2; do
  rc="rc$i"
  [[ ${!rc} -eq 1 ]] || fail "run $i exited ${!rc}, expected 1 (a finding): $(cat "$copy/err$i") $(cat "$copy/out$i")"
  grep -q 'error\[unknown-input\] inputData has no input "customerId"' "$copy/out$i" ||
    fail "run $i did not check the payload from its standard input: $(cat "$copy/out$i")"
done
builds=$(cat "$copy/err1" "$copy/err2" | grep -c "building" || true)
[[ $builds -eq 1 ]] || fail "expected one build, saw $builds"
echo "concurrent launcher check: ok (two runs, one build, standard input kept)"
