#!/usr/bin/env bash
# Tokenizer throughput: builds the bench package in release, runs tokenizer-bench (raw ICU in C,
# the standard chain, 1 vs 2 tasks) and the Python peer (scikit-learn's default token pattern)
# on the same corpus, and prints a summary against the targets.
#
# Usage: bench/run-tokenizer.sh [--repetitions N] [--corpus FILE] [--limit DOCUMENTS] [--wait-idle SECONDS]
# (--wait-idle, default 120: wait at most that long for the CPU to be under 5% busy before timing.)
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
wait_idle=120
corpus=""
limit=()
while [ $# -gt 0 ]; do
  case "$1" in
    --repetitions) repetitions=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --limit) limit=(--limit "$2"); shift 2 ;;
    --wait-idle) wait_idle=$2; shift 2 ;;
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

# 2. The build (release, the bench package's own .build): only tokenizer-bench and what it
# needs (the Tokenizer module), not the package's other benchmarks.
echo "== swift build -c release --package-path bench --product tokenizer-bench"
swift build -c release --package-path "$bench" --product tokenizer-bench 2>&1 | tail -n 3
bin=$(swift build -c release --package-path "$bench" --show-bin-path)

python="$bench/.venv/bin/python"
if [ ! -x "$python" ]; then
  echo "== bench/.venv is missing (bench/setup-venv.sh makes it): the peer runs with python3, without scikit-learn"
  python=python3
fi

# 3. The runs, on a quiet machine if one comes within --wait-idle seconds.
source "$bench/lib/machine.sh"
wait_for_idle

echo "== tokenizer-bench"
measured "$bin/tokenizer-bench" "$corpus" --repetitions "$repetitions" "${limit[@]}" --json "$work/tokenizer-bench.json"
echo "== Python peer ($("$python" --version 2>&1))"
measured "$python" "$bench/peers/regex_tokenizer.py" "$corpus" --repetitions "$repetitions" "${limit[@]}" --json "$work/regex-peer.json"

# 4. The summary.
echo
python3 - "$work/tokenizer-bench.json" "$work/regex-peer.json" "$cores" "$load1 $load5 $load15" "$pre1" "$busy" "${others_during[0]}" "${others_during[1]}" <<'EOF'
import json, sys
swift = json.load(open(sys.argv[1]))
peer = json.load(open(sys.argv[2]))
cores, load, pre1, busy = int(sys.argv[3]), sys.argv[4], float(sys.argv[5]), int(sys.argv[6])
others_swift, others_python = int(sys.argv[7]), int(sys.argv[8])
s = {x["key"]: x for x in swift["series"]}
p = {x["key"]: x for x in peer["series"]}
def mbps(x): return f'{x["medianMBps"]:8.2f} MB/s  (min {x["minMBps"]:.2f}, max {x["maxMBps"]:.2f}; {x["medianMBperCPUs"]:.2f} MB/CPU-s)'
def verdict(value, target): return "met" if value >= target else "NOT met"
print("== Tokenizer throughput summary")
print(f'corpus         {swift["corpus"]}: {swift["documents"]} documents, {swift["documentBytes"] / 1e6:.2f} MB; '
      f'{swift["repetitions"]} repetitions, medians')
if "asciiDocuments" in swift:
    print(f'               {swift["asciiDocuments"]} documents ({100 * swift["asciiBytes"] / swift["documentBytes"]:.1f} % of the bytes) '
          'are ASCII-only: the word breaker segments them without ICU (same segments)')
print(f'machine        nproc {cores}, ICU {swift["icuVersion"]}; load average at the start {load}, '
      f'1-min {pre1:.2f} just before timing ({busy}% CPU busy in the 2 s before)')
print(f'other load     other processes used {others_swift}% of the CPU during tokenizer-bench, '
      f'{others_python}% during the Python peer')
raw, rawbuf, chain = s["rawPerDocument"], s["rawWholeBuffer"], s["chain"]
print(f'raw ICU, per document (C)        {mbps(raw)}')
print(f'raw ICU, whole buffer (C)        {mbps(rawbuf)}')
if "segmenterOnly" in s:
    print(f'chain without filters            {mbps(s["segmenterOnly"])}')
print(f'standard chain, 1 session        {mbps(chain)}')
if "chainICUOnly" in s:
    print(f'  the same, ICU for every text     {mbps(s["chainICUOnly"])}')
print(f'standard chain, 1 task           {mbps(s["chain1Task"])}')
print(f'standard chain, 2 tasks          {mbps(s["chain2Tasks"])}')
if "raw2Tasks" in s:
    print(f'raw ICU, 2 tasks (C)             {mbps(s["raw2Tasks"])}')
if "chain2TasksSeparateAnalyzers" in s:
    print(f'chain, 2 tasks, 1 analyzer each  {mbps(s["chain2TasksSeparateAnalyzers"])}')
print(f'Python re (sklearn pattern)      {mbps(p["pythonRegex"])}')
if "sklearnAnalyzer" in p:
    print(f'sklearn build_analyzer()         {mbps(p["sklearnAnalyzer"])}')
r1 = chain["medianMBps"] / raw["medianMBps"]
r2 = chain["medianMBps"] / p["pythonRegex"]["medianMBps"]
r3 = s["chain2Tasks"]["medianMBps"] / s["chain1Task"]["medianMBps"]
c1 = chain["medianMBperCPUs"] / raw["medianMBperCPUs"]
c2 = chain["medianMBperCPUs"] / p["pythonRegex"]["medianMBperCPUs"]
print(f'chain / raw ICU (per document)   {r1:8.3f}   target >= 0.50: {verdict(r1, 0.50)}   (by CPU time {c1:.3f})')
print(f'chain / Python regex             {r2:8.3f}   target >= 1.5:  {verdict(r2, 1.5)}   (by CPU time {c2:.3f})')
if "chainICUOnly" in s:
    io = s["chainICUOnly"]
    print(f'  chain with ICU for every text / Python {io["medianMBps"] / p["pythonRegex"]["medianMBps"]:6.3f}   '
          f'(by CPU time {io["medianMBperCPUs"] / p["pythonRegex"]["medianMBperCPUs"]:.3f}; the ASCII fast path off)')
# The 2-task speed-up three ways. Medians of MB/s carry the host's noise on both sides; the
# best repetition of each (the least disturbed one, the estimate Python's timeit recommends for
# "how fast can it go") answers the target's question, "on an otherwise idle machine"; the
# median of the per-round ratios pairs runs taken a fraction of a second apart.
def best(x): return x["maxMBps"]
def paired(a, b):
    ratios = sorted(ta / tb for ta, tb in zip(a["seconds"], b["seconds"]))
    return ratios[len(ratios) // 2]
b3 = best(s["chain2Tasks"]) / best(s["chain1Task"])
print(f'2 tasks / 1 task, medians        {r3:8.3f}   target >= 1.8:  {verdict(r3, 1.8)}')
print(f'2 tasks / 1 task, best of {swift["repetitions"]:<2d}     {b3:8.3f}   target >= 1.8:  {verdict(b3, 1.8)}   '
      f'(median of the per-round ratios {paired(s["chain1Task"], s["chain2Tasks"]):.3f})')
if "raw2Tasks" in s:
    print(f'  control: raw ICU 2 tasks / 1   {s["raw2Tasks"]["medianMBps"] / raw["medianMBps"]:8.3f}   '
          f'(what the machine gives; best of {swift["repetitions"]} {best(s["raw2Tasks"]) / best(raw):.3f})')
if "chain2TasksSeparateAnalyzers" in s:
    print(f'  2 tasks, 1 analyzer each / 1   {s["chain2TasksSeparateAnalyzers"]["medianMBps"] / s["chain1Task"]["medianMBps"]:8.3f}   '
          f'(best of {swift["repetitions"]} {best(s["chain2TasksSeparateAnalyzers"]) / best(s["chain1Task"]):.3f})')
print(f'counts: raw ICU words {raw["count"]}, chain tokens {chain["count"]}, Python regex tokens {p["pythonRegex"]["count"]}')
if float(load.split()[0]) >= 0.5 or busy >= 10 or max(others_swift, others_python) >= 5:
    print(f"WARNING: the machine was busy (1-min load {load.split()[0]} on {cores} cores at the start, "
          f"{busy}% CPU busy just before timing, others used {others_swift}% / {others_python}% of the CPU during "
          "the two runs): figures, above all the 2-task speed-up and the chain / Python ratio, may be off; "
          "re-run on an idle machine.")
EOF
