#!/usr/bin/env python3
"""Generate src/recognize/currency_forms.rs from CLDR's French currency names.

Usage: python3 scripts/gen_currency_forms.py [scripts/data/cldr-fr-currencies.json]

The output lists every surface form that names a currency after (or before) an
amount: ISO 4217 codes, CLDR symbols, CLDR singular and plural names, and the
bare head nouns of those names ("dollars", "bahts") where the head is a
currency word and not an everyday French noun. A form that names several
currencies maps to the empty code: it still makes an amount MONEY, but the
recognizer does not guess which currency it is. A short list of conventions
(OVERRIDES) settles the few ambiguous heads that French news uses for one
currency: "dollars" without a country is USD (docs/annotation.md).
"""
import json
import os
import re
import sys
from collections import defaultdict

SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "data", "cldr-fr-currencies.json")
OUT = "src/recognize/currency_forms.rs"

# Codes whose names are everyday words or not money at all.
SKIP_CODES = {"XAG", "XAU", "XPD", "XPT", "XTS", "XXX", "XRE", "XBA", "XBB", "XBC", "XBD", "XFO",
              "XFU", "ZWG", "XDR", "XUA", "XSU", "CHE", "CHW", "BOV", "CLF", "COU", "MXV", "USN",
              "USS", "UYI", "UYW"}
# Heads that are ordinary French nouns (books, crowns, sugar...) or too short to trust alone.
SKIP_HEADS = {"franc", "livre", "livres", "couronne", "couronnes", "sucre", "sucres", "once", "onces",
              "unité", "unités", "droit", "droits", "nouveau", "nouveaux", "ancien", "anciens",
              "type", "devise", "devises", "mark", "marks", "lire", "real", "réal", "réals",
              "rand", "rands", "won", "wons", "sum", "sums", "pula", "pulas", "tala", "talas",
              "vatu", "vatus", "or", "argent", "cruzado", "cruzados", "cruzeiro", "cruzeiros",
              "karbovanets", "karbovanetz", "mvdol", "mvdols", "colón", "colóns", "dông", "dôngs",
              "austral", "australs", "lek", "leks", "leu", "lei", "lev", "levs", "som", "kip"}
# Conventions of French news for heads that name several currencies.
OVERRIDES = {
    "dollar": "USD", "dollars": "USD", "$": "USD", "£": "GBP", "¥": "JPY",
    "rouble": "RUB", "roubles": "RUB", "roupie": "INR", "roupies": "INR",
    "yen": "JPY", "yens": "JPY", "yuan": "CNY", "yuans": "CNY",
    "franc CFA": "XOF", "francs CFA": "XOF", "livre sterling": "GBP", "livres sterling": "GBP",
    "US$": "USD", "$US": "USD", "euro": "EUR", "euros": "EUR",
    "dollar us": "USD", "dollars us": "USD", "dollar américain": "USD", "dollars américains": "USD",
    # `livres` alone is sterling in French news (docs/annotation.md); the recognizer
    # takes it only after digits or a multiplier (`deux livres` are books).
    "livre": "GBP", "livres": "GBP",
}
# Forms French news writes that CLDR's French names lack: English-style
# symbols (`HK$`, `C$`), plurals of heads skipped above as everyday words
# (`rands`; `wons` are South or North Korean), adjectives of a country
# (`dollars singapouriens`, `florins hollandais`), a symbol spaced from its
# code (`$ USD`, `$ CA`, `$ HK`), the German mark in one word, the franc's
# old and new units, the English name of sterling (`neuf pounds`) and the
# slang for euros.
EXTRA = {
    "HK$": "HKD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
    "S$": "SGD", "SG$": "SGD", "NT$": "TWD", "FCFA": "XOF", "$ US": "USD", "$ USD": "USD",
    "$ CA": "CAD", "$ CAN": "CAD", "$ C": "CAD", "$ HK": "HKD", "$ NZ": "NZD",
    "$ SG": "SGD", "florin hollandais": "NLG", "florins hollandais": "NLG",
    "deutschemark": "DEM", "deutschemarks": "DEM", "deutsche mark": "DEM", "deutsche marks": "DEM",
    "$ canadiens": "CAD", "$ australiens": "AUD",
    "wons": "", "rands": "ZAR", "réals": "BRL", "reais": "BRL", "shekel": "ILS", "shekels": "ILS",
    "dollar singapourien": "SGD", "dollars singapouriens": "SGD",
    "dollar hongkongais": "HKD", "dollars hongkongais": "HKD",
    "dollar taïwanais": "TWD", "dollars taïwanais": "TWD",
    "anciens francs": "", "nouveaux francs": "", "pound": "GBP", "pounds": "GBP",
    # Slang for euros (`1.000 balles`, as the news gold has it); the recognizer
    # takes it only after digits worth 100 or more (`trois balles dans le dos`
    # are bullets).
    "balles": "EUR",
}
# French news spells CLDR's `riyal` as `rial` too (`200.000 rials`).
SPELLINGS = [("riyal", "rial")]
YEARS = re.compile(r"\(\d{4}")


def main():
    data = json.load(open(SRC, encoding="utf-8"))
    currencies = data["main"]["fr"]["numbers"]["currencies"]
    forms = defaultdict(set)  # key (case-folded unless symbol/code) -> codes
    codes = set()
    for code, entry in currencies.items():
        if code in SKIP_CODES or not re.fullmatch(r"[A-Z]{3}", code):
            continue
        names = [v for k, v in entry.items() if k.startswith("displayName")]
        if any(YEARS.search(n) for n in names[:1]):
            continue  # a superseded currency, e.g. "franc belge (1960–1990)"
        codes.add(code)
        for n in names:
            if YEARS.search(n) or "(" in n:
                continue
            for variant in {n, n.lower()}:
                forms[variant].add(code)
                forms[variant.replace("’", "'")].add(code)
            head = n.lower().split()[0]
            if head not in SKIP_HEADS and len(head) >= 3:
                forms[head].add(code)
        for k in ("symbol", "symbol-alt-narrow", "symbol-alt-variant"):
            sym = entry.get(k)
            if not sym or sym == code:
                continue
            if sym.isalpha() or len(sym) <= 1 and sym.isalnum():
                continue  # "kr", "R", "FB": letters alone are not safe symbols
            forms[sym].add(code)
    for form in list(forms):
        for cldr, news in SPELLINGS:
            if form.lower().startswith(cldr):
                forms[news + form[len(cldr):]] |= forms[form]
    rows = []
    for form, cs in sorted(forms.items()):
        code = OVERRIDES.get(form, next(iter(cs)) if len(cs) == 1 else "")
        rows.append((form, code))
    for form, code in list(OVERRIDES.items()) + list(EXTRA.items()):
        if form not in forms:
            rows.append((form, code))
    rows.sort()
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("// @generated by scripts/gen_currency_forms.py from CLDR 48 French currency names\n")
        f.write("// (scripts/data/cldr-fr-currencies.json, Unicode licence). Do not edit:\n")
        f.write("// change the script and run it again.\n\n")
        f.write("/// ISO 4217 codes of the currencies that CLDR names in French.\n")
        f.write("pub(crate) static CODES: &[&str] = &[\n")
        for c in sorted(codes):
            f.write(f"    {json.dumps(c)},\n")
        f.write("];\n\n")
        f.write("/// Names (matched ignoring ASCII case) and symbols (matched exactly), each\n")
        f.write("/// with its ISO 4217 code, or \"\" when\n")
        f.write("/// the form names several currencies and the text must say which.\n")
        f.write("pub(crate) static FORMS: &[(&str, &str)] = &[\n")
        for form, code in rows:
            f.write(f"    ({json.dumps(form, ensure_ascii=False)}, {json.dumps(code)}),\n")
        f.write("];\n")
    print(f"{OUT}: {len(codes)} codes, {len(rows)} forms")


if __name__ == "__main__":
    main()
