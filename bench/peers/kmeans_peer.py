#!/usr/bin/env python3
"""The clustering peer: scikit-learn's KMeans on the TF-IDF matrix cluster-bench wrote.

Usage:
  kmeans_peer.py time DIR --seed S [--repetitions 1] [--k 77] [--max-iter 100] [--json PATH] [--assignments PATH]
      Loads DIR (indptr.i64, indices.i32, data.f64, shape.txt: little-endian arrays written by
      `cluster-bench vectorize`) as a scipy.sparse.csr_matrix -- the very same float64 values,
      rows already L2-normalised -- and times
      KMeans(n_clusters=k, n_init=1, max_iter=100, random_state=S, algorithm="lloyd").fit(X)
      with time.perf_counter (and time.process_time), checking n_iter_ and inertia_ inside the
      timed block. Reports the threads it used (threadpoolctl).
  kmeans_peer.py nmi LABELS KEPT ASSIGNMENTS...
      normalized_mutual_info_score (and adjusted_rand_score) of each assignments file (one cluster
      per matrix row) against the gold labels (one per document; KEPT maps rows to documents).
"""
import json
import statistics
import sys
import time

import numpy as np
import scipy.sparse as sp


def option(args, name, default=None):
    return args[args.index(name) + 1] if name in args else default


def load_matrix(directory):
    rows, columns, nonzeros = (int(x) for x in open(f"{directory}/shape.txt").read().split())
    indptr = np.fromfile(f"{directory}/indptr.i64", dtype="<i8")
    indices = np.fromfile(f"{directory}/indices.i32", dtype="<i4")
    data = np.fromfile(f"{directory}/data.f64", dtype="<f8")
    assert len(indptr) == rows + 1 and len(indices) == nonzeros and len(data) == nonzeros
    return sp.csr_matrix((data, indices, indptr), shape=(rows, columns))


def time_fits(args):
    from sklearn import __version__ as sklearn_version
    from sklearn.cluster import KMeans
    from threadpoolctl import threadpool_info

    directory, seed = args[0], int(option(args, "--seed"))
    repetitions = int(option(args, "--repetitions", 1))
    k, max_iter = int(option(args, "--k", 77)), int(option(args, "--max-iter", 100))
    X = load_matrix(directory)
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    assert np.all(np.abs(norms - 1) < 1e-9), "rows are not unit length"
    try:
        from sklearn.utils._openmp_helpers import _openmp_effective_n_threads
        openmp_threads = _openmp_effective_n_threads()
    except ImportError:
        openmp_threads = None
    pools = [{k: p.get(k) for k in ("user_api", "internal_api", "num_threads", "version")} for p in threadpool_info()]
    runs, check = [], None
    for repetition in range(repetitions):
        model = KMeans(n_clusters=k, n_init=1, max_iter=max_iter, random_state=seed, algorithm="lloyd")
        cpu0, start = time.process_time(), time.perf_counter()
        model.fit(X)
        result = (int(model.n_iter_), float(model.inertia_))
        if check is None:
            check = result
        assert result == check, f"repetition {repetition}: {result} != {check}"
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu0
        runs.append({"seconds": seconds, "cpuSeconds": cpu, "iterations": result[0], "inertia": result[1]})
        print(f"  seed {seed}  sklearn  {seconds:8.3f} s  (CPU {cpu:.3f} s)  {result[0]} iterations  inertia {result[1]:.6f}")
    if "--assignments" in args:
        np.savetxt(option(args, "--assignments"), model.labels_, fmt="%d")
    times = sorted(r["seconds"] for r in runs)
    print(f"seed {seed}, sklearn {sklearn_version} KMeans(lloyd): median {statistics.median(times):.3f} s, "
          f"min {times[0]:.3f}, max {times[-1]:.3f} over {len(times)}; {check[0]} iterations; "
          f"OpenMP threads {openmp_threads}; pools {pools}")
    if "--json" in args:
        json.dump({"rows": X.shape[0], "columns": X.shape[1], "nonZeros": int(X.nnz), "k": k, "seed": seed,
                   "maxIter": max_iter, "sklearn": sklearn_version, "openmpThreads": openmp_threads,
                   "threadpools": pools, "runs": runs}, open(option(args, "--json"), "w"), indent=1)


def nmi(args):
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    gold_all = [line.rstrip("\n") for line in open(args[0], encoding="utf-8")]
    kept = [int(line) for line in open(args[1]) if line.strip()]
    gold = [gold_all[i] for i in kept]
    for path in args[2:]:
        predicted = [int(line) for line in open(path) if line.strip()]
        assert len(predicted) == len(gold), f"{path}: {len(predicted)} rows, expected {len(gold)}"
        print(f"{path}\tNMI {normalized_mutual_info_score(gold, predicted):.4f}\tARI {adjusted_rand_score(gold, predicted):.4f}"
              f"\t({len(gold)} of {len(gold_all)} documents)")


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("time", "nmi"):
        sys.exit(__doc__)
    (time_fits if sys.argv[1] == "time" else nmi)(sys.argv[2:])
