#!/usr/bin/env bash
# Sentiment throughput and accuracy: builds the bench package in release (scratch path
# bench/.build-sentiment), then runs sentiment-bench (TranscriptMiner's SentimentScorer, in
# process) and the Python peer (vaderSentiment's polarity_scores) alternately on the same
# documents, and prints documents/s (median, min, max) and the ratio ours / VADER. Then scores
# the VADER tweets (../shared/data/vader/tweets_GroundTruth.txt) with both and prints Pearson r
# and 3-class macro-F1 (gold neutral when |mean| < 0.5, predicted neutral when |compound| < 0.05).
#
# Usage: bench/run-sentiment.sh [--pairs N] [--limit DOCUMENTS] [--corpus FILE] [--tasks N] [--ours-repetitions N]
# (defaults: 3 pairs, the first 100,000 lines of bench/work/customer-turns.txt, 1 task, 5 timed
#  repetitions of ours per pair (one of VADER: it takes ~50x longer); make the corpus with
#  bench/run-tokenizer.sh or pass --corpus.) Everything it writes goes to bench/work/.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
work="$bench/work"
pairs=3
limit=100000
tasks=1
ours_repetitions=5
corpus="$work/customer-turns.txt"
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) pairs=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --tasks) tasks=$2; shift 2 ;;
    --ours-repetitions) ours_repetitions=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-sentiment: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
[ -s "$corpus" ] || { echo "run-sentiment: no corpus $corpus (bench/run-tokenizer.sh makes it, or pass --corpus FILE)" >&2; exit 1; }
python="$bench/.venv/bin/python"
[ -x "$python" ] || { echo "run-sentiment: bench/.venv is missing: run bench/setup-venv.sh" >&2; exit 1; }

echo "== swift build -c release --package-path bench --scratch-path bench/.build-sentiment"
swift build -c release --package-path "$bench" --scratch-path "$bench/.build-sentiment" --product sentiment-bench 2>&1 | tail -n 2
bin="$bench/.build-sentiment/release/sentiment-bench"

read -r load1 load5 load15 _ < /proc/loadavg
echo "== $pairs alternating pairs on the first $limit documents of $corpus (load average $load1 $load5 $load15)"
for i in $(seq 1 "$pairs"); do
  "$bin" "$corpus" --limit "$limit" --tasks "$tasks" --repetitions "$ours_repetitions" --json "$work/sentiment-ours-$i.json" | sed "s/^/ours  pair $i: /"
  "$python" "$bench/peers/vader_peer.py" "$corpus" --limit "$limit" --json "$work/sentiment-vader-$i.json" | sed "s/^/vader pair $i: /"
done

tweets="${TM_SHARED:-$root/../shared}/data/vader/tweets_GroundTruth.txt"
if [ -f "$tweets" ]; then
  cut -f3 "$tweets" > "$work/tweets.txt"
  "$bin" --dump "$work/tweets.txt" > "$work/tweets-ours.txt"
  "$python" "$bench/peers/vader_peer.py" --dump "$work/tweets.txt" > "$work/tweets-vader.txt"
else
  echo "== $tweets is absent: no accuracy figures"
fi

echo
python3 - "$work" "$pairs" "$tweets" <<'PY'
import json, math, os, statistics, sys
work, pairs, tweets = sys.argv[1], int(sys.argv[2]), sys.argv[3]
ours = [json.load(open(f"{work}/sentiment-ours-{i}.json")) for i in range(1, pairs + 1)]
vader = [json.load(open(f"{work}/sentiment-vader-{i}.json")) for i in range(1, pairs + 1)]
o = [r for x in ours for r in x["docsPerSecond"]]
v = [x["docsPerSecond"][0] for x in vader]
oc = [r for x in ours for r in x.get("docsPerCPUSecond", [])]
vc = [x["docsPerCPUSecond"][0] for x in vader if "docsPerCPUSecond" in x]
print("== Sentiment throughput summary")
print(f"documents      {ours[0]['documents']} ({ours[0]['bytes'] / 1e6:.2f} MB), {ours[0]['tasks']} task(s) for ours, {pairs} alternating pairs ({len(o) // pairs} timed repetitions of ours per pair)")
print(f"ours           median {statistics.median(o):12,.0f} docs/s  (min {min(o):,.0f}, max {max(o):,.0f})")
print(f"VADER (Python) median {statistics.median(v):12,.0f} docs/s  (min {min(v):,.0f}, max {max(v):,.0f})")
ratio = statistics.median(o) / statistics.median(v)
per_pair = [statistics.median(x["docsPerSecond"]) / y for x, y in zip(o and ours, v)]
print(f"ours / VADER   {ratio:8.1f}x  (per pair, median of ours: {', '.join(f'{r:.1f}' for r in per_pair)})   target >= 50x: {'met' if ratio >= 50 else 'NOT met'}")
if oc and vc:
    print(f"per CPU-second ours median {statistics.median(oc):,.0f}, VADER median {statistics.median(vc):,.0f}: ratio {statistics.median(oc) / statistics.median(vc):.1f}x (load-robust for 1 task)")
if os.path.exists(f"{work}/tweets-ours.txt"):
    gold = [float(l.split("\t")[1]) for l in open(tweets, encoding="utf-8")]
    def read(p): return [float(x) for x in open(p)]
    def pearson(a, b):
        ma, mb = sum(a) / len(a), sum(b) / len(b)
        sab = sum((x - ma) * (y - mb) for x, y in zip(a, b))
        return sab / math.sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))
    def cls(x, t): return 0 if abs(x) < t else (1 if x > 0 else -1)
    def f1(pred):
        g = [cls(x, 0.5) for x in gold]; p = [cls(x, 0.05) for x in pred]; fs = []
        for c in (-1, 0, 1):
            tp = sum(1 for a, b in zip(g, p) if a == c and b == c)
            fp = sum(1 for a, b in zip(g, p) if a != c and b == c)
            fn = sum(1 for a, b in zip(g, p) if a == c and b != c)
            fs.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
        return sum(fs) / 3
    for name in ("ours", "vader"):
        pred = read(f"{work}/tweets-{name}.txt")
        assert len(pred) == len(gold), (name, len(pred), len(gold))
        print(f"tweets {name:6} Pearson r {pearson(pred, gold):.3f}   3-class macro-F1 {f1(pred):.3f}   ({len(gold)} tweets)")
PY
