#!/usr/bin/env bash
# Installs the Python package and what its tests need, from the repository
# root: a Java runtime for Spark (Debian's default-jre-headless, when no
# `java` is on the PATH), then a virtual environment `.venv-py` with quidam
# built from `python/` (release build, a few minutes) and spaCy, PySpark,
# pyarrow, pandas and pytest from PyPI.
#
#   python/setup.sh && .venv-py/bin/python -m pytest python/tests
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v java >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq default-jre-headless
fi
python3 -m venv .venv-py
.venv-py/bin/pip install -q "./python[spacy,spark]" pytest
