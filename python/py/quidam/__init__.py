"""Named entities in French news: people, organisations, places, amounts of
money and web sites, with char offsets, exact amounts, domains, document
entities and knowledge-base links.

>>> import quidam
>>> pipeline = quidam.Pipeline()
>>> doc = pipeline.annotate("Kim Dotcom doit 150 000 € à la Sacem.")
>>> [(m.label, m.text) for m in doc.mentions]
[('PER', 'Kim Dotcom'), ('MONEY', '150 000 €'), ('ORG', 'Sacem')]
>>> doc.mentions[1].value, doc.mentions[1].currency
(Decimal('150000'), 'EUR')
"""

import json
from itertools import islice
from typing import Iterable, Iterator

from ._quidam import Document, Entity, Mention, QuidamError
from ._quidam import Pipeline as _Pipeline

__all__ = ["Pipeline", "Document", "Mention", "Entity", "QuidamError"]


class Pipeline:
    """An immutable pipeline, shareable across threads.

    `linking` links entities to a knowledge base, the embedded starter base
    unless `knowledge_base` names a file written by quidam's `build_kb`;
    `fuzzy_linking` looks misspelt names up among near names;
    `nil_threshold` is the linker's score below which nothing is linked.
    """

    def __init__(self, linking=True, fuzzy_linking=True, knowledge_base=None, nil_threshold=None):
        self._inner = _Pipeline(linking, fuzzy_linking, knowledge_base, nil_threshold)

    def annotate(self, text: str) -> Document:
        """Annotates one text."""
        return self._inner.annotate(text)

    def pipe(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[Document]:
        """Annotates texts in batches on all cores, yielding documents in order."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        it = iter(texts)
        while True:
            batch = list(islice(it, batch_size))
            if not batch:
                return
            yield from self._inner.annotate_batch(batch)


def to_dict(doc: Document) -> dict:
    """The document in the JSON form of quidam's `docs/json.md`."""
    return json.loads(doc.to_json())
