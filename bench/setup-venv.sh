#!/usr/bin/env bash
# Creates bench/.venv with the Python peers of the benchmarks (scikit-learn, vaderSentiment).
# bench/.venv is git-ignored. Re-running upgrades nothing that is already installed.
#
# Usage: bench/setup-venv.sh            (from anywhere)
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null 2>&1; then
  echo "setup-venv: $python not found; install Python 3.9+ or set PYTHON=" >&2
  exit 1
fi
if [ ! -x "$bench/.venv/bin/python" ]; then
  echo "creating $bench/.venv with $("$python" --version 2>&1)"
  "$python" -m venv "$bench/.venv"
fi
"$bench/.venv/bin/python" -m pip install --quiet --upgrade pip
"$bench/.venv/bin/python" -m pip install --quiet scikit-learn vaderSentiment
"$bench/.venv/bin/python" - <<'EOF'
import sklearn, importlib.metadata as md
print(f"bench/.venv ready: scikit-learn {sklearn.__version__}, vaderSentiment {md.version('vaderSentiment')}")
EOF
