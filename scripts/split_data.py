#!/usr/bin/env python3
"""Deterministic train/dev splits of the shared gold data, for training the tagger.

    python3 scripts/split_data.py [SHARED_DATA_DIR] [OUT_DIR]
    (defaults: ../shared/data and target/data)

Writes:
- wiki-train.jsonl / wiki-dev.jsonl: WikiNEuRal, every 8th sentence to dev;
- news-train.jsonl / news-dev.jsonl: news/dev.jsonl; the five seed articles
  (evaluation-only licence) always go to dev, and the OrangeSum articles
  alternate, the first to train;
- hist-train.jsonl / hist-dev.jsonl: HIPE-2020 train and dev, with PER
  spans brought to ANNOTATION.md (titles and appositions left out, see
  training/contract.py);
- europeana.jsonl: Europeana, all of it (training only).
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "training"))
from contract import normalize  # noqa: E402


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
    os.makedirs(out, exist_ok=True)

    wiki = read(os.path.join(data, "train/wikineural-fr.jsonl"))
    write(os.path.join(out, "wiki-train.jsonl"), [l for i, l in enumerate(wiki) if i % 8 != 7])
    write(os.path.join(out, "wiki-dev.jsonl"), [l for i, l in enumerate(wiki) if i % 8 == 7])

    train, dev = [], []
    orangesum = 0
    for line in read(os.path.join(data, "news/dev.jsonl")):
        if json.loads(line)["meta"].get("source") == "seed":
            dev.append(line)
        else:
            (train if orangesum % 2 == 0 else dev).append(line)
            orangesum += 1
    write(os.path.join(out, "news-train.jsonl"), train)
    write(os.path.join(out, "news-dev.jsonl"), dev)

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
