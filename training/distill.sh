#!/usr/bin/env bash
# Distillation: quidam's transformer (models/transformer, through the Rust
# backend: its windows, decoding, rules and document stages) labels the 5,000
# OrangeSum articles that the tagger's silver uses, and the labels are
# written as article id and char spans of PER, ORG, LOC, MISC and SITE
# (MONEY is the rules' own):
#
#   training/distill.sh [SHARED_DATA_DIR] [OUT]
#   (defaults: ../shared/data and training/data/transformer-orangesum-5k.jsonl.gz)
#
# 35 to 45 minutes on 2 cores (2.24 M tokens, 830 to 1,080 tokens/s). The
# articles are those of scripts/train_tagger.sh's silver (the first 5,000 of
# join_silver.py's output over the teacher file, the news gold's articles
# left out), in the same order, in chunks of 250 so that a stopped run goes
# on where it stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
out="${2:-training/data/transformer-orangesum-5k.jsonl.gz}"
eval "$(scripts/setup-libtorch.sh)"
work=target/distill
mkdir -p "$work/in" "$work/out"
python3 training/join_silver.py --exclude "$data/news/dev.jsonl" --exclude "$data/news/train.jsonl" \
    training/data/teacher-orangesum-20001-35000.jsonl.gz "$data/news/orangesum.jsonl.gz" \
    "$work/silver-teacher-5k.jsonl" 5000
split -l 250 -d --additional-suffix=.jsonl "$work/silver-teacher-5k.jsonl" "$work/in/chunk-"
cargo build --release --features transformer --example annotate
annotate="${CARGO_TARGET_DIR:-target}/release/examples/annotate"
for f in "$work"/in/chunk-*.jsonl; do
    o="$work/out/$(basename "$f")"
    [ -s "$o" ] && continue
    "$annotate" --backend transformer --json "$f" > "$o.tmp"
    mv "$o.tmp" "$o"
    echo "$(basename "$f")" >&2
done
python3 - "$work" "$out" <<'EOF'
import glob, gzip, json, sys
work, out = sys.argv[1:]
labels = {"PER", "ORG", "LOC", "MISC", "SITE"}
with gzip.GzipFile(out, "wb", mtime=0) as raw:
    for path in sorted(glob.glob(f"{work}/out/chunk-*.jsonl")):
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            spans = [{"start": s["start"], "end": s["end"], "label": s["label"]}
                     for s in d["spans"] if s["label"] in labels]
            raw.write((json.dumps({"id": d["meta"]["id"], "spans": spans}) + "\n").encode())
EOF
echo "wrote $out" >&2
