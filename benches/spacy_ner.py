#!/usr/bin/env python3
"""Runs a spaCy French pipeline (tok2vec and ner only) over the texts of a
gold JSONL file, on one thread, and writes its entities in the gold format.

    python benches/spacy_ner.py MODEL GOLD.jsonl OUT.jsonl

Prints one JSON line: {"model", "tokens", "bytes", "seconds"}, where
`seconds` is the wall time of `nlp(text)` over all texts (loading excluded)
and `tokens` counts spaCy's tokens.
"""

import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy  # noqa: E402


def main():
    model, gold, out = sys.argv[1:4]
    nlp = spacy.load(model, exclude=["parser", "tagger", "morphologizer", "lemmatizer",
                                     "attribute_ruler", "senter"])
    texts = [json.loads(line)["text"] for line in open(gold, encoding="utf-8") if line.strip()]
    docs = []
    start = time.perf_counter()
    for text in texts:
        docs.append(nlp(text))
    seconds = time.perf_counter() - start
    with open(out, "w", encoding="utf-8") as f:
        for text, doc in zip(texts, docs):
            spans = [{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in doc.ents]
            f.write(json.dumps({"text": text, "spans": spans}, ensure_ascii=False) + "\n")
    print(json.dumps({
        "model": model,
        "pipes": nlp.pipe_names,
        "tokens": sum(len(d) for d in docs),
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "seconds": seconds,
    }))


if __name__ == "__main__":
    main()
