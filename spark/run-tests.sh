#!/usr/bin/env bash
# Sets up spark/.venv (spark/setup-venv.sh: pinned PySpark, a Java runtime when missing) and runs the Spark
# driver's tests: against the mock minectl (spark/tests/mock_minectl.py: splitting, failures, the start-up check),
# and against the real one (spark/tests/test_minectl.py: $MINECTL_BIN, else .build/release or .build/debug; skipped
# with a message when none is built) on 20,000 transcripts with 1, 2 and 7 partitions.
# Extra arguments go to unittest, e.g. spark/run-tests.sh -k stdin
# Opt-in: MINECTL_SPARK_TEST_MASTER='local-cluster[2,1,1024]' runs the shared-context tests on a local cluster
# (works with the Spark bundled in the pip package; about 80 s for the 5 shared-context tests; docs/spark.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup-venv.sh"
cd "$here"
exec "$here/.venv/bin/python" -m unittest discover -s tests -t tests -v "$@"
