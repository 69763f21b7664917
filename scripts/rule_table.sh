#!/usr/bin/env bash
# What each document rule is worth (docs/training.md, "Document rules"):
# micro F1 with every rule on, then with each rule switched off alone, on
# the folds (the fold taggers of scripts/cross_validate.sh NAME, already
# trained) and on news-dev, wiki-dev and hist-dev with the tagger compiled
# into the evaluate binary (the shipped one, unless BIN holds older copies).
#
#   scripts/rule_table.sh [NAME]   (default: base)
#
# Prints one markdown row a rule: rule | folds | news-dev | wiki-dev | hist-dev.
# Needs target/data (scripts/split_data.py) and the examples built
# (cargo build --release --features train --examples); BIN=DIR as in
# scripts/cross_validate.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:-base}"
bin="${BIN:-target/release/examples}"
for k in 0 1 2 3 4; do
    if [ ! -f "target/cv/$name/$k.bin" ]; then
        echo "no fold tagger target/cv/$name/$k.bin: train them with scripts/cross_validate.sh $name 50 4" >&2
        exit 1
    fi
done
f1() { grep '^ALL' | awk '{print $4}'; }
row() {
    local folds news wiki hist
    folds=$(BIN="$bin" scripts/cross_validate.sh "$name" 0 0 "$@" | f1)
    news=$("$bin/evaluate" target/data/news-dev.jsonl --labels PER,ORG,LOC,SITE "$@" | f1)
    wiki=$("$bin/evaluate" target/data/wiki-dev.jsonl --labels PER,ORG,LOC,MISC "$@" | f1)
    hist=$("$bin/evaluate" target/data/hist-dev.jsonl --labels PER,ORG,LOC "$@" | f1)
    echo "| $folds | $news | $wiki | $hist |"
}
echo "| all rules on $(row)"
# The rules' names, as NameRule::as_str gives them.
rules=$(grep -oP 'NameRule::\w+ => "\K[a-z-]+' src/names.rs)
for rule in $rules; do
    echo "| \`$rule\` $(row --without "$rule")"
done
