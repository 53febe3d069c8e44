#!/usr/bin/env bash
# Side by side: flowlint against ajv-cli 5 (+ ajv-formats) and python3-jsonschema on the same
# payloads (clean, misspelt keys, wrong types) and an equivalent JSON Schema for the peers (the
# flowId + inputData envelope wrapping the flow's inputs schema), for 1, 1,000, 10,000 and 100,000
# files. Runs are interleaved (flowlint, ajv, jsonschema, flowlint, ...) so drift on a noisy machine
# hits every tool alike. Reports median wall time, ratios and peak RSS (/usr/bin/time), writes a
# markdown table, the raw samples and a gnuplot chart into docs/bench/.
#
# Usage: bench/compare.sh [SIZE...]        (default sizes: 1 1000 10000 100000)
# Env:   RUNS=N        runs per tool and size (default 11, 7, 5, 3 as the size grows)
#        JSONSCHEMA_MAX=N   largest size python3-jsonschema runs at (default 1000: it takes one
#                           -i per file on its command line)
#        OUT=DIR       where the table, samples and chart go (default docs/bench)
# Installs what is missing: ajv-cli and ajv-formats from npm into bench/.peers (gitignored),
# python3-jsonschema, gnuplot and GNU time from Debian (apt-get, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
sizes=("$@")
((${#sizes[@]})) || sizes=(1 1000 10000 100000)
out="${OUT:-docs/bench}"
js_max="${JSONSCHEMA_MAX:-1000}"
work="$root/bench/.work"
mkdir -p "$work" "$out"

# --- peers ------------------------------------------------------------------------------------
apt_need=()
[[ -x /usr/bin/jsonschema ]] || apt_need+=(python3-jsonschema)
[[ -x /usr/bin/time ]] || apt_need+=(time)
command -v gnuplot >/dev/null 2>&1 || command -v gnuplot-nox >/dev/null 2>&1 || apt_need+=(gnuplot-nox)
if ((${#apt_need[@]})); then
  echo "installing ${apt_need[*]} (apt)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_need[@]}" >/dev/null
fi
ajv="$root/bench/.peers/node_modules/.bin/ajv"
if [[ ! -x "$ajv" || ! -d "$root/bench/.peers/node_modules/ajv-formats" ]]; then
  echo "installing ajv-cli 5 and ajv-formats (npm, into bench/.peers)" >&2
  npm install --silent --no-audit --no-fund --prefix "$root/bench/.peers" ajv-cli@5 ajv-formats@3 >/dev/null
fi
gnuplot="$(command -v gnuplot || command -v gnuplot-nox)"
jsonschema=/usr/bin/jsonschema

# --- flowlint, its schemas, the peers' schema, the payloads -----------------------------------
./flowlint --version >/dev/null # builds the jar if needed; records the class-data archive
for _ in $(seq 120); do
  compgen -G "target/flowlint-jdk*.jsa" >/dev/null || compgen -G "target/flowlint-jdk*.aot" >/dev/null && break
  sleep 0.5
done
rm -rf "$work/schemas"
./flowlint import fixtures/flows --out "$work/schemas" -q >/dev/null

python3 - "$work" "${sizes[@]}" <<'PY'
import json, os, sys
work, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
inputs = json.load(open(os.path.join(work, "schemas", "order-lookup.schema.json")))
def strip(node):  # the peers get the same schema without flowlint's x-* annotations
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if not k.startswith("x-") and k not in ("$schema", "title")}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node
peer = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["flowId"],
        "additionalProperties": False,
        "properties": {"flowId": {"type": "string"}, "flowVersion": {"type": "string"}, "name": {"type": "string"},
                       "inputData": strip(inputs)}}
json.dump(peer, open(os.path.join(work, "peer.schema.json"), "w"), indent=2)
oid = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11"
for n in sizes:
    d = os.path.join(work, f"p{n}")
    if os.path.isdir(d) and len(os.listdir(d)) == n:
        continue
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        os.remove(os.path.join(d, f))
    for i in range(n):
        kind = i % 3
        if kind == 0:   # clean
            body = {"flowId": oid, "name": f"run-{i}", "inputData": {"Flow.customer_id": f"C-{i}", "Flow.priority": i % 5,
                    "Flow.tags": ["a", "b"], "Flow.due": "2024-05-01T13:30:00Z"}}
        elif kind == 1: # misspelt key
            body = {"flowId": oid, "inputData": {"customerId": f"C-{i}", "Flow.priority": 2}}
        else:           # wrong types
            body = {"flowId": oid, "flowVersion": 3, "inputData": {"Flow.customer_id": "x", "Flow.priority": "3", "Flow.express": "yes"}}
        with open(os.path.join(d, f"p{i:06d}.json"), "w") as f:
            json.dump(body, f, indent=2)
PY

# --- measuring ----------------------------------------------------------------------------------
samples="$out/compare-samples.tsv"
printf 'tool\tfiles\trun\tms\trss_kb\tcpu_ms\n' >"$samples"
rssfile="$work/rss"
# Runs "$@" once; prints wall milliseconds, peak RSS (KiB) and CPU milliseconds (user + system, all
# threads): on a shared machine the CPU a run needs says more than its wall time.
measure() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f '%M %U %S' -o "$rssfile" "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  printf '%d\t%s\n' $(((end - start) / 1000000)) "$(tail -n1 "$rssfile" | awk '{printf "%s\t%d", $1, ($2 + $3) * 1000}')"
}

for n in "${sizes[@]}"; do
  dir="$work/p$n"
  if ((n == 1)); then target=("$dir/p000000.json"); glob="$dir/p000000.json"; else target=("$dir"); glob="$dir/*.json"; fi
  runs="${RUNS:-$( ((n <= 1)) && echo 11 || { ((n <= 1000)) && echo 7; } || { ((n <= 10000)) && echo 5; } || echo 3)}"
  tools=(flowlint ajv-cli)
  js_args=()
  if ((n <= js_max)); then
    tools+=(python3-jsonschema)
    for f in "$dir"/*.json; do js_args+=(-i "$f"); done
  fi
  echo "== $n files, $runs interleaved runs of: ${tools[*]}" >&2
  for run in $(seq 0 "$runs"); do # run 0 warms caches and is not counted
    for tool in "${tools[@]}"; do
      case "$tool" in
        flowlint) cmd=(./flowlint check "${target[@]}" --schemas "$work/schemas" -q) ;;
        ajv-cli) cmd=("$ajv" validate --spec=draft2020 --strict=false -c ajv-formats -s "$work/peer.schema.json" -d "$glob") ;;
        python3-jsonschema) cmd=("$jsonschema" "${js_args[@]}" "$work/peer.schema.json") ;;
      esac
      r="$(measure "${cmd[@]}")"
      ((run == 0)) || printf '%s\t%s\t%s\t%s\n' "$tool" "$n" "$run" "$r" >>"$samples"
    done
  done
done

# --- table and chart ----------------------------------------------------------------------------
python3 - "$samples" "$out" "${sizes[@]}" <<'PY'
import csv, os, statistics, sys
samples, out, sizes = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3:]]
rows = list(csv.DictReader(open(samples), delimiter="\t"))
def med(tool, n, key):
    v = [int(r[key]) for r in rows if r["tool"] == tool and int(r["files"]) == n and r[key].isdigit()]
    return statistics.median(v) if v else None
def ms(v): return "—" if v is None else (f"{v/1000:.2f} s" if v >= 1000 else f"{v:.0f} ms")
def mb(v): return "—" if v is None else f"{v/1024:.0f} MB"
def ratio(a, b): return "—" if a is None or b is None else f"{a/b:.2f}"
lines = ["| files | flowlint | ajv-cli | python3-jsonschema | flowlint ÷ ajv-cli | flowlint ÷ jsonschema | RSS flowlint | RSS ajv-cli | RSS jsonschema | CPU flowlint | CPU ajv-cli | CPU jsonschema |",
         "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
plot = []
for n in sizes:
    f, a, j = med("flowlint", n, "ms"), med("ajv-cli", n, "ms"), med("python3-jsonschema", n, "ms")
    lines.append(f"| {n:,} | {ms(f)} | {ms(a)} | {ms(j)} | {ratio(f, a)} | {ratio(f, j)} | "
                 f"{mb(med('flowlint', n, 'rss_kb'))} | {mb(med('ajv-cli', n, 'rss_kb'))} | {mb(med('python3-jsonschema', n, 'rss_kb'))} | "
                 f"{ms(med('flowlint', n, 'cpu_ms'))} | {ms(med('ajv-cli', n, 'cpu_ms'))} | {ms(med('python3-jsonschema', n, 'cpu_ms'))} |")
    plot.append((n, f, a, j))
r10, r100 = med("flowlint", 10000, "rss_kb"), med("flowlint", 100000, "rss_kb")
load = os.getloadavg()[0]
notes = ["", "Medians of interleaved runs; a ratio below 1 means flowlint is faster (0.50 = twice as fast). "
         "CPU is user + system time of all threads.",
         f"Machine: {os.cpu_count()} cores, load average {load:.1f} when the table was written."]
if r10 and r100:
    notes.append(f"flowlint peak RSS, 100,000 files ÷ 10,000 files: {r100/r10:.2f}")
text = "\n".join(lines + notes) + "\n"
open(os.path.join(out, "compare.md"), "w").write(text)
with open(os.path.join(out, "compare.dat"), "w") as d:
    d.write("# files flowlint_s ajv_s jsonschema_s (medians; NaN = not run)\n")
    for n, f, a, j in plot:
        d.write(" ".join([str(n)] + ["NaN" if v is None else f"{v/1000:.4f}" for v in (f, a, j)]) + "\n")
print(text, end="")
PY
"$gnuplot" <<GP
set terminal svg size 720,440 dynamic font "sans,12"
set output "$out/compare.svg"
set title "Wall time against number of payload files (median, lower is better)"
set logscale xy
set xlabel "payload files in one run"
set ylabel "seconds"
set key top left
set grid
set datafile missing "NaN"
plot "$out/compare.dat" using 1:2 with linespoints lw 2 title "flowlint", \
     "" using 1:3 with linespoints lw 2 title "ajv-cli 5", \
     "" using 1:4 with linespoints lw 2 title "python3-jsonschema"
GP
echo "wrote $out/compare.md, $out/compare.svg, $samples" >&2
