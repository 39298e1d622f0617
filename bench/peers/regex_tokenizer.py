#!/usr/bin/env python3
"""Python peer of the tokenizer benchmark: scikit-learn's default word tokenization.

TfidfVectorizer() tokenizes a document as build_analyzer() does with the defaults
(lowercase=True, strip_accents=None, stop_words=None, ngram_range=(1, 1)):

    re.compile(r"(?u)\\b\\w\\w+\\b").findall(doc.lower())

This script times exactly that, with the standard library's `re` (which is what scikit-learn
uses), over every document of a corpus (one document per line; a trailing CR is dropped and
empty lines are skipped, as tokenizer-bench does), and reports MB/s (10^6 bytes of UTF-8 per
second) over several repetitions after one untimed warm-up. The token count is checked (> 0
and equal in every repetition) before the clock stops.

When scikit-learn is importable (bench/setup-venv.sh makes a venv with it), the pattern is
taken from TfidfVectorizer().token_pattern and checked against the hard-coded one, and the
analyzer callable from TfidfVectorizer().build_analyzer() is timed too (the same work plus
scikit-learn's function-call layers), reported as a second figure.

Usage: regex_tokenizer.py CORPUS [--repetitions 5] [--limit N] [--json PATH]
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time

SKLEARN_DEFAULT_TOKEN_PATTERN = r"(?u)\b\w\w+\b"


def load(path, limit):
    """The documents of `path` and their total UTF-8 byte count."""
    with open(path, "rb") as f:
        data = f.read()
    documents = []
    nbytes = 0
    empty = 0
    lines = data.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()  # the line break that ends the file does not start an empty line
    for line in lines:
        if limit is not None and len(documents) >= limit:
            break
        if line.endswith(b"\r"):
            line = line[:-1]
        if not line:
            empty += 1
            continue
        nbytes += len(line)
        documents.append(line.decode("utf-8", "replace"))
    return documents, nbytes, empty


def regex_tokens(pattern, documents):
    """The number of tokens sklearn's default preprocessing + tokenization makes."""
    findall = pattern.findall
    n = 0
    for doc in documents:
        n += len(findall(doc.lower()))
    return n


def analyzer_tokens(analyzer, documents):
    n = 0
    for doc in documents:
        n += len(analyzer(doc))
    return n


def measure(name, work, documents, nbytes, repetitions):
    expected = work(documents)  # warm-up, fixes the expected count
    if expected <= 0:
        sys.exit(f"regex_tokenizer: {name} counted no token")
    seconds = []
    cpu_seconds = []  # process CPU time: barely affected by other processes on a busy machine
    for r in range(repetitions):
        cpu_start = time.process_time()
        start = time.perf_counter()  # monotonic
        n = work(documents)
        ok = n == expected
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
        if not ok:
            sys.exit(f"regex_tokenizer: {name} counted {n} tokens in repetition {r + 1}, {expected} in the warm-up")
    mbps = [nbytes / 1e6 / s for s in seconds]
    return {
        "key": name,
        "count": expected,
        "bytes": nbytes,
        "seconds": seconds,
        "cpuSeconds": cpu_seconds,
        "medianMBperCPUs": statistics.median(nbytes / 1e6 / s for s in cpu_seconds),
        "medianMBps": statistics.median(mbps),
        "minMBps": min(mbps),
        "maxMBps": max(mbps),
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--repetitions", type=int, default=5)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", default=None, help="write the results as JSON here")
    args = ap.parse_args(argv)
    if args.repetitions < 1:
        ap.error("--repetitions must be positive")

    pattern_text = SKLEARN_DEFAULT_TOKEN_PATTERN
    sklearn_version = None
    vectorizer = None
    try:
        import sklearn
        from sklearn.feature_extraction.text import TfidfVectorizer
    except ImportError:
        print("scikit-learn is not importable: using the hard-coded pattern (bench/setup-venv.sh makes a venv with it)")
    else:
        sklearn_version = sklearn.__version__
        vectorizer = TfidfVectorizer()
        if vectorizer.token_pattern != SKLEARN_DEFAULT_TOKEN_PATTERN:
            sys.exit(f"regex_tokenizer: TfidfVectorizer().token_pattern is {vectorizer.token_pattern!r}, "
                     f"not {SKLEARN_DEFAULT_TOKEN_PATTERN!r}")
        pattern_text = vectorizer.token_pattern
        print(f"scikit-learn {sklearn_version}: TfidfVectorizer().token_pattern == {pattern_text!r} (checked)")

    documents, nbytes, empty = load(args.corpus, args.limit)
    if not documents:
        sys.exit(f"regex_tokenizer: {args.corpus} has no non-empty line")
    print(f"corpus: {args.corpus}: {len(documents)} documents, {nbytes / 1e6:.2f} MB ({empty} empty lines skipped); "
          f"Python {sys.version.split()[0]}, {args.repetitions} repetitions + 1 warm-up")

    pattern = re.compile(pattern_text)
    results = [measure("pythonRegex", lambda docs: regex_tokens(pattern, docs), documents, nbytes, args.repetitions)]
    if vectorizer is not None:
        analyzer = vectorizer.build_analyzer()
        r = measure("sklearnAnalyzer", lambda docs: analyzer_tokens(analyzer, docs), documents, nbytes, args.repetitions)
        if r["count"] != results[0]["count"]:
            sys.exit(f"regex_tokenizer: build_analyzer() made {r['count']} tokens, the regex {results[0]['count']}")
        results.append(r)

    labels = {"pythonRegex": "re.findall(token_pattern, doc.lower())",
              "sklearnAnalyzer": "TfidfVectorizer().build_analyzer()"}
    for r in results:
        print(f"{labels[r['key']]}: {r['count']} tokens, median {r['medianMBps']:.2f} MB/s "
              f"(min {r['minMBps']:.2f}, max {r['maxMBps']:.2f}); median {r['medianMBperCPUs']:.2f} MB/CPU-s")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"corpus": args.corpus, "documents": len(documents), "documentBytes": nbytes,
                       "repetitions": args.repetitions, "python": sys.version.split()[0],
                       "sklearn": sklearn_version, "tokenPattern": pattern_text, "series": results}, f, indent=2)
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
