"""Tests of spark/minectl_spark.py against the mock minectl (tests/mock_minectl.py); plain unittest.

    spark/run-tests.sh                        # sets up spark/.venv and runs these
    spark/.venv/bin/python -m unittest discover -s spark/tests -v

The Spark tests share one local[2] SparkContext; two more tests run the command line end to end
(each starts its own JVM). MINECTL_SPARK_TEST_MASTER overrides the master of the shared context, e.g.
'local-cluster[2,1,1024]' (opt-in: separate executor JVMs; works with the pip package's bundled Spark).
"""
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stderr

HERE = os.path.dirname(os.path.abspath(__file__))
SPARK_DIR = os.path.dirname(HERE)
sys.path.insert(0, SPARK_DIR)

import minectl_spark as ms  # noqa: E402

MOCK = os.path.join(HERE, "mock_minectl.py")
WORDS = "card declined refund transfer pending app crash login password fee charge café naïve 払い戻し".split()


def write_corpus(path, count, seed=0, fail_at=None):
    """JSONL transcripts with multibyte text (so byte ranges fall inside characters) and some blank lines."""
    import random
    r = random.Random(seed)
    lines = []
    for i in range(count):
        if i == fail_at:
            lines.append('{"id": "bad", "text": "MOCK-FAIL"}\n')
            continue
        text = " ".join(r.choice(WORDS) for _ in range(r.randint(1, 30)))
        lines.append(json.dumps({"id": "t%d-%d" % (seed, i), "turns": [{"role": "customer", "text": text}]},
                                ensure_ascii=False) + ("\r\n" if i % 7 == 3 else "\n"))
        if i % 50 == 10:
            lines.append("\n")
    data = "".join(lines).encode("utf-8")
    if path.endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    with open(path, "wb") as f:
        f.write(data)
    return path


def mock(*argv, stdin=None):
    done = subprocess.run([sys.executable, MOCK] + list(argv), input=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False)
    if done.returncode != 0:
        raise AssertionError("mock failed: %s" % done.stderr.decode())
    return done.stdout.decode()


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="minectl-spark-test-")
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def path(self, *names):
        p = os.path.join(self.tmp, *names)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        return p


class SplittingTest(TempDirTest):
    def test_byte_ranges_are_contiguous_and_cover(self):
        for size in (0, 1, 2, 7, 100, 1001, 65537):
            for target in (0, 1, 3, 10, 99.5, 1000, 10 ** 6):
                ranges = ms.byte_ranges(size, target)
                self.assertGreaterEqual(len(ranges), 1)
                offset = 0
                for o, length in ranges:
                    self.assertEqual(o, offset)
                    self.assertGreaterEqual(length, 0)
                    if size:
                        self.assertGreater(length, 0, (size, target, ranges))
                    offset += length
                self.assertEqual(offset, size)
        self.assertEqual(len(ms.byte_ranges(1000, 100)), 10)
        self.assertEqual(len(ms.byte_ranges(1000, 400)), 2)  # about size/target, rounded

    def test_plan_expands_sorts_skips_hidden_and_keeps_whole_files_whole(self):
        big = write_corpus(self.path("in", "b.jsonl"), 400, seed=1)
        gz = write_corpus(self.path("in", "a.jsonl.gz"), 50, seed=2)
        sneaky = self.path("in", "sub", "z.log")
        shutil.copyfile(gz, sneaky)  # gzip magic without a .gz name
        js = self.path("in", "sub", "c.json")
        with open(js, "w") as f:
            f.write("[]")
        write_corpus(self.path("in", ".hidden.jsonl"), 5)
        write_corpus(self.path("in", ".git", "x.jsonl"), 5)
        top = write_corpus(self.path("top.ndjson"), 200, seed=3)
        parts = ms.plan_parts([top, self.path("in")], 6)
        self.assertEqual([p.index for p in parts], list(range(len(parts))))
        order = []
        for p in parts:
            if not order or order[-1] != p.path:
                order.append(p.path)
        self.assertEqual(order, [top, gz, big, js, sneaky])
        for path in order:
            ranges = [(p.offset, p.length) for p in parts if p.path == path]
            size = os.path.getsize(path)
            self.assertEqual(sum(length for _, length in ranges), size)
            self.assertEqual([o for o, _ in ranges], sorted(o for o, _ in ranges))
            offset = 0
            for o, length in ranges:
                self.assertEqual(o, offset)
                offset += length
            if path in (gz, sneaky, js):
                self.assertEqual(ranges, [(0, size)])
        splittable = os.path.getsize(big) + os.path.getsize(top)
        self.assertEqual(len([p for p in parts if p.path in (big, top)]), 6, (splittable, parts))
        # A non-line --input-format keeps every file whole.
        self.assertEqual(len(ms.plan_parts([top, big], 6, input_format="csv")), 2)
        # file:// URLs are local paths; other schemes are remote.
        self.assertEqual(ms.plan_parts(["file://" + top], 1), [ms.Part(0, top, 0, os.path.getsize(top))])
        self.assertTrue(ms.is_remote("hdfs://nn/x") and ms.is_remote("s3a://b/k") and ms.is_remote("gs://b/o"))
        self.assertFalse(ms.is_remote("file:///x") or ms.is_remote("/x") or ms.is_remote("a:b"))
        remote = ms.plan_parts([top, "hdfs://nn/x", top], 2, remote_partitions=lambda a, base: 3)
        self.assertEqual([(p.index, p.path, p.remote_partition) for p in remote if p.offset is None],
                         [(2, "hdfs://nn/x", 0), (3, "hdfs://nn/x", 1), (4, "hdfs://nn/x", 2)])
        self.assertEqual(len(remote), 7)

    def test_missing_input_is_an_error(self):
        with self.assertRaises(ms.DriverError):
            ms.plan_parts([self.path("nope.jsonl")], 2)

    def test_mock_reads_every_line_once_whatever_the_split(self):
        corpus = write_corpus(self.path("c.jsonl"), 300)
        size = os.path.getsize(corpus)
        whole = json.loads(mock("partial", "vocabulary", "--part-index", "0", "--input", corpus, "--offset", "0",
                                "--length", str(size)))
        for count in (2, 7, 13):
            files = []
            for i, (o, length) in enumerate(ms.byte_ranges(size, size / count)):
                f = self.path("p%d-%d.json" % (count, i))
                with open(f, "w") as out:
                    out.write(mock("partial", "vocabulary", "--part-index", str(i), "--input", corpus,
                                   "--offset", str(o), "--length", str(length)))
                files.append(f)
            mock("partial", "merge-vocabulary", *files, "--out", self.path("v%d.json" % count))
            with open(self.path("v%d.json" % count)) as f:
                merged = json.load(f)
            self.assertEqual(merged["documents"], whole["documents"])
            with open(self.path("v%d.json" % (count if count == 2 else 2))) as f:
                self.assertEqual(merged["chain"], json.load(f)["chain"])


class SparkTest(TempDirTest):
    sc = None

    @classmethod
    def setUpClass(cls):
        import argparse
        cls.master = os.environ.get("MINECTL_SPARK_TEST_MASTER", "local[2]")
        cls.sc, _ = ms.create_context(argparse.Namespace(master=cls.master))

    @classmethod
    def tearDownClass(cls):
        if cls.sc is not None:
            cls.sc.stop()

    def run_job(self, *argv, minectl=MOCK):
        args = ms.build_parser().parse_args(list(argv) + ["--minectl", minectl])
        err = io.StringIO()
        with redirect_stderr(err):
            figures = ms.run_job(args, self.sc)
        return figures, err.getvalue()

    def themes(self, inputs, partitions, *extra):
        report = self.path("out", "report-%d.json" % partitions)
        assignments = self.path("out", "assign-%d.jsonl" % partitions)
        figures, log = self.run_job(*inputs, "--partitions", str(partitions), "--k", "4", "--seed", "3",
                                    "--format", "json", "--out", report, "--assignments", assignments, *extra)
        with open(report, "rb") as f, open(assignments, "rb") as g:
            return f.read(), g.read(), figures, log

    def test_output_is_identical_for_1_2_and_7_partitions(self):
        a = write_corpus(self.path("in", "a.jsonl"), 900, seed=1)
        write_corpus(self.path("in", "dir", "b.jsonl.gz"), 120, seed=2)
        write_corpus(self.path("in", "dir", "c.txt"), 300, seed=3)
        inputs = [a, self.path("in", "dir")]
        outputs = {n: self.themes(inputs, n) for n in (1, 2, 7)}
        report, assignments, figures, log = outputs[7]
        self.assertEqual(figures["parts"], len(ms.plan_parts(inputs, 7)))
        self.assertGreaterEqual(figures["parts"], 7)
        self.assertEqual(outputs[1][2]["parts"], 3)  # at least one part per file
        for n in (1, 2):
            self.assertEqual(outputs[n][0], report, "report differs with %d partitions" % n)
            self.assertEqual(outputs[n][1], assignments, "assignments differ with %d partitions" % n)
        doc = json.loads(report)
        lines = sum(1 for _ in open(a, encoding="utf-8") if _.strip()) + 120 + 300
        self.assertEqual(doc["documents"], lines)
        self.assertEqual(doc["k"], 4)
        self.assertEqual(len(assignments.splitlines()), lines)
        self.assertIn("pass vocabulary: %d parts" % figures["parts"], log)
        self.assertIn("CPU", log)
        # Order matters: the same lines in another file order give another chain.
        swapped, _, _, _ = self.themes([self.path("in", "dir"), a], 3)
        self.assertNotEqual(json.loads(swapped)["chain"], doc["chain"])
        self.assertEqual(json.loads(swapped)["documents"], doc["documents"])

    def test_failing_partition_fails_the_job_with_minectls_message(self):
        bad = write_corpus(self.path("bad.jsonl"), 600, fail_at=457)
        with open(bad, "rb") as f:
            line = f.read().split(b"\n").index(b'{"id": "bad", "text": "MOCK-FAIL"}') + 1
        with self.assertRaises(ms.DriverError) as caught:
            self.themes([bad], 5)
        message = str(caught.exception)
        self.assertIn("the vocabulary pass failed", message)
        self.assertIn("mock_minectl: %s:%d: MOCK-FAIL marker (injected failure)" % (bad, line), message)
        self.assertIn("exit 65", message)
        self.assertIn("part 3", message)  # lines 457+ of 600 fall into the fourth of five ranges
        self.assertFalse(os.path.exists(self.path("out", "report-5.json")))
        # The context survives a failed job.
        good = write_corpus(self.path("good.jsonl"), 50)
        self.themes([good], 2)

    def test_stdin_path_gives_the_same_report(self):
        a = write_corpus(self.path("a.jsonl"), 700, seed=5)
        b = write_corpus(self.path("b.jsonl.gz"), 100, seed=6)
        ranged = self.themes([a, b], 4)
        piped = self.themes(["file://" + a, b], 4, "--force-stdin")
        self.assertEqual(piped[0], ranged[0])
        self.assertEqual(piped[1], ranged[1])
        self.assertIn("0 byte ranges over 0 local files", piped[3])
        self.assertGreater(piped[2]["parts"], 2)  # textFile split the plain file
        # A failure on the stdin path names the source and the line within the partition.
        bad = write_corpus(self.path("bad.jsonl"), 10, fail_at=4)
        with self.assertRaises(ms.DriverError) as caught:
            self.themes([bad], 1, "--force-stdin")
        self.assertIn("file://%s:5: MOCK-FAIL marker" % bad, str(caught.exception))

    def test_analysis_options_reach_the_executors_and_files_are_shipped(self):
        corpus = write_corpus(self.path("c.jsonl"), 100)
        stopwords = self.path("stop.txt")
        with open(stopwords, "w") as f:
            f.write("the\n")
        work = self.path("work")
        self.themes([corpus], 2, "--role", "customer", "--channel", "chat", "--channel", "email", "--no-redact",
                    "--since", "2024-01-01", "--stopwords", stopwords, "--fit-sample", "50", "--work-dir", work)
        with open(os.path.join(work, "vocabulary.json")) as f:
            analysis = json.load(f)["analysis"]
        self.assertEqual(analysis["--channel"], ["chat", "email"])
        self.assertEqual(analysis["--role"], ["customer"])
        self.assertEqual(analysis["--no-redact"], [True])
        self.assertEqual(analysis["--fit-sample"], ["50"])
        self.assertNotEqual(analysis["--stopwords"], [stopwords])  # the executor's shipped copy
        self.assertTrue(analysis["--stopwords"][0].endswith("-stop.txt"))
        self.assertEqual(sorted(os.listdir(os.path.join(work, "vocabulary-partials"))),
                         ["part-00000.json", "part-00001.json"])
        self.assertTrue(os.path.exists(os.path.join(work, "model.json")))

    def test_startup_check_failure_says_what_to_install(self):
        fake = self.path("bin", "minectl")
        with open(fake, "w") as f:
            # Works on the driver (the test's environment has the variable), fails on the executors, whose
            # minectl gets an explicit environment without it.
            f.write("#!/bin/sh\nif [ -n \"$FAKE_MINECTL_DRIVER_OK\" ]; then echo 'minectl 9'; exit 0; fi\n"
                    "echo 'minectl: error while loading shared libraries: libicuuc.so.72: cannot open shared "
                    "object file: No such file or directory' >&2\nexit 127\n")
        os.chmod(fake, 0o755)
        corpus = write_corpus(self.path("c.jsonl"), 10)
        os.environ["FAKE_MINECTL_DRIVER_OK"] = "1"
        self.addCleanup(os.environ.pop, "FAKE_MINECTL_DRIVER_OK", None)
        with self.assertRaises(ms.DriverError) as caught:
            self.run_job(corpus, minectl=fake)
        message = str(caught.exception)
        self.assertIn("start-up check failed", message)
        self.assertIn("libicuuc.so.72", message)
        self.assertIn("libicu72", message)
        self.assertIn("--static-swift-stdlib", message)


class CommandLineTest(TempDirTest):
    """The script as users run it: its own JVM, exit status, report on stdout."""

    def cli(self, *argv):
        return subprocess.run([sys.executable, os.path.join(SPARK_DIR, "minectl_spark.py")] + list(argv)
                              + ["--master", "local[2]", "--minectl", MOCK], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, check=False, timeout=120)

    def test_runs_and_fails_like_a_command(self):
        corpus = write_corpus(self.path("c.jsonl"), 300)
        bad = write_corpus(self.path("d", "bad.jsonl"), 30, fail_at=20)
        with open(bad, "rb") as f:
            line = f.read().split(b"\n").index(b'{"id": "bad", "text": "MOCK-FAIL"}') + 1
        done = self.cli(corpus, "--partitions", "3", "--format", "table", "--top", "2")
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        self.assertTrue(done.stdout.decode().startswith("300 documents"), done.stdout)
        self.assertEqual(len(done.stdout.decode().splitlines()), 3)
        self.assertIn(b"3 parts: 3 byte ranges", done.stderr)
        done = self.cli(corpus, self.path("d"), "--partitions", "3")
        self.assertNotEqual(done.returncode, 0)
        self.assertEqual(done.stdout, b"")
        self.assertIn(("%s:%d: MOCK-FAIL marker" % (bad, line)).encode(), done.stderr)
        self.assertNotIn(b"Traceback", done.stderr)
        self.assertIn(b"minectl-spark: error: the vocabulary pass failed", done.stderr)
        self.assertEqual(done.returncode, 65)


if __name__ == "__main__":
    unittest.main()
