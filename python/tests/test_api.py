"""The Python API: offsets in Python string indices, exact amounts, links,
batches in order, threads, errors."""

import decimal
import json
import threading

import pytest

import quidam

PIPELINE = quidam.Pipeline()


def test_mentions_have_python_string_offsets():
    cases = [
        ("Kim Dotcom est à Genève.", [("PER", "Kim Dotcom"), ("LOC", "Genève")]),
        ("🎉🎉 Emmanuel Macron à Paris 🇫🇷.", [("PER", "Emmanuel Macron"), ("LOC", "Paris")]),
        ("Il neige sur les Pyrénées.Alors Jean Dupont part.", [("LOC", "Pyrénées"), ("PER", "Jean Dupont")]),
    ]
    for text, expected in cases:
        doc = PIPELINE.annotate(text)
        got = [(m.label, m.text) for m in doc.mentions]
        assert got == expected, text
        for m in doc.mentions:
            assert text[m.start:m.end] == m.text


def test_amounts_are_decimals_with_currencies():
    doc = PIPELINE.annotate("Une amende de 150 000 € et près de 2,5 millions de dollars.")
    money = [m for m in doc.mentions if m.label == "MONEY"]
    assert [(m.value, m.currency, m.approximate) for m in money] == [
        (decimal.Decimal("150000"), "EUR", False),
        (decimal.Decimal("2500000"), "USD", True),
    ]
    assert all(isinstance(m.value, decimal.Decimal) for m in money)


def test_entities_links_and_domains():
    doc = PIPELINE.annotate("Le site QuebecTorrent.com ferme. Quebectorrent a vécu à Genève.")
    site = doc.mentions[0]
    assert (site.label, site.domain) == ("SITE", "quebectorrent.com")
    geneva = next(m for m in doc.mentions if m.text == "Genève")
    assert geneva.kb_id == "Q71"
    entity = doc.entities[geneva.entity]
    assert (entity.name, entity.kb_id) == ("Genève", "Q71")
    assert doc.mentions.index(geneva) in entity.mentions


def test_to_dict_is_the_json_form():
    doc = PIPELINE.annotate("La Sacem réclame 5 euros.")
    d = quidam.to_dict(doc)
    assert d["text"] == doc.text
    assert [(s["start"], s["end"], s["label"]) for s in d["spans"]] == [
        (m.start, m.end, m.label) for m in doc.mentions
    ]
    assert json.loads(doc.to_json()) == d


def test_pipe_keeps_the_order_of_its_input():
    texts = [f"M. Dupont{i} a payé {i} euros." for i in range(300)]
    values = [next(m.value for m in d.mentions if m.label == "MONEY") for d in PIPELINE.pipe(iter(texts), batch_size=64)]
    assert values == [decimal.Decimal(i) for i in range(300)]
    with pytest.raises(ValueError):
        list(PIPELINE.pipe(["a"], batch_size=0))


def test_one_pipeline_serves_many_threads():
    texts = ["Kim Dotcom est à Auckland.", "La Sacem porte plainte."] * 20
    expected = [[m.text for m in PIPELINE.annotate(t).mentions] for t in texts]
    results = [None] * len(texts)

    def work(i):
        results[i] = [m.text for m in PIPELINE.annotate(texts[i]).mentions]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected


def test_bad_settings_and_files_are_quidam_errors(tmp_path):
    with pytest.raises(quidam.QuidamError, match="No such file"):
        quidam.Pipeline(knowledge_base=str(tmp_path / "missing.bin"))
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"not a knowledge base")
    with pytest.raises(quidam.QuidamError, match="bad magic"):
        quidam.Pipeline(knowledge_base=str(bad))
    with pytest.raises(quidam.QuidamError, match="NIL threshold"):
        quidam.Pipeline(nil_threshold=float("nan"))
    with pytest.raises(TypeError):
        PIPELINE.annotate(None)


def test_empty_and_odd_inputs():
    for text in ["", " ", "\x00\x01", "é" * 1000, "🇫🇷" * 50]:
        doc = PIPELINE.annotate(text)
        assert doc.text == text
        for m in doc.mentions:
            assert text[m.start:m.end] == m.text
