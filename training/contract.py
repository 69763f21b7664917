"""Brings spans of other annotation schemes to quidam's contract
(`docs/annotation.md`): titles, honorifics and roles stay outside a PER span.

HIPE-2020 marks `M. Ilg`, `le général Boulanger` and `Louis Merle, directeur
des postes` as persons, and a model trained on it (or on labels from such a
model) learns the same, down to fragments like `de l'Intérieur` out of `le
ministre de l'Intérieur`. `normalize` keeps `Ilg`, `Boulanger` and `Louis
Merle`, keeps name particles before a name (`général de Gaulle` -> `de
Gaulle`, `von Schulthess`), and drops a PER span left with no name in it
(`le président libanais`, `de l'Intérieur`).
"""

import re

TITLE = re.compile(r"^(?:M|MM|Mme|Mmes|Mlle|Mlles|Me|Mgr|Dr|Pr)\s*\.*\s+(?=\S)")
WORD = re.compile(r"\S+")
# Lower-case words that begin a name when a capitalised word follows them
# (`de Gaulle`, `von Schulthess`); `du`, `des`, `la` begin ministries more
# often (`ministre du Travail`).
PARTICLES = {"de", "van", "von", "der", "den", "di", "da", "dos", "das", "del", "della",
             "ben", "bin", "ibn", "al", "el", "ter", "ten", "zu", "af"}
# After these, a capitalised word completes a role (`ministre de la Santé`).
ARTICLES = {"la", "le", "les", "du", "des", "au", "aux", "en", "l'", "l’"}


def name_start(mention):
    """Where the name begins once leading roles are left out (`président`,
    `ministre de la Santé`, `député LR`), or None when no name follows."""
    words = [(m.start(), m.group()) for m in WORD.finditer(mention)]
    after_article = False
    for k, (at, word) in enumerate(words):
        following = words[k + 1][1] if k + 1 < len(words) else ""
        if k == 0 and word[:2] in ("d'", "d’") and word[2:3].isupper():
            return at  # d'Estaing
        capitalised = word[:1].isupper()
        acronym = len(word) > 1 and word.isalpha() and word.isupper() and following[:1].isupper()
        if capitalised and not after_article and not acronym:
            return at
        if word in PARTICLES and following[:1].isupper():
            return at
        elided = word[:2].lower() in ("l'", "l’") and len(word) > 2
        after_article = word.lower() in ARTICLES or (
            after_article and not capitalised and not elided)
    return None


def normalize(text, spans):
    out = []
    for s in spans:
        s = dict(s)
        if s["label"] == "PER":
            mention = text[s["start"]:s["end"]]
            cut = min((i for i in (mention.find(", "), mention.find(" (")) if i > 0), default=None)
            if cut is not None:
                s["end"] = s["start"] + cut
                mention = mention[:cut]
            while True:
                m = TITLE.match(mention)
                at = m.end() if m and m.end() < len(mention) else name_start(mention)
                if at is None:
                    mention = ""
                    break
                if at == 0:
                    break
                s["start"] += at
                mention = mention[at:]
            stripped = mention.rstrip(" .,;:")
            s["end"] = s["start"] + len(stripped)
            if not stripped:
                continue
        out.append(s)
    return out
