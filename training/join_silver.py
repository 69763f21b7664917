#!/usr/bin/env python3
"""Joins the teacher's silver spans with the OrangeSum texts they label.

    python training/join_silver.py SPANS.jsonl.gz ORANGESUM.jsonl.gz OUT.jsonl [N]

SPANS holds {"id", "spans"} per article (finetune_teacher.py's output); the
texts come from `orangesum.jsonl.gz` by `meta.id`. Writes the first N
articles (default: all) in the gold format.
"""

import gzip
import json
import sys


def main():
    spans_path, news_path, out_path, *rest = sys.argv[1:]
    limit = int(rest[0]) if rest else None
    silver = [json.loads(l) for l in gzip.open(spans_path, "rt", encoding="utf-8") if l.strip()]
    silver = silver[:limit]
    wanted = {d["id"] for d in silver}
    texts = {}
    for line in gzip.open(news_path, "rt", encoding="utf-8"):
        d = json.loads(line)
        if d["meta"]["id"] in wanted:
            texts[d["meta"]["id"]] = d["text"]
    with open(out_path, "w", encoding="utf-8") as out:
        for d in silver:
            out.write(json.dumps({"text": texts[d["id"]], "spans": d["spans"],
                                  "meta": {"source": "orangesum-teacher", "id": d["id"]}},
                                 ensure_ascii=False) + "\n")
    print(f"{out_path}: {len(silver)} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
