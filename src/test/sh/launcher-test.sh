#!/usr/bin/env bash
# Checks the ./flowlint launcher on the jar the build just made: its output is the program's alone
# on the first run (archive not yet recorded), once the archive exists, with a corrupt archive, and
# with the archive turned off. Run by .ci/run after the Maven build.
set -euo pipefail
cd "$(dirname "$0")/../../.."
fail() { echo "launcher check failed: $*" >&2; exit 1; }
expect="flowlint $(sed -n 's/^version=//p' target/classes/dev/flowlint/version.properties)"
run() {
  local out err rc
  out="$(mktemp)"; err="$(mktemp)"
  set +e; "$@" >"$out" 2>"$err"; rc=$?; set -e
  [[ $rc -eq 0 ]] || fail "$* exited $rc"
  [[ "$(cat "$out")" == "$expect" ]] || fail "$* printed '$(cat "$out")', expected '$expect'"
  [[ ! -s "$err" ]] || fail "$* wrote to stderr: $(cat "$err")"
  rm -f "$out" "$err"
}
rm -f target/flowlint-jdk*.jsa target/flowlint-jdk*.aot
run ./flowlint --version
archive=""
for _ in $(seq 60); do
  archive="$(ls target/flowlint-jdk*.jsa target/flowlint-jdk*.aot 2>/dev/null | sed -n 1p || true)"
  [[ -n "$archive" ]] && break
  sleep 0.5
done
[[ -n "$archive" ]] || fail "no class-data archive was recorded within 30 s"
run ./flowlint --version
echo "not an archive" > "$archive"; touch "$archive"
run ./flowlint --version
FLOWLINT_NO_CDS=1 run ./flowlint --version
# The fast path (stamp written by the runs above), from another directory.
[[ -f target/flowlint.launch ]] || fail "no target/flowlint.launch stamp after an archived run"
(cd /tmp && run "$OLDPWD/flowlint" --version)
# One JIT compiler thread for a check of a few named files, the default for a directory.
exec_line() { { bash -x ./flowlint "$@" 2>&1 >/dev/null || true; } | grep -- ' -jar ' | tail -n1; }
payload="$(ls fixtures/payloads/*.json | sed -n 1p)"
[[ "$(exec_line check -q --schemas schemas -- "$payload")" == *CICompilerCount=1* ]] ||
  fail "a check of one named file does not run with one compiler thread"
[[ "$(exec_line check -q --schemas schemas fixtures/payloads)" != *CICompilerCount=1* ]] ||
  fail "a check of a directory runs with one compiler thread"
[[ "$(exec_line --version)" != *CICompilerCount=1* ]] || fail "--version runs with one compiler thread"
# Earlier compilation for a larger check only.
[[ "$(exec_line check -q --schemas schemas fixtures/payloads)" == *CompileThresholdScaling=0.5* ]] ||
  fail "a check of a directory does not compile earlier"
[[ "$(exec_line check -q --schemas schemas -- "$payload")" != *CompileThresholdScaling* ]] ||
  fail "a check of one named file compiles earlier"
[[ "$(exec_line --version)" != *CompileThresholdScaling* ]] || fail "--version compiles earlier"
# Leave no corrupt archive behind: the next run records a good one.
rm -f "$archive" target/flowlint.launch
echo "launcher checks: ok (first run, archived run, corrupt archive, archive off, compiler threads)"
