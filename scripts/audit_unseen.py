#!/usr/bin/env python3
"""Audit of the pipeline on OrangeSum articles that no gold file, no silver
file and no developer has looked at: the nearest thing to the held-out news.

    scripts/audit_unseen.py sample ../shared/data OUT.jsonl [N]
        writes the last N (default 8,000) OrangeSum articles that are
        neither in the news gold nor in the tagger's silver
        (target/data/silver-transformer-5k.jsonl, scripts/train_tagger.sh);
    scripts/audit_unseen.py names PRED.jsonl [LABEL] [TOP]
        the names most often predicted (once per article), per label;
    scripts/audit_unseen.py diff BEFORE.jsonl AFTER.jsonl
        how many mentions each change of a rule adds and removes, by label
        and text.

PRED files are `cargo run --release --example annotate -- --json OUT.jsonl`.
"""
import collections
import gzip
import json
import sys


def sample(data, out, n=8000):
    seen = set()
    for path in [f"{data}/news/train.jsonl", f"{data}/news/dev.jsonl",
                 "target/data/silver-transformer-5k.jsonl"]:
        with open(path, encoding="utf-8") as f:
            seen.update(json.loads(line)["text"][:200] for line in f)
    with gzip.open(f"{data}/news/orangesum.jsonl.gz", "rt", encoding="utf-8") as f:
        lines = f.readlines()
    written = 0
    with open(out, "w", encoding="utf-8") as o:
        for line in reversed(lines):
            text = json.loads(line)["text"]
            if text[:200] in seen:
                continue
            o.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
            written += 1
            if written == n:
                break
    print(f"{out}: {written} articles", file=sys.stderr)


def mentions(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)["spans"]


def names(pred, label=None, top=100):
    counts = collections.defaultdict(collections.Counter)
    for spans in mentions(pred):
        for lab, text in {(s["label"], s["text"]) for s in spans}:
            counts[lab][text] += 1
    for lab in sorted(counts):
        if label in (None, lab):
            listed = " | ".join(f"{t} {n}" for t, n in counts[lab].most_common(top))
            print(f"== {lab} ({sum(counts[lab].values())} in articles)\n{listed}")


def diff(before, after):
    changes = collections.Counter()
    for a, b in zip(mentions(before), mentions(after)):
        old = {(s["start"], s["end"], s["label"], s["text"]) for s in a}
        new = {(s["start"], s["end"], s["label"], s["text"]) for s in b}
        changes.update(("-", s[2], s[3]) for s in old - new)
        changes.update(("+", s[2], s[3]) for s in new - old)
    for (sign, lab, text), n in sorted(changes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:6} {sign} {lab:5} {text}")


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["help"]
    if command == "sample" and len(args) in (2, 3):
        sample(args[0], args[1], *map(int, args[2:]))
    elif command == "names" and len(args) in (1, 2, 3):
        names(args[0], *(args[1:2]), *map(int, args[2:]))
    elif command == "diff" and len(args) == 2:
        diff(*args)
    else:
        sys.exit(__doc__)
