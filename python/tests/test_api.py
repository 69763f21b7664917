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
    # A minor unit keeps its value as written; `cents` alone names no currency.
    cents = PIPELINE.annotate("Le titre coûte 45 cents.").mentions[0]
    assert (cents.value, cents.currency, cents.minor_unit) == (decimal.Decimal("45"), None, True)
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
    with pytest.raises(quidam.SettingError):
        list(PIPELINE.pipe(["a"], batch_size=0))


def test_pipe_gives_the_same_documents_on_one_and_two_threads():
    texts = [f"Jean Dupont{i} a vendu {i},5 millions d'euros à la Sacem, à Lyon." for i in range(200)]
    one = [quidam.to_dict(d) for d in PIPELINE.pipe(texts, batch_size=50, n_threads=1)]
    two = [quidam.to_dict(d) for d in PIPELINE.pipe(texts, batch_size=50, n_threads=2)]
    every = [quidam.to_dict(d) for d in PIPELINE.pipe(texts)]
    assert one == two == every
    assert one == [quidam.to_dict(PIPELINE.annotate(t)) for t in texts]
    with pytest.raises(quidam.SettingError, match="n_threads"):
        list(PIPELINE.pipe(texts, n_threads=0))


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
    cases = [
        (dict(knowledge_base=str(tmp_path / "missing.bin")), quidam.FileError, OSError, "No such file"),
        (dict(knowledge_base=str(tmp_path)), quidam.FileError, OSError, "knowledge base"),
        (dict(knowledge_base=str(tmp_path / "bad.bin")), quidam.ModelError, ValueError, "bad magic"),
        (dict(nil_threshold=float("nan")), quidam.SettingError, ValueError, "NIL threshold"),
        (dict(backend="bert"), quidam.SettingError, ValueError, "embedded"),
        (dict(transformer_model="x"), quidam.SettingError, ValueError, "transformer"),
    ]
    (tmp_path / "bad.bin").write_bytes(b"not a knowledge base")
    for settings, error, builtin, message in cases:
        with pytest.raises(error, match=message) as raised:
            quidam.Pipeline(**settings)
        assert isinstance(raised.value, quidam.QuidamError), settings
        assert isinstance(raised.value, builtin), settings
    with pytest.raises(TypeError):
        PIPELINE.annotate(None)


def test_empty_and_odd_inputs():
    for text in ["", " ", "\x00\x01", "é" * 1000, "🇫🇷" * 50]:
        doc = PIPELINE.annotate(text)
        assert doc.text == text
        for m in doc.mentions:
            assert text[m.start:m.end] == m.text
