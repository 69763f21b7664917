#!/usr/bin/env bash
# Rebuilds the embedded starter knowledge base (models/kb.bin) from the
# shared seeds: Natural Earth countries, GeoNames cities and the (mention,
# QID) pairs of HIPE-2020 French *training* data (the dev file stays out, as
# `evaluate --link` scores on it).
#
#   scripts/build_kb.sh [SHARED_DATA_DIR]   (default: ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
mkdir -p target/kb
python3 scripts/build_kb.py "$data" "$data/train/hipe2020-fr-train.jsonl" > target/kb/starter.jsonl
cargo run --release --example build_kb -- target/kb/starter.jsonl --out models/kb.bin
