"""quidam as a spaCy component (spaCy is needed only to use this module).

>>> import spacy
>>> nlp = spacy.blank("fr")
>>> _ = nlp.add_pipe("quidam")
>>> doc = nlp("Le site QuebecTorrent.com réclame 10 000 $ à Genève.")
>>> [(e.text, e.label_, e.kb_id_) for e in doc.ents]
[('QuebecTorrent.com', 'SITE', ''), ('10 000 $', 'MONEY', ''), ('Genève', 'LOC', 'Q71')]
>>> doc.ents[0]._.site_domain, doc.ents[1]._.money_value, doc.ents[1]._.money_currency
('quebectorrent.com', Decimal('10000'), 'USD')

The component replaces `doc.ents` with quidam's mentions, snapped outward to
spaCy's tokens (two mentions inside one token keep the first), with the
entity's knowledge-base id in `kb_id_` and these `Span._` extensions:
`money_value` (`decimal.Decimal`), `money_currency`, `money_approximate`,
`site_domain`, `quidam_entity` (the index of the mention's entity in the
document, shared by the mentions of one thing) and `quidam_score`.
"""

from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import Pipeline

__all__ = ["QuidamComponent"]

_EXTENSIONS = (
    "money_value",
    "money_currency",
    "money_approximate",
    "site_domain",
    "quidam_entity",
    "quidam_score",
)


def _register_extensions():
    for name in _EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


class QuidamComponent:
    """Sets `doc.ents` from quidam's pipeline; see the module's docs."""

    def __init__(self, pipeline: Pipeline, batch_size: int = 256):
        _register_extensions()
        self.pipeline = pipeline
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        return self._set(doc, self.pipeline.annotate(doc.text))

    def pipe(self, docs: Iterable[Doc], batch_size: Optional[int] = None) -> Iterator[Doc]:
        size = batch_size or self.batch_size
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) == size:
                yield from self._set_all(batch)
                batch = []
        if batch:
            yield from self._set_all(batch)

    def _set_all(self, docs):
        annotated = self.pipeline.pipe([d.text for d in docs], batch_size=len(docs))
        for doc, result in zip(docs, annotated):
            yield self._set(doc, result)

    @staticmethod
    def _set(doc: Doc, result) -> Doc:
        entities = result.entities
        spans = []
        for m in result.mentions:
            kb_id = entities[m.entity].kb_id if m.entity is not None else None
            span = doc.char_span(
                m.start, m.end, label=m.label, kb_id=kb_id or "", alignment_mode="expand"
            )
            if span is None or len(span) == 0:
                continue
            span._.money_value = m.value
            span._.money_currency = m.currency
            span._.money_approximate = m.approximate if m.label == "MONEY" else None
            span._.site_domain = m.domain
            span._.quidam_entity = m.entity
            span._.quidam_score = m.score
            spans.append(span)
        # Extensions live on (start, end, label, kb_id) keys, so the spans
        # that survive keep them.
        doc.set_ents(filter_spans(spans), default="outside")
        return doc


@Language.factory(
    "quidam",
    default_config={
        "linking": True,
        "fuzzy_linking": True,
        "knowledge_base": None,
        "nil_threshold": None,
        "batch_size": 256,
    },
)
def make_quidam(
    nlp: Language,
    name: str,
    linking: bool,
    fuzzy_linking: bool,
    knowledge_base: Optional[str],
    nil_threshold: Optional[float],
    batch_size: int,
) -> QuidamComponent:
    """The `quidam` factory: `nlp.add_pipe("quidam", config={...})`."""
    return QuidamComponent(
        Pipeline(
            linking=linking,
            fuzzy_linking=fuzzy_linking,
            knowledge_base=knowledge_base,
            nil_threshold=nil_threshold,
        ),
        batch_size=batch_size,
    )
