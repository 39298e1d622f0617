"""Measures what the Spark driver costs around minectl (figures for docs/spark.md); not a test.

    spark/.venv/bin/python spark/tests/measure_overhead.py [TASKS]

Prints: SparkContext start-up in local[2]; then, for TASKS one-element tasks in local[2], the job time of a no-op
Python task, of a task that runs /bin/true through subprocess.run, and of one that runs the mock's --version
(a Python start-up), and the difference per task.
"""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import minectl_spark as ms  # noqa: E402

tasks = int(sys.argv[1]) if len(sys.argv) > 1 else 64
mock = os.path.join(HERE, "mock_minectl.py")

t = time.monotonic()
sc, _ = ms.create_context(type("A", (), {"master": "local[2]"})())
print("SparkContext start-up, local[2]: %.2f s" % (time.monotonic() - t))
sc.addPyFile(ms.__file__)


def job(fn, repeat=3):
    """Best of `repeat` job times, and the tasks' own results of the best run."""
    rdd = sc.parallelize(range(tasks), tasks)
    rdd.map(fn).collect()  # warm the Python workers
    best = None
    for _ in range(repeat):
        t = time.monotonic()
        results = rdd.map(fn).collect()
        elapsed = time.monotonic() - t
        if best is None or elapsed < best[0]:
            best = (elapsed, results)
    return best


def timed(argv):
    t = time.monotonic()
    subprocess.run(argv, env=ms._minectl_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    return time.monotonic() - t


noop, _ = job(lambda _: 0.0)
true, true_walls = job(lambda _: timed(["/bin/true"]))
mock_version, mock_walls = job(lambda _: timed([sys.executable, mock, "--version"]))
print("%d one-element tasks on local[2], best of 3: job %.2f s (no-op), %.2f s (/bin/true), %.2f s (mock --version)"
      % (tasks, noop, true, mock_version))
print("per task: Spark+PySpark %.1f ms (job time x 2 cores / tasks); in the task, subprocess.run of /bin/true "
      "%.1f ms, of the mock's --version %.1f ms (mean)"
      % (noop * 2 / tasks * 1000, sum(true_walls) / tasks * 1000, sum(mock_walls) / tasks * 1000))
print("load average during the run: %.2f %.2f %.2f" % os.getloadavg())
sc.stop()
