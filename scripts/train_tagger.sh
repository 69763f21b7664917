#!/usr/bin/env bash
# Retrains the embedded tagger (models/tagger.bin) from the shared data and
# the committed teacher labels; deterministic, a minute on one core.
#
#   scripts/train_tagger.sh [SHARED_DATA_DIR]   (default: ../shared/data)
#
# Training data: WikiNEuRal (less every 8th sentence, kept for dev), HIPE-2020
# train (x3), half of the OrangeSum articles of news/dev.jsonl (x10), and 5,000
# OrangeSum articles labelled by quidam's transformer through the Rust backend
# (distillation: training/distill.sh wrote training/data/transformer-orangesum-5k.jsonl.gz;
# training/README.md). Dev: the held-out parts.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
python3 scripts/split_data.py "$data" target/data
python3 training/join_silver.py --exclude "$data/news/dev.jsonl" training/data/transformer-orangesum-5k.jsonl.gz \
    "$data/news/orangesum.jsonl.gz" target/data/silver-transformer-5k.jsonl
cargo run --release --features train --example train -- \
    --train target/data/wiki-train.jsonl --train target/data/news-train.jsonl:10 \
    --train target/data/hist-train.jsonl:3 --train target/data/silver-transformer-5k.jsonl \
    --dev target/data/wiki-dev.jsonl --dev target/data/news-dev.jsonl --dev target/data/hist-dev.jsonl \
    --epochs 8 --bits 17 --seed 1 --out models/tagger.bin
