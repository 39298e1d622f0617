#!/usr/bin/env python3
"""The Python peer of sentiment-bench: vaderSentiment's SentimentIntensityAnalyzer.

Usage:
  vader_peer.py CORPUS [--repetitions 1] [--limit N] [--json PATH]
  vader_peer.py --dump TEXTS        one compound per input line (for the accuracy figures)

Reads the corpus the way sentiment-bench does (one document per line, trailing CR dropped,
empty lines skipped), builds the analyzer (untimed), runs one untimed warm-up round that fixes
the checksum (documents with a non-zero compound), then times `polarity_scores` on every
document per repetition with time.perf_counter (and time.process_time for documents per
CPU-second) and checks the count inside the timed block.
"""
import argparse, json, statistics, sys, time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def load(path, limit):
    docs = []
    with open(path, "rb") as f:
        for raw in f:
            if limit is not None and len(docs) >= limit:
                break
            line = raw.rstrip(b"\n")
            if line.endswith(b"\r"):
                line = line[:-1]
            if line:
                docs.append(line.decode("utf-8", errors="replace"))
    return docs


def score_all(analyzer, docs):
    non_zero = 0
    for d in docs:
        if analyzer.polarity_scores(d)["compound"] != 0:
            non_zero += 1
    return non_zero


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--repetitions", type=int, default=1)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--json")
    ap.add_argument("--dump")
    a = ap.parse_args()
    analyzer = SentimentIntensityAnalyzer()
    if a.dump:
        with open(a.dump, "rb") as f:
            for raw in f:
                line = raw.rstrip(b"\n").rstrip(b"\r").decode("utf-8", errors="replace")
                print(analyzer.polarity_scores(line)["compound"])
        return
    if not a.corpus:
        ap.error("CORPUS is required")
    docs = load(a.corpus, a.limit)
    expected = score_all(analyzer, docs)
    rates, cpu_rates = [], []
    for r in range(1, a.repetitions + 1):
        c0 = time.process_time()
        t0 = time.perf_counter()
        count = score_all(analyzer, docs)
        dt = time.perf_counter() - t0
        cpu_rates.append(len(docs) / (time.process_time() - c0))
        if count != expected or count == 0:
            sys.exit(f"vader_peer: checksum {count} != {expected} in repetition {r}")
        rates.append(len(docs) / dt)
        print(f"repetition {r}: {rates[-1]:.0f} documents/s, {cpu_rates[-1]:.0f} per CPU-second ({count} non-zero)")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"contestant": "vaderSentiment polarity_scores", "documents": len(docs), "nonZero": expected,
                       "docsPerSecond": rates, "docsPerCPUSecond": cpu_rates, "median": statistics.median(rates), "min": min(rates), "max": max(rates)}, f)


if __name__ == "__main__":
    main()
