#!/usr/bin/env bash
# Fetches pre-commit 4 (Debian trixie's package: pure Python; PyPI is not reachable) into DIR
# without touching the system's apt configuration or state, and writes DIR/pre-commit, a wrapper
# that runs it in a virtual environment over the system python3. Its dependencies (cfgv, identify, nodeenv, virtualenv,
# yaml) come from bookworm's pre-commit package, which .ci/run installs first. Prints the wrapper.
set -euo pipefail
dir="$(mkdir -p "$1" && cd "$1" && pwd)"
mkdir -p "$dir/apt/lists/partial" "$dir/apt/cache/archives/partial"
cat >"$dir/apt/sources.list" <<'LIST'
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
LIST
opts=(-o "Dir::Etc::sourcelist=$dir/apt/sources.list" -o Dir::Etc::sourceparts=/nonexistent
  -o "Dir::State::Lists=$dir/apt/lists" -o "Dir::Cache=$dir/apt/cache" -qq)
apt-get "${opts[@]}" update >&2
(cd "$dir" && apt-get "${opts[@]}" download pre-commit >&2 2>/dev/null) || (cd "$dir" && apt-get "${opts[@]}" download pre-commit >&2)
deb="$(ls "$dir"/pre-commit_*_all.deb | sed -n 1p)"
dpkg-deb -x "$deb" "$dir/root"
# A virtual environment over the system's packages, with pre-commit 4 in front: the git hook that
# "pre-commit install" writes records this python, so commits run pre-commit 4 too.
/usr/bin/python3 -m venv --without-pip --system-site-packages "$dir/venv"
site="$("$dir/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
cp -r "$dir/root/usr/lib/python3/dist-packages/." "$site/"
cat >"$dir/pre-commit" <<WRAP
#!/bin/sh
exec "$dir/venv/bin/python" -m pre_commit "\$@"
WRAP
chmod +x "$dir/pre-commit"
"$dir/pre-commit" --version | grep -q '^pre-commit 4\.' || { echo "not pre-commit 4: $("$dir/pre-commit" --version)" >&2; exit 1; }
echo "$dir/pre-commit"
