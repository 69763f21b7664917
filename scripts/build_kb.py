"""Writes the records of the starter knowledge base (JSONL, one KbRecord a
line) from the shared seeds:

- Natural Earth countries (QIDs; French and formal names; English names and
  ISO codes as variants);
- GeoNames cities over 15,000 inhabitants (no QIDs: `geonames:ID`; the name
  and Latin-script alternate names);
- the (mention, QID) pairs of HIPE-2020 French training data: each QID becomes
  an entity named by its mentions, typed by their majority label. A HIPE
  place whose name is a city's is the same entity: the city's names join the
  QID and the city is not written again.

Popularity (the prior between namesakes) is on a sitelink-like scale:
countries 200 (territories 50), cities 10 + 15 log10(population / 15,000),
HIPE entities 40 + 10 log2(1 + training mentions) (at least the merged
city's). A HIPE name is kept as an alias of a QID only where it names that
QID in at least a quarter of its uses.

    python3 scripts/build_kb.py DATA_DIR HIPE_TRAIN.jsonl [...] > records.jsonl

`scripts/build_kb.sh` runs it and compiles models/kb.bin.
"""

import collections
import csv
import json
import math
import re
import sys
import unicodedata

csv.field_size_limit(1 << 24)

TITLE = re.compile(r"^(?:M|MM|Mme|Mmes|Mlle|Mlles|Me|Mgr|Dr|Pr)\s*\.*\s+(?=\S)")
LATIN = re.compile(r"^[A-Za-zÀ-ɏ' \-.]+$")
CONTINENTS = {
    "Africa": "d'Afrique",
    "Asia": "d'Asie",
    "Europe": "d'Europe",
    "North America": "d'Amérique du Nord",
    "South America": "d'Amérique du Sud",
    "Oceania": "d'Océanie",
    "Antarctica": "de l'Antarctique",
    "Seven seas (open ocean)": "des océans",
}


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().replace("’", "'").split())


def core_name(mention, label):
    """The name in a HIPE mention: no title, role or apposition."""
    m = mention
    if label == "PER":
        cut = min((i for i in (m.find(", "), m.find(" (")) if i > 0), default=None)
        if cut is not None:
            m = m[:cut]
        t = TITLE.match(m)
        if t and t.end() < len(m):
            m = m[t.end():]
        words = m.split()
        while len(words) > 1 and not words[0][:1].isupper():
            words = words[1:]
        m = " ".join(words)
    return m.strip(" .,;:")


def countries(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            qid = row["WIKIDATAID"].strip()
            if not qid.startswith("Q"):
                continue
            names = [row[k].strip() for k in ("NAME_FR", "FORMAL_FR")]
            names = [n for n in dict.fromkeys(names) if n]
            english = [row[k].strip() for k in ("NAME", "NAME_LONG", "FORMAL_EN")]
            # ISO codes name countries in tables and sports results (`Esp`,
            # `It`, `FRA`).
            english += [row[k].strip() for k in ("ISO_A2", "ISO_A3") if row[k].strip() not in ("", "-99")]
            english = [n for n in dict.fromkeys(english) if n and n not in names]
            if not names:
                continue
            sovereign = row["TYPE"] in ("Sovereign country", "Country")
            out[qid] = {
                "id": qid,
                "label": names[0],
                "aliases": names[1:],
                "variants": english,
                "type": "LOC",
                "description": "pays " + CONTINENTS.get(row["CONTINENT"], "") if sovereign
                else "territoire " + CONTINENTS.get(row["CONTINENT"], ""),
                "popularity": 200.0 if sovereign else 50.0,
                "iso": row["ISO_A2"],
            }
    return out


def cities(path, country_names):
    out = []
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            name = row["name"].strip()
            alternates = []
            for a in row["alternatenames"].split("|"):
                a = a.strip()
                if len(a) < 3 or not LATIN.match(a) or (a.isupper() and len(a) <= 4):
                    continue
                alternates.append(a)
            names = list(dict.fromkeys([name] + alternates))
            # Many alternate names differ only by accents or case.
            seen, kept = set(), []
            for n in names:
                if fold(n) not in seen:
                    seen.add(fold(n))
                    kept.append(n)
            population = max(int(row["population"] or 0), 15000)
            country = country_names.get(row["countrycode"], "")
            out.append({
                "id": "geonames:" + row["geonameid"],
                "label": name,
                "aliases": [],
                "variants": kept[1:40],
                "type": "LOC",
                "description": "ville" + (", " + country if country else ""),
                "popularity": round(10 + 15 * math.log10(population / 15000), 2),
                "population": population,
            })
    return out


def hipe(paths):
    mentions = collections.defaultdict(collections.Counter)
    labels = collections.defaultdict(collections.Counter)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                text = doc["text"]
                for s in doc["spans"]:
                    qid = s.get("kb_id")
                    if not qid or qid == "NIL":
                        continue
                    mention = " ".join(text[s["start"]:s["end"]].split())
                    name = core_name(mention, s["label"])
                    if name:
                        mentions[qid][name] += 1
                    labels[qid][s["label"]] += 1
    # A name is an alias of a QID only if it names that QID in at least a
    # quarter of its linked uses (`Vienne` once for Bienne is an error).
    uses = collections.Counter()
    for names in mentions.values():
        for name, n in names.items():
            uses[fold(name)] += n
    out = {}
    for qid, names in mentions.items():
        count = sum(names.values())
        ranked = [n for n, k in names.most_common() if k * 4 >= uses[fold(n)]]
        if not ranked:
            continue
        out[qid] = {
            "id": qid,
            "label": ranked[0],
            "aliases": ranked[1:],
            "variants": [],
            "type": labels[qid].most_common(1)[0][0],
            "description": "",
            "popularity": round(40.0 + 10.0 * math.log2(1 + count), 2),
        }
    return out


def main():
    data, hipe_paths = sys.argv[1], sys.argv[2:]
    by_qid = countries(data + "/kb/countries-naturalearth.tsv")
    country_names = {r["iso"]: r["label"] for r in by_qid.values() if r["iso"] not in ("", "-99")}
    city_records = cities(data + "/kb/cities-geonames15000.tsv", country_names)
    for record in by_qid.values():
        del record["iso"]

    for qid, record in hipe(hipe_paths).items():
        if qid in by_qid:
            known = by_qid[qid]
            known["aliases"] = list(dict.fromkeys(known["aliases"] + [record["label"]] + record["aliases"]))
            known["popularity"] = max(known["popularity"], record["popularity"])
        else:
            by_qid[qid] = record

    # A HIPE place named as a city is that city: of the cities that go by
    # one of its names, the most populous, where a city whose own name it is
    # (`Biel/Bienne` for `Bienne`) counts as fifty times as populous as one
    # that has it among alternate names (Vienna, also `Bienne`). The
    # best-attested places choose first; a city joins one place at most.
    weight = {}
    for city in city_records:
        own = {fold(part) for part in [city["label"]] + city["label"].split("/")}
        for n in [city["label"]] + city["variants"]:
            key = fold(n)
            w = city["population"] * (50 if key in own else 1)
            weight.setdefault(key, []).append((w, city["id"], city))
    merged = set()
    places = sorted((r for r in by_qid.values() if r["type"] == "LOC" and not r["description"]),
                    key=lambda r: -r["popularity"])
    for record in places:
        options = [o for n in [record["label"]] + record["aliases"] for o in weight.get(fold(n), [])
                   if o[1] not in merged]
        if not options:
            continue
        city = max(options, key=lambda o: (o[0], o[1]))[2]
        merged.add(city["id"])
        record["variants"] = [n for n in dict.fromkeys([city["label"]] + city["variants"])
                              if n not in record["aliases"] and n != record["label"]]
        record["description"] = city["description"]
        record["popularity"] = max(record["popularity"], city["popularity"])

    out = sys.stdout
    for record in sorted(by_qid.values(), key=lambda r: int(r["id"][1:])):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    for city in city_records:
        del city["population"]
    for city in city_records:
        if city["id"] not in merged:
            out.write(json.dumps(city, ensure_ascii=False) + "\n")
    print(f"{len(by_qid)} QIDs, {len(city_records) - len(merged)} cities, {len(merged)} cities merged",
          file=sys.stderr)


if __name__ == "__main__":
    main()
