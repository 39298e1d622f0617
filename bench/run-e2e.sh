#!/usr/bin/env bash
# End to end against the Python notebook pipeline (issue 9): `minectl themes` and
# bench/peers/pipeline_peer.py (TfidfVectorizer + KMeans + VADER) on the same synthetic corpus,
# alternately, in the same invocation.
#
# Usage: bench/run-e2e.sh [--n TRANSCRIPTS] [--pairs N] [--wait-idle SECONDS] [--one-core] [--ours-only]
# (defaults: 100,000 transcripts, 3 pairs, wait up to 60 s for an idle machine before each pair)
#   --one-core   each pair also runs ours pinned to one CPU (taskset -c 0): 1 -> 2 core scaling
#   --ours-only  skip the Python peer (at 1,000,000 transcripts it takes over 10 minutes a run)
#
# 1. Builds minectl in release; creates bench/.venv (scikit-learn, vaderSentiment) when missing.
# 2. Generates bench/work/transcripts-<n>.jsonl with ../shared/tools/make_corpus.py --n N --seed 0
#    (deterministic; Banking77 utterances as customer turns, the intent in "label").
# 3. Each pair: ours = `minectl themes FILE --k 77 --restarts 1 --format json --assignments --timings
#    --quiet` (TF-IDF on customer text, sentiment on every customer turn, clustering, the JSON
#    report), then the peer; both under /usr/bin/time -v for wall time and peak RSS.
# 4. Prints per stage and end to end: wall time median (min–max), the ratio peer / ours, peak RSS of
#    each, and the NMI of each clustering against the corpus's label field.
# Everything it writes goes to bench/work/.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
work="$bench/work"
n=100000
pairs=3
wait_idle=60
one_core=0
ours_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n=$2; shift 2 ;;
    --pairs) pairs=$2; shift 2 ;;
    --wait-idle) wait_idle=$2; shift 2 ;;
    --one-core) one_core=1; shift ;;
    --ours-only) ours_only=1; shift ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-e2e: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
# shellcheck source=bench/lib/machine.sh
source "$bench/lib/machine.sh"
shared="${TM_SHARED:-$root/../shared}"
[ -f "$shared/tools/make_corpus.py" ] || { echo "run-e2e: $shared/tools/make_corpus.py is absent: no corpus to run on" >&2; exit 1; }
[ -x "$bench/.venv/bin/python" ] || "$bench/setup-venv.sh"
python="$bench/.venv/bin/python"
[ -x /usr/bin/time ] || { echo "run-e2e: /usr/bin/time is missing (Debian package 'time')" >&2; exit 1; }

corpus="$work/transcripts-$((n / 1000))k.jsonl"
if [ ! -s "$corpus" ]; then
  echo "== generating $corpus"
  python3 "$shared/tools/make_corpus.py" --n "$n" --seed 0 --out "$corpus" --banking77 "$shared/data/banking77"
fi
"$python" -c "import json,sys; print('\n'.join(json.loads(l)['label'] for l in open(sys.argv[1])))" "$corpus" > "$work/e2e-labels-$n.txt"

echo "== swift build -c release --product minectl"
(cd "$root" && swift build -c release --product minectl 2>&1 | tail -n 1)
minectl="$root/.build/release/minectl"

for i in $(seq 1 "$pairs"); do
  wait_for_idle
  echo "== pair $i (1-min load before: $pre1)"
  /usr/bin/time -v -o "$work/e2e-ours-$i.time" "$minectl" themes "$corpus" --k 77 --restarts 1 --format json --assignments --timings \
    --quiet --out "$work/e2e-ours-$i.json"
  if [ "$one_core" = 1 ]; then
    [ -x "$(command -v taskset)" ] || { echo "run-e2e: taskset is missing (Debian package util-linux)" >&2; exit 1; }
    /usr/bin/time -v -o "$work/e2e-one-$i.time" taskset -c 0 "$minectl" themes "$corpus" --k 77 --restarts 1 --format json \
      --assignments --timings --quiet --out "$work/e2e-one-$i.json"
    "$python" -c 'import json,sys; a,b=(json.load(open(p)) for p in sys.argv[1:]); a.pop("timings"); b.pop("timings"); sys.exit(a != b)' \
      "$work/e2e-one-$i.json" "$work/e2e-ours-$i.json" \
      || { echo "run-e2e: the one-core report differs from the two-core report" >&2; exit 1; }
  fi
  if [ "$ours_only" = 0 ]; then
    /usr/bin/time -v -o "$work/e2e-peer-$i.time" "$python" "$bench/peers/pipeline_peer.py" "$corpus" --json "$work/e2e-peer-$i.json" \
      --assignments "$work/e2e-peer-$i.assignments" | sed "s/^/peer: /"
  fi
done

"$python" - "$work" "$pairs" "$n" "$one_core" "$ours_only" <<'PY'
import json, re, statistics, sys
from sklearn.metrics import normalized_mutual_info_score as nmi
work, pairs, n, one_core, ours_only = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1", sys.argv[5] == "1"
labels = open(f"{work}/e2e-labels-{n}.txt").read().split("\n")[:-1]

def wall_and_rss(path):
    text = open(path).read()
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1).split(":")
    seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(clock)))
    return seconds, int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024

def ours_run(name):
    report = json.load(open(f"{work}/{name}.json"))
    wall, rss = wall_and_rss(f"{work}/{name}.time")
    t = report["timings"]
    assigned = [a["theme"] if isinstance(a["theme"], int) else -1 for a in report["assignments"]]
    return {"total": wall, "rss": rss, "read": t["read"], "tfidf": t["documents"] + t["tfidf"] + t["smoothing"],
            "clustering": t["clustering"], "sentiment": t["sentiment"], "describe": t["labels"] + t["exemplars"],
            "nmi": nmi(labels, assigned), "fitted": report["clustering"].get("fittedOn", n)}

ours, one, peer = [], [], []
for i in range(1, pairs + 1):
    ours.append(ours_run(f"e2e-ours-{i}"))
    if one_core:
        one.append(ours_run(f"e2e-one-{i}"))
    if ours_only:
        continue
    result = json.load(open(f"{work}/e2e-peer-{i}.json"))
    wall, rss = wall_and_rss(f"{work}/e2e-peer-{i}.time")
    t = result["timings"]
    peer.append({"total": wall, "rss": rss, "read": t["read"], "tfidf": t["tfidf"], "clustering": t["kmeans"], "sentiment": t["vader"],
                 "describe": 0.0, "nmi": nmi(labels, open(f"{work}/e2e-peer-{i}.assignments").read().split())})

def cell(values):
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"

print(f"\n{n:,} transcripts, {pairs} alternating pairs; seconds median (min–max); ours fitted on {ours[0]['fitted']:,}")
columns = [("ours", ours)] + ([("ours, 1 core", one)] if one else []) + ([("peer", peer)] if peer else [])
print(f"{'stage':<22}" + "".join(f"{name:>22}" for name, _ in columns) + (f"{'peer/ours':>11}" if peer else "")
      + (f"{'1 core/2':>10}" if one else ""))
names = [("read", "read"), ("tfidf", "TF-IDF (+ smoothing)"), ("clustering", "clustering"), ("sentiment", "sentiment"),
         ("describe", "labels + exemplars"), ("total", "end to end (wall)")]
for key, name in names:
    line = f"{name:<22}"
    for _, runs in columns:
        values = [r[key] for r in runs]
        line += f"{cell(values) if statistics.median(values) > 0 else '(not done)':>22}"
    o = statistics.median([r[key] for r in ours])
    if peer:
        p = statistics.median([r[key] for r in peer])
        line += f"{p / o:>10.2f}x" if p > 0 and o > 0 else f"{'—':>11}"
    if one:
        line += f"{statistics.median([r[key] for r in one]) / o:>9.2f}x" if o > 0 else f"{'—':>10}"
    print(line)
line = f"{'peak RSS MiB':<22}" + "".join(f"{statistics.median([r['rss'] for r in runs]):>22.0f}" for _, runs in columns)
if peer:
    line += f"{statistics.median([r['rss'] for r in ours]) / statistics.median([r['rss'] for r in peer]):>10.2f} (ours/peer)"
print(line)
print(f"{'NMI vs label':<22}" + "".join(f"{statistics.median([r['nmi'] for r in runs]):>22.3f}" for _, runs in columns))
print("targets: 100k: end to end >= 15x, peak RSS <= 0.5 of the peer's, NMI >= the peer's; "
      "1M: under 30 s, peak RSS under 1 GiB, NMI >= the peer's")
PY
