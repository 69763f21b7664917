#!/usr/bin/env python3
"""Joins the teacher's silver spans with the OrangeSum texts they label.

    python training/join_silver.py SPANS.jsonl.gz ORANGESUM.jsonl.gz OUT.jsonl [N] [--exclude GOLD.jsonl]...

SPANS holds {"id", "spans"} per article (finetune_teacher.py's output); the
texts come from `orangesum.jsonl.gz` by `meta.id`. Writes the first N
articles (default: all) in the gold format, leaving out any article whose
text is in a GOLD file (repeatable): the news gold is OrangeSum too, and 16
of the 15,000 teacher articles are among `news/dev.jsonl`'s articles.

It also leaves out the articles with a name hyphenated to a prefix
(`ex-FN`, `pro-Haftar`, `anti-G7`): the teacher labelled them with a
tokenizer that kept such a word whole, so it left the name out, and quidam's
tokenizer now sets the name apart (about 130 of 5,000 articles).
"""

import gzip
import json
import re
import sys

# As src/text/merge.rs sets a name apart from these prefixes.
PREFIXED_NAME = re.compile(r"(?<![\w-])(?:ex|pro|anti)-[A-ZÀ-Þ]")


def main():
    args = sys.argv[1:]
    excluded = set()
    while "--exclude" in args:
        k = args.index("--exclude")
        excluded |= {json.loads(l)["text"] for l in open(args[k + 1], encoding="utf-8") if l.strip()}
        del args[k:k + 2]
    spans_path, news_path, out_path, *rest = args
    limit = int(rest[0]) if rest else None
    silver = [json.loads(l) for l in gzip.open(spans_path, "rt", encoding="utf-8") if l.strip()]
    wanted = {d["id"] for d in silver}
    texts = {}
    for line in gzip.open(news_path, "rt", encoding="utf-8"):
        d = json.loads(line)
        if d["meta"]["id"] in wanted:
            texts[d["meta"]["id"]] = d["text"]
    kept, left_out, unaligned = [], 0, 0
    for d in silver:
        if texts[d["id"]] in excluded:
            left_out += 1
        elif PREFIXED_NAME.search(texts[d["id"]]):
            unaligned += 1
        else:
            kept.append(d)
    silver = kept[:limit]
    with open(out_path, "w", encoding="utf-8") as out:
        for d in silver:
            out.write(json.dumps({"text": texts[d["id"]], "spans": d["spans"],
                                  "meta": {"source": "orangesum-teacher", "id": d["id"]}},
                                 ensure_ascii=False) + "\n")
    print(f"{out_path}: {len(silver)} articles ({left_out} found in the gold file, "
          f"{unaligned} with a prefixed name left out)", file=sys.stderr)


if __name__ == "__main__":
    main()
