#!/usr/bin/env python3
"""The end-to-end peer of `minectl themes`: the Python notebook pipeline issue 9 specifies.

Usage: pipeline_peer.py CORPUS.jsonl --json OUT.json [--assignments OUT.txt] [--k 77] [--seed 0]

Stages, each timed with time.perf_counter:
  read    json.loads of every line; each transcript's customer turns joined with spaces
  tfidf   TfidfVectorizer(sublinear_tf=True, stop_words='english', ngram_range=(1, 2), min_df=2)
          .fit_transform(documents)
  kmeans  KMeans(n_clusters=77, n_init=1, max_iter=100, random_state=0).fit(X)
  vader   SentimentIntensityAnalyzer().polarity_scores on every customer turn
The JSON holds each stage's seconds, the total, the peak RSS of this process (getrusage
ru_maxrss, KiB on Linux), the matrix shape and iterations; --assignments writes one cluster
label per transcript, in input order.
"""
import json
import resource
import sys
import time


def option(args, name, default=None):
    return args[args.index(name) + 1] if name in args else default


def main(args):
    corpus = args[0]
    k = int(option(args, "--k", 77))
    seed = int(option(args, "--seed", 0))
    timings = {}
    started = time.perf_counter()

    clock = time.perf_counter()
    documents, turns = [], []
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            transcript = json.loads(line)
            customer = [turn["text"] for turn in transcript["turns"] if turn.get("role") == "customer"]
            documents.append(" ".join(customer))
            turns.extend(customer)
    timings["read"] = time.perf_counter() - clock

    from sklearn.feature_extraction.text import TfidfVectorizer
    clock = time.perf_counter()
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english", ngram_range=(1, 2), min_df=2).fit_transform(documents)
    timings["tfidf"] = time.perf_counter() - clock

    from sklearn.cluster import KMeans
    clock = time.perf_counter()
    model = KMeans(n_clusters=k, n_init=1, max_iter=100, random_state=seed).fit(matrix)
    timings["kmeans"] = time.perf_counter() - clock

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    clock = time.perf_counter()
    analyzer = SentimentIntensityAnalyzer()
    compounds = [analyzer.polarity_scores(text)["compound"] for text in turns]
    timings["vader"] = time.perf_counter() - clock
    assert len(compounds) == len(turns) and len(model.labels_) == len(documents)

    timings["total"] = time.perf_counter() - started
    result = {"timings": timings, "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
              "documents": len(documents), "turns": len(turns), "shape": list(matrix.shape), "nnz": int(matrix.nnz),
              "iterations": int(model.n_iter_)}
    with open(option(args, "--json"), "w") as out:
        json.dump(result, out)
    if option(args, "--assignments"):
        with open(option(args, "--assignments"), "w") as out:
            out.write("\n".join(str(label) for label in model.labels_) + "\n")
    print(" ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.items()) + f" · peak RSS {result['maxrss_kib'] / 1024:.0f} MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
