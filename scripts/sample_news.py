#!/usr/bin/env python3
"""A fixed sample of OrangeSum articles for tests that need many real texts.

    python3 scripts/sample_news.py ../shared/data N OUT.jsonl.gz

Takes every 30th article of `news/orangesum.jsonl.gz` (CC BY-SA 4.0), leaving
out the articles of the gold news sets, until N; writes `{"id", "text"}`
lines, gzipped with a fixed timestamp so that the file is reproducible.
"""

import gzip
import json
import sys


def main():
    data, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    gold = set()
    for name in ("news/train.jsonl", "news/dev.jsonl"):
        with open(f"{data}/{name}", encoding="utf-8") as f:
            gold.update(json.loads(line)["text"] for line in f if line.strip())
    picked = []
    with gzip.open(f"{data}/news/orangesum.jsonl.gz", "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 30:
                continue
            article = json.loads(line)
            if article["text"] in gold:
                continue
            picked.append({"id": article["meta"]["id"], "text": article["text"]})
            if len(picked) == n:
                break
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as z:
        for article in picked:
            z.write((json.dumps(article, ensure_ascii=False) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main()
