#!/usr/bin/env bash
# Cross-validation of the tagger's recipe and the document rules over the
# news training articles (the folds scripts/split_data.py writes): trains a
# tagger per fold without that fold's gold, tags the fold, and scores the
# five folds' predictions together (216 articles of news/train.jsonl).
#
#   scripts/cross_validate.sh NAME WEIGHT EPOCHS [EVALUATE_ARGS...]
#
# NAME: a folder under target/cv for the fold taggers, reused when they are
# there (so that rules can be switched off on the same taggers:
# `scripts/cross_validate.sh base 10 4 --without heads`); WEIGHT: times the
# news gold is repeated; EPOCHS: passes (the last one is kept, no dev set
# chooses it). The rest goes to examples/evaluate.rs for each fold.
# Training reads target/data (scripts/split_data.py) and the silver that
# scripts/train_tagger.sh joins (target/data/silver-transformer-5k.jsonl),
# with the examples built: cargo build --release --features train --examples
# SILVER=FILE trains on other silver articles instead, SILVER= on none;
# BIN=DIR runs the train and evaluate binaries in DIR (copies, so that the
# examples can be rebuilt while it runs). SEED=N shuffles with another seed
# (default 1); RUNS=N averages N runs (seeds SEED, SEED+1, ...; default 1);
# BITS=N sizes the weight table (default 17, as shipped);
# WIKI=N repeats WikiNEuRal N times (default 1, as shipped); FOLDS=DIR
# reads the folds from DIR (default target/data/folds).
set -euo pipefail
cd "$(dirname "$0")/.."
name="$1" weight="$2" epochs="$3"
shift 3
dir="target/cv/$name"
silver="${SILVER-target/data/silver-transformer-5k.jsonl}"
bin="${BIN:-target/release/examples}"
bits="${BITS:-17}"
seed="${SEED:-1}"
runs="${RUNS:-1}"
wiki="${WIKI:-1}"
folds="${FOLDS:-target/data/folds}"
mkdir -p "$dir"
for k in 0 1 2 3 4; do
    if [ ! -f "$dir/$k.bin" ]; then
        "$bin/train" \
            --train "target/data/wiki-train.jsonl:$wiki" --train "$folds/train-$k.jsonl:$weight" \
            --train target/data/hist-train.jsonl:3 ${silver:+--train "$silver"} \
            --epochs "$epochs" --bits "$bits" --seed "$seed" --runs "$runs" --out "$dir/$k.bin" > "$dir/$k.log"
    fi
    "$bin/evaluate" "$folds/test-$k.jsonl" --tagger "$dir/$k.bin" \
        --pred "$dir/pred-$k.jsonl" "$@" > /dev/null
done
cat "$folds"/test-{0,1,2,3,4}.jsonl > "$dir/gold.jsonl"
cat "$dir"/pred-{0,1,2,3,4}.jsonl > "$dir/pred.jsonl"
"$bin/evaluate" "$dir/gold.jsonl" --system "$dir/pred.jsonl" --labels PER,ORG,LOC,SITE
