"""Brings spans of other annotation schemes to quidam's contract
(`ANNOTATION.md`): titles and roles stay outside a PER span.

HIPE-2020 marks `M. Ilg` and `Louis Merle, directeur des postes` as persons,
and a teacher trained on it learns the same; `normalize` keeps `Ilg` and
`Louis Merle`.
"""

import re

TITLE = re.compile(r"^(?:M|MM|Mme|Mmes|Mlle|Mlles|Me|Mgr|Dr|Pr)\s*\.*\s+(?=\S)")


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
            m = TITLE.match(mention)
            if m and m.end() < len(mention):
                s["start"] += m.end()
                mention = mention[m.end():]
            stripped = mention.rstrip(" .,;:")
            s["end"] = s["start"] + len(stripped)
            if not stripped:
                continue
        out.append(s)
    return out
