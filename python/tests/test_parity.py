"""Python's `annotate` gives exactly the Rust pipeline's output on the
sample news of `examples/data`: the Rust golden test
(`tests/golden.rs`) checks the pipeline against
`tests/golden/examples-data.jsonl`, and this test checks Python against the
same file."""

import decimal
import json
from pathlib import Path

import quidam

ROOT = Path(__file__).resolve().parents[2]


def test_python_gives_the_rust_pipelines_output_on_the_sample_news():
    golden = [json.loads(line) for line in (ROOT / "tests/golden/examples-data.jsonl").open(encoding="utf-8")]
    assert len(golden) >= 8
    pipeline = quidam.Pipeline()
    mentions_seen = 0
    for expected in golden:
        text = (ROOT / "examples/data" / expected["file"]).read_text(encoding="utf-8")
        doc = pipeline.annotate(text)
        got = []
        for m in doc.mentions:
            g = {"label": m.label, "chars": [m.start, m.end], "text": m.text}
            if m.entity is not None:
                g["entity"] = f"e{m.entity}"
            if m.label == "MONEY":
                g["value"] = None if m.value is None else str(m.value)
                g["currency"] = m.currency
                g["approximate"] = m.approximate
            if m.label == "SITE":
                g["domain"] = m.domain
            got.append(g)
            assert text[m.start:m.end] == m.text
            assert m.value is None or isinstance(m.value, decimal.Decimal)
        want = [{k: v for k, v in m.items() if k != "bytes"} for m in expected["mentions"]]
        assert got == want, expected["file"]
        entities = [
            {"id": f"e{e.id}", "label": e.label, "name": e.name, "mentions": e.mentions, "kb_id": e.kb_id}
            for e in doc.entities
        ]
        assert entities == expected["entities"], expected["file"]
        for m in doc.mentions:
            if m.entity is not None:
                assert m.kb_id == doc.entities[m.entity].kb_id
        mentions_seen += len(got)
    assert mentions_seen > 100
