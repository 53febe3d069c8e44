#!/usr/bin/env bash
# Checks the release archives the build made (target/flowlint-VERSION.tar.gz and .zip): their
# layout, and that bin/flowlint runs a real check with only Java on PATH (no mvn, no git), from a
# read-only installation, keeping its class-data archive in the per-user cache. Run by .ci/run
# after the Maven build.
set -euo pipefail
cd "$(dirname "$0")/../../.."
fail() { echo "release check failed: $*" >&2; exit 1; }
version="$(sed -n 's/^version=//p' target/classes/dev/flowlint/version.properties)"
tgz="target/flowlint-$version.tar.gz"
zip="target/flowlint-$version.zip"
[[ -f "$tgz" ]] || fail "$tgz is missing (run mvn package)"
[[ -f "$zip" ]] || fail "$zip is missing"
java="$(command -v java)" || fail "no java"
java="$(readlink -f "$java")"

work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

want="bin/flowlint bin/flowlint.bat lib/flowlint.jar README.md"
tar -xzf "$tgz" -C "$work"
home="$work/flowlint-$version"
for f in $want; do [[ -f "$home/$f" ]] || fail "$tgz lacks $f"; done
[[ -x "$home/bin/flowlint" ]] || fail "bin/flowlint is not executable in $tgz"
listing="$("$(dirname "$java")/jar" tf "$zip" 2>/dev/null || unzip -Z1 "$zip")"
for f in $want; do grep -qx "flowlint-$version/$f" <<<"$listing" || fail "$zip lacks $f"; done

# A PATH with the JDK's java and the few tools the launcher uses: no mvn, no git.
bin="$work/path"
mkdir "$bin"
ln -s "$java" "$bin/java"
for t in bash env dirname readlink sed cksum cut mkdir find rmdir mv rm cat; do
  p="$(command -v "$t")" || fail "no $t"
  ln -s "$p" "$bin/$t"
done
PATH="$bin" bash -c 'command -v mvn' >/dev/null 2>&1 && fail "mvn is still on the test PATH"
PATH="$bin" bash -c 'command -v git' >/dev/null 2>&1 && fail "git is still on the test PATH"

# The installation is read-only (for a non-root user; root ignores modes, so the listing is
# compared too); the cache is the user's.
chmod -R a-w "$home"
before="$(cd "$home" && find . | sort)"
cache="$work/cache"
export XDG_CACHE_HOME="$cache"
unset JAVA_HOME FLOWLINT_CACHE_DIR FLOWLINT_NO_CDS
run() { PATH="$bin" "$home/bin/flowlint" "$@"; }

out="$(run --version)" || fail "--version exited $?"
[[ "$out" == "flowlint $version" ]] || fail "--version printed '$out'"

schemas="$work/schemas"
run import fixtures/flows --out "$schemas" -q >/dev/null || fail "import exited $?"
good="$work/good.json"
bad="$work/bad.json"
printf '{"flowId": "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11", "inputData": {"Flow.customer_id": "C-1"}}\n' >"$good"
printf '{"flowId": "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11", "inputData": {"customerId": "C-1"}}\n' >"$bad"
out="$(run check --schemas "$schemas" "$good")" || fail "a clean check exited $?: $out"
[[ "$out" == "checked 1 file: no problems" ]] || fail "clean check printed '$out'"
set +e; out="$(run check --schemas "$schemas" "$bad")"; rc=$?; set -e
[[ $rc -eq 1 ]] || fail "a check with findings exited $rc, not 1"
grep -q 'error\[unknown-input\].*did you mean "Flow.customer_id"' <<<"$out" || fail "no finding in: $out"

archive=""
for _ in $(seq 60); do
  archive="$(ls "$cache"/flowlint/flowlint-"$version"-jdk*.jsa "$cache"/flowlint/flowlint-"$version"-jdk*.aot 2>/dev/null | sed -n 1p || true)"
  [[ -n "$archive" ]] && break
  sleep 0.5
done
[[ -n "$archive" ]] || fail "no class-data archive in $cache/flowlint within 30 s"
out="$(run check --schemas "$schemas" "$good" 2>&1)" || fail "archived run exited $?"
[[ "$out" == "checked 1 file: no problems" ]] || fail "archived run printed '$out'"

# One JIT compiler thread for a check of a few named files (few_files in the launcher), not for a
# directory.
bashbin="$(command -v bash)"
exec_line() { { PATH="$bin" "$bashbin" -x "$home/bin/flowlint" "$@" 2>&1 >/dev/null || true; } | grep -- ' -jar ' | tail -n1 || true; }
[[ "$(exec_line check --schemas "$schemas" "$good")" == *CICompilerCount=1* ]] ||
  fail "a check of one named file does not run with one compiler thread"
[[ "$(exec_line check --schemas "$schemas" "$work")" != *CICompilerCount=1* ]] ||
  fail "a check of a directory runs with one compiler thread"
[[ "$(exec_line check --schemas "$schemas" "$work")" == *CompileThresholdScaling=0.5* ]] ||
  fail "a check of a directory does not compile earlier"
[[ "$(exec_line check --schemas "$schemas" "$good")" != *CompileThresholdScaling* ]] ||
  fail "a check of one named file compiles earlier"

[[ "$(cd "$home" && find . | sort)" == "$before" ]] || fail "the launcher wrote into the installation"

# Through a symbolic link, as when bin/flowlint is linked into ~/.local/bin.
ln -s "$home/bin/flowlint" "$bin/flowlint"
out="$(PATH="$bin" flowlint --version)" || fail "linked launcher exited $?"
[[ "$out" == "flowlint $version" ]] || fail "linked launcher printed '$out'"

echo "release checks: ok ($tgz, $zip; ran with java only on PATH, read-only install, cache in XDG_CACHE_HOME)"
