#!/usr/bin/env bash
# Creates spark/.venv with the pinned PySpark (spark/requirements.txt) and makes sure a Java runtime is present.
# Java: when `java` is missing, installs openjdk-17-jre-headless through apt, as root directly or through sudo
# (the pattern of scripts/ensure-deps); when neither works it prints the command to run and fails.
# Idempotent: an existing venv whose pyspark already matches the pin is left alone.
# Environment: PYTHON (interpreter to build the venv from; default python3).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

apt_install() {
  local install=(apt-get install -y --no-install-recommends "$@")
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-venv: no apt-get here. Install $* (or a Java 17/21 runtime for your system), then run this again." >&2
    return 1
  fi
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${install[@]}"
  elif command -v sudo >/dev/null 2>&1; then
    sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && sudo env DEBIAN_FRONTEND=noninteractive "${install[@]}"
  else
    echo "setup-venv: not root and no sudo. Run as root: apt-get update && ${install[*]}" >&2
    return 1
  fi
}

if ! command -v java >/dev/null 2>&1 && [ -z "${JAVA_HOME:-}" ]; then
  echo "setup-venv: no java found; installing openjdk-17-jre-headless (Spark 4 needs Java 17 or 21)" >&2
  apt_install openjdk-17-jre-headless || exit 1
fi

if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)'; then
  echo "setup-venv: $python is older than Python 3.9, which PySpark 4 needs" >&2
  exit 1
fi

want="$(sed -n 's/^pyspark==//p' "$here/requirements.txt")"
if [ -x "$venv/bin/python" ] && [ "$("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)' 2>/dev/null || true)" = "$want" ]; then
  echo "setup-venv: $venv already has pyspark $want" >&2
  exit 0
fi

if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
start=$(date +%s)
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
echo "setup-venv: pyspark $want installed in $(( $(date +%s) - start )) s; venv $(du -sh "$venv" | cut -f1)" >&2
