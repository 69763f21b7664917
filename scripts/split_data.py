#!/usr/bin/env python3
"""Deterministic train/dev splits of the shared gold data.

    python3 scripts/split_data.py [SHARED_DATA_DIR] [OUT_DIR]
    (defaults: ../shared/data and target/data)

Writes:
- wiki-train.jsonl / wiki-dev.jsonl: WikiNEuRal, every 8th sentence to dev;
- news-dev.jsonl: the five seed articles of news/dev.jsonl (evaluation-only
  licence) and every 5th article of news/train.jsonl, from the third
  (54 articles): 59 articles, the split every news decision is taken on;
- news-train.jsonl: the other 216 articles of news/train.jsonl and the 32
  OrangeSum articles of news/dev.jsonl (248 articles);
- folds/train-K.jsonl / folds/test-K.jsonl, K = 0..4: cross-validation over
  the 216 news/train.jsonl articles of news-train (article i in fold i % 5);
  the 32 news/dev.jsonl articles are in every train-K, never in a test-K, as
  the project's rules were first read off them;
- news-early-train.jsonl: the OrangeSum articles of news/dev.jsonl at even
  positions, which the transformer's stages 1 to 3 were trained on
  (training/build_transformer.sh);
- hist-train.jsonl / hist-dev.jsonl: HIPE-2020 train and dev, with PER
  spans brought to docs/annotation.md (titles and appositions left out, see
  training/contract.py);
- europeana.jsonl: Europeana, all of it (training only).
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "training"))
from contract import normalize  # noqa: E402

FOLDS = 5


def read(path):
    with open(path, encoding="utf-8") as f:
        return [line for line in f if line.strip()]


def write(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(f"{path}: {len(lines)} documents")


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    out = sys.argv[2] if len(sys.argv) > 2 else "target/data"
    os.makedirs(os.path.join(out, "folds"), exist_ok=True)

    wiki = read(os.path.join(data, "train/wikineural-fr.jsonl"))
    write(os.path.join(out, "wiki-train.jsonl"), [l for i, l in enumerate(wiki) if i % 8 != 7])
    write(os.path.join(out, "wiki-dev.jsonl"), [l for i, l in enumerate(wiki) if i % 8 == 7])

    seeds, early = [], []
    for line in read(os.path.join(data, "news/dev.jsonl")):
        if json.loads(line)["meta"].get("source") == "seed":
            seeds.append(line)
        else:
            early.append(line)
    early_train = [l for i, l in enumerate(early) if i % 2 == 0]
    gold = read(os.path.join(data, "news/train.jsonl"))
    dev = seeds + [l for i, l in enumerate(gold) if i % 5 == 2]
    rest = [l for i, l in enumerate(gold) if i % 5 != 2]
    write(os.path.join(out, "news-dev.jsonl"), dev)
    write(os.path.join(out, "news-train.jsonl"), rest + early)
    write(os.path.join(out, "news-early-train.jsonl"), early_train)
    for k in range(FOLDS):
        test = [l for i, l in enumerate(rest) if i % FOLDS == k]
        train = [l for i, l in enumerate(rest) if i % FOLDS != k] + early
        write(os.path.join(out, f"folds/train-{k}.jsonl"), train)
        write(os.path.join(out, f"folds/test-{k}.jsonl"), test)

    for name, src in [("hist-train", "hipe2020-fr-train"), ("hist-dev", "hipe2020-fr-dev")]:
        lines = []
        for line in read(os.path.join(data, f"train/{src}.jsonl")):
            doc = json.loads(line)
            doc["spans"] = normalize(doc["text"], doc["spans"])
            lines.append(json.dumps(doc, ensure_ascii=False) + "\n")
        write(os.path.join(out, f"{name}.jsonl"), lines)
    write(os.path.join(out, "europeana.jsonl"), read(os.path.join(data, "train/europeana-fr.jsonl")))


if __name__ == "__main__":
    main()
