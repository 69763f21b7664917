#!/usr/bin/env python3
"""Adds SITE labels to silver news (the teacher knows sites poorly).

Site names are collected from the texts themselves: capitalised names that
follow a cue such as `la plateforme`, `le réseau social`, `l'application`,
`le site internet` at least MIN_CUED times, names of domains the texts
mention (`Twitter` for twitter.com), and names people have an account on
(`son compte Twitter`, more than MIN_CUED times), unless the teacher mostly
calls them a person or a place. Then every mention of such a name in a
place-like context (`sur X`, `via X`, after a cue) becomes SITE, replacing
what the teacher said there; elsewhere the teacher's label stays, since a
company as an actor is ORG (`ANNOTATION.md`).

    python training/silver_sites.py IN.jsonl OUT.jsonl
"""

import collections
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from contract import normalize  # noqa: E402

MIN_CUED = 2
CUE = r"(?:le site(?: internet| web| pirate)?|la plateforme(?: en ligne)?|le réseau social|les réseaux sociaux|l['’]application|l['’]appli|la messagerie|le tracker|le service en ligne)"
NAME = r"([A-Z][\w\-]*[a-z0-9][\w\-]*(?:\.[a-z]{2,4})?)"
CUED = re.compile(CUE + r"\s+" + NAME)
DOMAIN = re.compile(r"\b(?:www\.)?([a-z0-9][a-z0-9-]*)\.(?:com|fr|net|org|io|tv|fm|info|eu|be|ch|ca)\b")
ACCOUNT = re.compile(r"\bcompte (?:officiel )?([A-Z]\w+)")
PLACE_LIKE = re.compile(r"(?:\b(?:sur|via|compte|compte officiel)|" + CUE + r")\s+$")


def main():
    src, dst = sys.argv[1:3]
    docs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
    for d in docs:
        d["spans"] = normalize(d["text"], d["spans"])
    cued = collections.Counter()
    for d in docs:
        cued.update(m.group(1) for m in CUED.finditer(d["text"]))
    teacher = collections.defaultdict(collections.Counter)
    for d in docs:
        for s in d["spans"]:
            teacher[d["text"][s["start"]:s["end"]]][s["label"]] += 1
    # A common word (`La`, `Internet`) is written lower case more often than not.
    lower = collections.Counter()
    for d in docs:
        lower.update(w for w in re.findall(r"\b[a-zà-ÿ][\w\-]*", d["text"]))
    names = sorted(n for n, c in cued.items() if c >= MIN_CUED and len(n) >= 3
                   and lower[n.lower()] < c
                   and teacher[n]["PER"] + teacher[n]["LOC"] <= sum(teacher[n].values()) / 2)
    # Names of sites whose domain the news mentions: `Twitter` for twitter.com.
    domains = collections.Counter()
    for d in docs:
        domains.update(set(m.group(1) for m in DOMAIN.finditer(d["text"].lower())))
    labels = {label for label, c in domains.items() if c >= MIN_CUED and len(label) >= 4}
    spelled = collections.Counter()
    for d in docs:
        spelled.update(w for w in re.findall(r"\b[A-Z][\w]+", d["text"]) if w.lower() in labels)
    # Services people have an account on: `son compte Twitter`.
    accounts = collections.Counter()
    for d in docs:
        accounts.update(m.group(1) for m in ACCOUNT.finditer(d["text"]))
    spelled.update({w: c for w, c in accounts.items() if c > MIN_CUED})
    names = sorted(n for n in set(names) | {w for w, c in spelled.items() if c >= MIN_CUED and lower[w.lower()] < c}
                   if teacher[n]["PER"] + teacher[n]["LOC"] <= sum(teacher[n].values()) / 2)
    print(f"{len(names)} site names: {' '.join(names)}", file=sys.stderr)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b") if names else None
    added = 0
    with open(dst, "w", encoding="utf-8") as out:
        for d in docs:
            spans = d["spans"]
            if pattern:
                for m in pattern.finditer(d["text"]):
                    if not PLACE_LIKE.search(d["text"][max(0, m.start() - 40):m.start()]):
                        continue
                    spans = [s for s in spans if s["end"] <= m.start() or s["start"] >= m.end()]
                    spans.append({"start": m.start(), "end": m.end(), "label": "SITE"})
                    added += 1
            d["spans"] = sorted(spans, key=lambda s: s["start"])
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{added} SITE mentions", file=sys.stderr)


if __name__ == "__main__":
    main()
