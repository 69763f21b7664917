"""The spaCy component, found through the package's entry point."""

import decimal
import subprocess
import sys

import spacy
from spacy import displacy

import quidam

TEXT = "Le site QuebecTorrent.com réclame 10 000 $ à Genève. Il neige sur les Pyrénées.Alors Jean Dupont part."


def test_add_pipe_sets_ents_with_kb_ids_and_values():
    nlp = spacy.blank("fr")
    nlp.add_pipe("quidam")
    doc = nlp(TEXT)
    expected = quidam.Pipeline().annotate(TEXT)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
        (m.start, m.end, m.label) for m in expected.mentions
    ]
    site, money, geneva = doc.ents[:3]
    assert site._.site_domain == "quebectorrent.com"
    assert (money._.money_value, money._.money_currency, money._.money_approximate) == (
        decimal.Decimal("10000"),
        "USD",
        False,
    )
    assert geneva.kb_id_ == "Q71" and geneva._.quidam_entity is not None
    assert site._.money_value is None


def test_nlp_pipe_gives_what_nlp_gives():
    nlp = spacy.blank("fr")
    nlp.add_pipe("quidam", config={"linking": False, "batch_size": 2})
    texts = [TEXT, "", "Kim Dotcom à Auckland.", "Rien ici.", "La Sacem paie 3 €."]
    one = [[(e.text, e.label_, e.kb_id_) for e in nlp(t).ents] for t in texts]
    many = [[(e.text, e.label_, e.kb_id_) for e in d.ents] for d in nlp.pipe(texts)]
    assert one == many
    assert one[2] == [("Kim Dotcom", "PER", ""), ("Auckland", "LOC", "")]


def test_mentions_inside_one_spacy_token_are_snapped_without_overlap():
    nlp = spacy.blank("fr")
    nlp.add_pipe("quidam")
    doc = nlp("Paris-Lyon:Genève/Nice et www.Paris.fr")
    ends = [(e.start, e.end) for e in doc.ents]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))
    assert all(len(e) > 0 for e in doc.ents)


def test_displacy_renders_quidams_entities():
    doc = quidam.Pipeline().annotate("Kim Dotcom est à Genève.")
    data = quidam.displacy(doc, title="Une dépêche")
    assert data["ents"] == [
        {"start": 0, "end": 10, "label": "PER"},
        {"start": 17, "end": 23, "label": "LOC"},
    ]
    html = displacy.render(data, style="ent", manual=True)
    assert "Kim Dotcom" in html and "Genève" in html and "Une dépêche" in html


def test_the_entry_point_finds_the_component_without_importing_it():
    # A fresh interpreter in which nothing imported quidam.
    code = (
        "import sys, spacy\n"
        "assert 'quidam' not in sys.modules\n"
        "nlp = spacy.blank('fr')\n"
        "nlp.add_pipe('quidam')\n"
        "print([(e.text, e.label_) for e in nlp('Kim Dotcom à Paris.').ents])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[('Kim Dotcom', 'PER'), ('Paris', 'LOC')]"
