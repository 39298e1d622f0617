"""The Spark driver with the real minectl (the CI test of issue 10): on a 20,000-transcript corpus with a broken line
and an id repeated in another part, Spark local[2] gives byte-identical reports and assignments with 1, 2 and 7
partitions, identical to `minectl themes --model` over the whole file, also with the partials merged in shuffled
order; a failing part fails the job with minectl's message.

The binary: $MINECTL_BIN, else .build/release/minectl, else .build/debug/minectl of this repository; the tests skip
with a message when none is built.
"""
import argparse
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stderr

HERE = os.path.dirname(os.path.abspath(__file__))
SPARK_DIR = os.path.dirname(HERE)
ROOT = os.path.dirname(SPARK_DIR)
sys.path.insert(0, SPARK_DIR)

import minectl_spark as ms  # noqa: E402


def find_minectl():
    candidates = [os.environ.get("MINECTL_BIN"), os.path.join(ROOT, ".build", "release", "minectl"),
                  os.path.join(ROOT, ".build", "debug", "minectl")]
    return next((c for c in candidates if c and os.path.isfile(c) and os.access(c, os.X_OK)), None)


MINECTL = find_minectl()
COUNT = 20000
BROKEN_AT = 9000      # a line that is not JSON, in the middle of the file
FIT = ["--k", "12", "--seed", "0", "--restarts", "1", "--fit-sample", "3000"]


def minectl(*argv, stdin=None):
    done = subprocess.run([MINECTL] + list(argv), input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise AssertionError("minectl %s failed (%d): %s" % (argv[:2], done.returncode, done.stderr.decode()))
    return done.stdout


@unittest.skipIf(MINECTL is None, "no minectl built: run `swift build` (or set MINECTL_BIN) to test the Spark "
                                  "driver with the real binary")
class RealMinectlTest(unittest.TestCase):
    sc = None

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="minectl-spark-real-")
        lines = minectl("synth", "--transcripts", str(COUNT), "--seed", "7").decode().splitlines()
        lines.insert(BROKEN_AT, '{"id": "broken", "turns": [')
        lines.append(lines[3])   # a repeated id, far from its first copy: another part
        cls.corpus = os.path.join(cls.tmp, "chats.jsonl")
        with open(cls.corpus, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        master = os.environ.get("MINECTL_SPARK_TEST_MASTER", "local[2]")
        cls.sc, _ = ms.create_context(argparse.Namespace(master=master))
        cls.runs = {}

    @classmethod
    def tearDownClass(cls):
        if cls.sc is not None:
            cls.sc.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def run_driver(self, name, *argv):
        work = os.path.join(self.tmp, "work-" + name)
        report = os.path.join(self.tmp, "report-%s.json" % name)
        assignments = os.path.join(self.tmp, "assignments-%s.jsonl" % name)
        args = ms.build_parser().parse_args([self.corpus, "--format", "json", "--out", report, "--assignments",
                                             assignments, "--work-dir", work, "--minectl", MINECTL] + FIT + list(argv))
        err = io.StringIO()
        with redirect_stderr(err):
            figures = ms.run_job(args, self.sc)
        with open(report, "rb") as f, open(assignments, "rb") as g:
            return {"report": f.read(), "assignments": g.read(), "work": work, "figures": figures, "log": err.getvalue()}

    def run_partitions(self, partitions):
        if partitions not in self.runs:
            self.runs[partitions] = self.run_driver("p%d" % partitions, "--partitions", str(partitions))
        return self.runs[partitions]

    def test_1_2_and_7_partitions_give_the_report_of_themes_with_the_model(self):
        one, two, seven = (self.run_partitions(n) for n in (1, 2, 7))
        self.assertEqual(one["figures"]["parts"], 1)
        self.assertEqual(seven["figures"]["parts"], 7)
        model = os.path.join(one["work"], "model.json")
        for other in (two, seven):
            self.assertEqual(other["report"], one["report"])
            self.assertEqual(other["assignments"], one["assignments"])
            with open(os.path.join(other["work"], "model.json"), "rb") as f, open(model, "rb") as g:
                self.assertEqual(f.read(), g.read(), "the model does not depend on the partitioning")
        whole = minectl("themes", "--quiet", "--model", model, self.corpus, "--format", "json")
        self.assertEqual(one["report"], whole)
        # Every part's partial, merged in shuffled order.
        directory = os.path.join(seven["work"], "assign-partials")
        partials = sorted(os.path.join(directory, name) for name in os.listdir(directory))
        random.Random(5).shuffle(partials)
        self.assertNotEqual(partials, sorted(partials))
        self.assertEqual(minectl("partial", "merge-report", "--model", model, "--format", "json", *partials), whole)
        # The counts of one run over the file: the broken line and the repeated id rejected, the rest assigned.
        counts = json.loads(whole)["counts"]
        self.assertEqual((counts["read"], counts["analyzed"], counts["rejected"]), (COUNT + 2, COUNT, 2))
        self.assertEqual(counts["rejectedByReason"], {"duplicate-id": 1, "invalid-json": 1})
        self.assertEqual(len(one["assignments"].splitlines()), COUNT)
        # The repeated id lands in another part than its first copy, so the vocabulary was counted again.
        self.assertIn("counted again", seven["log"])

    def test_the_table_names_the_rejected_lines_of_the_whole_file(self):
        seven = self.run_partitions(7)
        model = os.path.join(seven["work"], "model.json")
        directory = os.path.join(seven["work"], "assign-partials")
        partials = [os.path.join(directory, name) for name in sorted(os.listdir(directory))]
        table = minectl("partial", "merge-report", "--model", model, "--format", "markdown", *partials).decode()
        whole = minectl("themes", "--quiet", "--model", model, self.corpus, "--format", "markdown").decode()
        self.assertEqual(table, whole)
        done = subprocess.run([MINECTL, "themes", "--model", model, self.corpus, "--format", "csv"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
        self.assertIn("chats.jsonl:%d: invalid-json" % (BROKEN_AT + 1), done.stderr.decode())
        self.assertIn("chats.jsonl:%d: duplicate-id" % (COUNT + 2), done.stderr.decode())

    def test_standard_input_pieces_count_like_byte_ranges(self):
        piped = self.run_driver("stdin", "--partitions", "3", "--force-stdin")
        ranged = json.loads(self.run_partitions(2)["report"])
        report = json.loads(piped["report"])
        self.assertEqual(report["inputs"][0]["path"], "file://" + self.corpus)
        for key in ("counts", "themes", "unclustered", "clustering"):
            self.assertEqual(report[key], ranged[key], key)
        self.assertEqual(piped["assignments"], self.run_partitions(2)["assignments"])

    def test_the_run_history_records_what_themes_with_the_model_records(self):
        two = self.run_partitions(2)
        model = os.path.join(two["work"], "model.json")
        spark_db, whole_db = os.path.join(self.tmp, "spark.sqlite"), os.path.join(self.tmp, "whole.sqlite")
        recorded = self.run_driver("db", "--partitions", "2", "--db", spark_db, "--run-label", "night-1")
        whole = minectl("themes", "--quiet", "--model", model, self.corpus, "--format", "json", "--db", whole_db,
                        "--run-label", "night-1")
        self.assertEqual(recorded["report"].replace(spark_db.encode(), b"DB"), whole.replace(whole_db.encode(), b"DB"))
        self.assertIn(b'"history":{', whole)
        # The trends are the same but for the moment each run was recorded.
        trends = [re.sub(rb'"recordedAt":"[^"]*"', b"", minectl("trends", "--db", db, "--format", "json").replace(db.encode(), b"DB"))
                  for db in (spark_db, whole_db)]
        self.assertEqual(trends[0], trends[1])

    def test_a_failing_part_fails_the_job_with_minectls_message(self):
        with self.assertRaises(ms.DriverError) as caught:
            self.run_driver("strict", "--partitions", "7", "--strict")
        message = str(caught.exception)
        self.assertIn("invalid-json", message)
        self.assertIn("chats.jsonl: line", message)
        self.assertIn("of the part starting at byte", message)


if __name__ == "__main__":
    unittest.main()
