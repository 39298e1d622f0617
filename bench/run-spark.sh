#!/usr/bin/env bash
# The partitioned run on Spark against the single-machine run (issue 10), in the same invocation:
# wall time and CPU seconds of `minectl themes` and of spark/minectl_spark.py (Spark local[2]) on
# the same corpus, alternately, and the quality of fitting on a sample then assigning against
# fitting every transcript (NMI of each against the corpus's label field).
#
# Usage: bench/run-spark.sh [--n TRANSCRIPTS] [--runs N] [--partitions P] [--full] [--wait-idle SECONDS]
# (defaults: 1,000,000 transcripts, 1 run of each, 8 partitions; --full also runs
#  `minectl themes --fit-sample 0`, every transcript fitted: about 3 minutes at 1,000,000)
#
# 1. Builds minectl as Spark ships it (release, --static-swift-stdlib) into .build-static/; creates
#    spark/.venv (PySpark) and bench/.venv (scikit-learn, for NMI) when missing.
# 2. The corpus: bench/work/transcripts-<n/1000>k.jsonl from ../shared/tools/make_corpus.py (as run-e2e.sh).
# 3. Each run: single = `minectl themes FILE --k 77 --restarts 1 --seed 0 --format json --assignments`;
#    spark = `spark/minectl_spark.py FILE --master local[2] --partitions P --k 77 --restarts 1 --seed 0
#    --format json --assignments FILE`. CPU seconds are the machine's busy time while each runs (the
#    machine is waited on to be idle first), so they include the JVM, the Python workers and every
#    minectl process.
# Everything it writes goes to bench/work/.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
work="$bench/work"
n=1000000
runs=1
partitions=8
full=0
wait_idle=60
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --partitions) partitions=$2; shift 2 ;;
    --full) full=1; shift ;;
    --wait-idle) wait_idle=$2; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-spark: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
# shellcheck source=bench/lib/machine.sh
source "$bench/lib/machine.sh"
shared="${TM_SHARED:-$root/../shared}"
[ -f "$shared/tools/make_corpus.py" ] || { echo "run-spark: $shared/tools/make_corpus.py is absent: no corpus to run on" >&2; exit 1; }
[ -x "$bench/.venv/bin/python" ] || "$bench/setup-venv.sh"
"$root/spark/setup-venv.sh"
python="$bench/.venv/bin/python"
spark_python="$root/spark/.venv/bin/python"

corpus="$work/transcripts-$((n / 1000))k.jsonl"
if [ ! -s "$corpus" ]; then
  echo "== generating $corpus"
  python3 "$shared/tools/make_corpus.py" --n "$n" --seed 0 --out "$corpus" --banking77 "$shared/data/banking77"
fi

echo "== swift build -c release --static-swift-stdlib --scratch-path .build-static --product minectl"
(cd "$root" && swift build -c release --static-swift-stdlib --scratch-path .build-static --product minectl 2>&1 | tail -n 1)
minectl="$root/.build-static/release/minectl"

busy_seconds() {  # runs "$@"; prints the machine's busy CPU seconds meanwhile to $work/spark-$tag.cpu
  local tag=$1; shift
  local b0 t0 b1 t1 hz
  hz=$(getconf CLK_TCK)
  read -r b0 t0 <<< "$(cpu_ticks)"
  "$@"
  read -r b1 t1 <<< "$(cpu_ticks)"
  awk -v b="$((b1 - b0))" -v hz="$hz" 'BEGIN { printf "%.2f\n", b / hz }' > "$work/spark-$tag.cpu"
}

for i in $(seq 1 "$runs"); do
  wait_for_idle
  echo "== run $i: single machine (1-min load before: $pre1)"
  busy_seconds "single-$i" /usr/bin/time -v -o "$work/spark-single-$i.time" "$minectl" themes "$corpus" --k 77 --restarts 1 --seed 0 \
    --format json --assignments --timings --quiet --out "$work/spark-single-$i.json"
  wait_for_idle
  echo "== run $i: Spark local[2], $partitions partitions (1-min load before: $pre1)"
  rm -rf "$work/spark-work-$i"
  busy_seconds "spark-$i" /usr/bin/time -v -o "$work/spark-spark-$i.time" "$spark_python" "$root/spark/minectl_spark.py" "$corpus" \
    --master 'local[2]' --partitions "$partitions" --k 77 --restarts 1 --seed 0 --format json --out "$work/spark-spark-$i.json" \
    --assignments "$work/spark-spark-$i.assignments.jsonl" --minectl "$minectl" --work-dir "$work/spark-work-$i" 2> "$work/spark-spark-$i.log"
  grep -E "pass |merge-|fit |parts" "$work/spark-spark-$i.log" | sed 's/^/  /'
  # The same model on one machine: the report must be the same bytes.
  "$minectl" themes "$corpus" --model "$work/spark-work-$i/model.json" --format json --quiet --out "$work/spark-model-$i.json"
  cmp -s "$work/spark-model-$i.json" "$work/spark-spark-$i.json" \
    || { echo "run-spark: the Spark report differs from minectl themes --model" >&2; exit 1; }
done
if [ "$full" = 1 ]; then
  wait_for_idle
  echo "== every transcript fitted: minectl themes --fit-sample 0"
  busy_seconds "full" /usr/bin/time -v -o "$work/spark-full.time" "$minectl" themes "$corpus" --k 77 --restarts 1 --seed 0 --fit-sample 0 \
    --format json --assignments --quiet --out "$work/spark-full.json"
fi

"$python" - "$work" "$runs" "$corpus" "$full" "$partitions" <<'PY'
import json, re, statistics, sys
from sklearn.metrics import normalized_mutual_info_score as nmi
work, runs, corpus, full, partitions = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1", int(sys.argv[5])
label = {}
for line in open(corpus):
    record = json.loads(line)
    label[record["id"]] = record["label"]

def wall_rss(path):
    text = open(path).read()
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1).split(":")
    return (sum(float(p) * 60 ** i for i, p in enumerate(reversed(clock))),
            int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024)

def score(rows):
    ids = [r["id"] for r in rows]
    themes = [r["theme"] if isinstance(r["theme"], int) else -1 for r in rows]
    return nmi([label[i] for i in ids], themes), len(rows)

table = {"single": [], "spark": []}
for i in range(1, runs + 1):
    for kind in table:
        wall, rss = wall_rss(f"{work}/spark-{kind}-{i}.time")
        cpu = float(open(f"{work}/spark-{kind}-{i}.cpu").read())
        if kind == "single":
            quality, count = score(json.load(open(f"{work}/spark-single-{i}.json"))["assignments"])
        else:
            quality, count = score([json.loads(l) for l in open(f"{work}/spark-spark-{i}.assignments.jsonl")])
        table[kind].append({"wall": wall, "cpu": cpu, "rss": rss, "nmi": quality, "count": count})

def med(kind, key):
    return statistics.median(r[key] for r in table[kind])

print(f"\n{len(label):,} transcripts, {runs} run(s) of each; Spark local[2] with {partitions} partitions")
print(f"{'':<28}{'single machine':>16}{'Spark local[2]':>16}{'Spark/single':>14}")
for key, name in (("wall", "wall seconds"), ("cpu", "CPU seconds (machine busy)")):
    print(f"{name:<28}{med('single', key):>16.1f}{med('spark', key):>16.1f}{med('spark', key) / med('single', key):>13.2f}x")
print(f"{'peak RSS MiB (driver proc)':<28}{med('single', 'rss'):>16.0f}{med('spark', 'rss'):>16.0f}")
print(f"{'NMI vs label':<28}{med('single', 'nmi'):>16.3f}{med('spark', 'nmi'):>16.3f}")
print(f"{'transcripts assigned':<28}{table['single'][0]['count']:>16,}{table['spark'][0]['count']:>16,}")
if full:
    wall, rss = wall_rss(f"{work}/spark-full.time")
    quality, _ = score(json.load(open(f"{work}/spark-full.json"))["assignments"])
    cpu = float(open(f"{work}/spark-full.cpu").read())
    print(f"every transcript fitted (--fit-sample 0): NMI {quality:.3f}, {wall:.1f} s wall, {cpu:.1f} CPU s, {rss:.0f} MiB")
PY
