#!/usr/bin/env bash
# Retrains the embedded tagger (models/tagger.bin) from the shared data and
# the committed teacher labels; deterministic.
#
#   scripts/train_tagger.sh [SHARED_DATA_DIR]   (default: ../shared/data)
#
# Training data: WikiNEuRal (less every 8th sentence, kept for dev), HIPE-2020
# train (x3), the news gold of news-train.jsonl (x50: 216 articles of
# news/train.jsonl and the 32 OrangeSum articles of news/dev.jsonl), and 4,879
# of 5,000 OrangeSum articles labelled by quidam's transformer through the Rust
# backend (those without a name hyphenated to a prefix, `ex-FN`: join_silver.py;
# distillation: training/distill.sh wrote training/data/transformer-orangesum-5k.jsonl.gz;
# docs/training.md). Four epochs, the last one kept: the weight and the
# epochs were chosen by scripts/cross_validate.sh over the news folds. Five
# runs in five shuffling orders (seeds 1 to 5), averaged into one model of
# the same size and speed; a few minutes on one core.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
python3 scripts/split_data.py "$data" target/data
python3 training/join_silver.py --exclude "$data/news/dev.jsonl" --exclude "$data/news/train.jsonl" \
    training/data/transformer-orangesum-5k.jsonl.gz \
    "$data/news/orangesum.jsonl.gz" target/data/silver-transformer-5k.jsonl
cargo run --release --features train --example train -- \
    --train target/data/wiki-train.jsonl --train target/data/news-train.jsonl:50 \
    --train target/data/hist-train.jsonl:3 --train target/data/silver-transformer-5k.jsonl \
    --epochs 4 --bits 17 --seed 1 --runs 5 --out models/tagger.bin
