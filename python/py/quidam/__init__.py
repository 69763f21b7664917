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

`quidam.spacy` holds a spaCy component (`nlp.add_pipe("quidam")`) and
`quidam.spark` a PySpark job; neither library is needed for the rest.
"""

import json
from itertools import islice
from typing import Iterable, Iterator, Optional

from ._quidam import Document, Entity, FileError, Mention, ModelError, QuidamError, SettingError
from ._quidam import Pipeline as _Pipeline

__all__ = [
    "Pipeline",
    "Document",
    "Mention",
    "Entity",
    "QuidamError",
    "FileError",
    "ModelError",
    "SettingError",
    "to_dict",
    "mention_list_type",
    "displacy",
]


class Pipeline:
    """An immutable pipeline, shareable across threads.

    `linking` links entities to a knowledge base, the embedded starter base
    unless `knowledge_base` names a file written by quidam's `build_kb`;
    `fuzzy_linking` looks misspelt names up among near names;
    `nil_threshold` is the linker's score below which nothing is linked.
    `backend="transformer"` finds names with a transformer instead of the
    embedded tagger (a build with the `transformer` feature; the model in
    `transformer_model`, quidam's own by default).

    A bad setting raises `SettingError`, a file that cannot be read
    `FileError`, a file that is not a quidam knowledge base `ModelError`;
    all three are `QuidamError`s.

    >>> quidam.Pipeline(nil_threshold=float("nan"))
    Traceback (most recent call last):
    ...
    quidam.SettingError: NIL threshold NaN is not a finite number
    """

    def __init__(
        self,
        linking: bool = True,
        fuzzy_linking: bool = True,
        knowledge_base=None,
        nil_threshold: Optional[float] = None,
        backend: str = "embedded",
        transformer_model=None,
    ):
        self._inner = _Pipeline(
            linking, fuzzy_linking, knowledge_base, nil_threshold, backend, transformer_model
        )

    def annotate(self, text: str) -> Document:
        """Annotates one text on the calling thread, the GIL released.

        >>> doc = pipeline.annotate("Le site What.cd a fermé.")
        >>> [(m.label, m.text, m.start, m.end, m.domain) for m in doc.mentions]
        [('SITE', 'What.cd', 8, 15, 'what.cd')]
        """
        return self._inner.annotate(text)

    def pipe(
        self, texts: Iterable[str], batch_size: int = 256, n_threads: Optional[int] = None
    ) -> Iterator[Document]:
        """Annotates texts in batches of `batch_size` on `n_threads` threads
        (all cores when None), the GIL released, yielding documents in the
        order of the texts.

        >>> [len(d) for d in pipeline.pipe(["Paris.", "Rien.", "Lyon et Nice."], n_threads=2)]
        [1, 0, 2]
        """
        if batch_size < 1:
            raise SettingError("batch_size must be at least 1")
        it = iter(texts)
        while True:
            batch = list(islice(it, batch_size))
            if not batch:
                return
            yield from self._inner.annotate_batch(batch, n_threads)

    def annotate_arrow(self, texts, n_threads: Optional[int] = None):
        """Annotates an Arrow array of strings (a `pyarrow.Array` or
        `ChunkedArray`, or any object with `__arrow_c_array__`) into a
        `pyarrow` array with one `list<struct<...>>` of mentions a text, null
        for a null text: no Python object a mention. The struct's fields
        are those of `Mention`, `value` as `decimal128(38, 10)`.

        >>> import pyarrow as pa
        >>> out = pipeline.annotate_arrow(pa.array(["Il doit 5 € à Paris.", None]))
        >>> [(m["label"], m["text"], m["value"]) for m in out[0].as_py()], out[1].as_py()
        ([('MONEY', '5 €', Decimal('5.0000000000')), ('LOC', 'Paris', None)], None)
        """
        import pyarrow as pa

        if isinstance(texts, pa.ChunkedArray):
            chunks = [pa.array(self._inner.annotate_arrow(c, n_threads)) for c in texts.chunks]
            return pa.chunked_array(chunks, type=mention_list_type())
        return pa.array(self._inner.annotate_arrow(texts, n_threads))


def mention_list_type():
    """The `pyarrow` type of `Pipeline.annotate_arrow`'s rows."""
    import pyarrow as pa

    return pa.array(_Pipeline.empty_arrow()).type


def to_dict(doc: Document) -> dict:
    """The document in the JSON form of quidam's `docs/json.md`."""
    return json.loads(doc.to_json())


def displacy(doc: Document, title: Optional[str] = None) -> dict:
    """The document in displaCy's manual format, for
    `spacy.displacy.render(quidam.displacy(doc), style="ent", manual=True)`.

    >>> quidam.displacy(pipeline.annotate("Kim Dotcom est à Genève."))["ents"]
    [{'start': 0, 'end': 10, 'label': 'PER'}, {'start': 17, 'end': 23, 'label': 'LOC'}]
    """
    ents = [{"start": m.start, "end": m.end, "label": m.label} for m in doc.mentions]
    return {"text": doc.text, "ents": ents, "title": title}
