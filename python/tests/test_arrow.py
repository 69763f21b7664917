"""`annotate_arrow`: one list of mention structs a text, equal to what
`annotate` gives, for every Arrow string type, with nulls and chunks."""

import decimal
import gzip
import json
from pathlib import Path

import pyarrow as pa
import pytest

import quidam

PIPELINE = quidam.Pipeline()
NEWS = [
    json.loads(line)["text"]
    for line in gzip.open(Path(__file__).parent / "data/orangesum-1000.jsonl.gz", "rt", encoding="utf-8")
]


def as_rows(doc):
    """The mentions of a Document as annotate_arrow's struct values."""
    rows = []
    for m in doc.mentions:
        value = None if m.value is None else m.value.quantize(decimal.Decimal("1e-10"))
        rows.append(
            {
                "label": m.label,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "score": m.score,
                "entity": m.entity,
                "kb_id": m.kb_id,
                "kb_score": m.kb_score,
                "value": value,
                "currency": m.currency,
                "approximate": m.approximate,
                "minor_unit": m.minor_unit,
                "domain": m.domain,
            }
        )
    return rows


def test_arrow_rows_equal_annotate_on_real_news():
    texts = NEWS[:300]
    out = PIPELINE.annotate_arrow(pa.array(texts))
    assert isinstance(out, pa.ListArray) and len(out) == len(texts)
    assert out.type == quidam.mention_list_type()
    got = out.to_pylist()
    assert got == [as_rows(PIPELINE.annotate(t)) for t in texts]
    assert sum(len(r) for r in got) > 3000
    assert any(m["label"] == "MONEY" and m["value"] is not None for r in got for m in r)


@pytest.mark.parametrize("arrow_type", [pa.string(), pa.large_string(), pa.string_view()])
def test_every_string_type_nulls_and_chunks(arrow_type):
    texts = ["Il doit 5 € à Paris.", None, "", "🎉 Kim Dotcom à Genève."]
    expected = [None if t is None else as_rows(PIPELINE.annotate(t)) for t in texts]
    out = PIPELINE.annotate_arrow(pa.array(texts, type=arrow_type), n_threads=1)
    assert out.to_pylist() == expected
    assert out.null_count == 1
    chunked = pa.chunked_array([texts[:2], texts[2:], []], type=arrow_type)
    out = PIPELINE.annotate_arrow(chunked, n_threads=2)
    assert isinstance(out, pa.ChunkedArray) and out.to_pylist() == expected


def test_sliced_arrays_read_only_their_rows():
    array = pa.array(NEWS[:20])[5:9]
    assert PIPELINE.annotate_arrow(array).to_pylist() == [as_rows(PIPELINE.annotate(t)) for t in NEWS[5:9]]


def test_arrays_that_are_not_strings_are_type_errors():
    for bad in [pa.array([1, 2]), pa.array([b"Paris"]), ["Paris"], None]:
        with pytest.raises(TypeError):
            PIPELINE.annotate_arrow(bad)
