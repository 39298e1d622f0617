#!/usr/bin/env bash
# Tokenizer throughput: builds the bench package in release, runs tokenizer-bench (raw ICU in C,
# the standard chain, 1 vs 2 tasks) and the Python peer (scikit-learn's default token pattern)
# on the same corpus, and prints a summary against the targets.
#
# Usage: bench/run-tokenizer.sh [--repetitions N] [--corpus FILE] [--limit DOCUMENTS]
#
# The default corpus is every customer turn of 100,000 synthetic transcripts, one per line
# (bench/work/customer-turns.txt), made with ../shared/tools/make_corpus.py when missing.
# Without ../shared, it falls back to repeating the project's corpora/*.txt files.
# Everything it writes goes to bench/work/ (git-ignored). TM_SHARED overrides the ../shared folder.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
work="$bench/work"
repetitions=5
corpus=""
limit=()
while [ $# -gt 0 ]; do
  case "$1" in
    --repetitions) repetitions=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --limit) limit=(--limit "$2"); shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-tokenizer: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"

read -r load1 load5 load15 _ < /proc/loadavg
cores=$(nproc)

# 1. The corpus.
if [ -z "$corpus" ]; then
  corpus="$work/customer-turns.txt"
  shared_tool="${TM_SHARED:-$root/../shared}/tools/make_corpus.py"
  if [ ! -s "$corpus" ]; then
    if [ -f "$shared_tool" ]; then
      jsonl="$work/transcripts-100k.jsonl"
      if [ ! -s "$jsonl" ]; then
        echo "== generating $jsonl with $shared_tool"
        python3 "$shared_tool" --n 100000 --seed 0 --out "$jsonl" >/dev/null
      fi
      echo "== extracting customer turns into $corpus"
      python3 - "$jsonl" "$corpus.tmp" <<'EOF'
import json, sys
source, target = sys.argv[1], sys.argv[2]
turns = 0
with open(source, encoding="utf-8") as f, open(target, "w", encoding="utf-8") as out:
    for line in f:
        if not line.strip():
            continue
        for turn in json.loads(line)["turns"]:
            if turn["role"] != "customer":
                continue
            text = " ".join(turn["text"].replace("\r", "\n").split("\n"))
            out.write(text + "\n")
            turns += 1
print(f"   {turns} customer turns")
EOF
      mv "$corpus.tmp" "$corpus"
    else
      echo "== ../shared/tools/make_corpus.py is absent (no ../shared beside the project root):"
      echo "   falling back to the project's corpora/*.txt, repeated to about 20 MB"
      shopt -s nullglob
      fixtures=("$root"/corpora/*.txt)
      shopt -u nullglob
      if [ ${#fixtures[@]} -eq 0 ]; then
        echo "run-tokenizer: no corpus: neither ../shared/tools/make_corpus.py nor corpora/*.txt exists." >&2
        echo "   Pass one with --corpus FILE (one document per line)." >&2
        exit 1
      fi
      corpus="$work/fallback-corpus.txt"
      : > "$corpus.tmp"
      while [ "$(stat -c %s "$corpus.tmp")" -lt 20000000 ]; do
        cat "${fixtures[@]}" >> "$corpus.tmp"
        printf '\n' >> "$corpus.tmp"
        if [ "$(stat -c %s "$corpus.tmp")" -le 1 ]; then
          echo "run-tokenizer: corpora/*.txt are empty" >&2
          exit 1
        fi
      done
      mv "$corpus.tmp" "$corpus"
    fi
  fi
fi
[ -s "$corpus" ] || { echo "run-tokenizer: corpus $corpus is missing or empty" >&2; exit 1; }

# 2. The build (release, the bench package's own .build).
echo "== swift build -c release --package-path bench"
swift build -c release --package-path "$bench" 2>&1 | tail -n 3
bin=$(swift build -c release --package-path "$bench" --show-bin-path)

python="$bench/.venv/bin/python"
if [ ! -x "$python" ]; then
  echo "== bench/.venv is missing (bench/setup-venv.sh makes it): the peer runs with python3, without scikit-learn"
  python=python3
fi

# 3. The runs. CPU use by others during one second, just before timing.
busy_percent() {
  read -r _ a1 a2 a3 a4 a5 a6 a7 a8 _ < /proc/stat
  sleep 1
  read -r _ b1 b2 b3 b4 b5 b6 b7 b8 _ < /proc/stat
  local total=$(( (b1+b2+b3+b4+b5+b6+b7+b8) - (a1+a2+a3+a4+a5+a6+a7+a8) ))
  local idle=$(( (b4+b5) - (a4+a5) ))
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}
busy=$(busy_percent)
read -r pre1 _ < /proc/loadavg

echo "== tokenizer-bench"
"$bin/tokenizer-bench" "$corpus" --repetitions "$repetitions" "${limit[@]}" --json "$work/tokenizer-bench.json"
echo "== Python peer ($("$python" --version 2>&1))"
"$python" "$bench/peers/regex_tokenizer.py" "$corpus" --repetitions "$repetitions" "${limit[@]}" --json "$work/regex-peer.json"
read -r post1 _ < /proc/loadavg

# 4. The summary.
echo
python3 - "$work/tokenizer-bench.json" "$work/regex-peer.json" "$cores" "$load1 $load5 $load15" "$pre1" "$busy" "$post1" <<'EOF'
import json, sys
swift = json.load(open(sys.argv[1]))
peer = json.load(open(sys.argv[2]))
cores, load, pre1, busy, post1 = int(sys.argv[3]), sys.argv[4], float(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])
s = {x["key"]: x for x in swift["series"]}
p = {x["key"]: x for x in peer["series"]}
def mbps(x): return f'{x["medianMBps"]:8.2f} MB/s  (min {x["minMBps"]:.2f}, max {x["maxMBps"]:.2f})'
def verdict(value, target): return "met" if value >= target else "NOT met"
print("== Tokenizer throughput summary")
print(f'corpus         {swift["corpus"]}: {swift["documents"]} documents, {swift["documentBytes"] / 1e6:.2f} MB; '
      f'{swift["repetitions"]} repetitions, medians')
print(f'machine        nproc {cores}, ICU {swift["icuVersion"]}; load average before {load} '
      f'(1-min {pre1:.2f} just before timing, {busy}% CPU busy in the second before, 1-min {post1:.2f} after)')
raw, rawbuf, chain = s["rawPerDocument"], s["rawWholeBuffer"], s["chain"]
print(f'raw ICU, per document (C)        {mbps(raw)}')
print(f'raw ICU, whole buffer (C)        {mbps(rawbuf)}')
if "segmenterOnly" in s:
    print(f'chain without filters            {mbps(s["segmenterOnly"])}')
print(f'standard chain, 1 session        {mbps(chain)}')
print(f'standard chain, 1 task           {mbps(s["chain1Task"])}')
print(f'standard chain, 2 tasks          {mbps(s["chain2Tasks"])}')
print(f'Python re (sklearn pattern)      {mbps(p["pythonRegex"])}')
if "sklearnAnalyzer" in p:
    print(f'sklearn build_analyzer()         {mbps(p["sklearnAnalyzer"])}')
r1 = chain["medianMBps"] / raw["medianMBps"]
r2 = chain["medianMBps"] / p["pythonRegex"]["medianMBps"]
r3 = s["chain2Tasks"]["medianMBps"] / s["chain1Task"]["medianMBps"]
print(f'chain / raw ICU (per document)   {r1:8.3f}   target >= 0.50: {verdict(r1, 0.50)}')
print(f'chain / Python regex             {r2:8.3f}   target >= 1.5:  {verdict(r2, 1.5)}')
print(f'2 tasks / 1 task                 {r3:8.3f}   target >= 1.8:  {verdict(r3, 1.8)}')
print(f'counts: raw ICU words {raw["count"]}, chain tokens {chain["count"]}, Python regex tokens {p["pythonRegex"]["count"]}')
if float(load.split()[0]) >= 0.5 or busy >= 10:
    print(f"WARNING: the machine was busy before the run (1-min load {load.split()[0]} on {cores} cores, "
          f"{busy}% CPU busy just before timing): figures, above all the 2-task speed-up, may be low; "
          "re-run on an idle machine.")
EOF
