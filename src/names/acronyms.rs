//! Acronyms of common nouns are not names (`ISF`, `APL`, `JLD`, `NDLR`):
//! the tagger takes most words in capitals for organisations. A name whose
//! whole text is such an acronym is dropped, with every other mention of
//! it in the document, when
//!
//! 1. it is a widely used acronym of a common noun (a list, written from
//!    general knowledge: taxes, allowances, contracts, diplomas, school
//!    years, transport, medicine, newsroom abbreviations); or
//! 2. the text defines it as a common noun: in parentheses right after a
//!    lower-case phrase whose words' initials spell it and whose head is
//!    not a noun for an organisation (`travaux d'intérêt général (TIG)`,
//!    but not `agence russe d'assurance des dépôts (ASV)`).
//!
//! A common word in lower case alone is no name either (`la procureure`,
//! `le commissariat`; the transformer backend finds such words), but a
//! known outlet's (`franceinfo`) or a handle (`@caroreceveur`).
//!
//! An acronym of a common noun that a name follows stays outside it
//! (`l'ONG Save the Children`; the news gold has the name alone in all
//! four such cases).
//!
//! And the acronym or short name of a widely known organisation (a party,
//! a union, an international body, an armed group: `EELV`, `Otan`,
//! `Hezbollah`) is an `ORG` whatever label the tagger gave it (`le candidat
//! EELV`, `à l'Otan`, `au Hezbollah`), and its full name one `ORG` where
//! the tagger cut it (`La République` and `Marche` in `La République en
//! Marche`).

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::{replace_inside, words_are};
use crate::text::{Token, TokenKind};
use crate::types::Label;

/// Acronyms of common nouns, as written.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    // Newsroom, media and the internet.
    "NDLR", "JT", "PAF", "VOD", "FAI", "TNT", "ADSL", "IPTV", "VPN", "P2P", "Wi-Fi", "WiFi",
    "RGPD",
    // Taxes, allowances and pay.
    "TVA", "CSG", "CRDS", "ISF", "IFI", "IR", "RSA", "APL", "AAH", "SMIC", "Smic", "RTT", "PIB",
    "ASS", "AER",
    // Work and business.
    "CDI", "CDD", "PME", "TPE", "ETI", "PDG", "DRH", "DG", "CA", "BTP", "SDF", "CSE", "CHSCT",
    "RH", "QG", "VTC",
    // Justice and police.
    "JLD", "TIG", "GAV", "OQTF", "PV", "LBD",
    // Housing, health and society.
    "HLM", "IVG", "PMA", "GPA", "Ehpad", "EHPAD", "IRM", "AVC", "VIH", "ADN", "OGM", "QI", "SUV",
    "PMR", "ONG", "CHU",
    // Schools and diplomas.
    "CP", "CE1", "CE2", "CM1", "CM2", "BTS", "CAP", "DUT", "BEP", "REP", "ZEP", "IUT",
    // Transport.
    "RER", "TGV", "TER", "TEE", "ZFE",
    // Candidates' political nuances (divers gauche, sans étiquette).
    "DVG", "DVD", "DVC", "DVE", "DIV", "EXG", "EXD", "SE",
];

/// Acronyms and short names of widely known organisations, as written
/// (words apart by one space): French parties and unions, international
/// bodies, armed groups, bands (the tagger takes `les Beatles` for
/// persons). Written from general knowledge; none is also a place's or a
/// person's name, nor a common word (no `Queen`, `Phoenix`, `Indochine`).
#[rustfmt::skip]
const ORGANISATIONS: &[&str] = &[
    // Parties.
    "LREM", "LaREM", "LR", "PS", "RN", "FN", "EELV", "LFI", "PCF", "UDI", "MoDem", "Modem",
    "NPA", "UMP", "LO",
    // Unions and employers.
    "CGT", "CFDT", "CFE-CGC", "CFTC", "Unsa", "UNSA", "FSU", "Medef", "CPME", "FNSEA",
    // International bodies.
    "ONU", "Otan", "OTAN", "OMS", "FMI", "OCDE", "OMC", "Unesco", "Unicef", "BCE", "Opep",
    "OPEP", "Interpol", "Europol", "UE",
    // French regulators and collecting societies.
    "Arcom", "Arcep", "CNIL", "Cnil", "Hadopi", "HADOPI", "Sacem", "SACEM", "Alpa", "ALPA",
    // Armed groups.
    "Hezbollah", "Hamas", "Fatah", "Al-Qaïda", "Al-Qaida", "Aqmi", "Daech", "Daesh", "PKK",
    "Boko Haram", "Etat islamique", "État islamique",
    // Bands.
    "Beatles", "Rolling Stones", "Daft Punk", "Nirvana", "Noir Désir", "Tryo", "Louise Attaque",
    "Rita Mitsouko", "Pink Floyd", "Led Zeppelin", "Metallica", "Coldplay", "Radiohead", "Abba",
    "ABBA", "Rammstein", "Tri Yann", "Kraftwerk", "Black Eyed Peas", "Red Hot Chili Peppers",
    "Bee Gees", "Iron Maiden", "Deep Purple", "Dire Straits", "Depeche Mode", "Spice Girls",
    "Backstreet Boys", "One Direction", "Gorillaz", "Aerosmith", "Sex Pistols", "Beach Boys",
    "Village People", "Arctic Monkeys", "Linkin Park", "Foo Fighters", "Pearl Jam",
    "Imagine Dragons", "Gipsy Kings", "Kassav", "Zebda", "Fréro Delavega",
];

/// [`ORGANISATIONS`] as words, by their first word.
static ORGANISATION_WORDS: LazyLock<FxHashMap<&'static str, Vec<Vec<&'static str>>>> =
    LazyLock::new(|| {
        let mut by_first: FxHashMap<&str, Vec<Vec<&str>>> = FxHashMap::default();
        for o in ORGANISATIONS {
            let words: Vec<&str> = o.split(' ').collect();
            by_first.entry(words[0]).or_default().push(words);
        }
        by_first
    });

/// Whether `name` is one of [`ORGANISATIONS`].
fn known_organisation(name: &[Token<'_>]) -> bool {
    name.first()
        .and_then(|first| ORGANISATION_WORDS.get(first.text))
        .is_some_and(|names| {
            names
                .iter()
                .any(|o| o.iter().copied().eq(name.iter().map(|t| t.text)))
        })
}

/// Widely known organisations' full names that the tagger cuts or takes
/// for a person's where a word inside looks like another name (`La
/// République` then `en Marche`, `Marche` a region; `Bison Futé`, the
/// traffic service), as lower-cased words.
const FULL_NAMES: &[&[&str]] = &[
    &["la", "république", "en", "marche"],
    &["république", "en", "marche"],
    &["bison", "futé"],
    &["bison", "fûté"],
];

/// Makes one `ORG` of a widely known organisation's full name ([`FULL_NAMES`])
/// where a name the tagger found opens it, the names inside giving way,
/// whatever label the tagger gave it.
fn full_names(tokens: &[Token<'_>], spans: &mut Vec<(Range<usize>, Label)>) {
    // The end of the full name that opens at token `start`, if one does.
    let full_name_at = |start: usize| {
        FULL_NAMES.iter().find_map(|name| {
            let end = start + name.len();
            tokens
                .get(start..end)
                .is_some_and(|ts| words_are(ts, name))
                .then_some(end)
        })
    };
    let mut found: Vec<(Range<usize>, Label)> = Vec::new();
    for (r, _) in spans.iter() {
        if found.last().is_some_and(|(f, _)| f.end > r.start) {
            continue;
        }
        if let Some(end) = full_name_at(r.start).filter(|&end| end >= r.end) {
            found.push((r.start..end, Label::Org));
        }
    }
    if !found.is_empty() {
        replace_inside(spans, found);
    }
}

/// National bodies that news writes in lower case (`selon la police
/// nationale`, `par l'assurance maladie`): each an `ORG` where no name
/// covers it, as lower-cased words. The news gold annotates 7 of the 7
/// such mentions that stand alone.
const NATIONAL_BODIES: &[&[&str]] = &[
    &["police", "nationale"],
    &["police", "aux", "frontières"],
    &["gendarmerie", "nationale"],
    &["marine", "nationale"],
    &["sécurité", "sociale"],
    &["assurance", "maladie"],
    &["armée", "de", "terre"],
    &["armée", "de", "l'", "air"],
];

/// The first bytes, in either case, of the bodies of [`NATIONAL_BODIES`]
/// (each opens with an ASCII letter).
const BODY_INITIALS: [bool; 256] = {
    let mut initials = [false; 256];
    let mut i = 0;
    while i < NATIONAL_BODIES.len() {
        let first = NATIONAL_BODIES[i][0].as_bytes()[0];
        initials[first.to_ascii_lowercase() as usize] = true;
        initials[first.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    initials
};

/// Whether the body that opens at token `start` only completes a longer
/// organisation's name: after `de la`, `de l'` or `d'` following an
/// adjective or a capitalised word (`Inspection générale de la police
/// nationale`, `Caisse nationale de l'assurance maladie`).
fn inside_longer_name(tokens: &[Token<'_>], start: usize) -> bool {
    let before = |back: usize| super::word_before(tokens, start, back);
    let head = match before(1) {
        "la" | "l'" | "l’" if before(2) == "de" => before(3),
        "d'" | "d’" => before(2),
        _ => return false,
    };
    head.ends_with("ale")
        || head.ends_with("ales")
        || head.chars().next().is_some_and(char::is_uppercase)
}

/// Makes an `ORG` of each national body of [`NATIONAL_BODIES`] that the
/// tagger left out, the names inside giving way.
fn national_bodies(tokens: &[Token<'_>], spans: &mut Vec<(Range<usize>, Label)>) {
    let mut found: Vec<(Range<usize>, Label)> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        // The words are compared only at a word with a body's initial and
        // the length of its first word (a case change keeps the length).
        let initial = tokens[k].text.bytes().next().unwrap_or(0);
        if !BODY_INITIALS[usize::from(initial)] {
            k += 1;
            continue;
        }
        let body = NATIONAL_BODIES.iter().find(|body| {
            tokens[k].text.len() == body[0].len()
                && tokens
                    .get(k..k + body.len())
                    .is_some_and(|ts| words_are(ts, body))
        });
        match body {
            Some(body) if !inside_longer_name(tokens, k) => {
                found.push((k..k + body.len(), Label::Org));
                k += body.len();
            }
            _ => k += 1,
        }
    }
    if !found.is_empty() {
        replace_inside(spans, found);
    }
}

/// Nouns for a kind of body, lower-cased: alone they name none (`selon la
/// gendarmerie`, `le Parquet`, `l'État`), whatever their first letter.
#[rustfmt::skip]
const GENERIC_NOUNS: &[&str] = &[
    "gendarmerie", "police", "préfecture", "mairie", "justice", "parquet", "gouvernement",
    "ministère", "armée", "région", "institut", "état", "etat",
];

/// Whether `word` is `lower` with its first letter in either case.
fn is_word(word: &str, lower: &str) -> bool {
    let (Some(w), Some(l)) = (word.chars().next(), lower.chars().next()) else {
        return false;
    };
    w.to_lowercase().eq(std::iter::once(l)) && word[w.len_utf8()..] == lower[l.len_utf8()..]
}

/// Nouns for organisations: a phrase they head names one.
#[rustfmt::skip]
const ORGANISATION_HEADS: &[&str] = &[
    "académie", "agence", "assemblée", "association", "autorité", "banque", "brigade", "bureau",
    "caisse", "cellule", "centre", "chambre", "collectif", "comité", "commission", "compagnie",
    "confédération", "conseil", "cour", "délégation", "direction", "division", "établissement",
    "fédération", "fondation", "gendarmerie", "groupe", "groupement", "haut", "haute",
    "inspection", "institut", "ministère", "mission", "mouvement", "observatoire", "office",
    "organisation", "parquet", "parti", "police", "préfecture", "régie", "section", "service",
    "société", "sûreté", "sureté", "syndicat", "tribunal", "union", "unité",
];

/// Function words that an acronym skips.
#[rustfmt::skip]
const SKIPPED: &[&str] = &[
    "de", "d'", "d’", "du", "des", "la", "le", "l'", "l’", "les", "et", "à", "au", "aux", "en",
    "pour", "sur",
];

/// Whether the single token at `k`, between parentheses, is spelt by the
/// lower-case phrase before them, not headed by an organisation noun.
fn defined_as_common_noun(tokens: &[Token<'_>], k: usize) -> bool {
    let acronym = tokens[k].text;
    let letters = acronym.chars().count();
    if !(2..=6).contains(&letters) || k < 2 || tokens[k - 1].text != "(" {
        return false;
    }
    if tokens.get(k + 1).map(|t| t.text) != Some(")") {
        return false;
    }
    let mut initials: Vec<char> = acronym.chars().flat_map(char::to_lowercase).collect();
    let mut head = None;
    let mut j = k - 1;
    while !initials.is_empty() {
        let Some(p) = j.checked_sub(1) else {
            return false;
        };
        j = p;
        let word = tokens[j].text;
        if SKIPPED.contains(&word) {
            continue;
        }
        let first = word.chars().next();
        if !word.chars().all(|c| c.is_lowercase() || c == '-') {
            return false;
        }
        if first.is_some_and(|c| Some(&c) == initials.last()) {
            initials.pop();
            head = Some(word);
        } else {
            return false;
        }
    }
    head.is_some_and(|h| !ORGANISATION_HEADS.contains(&h))
}

/// The first letter of `word`, lower-cased and without its accent
/// (`é` -> `e`), for matching an acronym's letters.
fn initial(word: &str) -> Option<char> {
    let c = word.chars().next()?.to_lowercase().next()?;
    Some(match c {
        'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        c => c,
    })
}

/// Whether a token's text is an acronym to expand: two to eight letters,
/// two capitals or more (`CNIL`, `Sacem`, `Iheid`).
fn is_acronym(text: &str) -> bool {
    (2..=8).contains(&text.chars().count())
        && text.chars().all(char::is_alphabetic)
        && text.chars().filter(|c| c.is_uppercase()).count() >= 2
        || text.chars().count() >= 4
            && text.chars().all(char::is_alphabetic)
            && text.starts_with(char::is_uppercase)
            && text.chars().skip(1).all(char::is_lowercase)
}

/// Whether the words `words` spell `acronym`: one word a letter, in order,
/// the function words of [`SKIPPED`] and commas between them left out,
/// the first and last words spelling letters.
fn spells(acronym: &str, words: &[Token<'_>]) -> bool {
    let mut letters = acronym.chars().flat_map(char::to_lowercase);
    let mut last_was_letter = false;
    for (n, t) in words.iter().enumerate() {
        if SKIPPED.contains(&t.text) || t.text == "," {
            if n == 0 {
                return false;
            }
            last_was_letter = false;
            continue;
        }
        let spelt = t.kind == TokenKind::Word || t.kind == TokenKind::Elision;
        if !spelt {
            return false;
        }
        // A compound spells its parts' initials (`Al-Qaïda` for `AQ`), or
        // its first one.
        let parts: Vec<Option<char>> = t.text.split('-').map(initial).collect();
        if parts.len() > 1
            && letters
                .clone()
                .take(parts.len())
                .map(Some)
                .eq(parts.iter().copied())
        {
            letters.nth(parts.len() - 1);
        } else if initial(t.text) != letters.next() {
            return false;
        }
        last_was_letter = true;
    }
    last_was_letter && letters.next().is_none()
}

/// Whether a phrase that opens with `first` may name an organisation: a
/// capitalised organisation noun (`Institut`, `Société`, `Régie`). Spelt
/// in lower case, the same nouns head bodies of every firm or scheme as
/// often as one body (`comité social et économique central (CSEC)`,
/// `service national universel (SNU)`), which the news gold leaves out.
fn may_name_organisation(first: &Token<'_>) -> bool {
    first.text.starts_with(char::is_uppercase)
        && ORGANISATION_HEADS.contains(&first.text.to_lowercase().as_str())
}

/// Organisations' names written out beside their acronyms, whole: the
/// phrase before an acronym in parentheses (`Institut de hautes études
/// internationales et du développement (Iheid)`) or in parentheses after
/// one (`la Sacem (Société des auteurs, compositeurs et éditeurs de
/// musique)`, `la RIVP (Régie immobilière de la ville de Paris, ndlr)`),
/// when its words spell the acronym (a compound may spell its parts'
/// initials: `Al-Qaïda au Maghreb islamique (Aqmi)`) and it opens with a
/// capitalised organisation noun or an `ORG` name, and the acronym is an
/// `ORG`. The names inside the phrase give way to it.
pub(crate) fn expansions(tokens: &[Token<'_>], spans: &mut Vec<(Range<usize>, Label)>) {
    let mut found = Vec::new();
    for (r, label) in spans.iter() {
        if *label != Label::Org || r.len() != 1 || !is_acronym(tokens[r.start].text) {
            continue;
        }
        let acronym = tokens[r.start].text;
        let letters = acronym.chars().count();
        let opens_organisation = |s: usize| {
            may_name_organisation(&tokens[s])
                || spans.iter().any(|(o, l)| o.start == s && *l == Label::Org)
        };
        // Before: `Phrase (ACRONYM)`.
        let before = r.start >= 2
            && tokens[r.start - 1].text == "("
            && tokens.get(r.end).is_some_and(|t| t.text == ")");
        if before {
            let end = r.start - 1;
            let longest = end.saturating_sub(letters * 3);
            let start = (longest..end.saturating_sub(letters - 1))
                .rev()
                .find(|&s| spells(acronym, &tokens[s..end]));
            if let Some(start) = start.filter(|&s| opens_organisation(s)) {
                found.push(start..end);
            }
        }
        // After: `ACRONYM (Phrase)`, `ACRONYM (Phrase, ndlr)`.
        if tokens.get(r.end).is_some_and(|t| t.text == "(") {
            let start = r.end + 1;
            let limit = tokens.len().min(start + letters * 3 + 1);
            let close = (start..limit).find(|&k| {
                tokens[k].text == ")"
                    || tokens[k].text == ","
                        && tokens
                            .get(k + 1)
                            .is_some_and(|t| t.text.eq_ignore_ascii_case("ndlr"))
            });
            if let Some(end) = close.filter(|&e| e > start) {
                if opens_organisation(start) && spells(acronym, &tokens[start..end]) {
                    found.push(start..end);
                }
            }
        }
    }
    if found.is_empty() {
        return;
    }
    // One phrase where two overlap; none that a name crosses the edge of;
    // the names inside a phrase give way to it.
    found.sort_by_key(|e| e.start);
    found.dedup_by(|later, kept| later.start < kept.end);
    replace_inside(spans, found.into_iter().map(|e| (e, Label::Org)).collect());
}

/// Acronyms of common nouns that a name follows in apposition (`l'ONG Save
/// the Children`, `le FAI Free`): they stay outside it.
const BEFORE_NAMES: &[&str] = &["ONG", "PME", "TPE", "ETI", "FAI", "VTC"];

/// Drops the names that are acronyms of common nouns, and every mention of
/// an acronym the text defines as one; cuts such an acronym off the start
/// of the name it introduces; makes `ORG` the known organisations'
/// acronyms, and their full names whole where the tagger cut them.
pub(crate) fn common_acronyms(tokens: &[Token<'_>], spans: &mut Vec<(Range<usize>, Label)>) {
    full_names(tokens, spans);
    national_bodies(tokens, spans);
    for (r, label) in spans.iter_mut() {
        if r.len() > 1
            && BEFORE_NAMES.contains(&tokens[r.start].text)
            && tokens[r.start + 1].is_capitalised_word()
        {
            r.start += 1;
        }
        if *label != Label::Money && known_organisation(&tokens[r.clone()]) {
            *label = Label::Org;
        }
    }
    let mut defined: Vec<&str> = Vec::new();
    for (r, _) in spans.iter() {
        if r.len() == 1 && defined_as_common_noun(tokens, r.start) {
            defined.push(tokens[r.start].text);
        }
    }
    spans.retain(|(r, label)| {
        let text = (r.len() == 1).then(|| tokens[r.start].text);
        !text.is_some_and(|t| {
            COMMON.contains(&t)
                || defined.contains(&t)
                || GENERIC_NOUNS.iter().any(|g| is_word(t, g))
                || lone_lower_case_word(tokens, r.start, *label)
        })
    });
}

/// Whether the one-token name at `k` is a word in lower case alone (`la
/// procureure`, `le commissariat`, `dijonnais`, `en région parisienne`):
/// no name, but a known outlet (`franceinfo`), a handle (`@caroreceveur`)
/// or a site's.
fn lone_lower_case_word(tokens: &[Token<'_>], k: usize, label: Label) -> bool {
    let t = &tokens[k];
    matches!(label, Label::Org | Label::Per | Label::Loc | Label::Misc)
        && t.kind == TokenKind::Word
        && t.text
            .chars()
            .all(|c| c.is_lowercase() || c == '-' || c == '\'' || c == '’')
        && !super::outlets::is_known_outlet(t.text)
        && !(k > 0 && tokens[k - 1].text == "@")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn common_acronyms_are_dropped() {
        let cases = [
            Case {
                name: "a known acronym of a common noun",
                text: "Le JLD a refusé (Emmanuel Macron, NDLR) la demande.",
                tagged: &[("JLD", Label::Org), ("Emmanuel Macron", Label::Per), ("NDLR", Label::Org)],
                expected: &[("Emmanuel Macron", Label::Per)],
            },
            Case {
                name: "a word in lower case alone is no name, but an outlet's or a handle",
                text: "La procureure a parlé à franceinfo, selon @caroreceveur et le commissariat de région parisienne.",
                tagged: &[
                    ("procureure", Label::Org),
                    ("franceinfo", Label::Org),
                    ("caroreceveur", Label::Per),
                    ("commissariat", Label::Org),
                    ("parisienne", Label::Misc),
                ],
                expected: &[("franceinfo", Label::Org), ("caroreceveur", Label::Per)],
            },
            Case {
                name: "a known organisation's acronym, whatever its label",
                text: "Le candidat EELV, membre de l'Otan et de la CGT, contre le Hezbollah et Boko Haram.",
                tagged: &[("EELV", Label::Per), ("Otan", Label::Loc), ("CGT", Label::Org), ("Hezbollah", Label::Loc), ("Boko Haram", Label::Per)],
                expected: &[("EELV", Label::Org), ("Otan", Label::Org), ("CGT", Label::Org), ("Hezbollah", Label::Org), ("Boko Haram", Label::Org)],
            },
            Case {
                name: "a band, whatever its label",
                text: "Un album des Beatles, une reprise de Noir Désir.",
                tagged: &[("Beatles", Label::Per), ("Noir Désir", Label::Per)],
                expected: &[("Beatles", Label::Org), ("Noir Désir", Label::Org)],
            },
            Case {
                name: "a regulator, whatever its label; networks are common nouns",
                text: "Selon l'Arcom, les offres d'IPTV sur la TNT et le Wi-Fi progressent.",
                tagged: &[("Arcom", Label::Loc), ("IPTV", Label::Org), ("TNT", Label::Org), ("Wi-Fi", Label::Site)],
                expected: &[("Arcom", Label::Org)],
            },
            Case {
                name: "a common noun's acronym before a name stays outside it",
                text: "L'ONG Save the Children et le CHU de Nantes.",
                tagged: &[("ONG Save the Children", Label::Org), ("CHU de Nantes", Label::Org)],
                expected: &[("Save the Children", Label::Org), ("CHU de Nantes", Label::Org)],
            },
            Case {
                name: "a noun for a kind of body, alone",
                text: "Selon la gendarmerie, le Parquet et l'État, la Gendarmerie nationale agit.",
                tagged: &[("gendarmerie", Label::Org), ("Parquet", Label::Org), ("État", Label::Loc), ("Gendarmerie nationale", Label::Org)],
                expected: &[("Gendarmerie nationale", Label::Org)],
            },
            Case {
                name: "defined as a common noun, then named again",
                text: "Il fera des travaux d'intérêt général (TIG). Les TIG commencent lundi.",
                tagged: &[("TIG", Label::Org), ("TIG", Label::Org)],
                expected: &[],
            },
            Case {
                name: "defined as an organisation, or by capitalised words",
                text: "L'agence russe d'assurance des dépôts (ASV) et la Société civile des producteurs (SCP), la sureté départementale (SD).",
                tagged: &[("ASV", Label::Org), ("Société civile des producteurs", Label::Org), ("SCP", Label::Org), ("SD", Label::Org)],
                expected: &[("ASV", Label::Org), ("Société civile des producteurs", Label::Org), ("SCP", Label::Org), ("SD", Label::Org)],
            },
            Case {
                name: "a known organisation's full name, whole where the tagger cut it",
                text: "La République en Marche gagne.",
                tagged: &[("La République", Label::Org), ("Marche", Label::Loc)],
                expected: &[("La République en Marche", Label::Org)],
            },
            Case {
                name: "a known organisation's full name after a lower-case article, not a shorter name",
                text: "Ni la République en marche, ni la République.",
                tagged: &[("République", Label::Org), ("République", Label::Org)],
                expected: &[("République en marche", Label::Org), ("République", Label::Org)],
            },
            Case {
                name: "a known organisation's full name taken for a person's",
                text: "Bison fûté le redit, selon Bison Futé.",
                tagged: &[("Bison", Label::Per), ("Bison Futé", Label::Per)],
                expected: &[("Bison fûté", Label::Org), ("Bison Futé", Label::Org)],
            },
            Case {
                name: "a national body in lower case, not inside a longer name",
                text: "Selon la police nationale et la Sécurité sociale, l'Inspection générale de la police nationale et la Caisse nationale d'assurance maladie, l’armée de l’air.",
                tagged: &[("Sécurité", Label::Loc), ("Inspection générale", Label::Org)],
                expected: &[
                    ("police nationale", Label::Org),
                    ("Sécurité sociale", Label::Org),
                    ("Inspection générale", Label::Org),
                    ("armée de l’air", Label::Org),
                ],
            },
        ];
        check(&cases, |_, tokens, spans| common_acronyms(tokens, spans));
    }

    #[test]
    fn expansions_are_whole() {
        let cases = [
            Case {
                name: "before the acronym, and after it up to ndlr",
                text: "à l'Institut de hautes études internationales et du développement (Iheid). \
                       La RIVP (Régie immobilière de la ville de Paris, ndlr) paie.",
                tagged: &[
                    ("Institut de hautes études internationales", Label::Org),
                    ("Iheid", Label::Org),
                    ("RIVP", Label::Org),
                    ("Régie", Label::Org),
                    ("Paris", Label::Loc),
                ],
                expected: &[
                    ("Institut de hautes études internationales et du développement", Label::Org),
                    ("Iheid", Label::Org),
                    ("RIVP", Label::Org),
                    ("Régie immobilière de la ville de Paris", Label::Org),
                ],
            },
            Case {
                name: "after the acronym, with commas inside",
                text: "la Sacem (Société des auteurs, compositeurs et éditeurs de musique) porte plainte.",
                tagged: &[("Sacem", Label::Org), ("Société des auteurs", Label::Org)],
                expected: &[
                    ("Sacem", Label::Org),
                    ("Société des auteurs, compositeurs et éditeurs de musique", Label::Org),
                ],
            },
            Case {
                name: "no organisation noun or words that do not spell it; a place inside gives way",
                text: "l'Enquête Globale Transport (EGT), le comité social et économique central (CSEC), \
                       le Centre de recherches (CNRS), le Centre Pompidou de Paris (CPP).",
                tagged: &[
                    ("Enquête Globale Transport", Label::Misc),
                    ("EGT", Label::Org),
                    ("CSEC", Label::Org),
                    ("Centre de recherches", Label::Org),
                    ("CNRS", Label::Org),
                    ("Paris", Label::Loc),
                    ("CPP", Label::Org),
                ],
                expected: &[
                    ("Enquête Globale Transport", Label::Misc),
                    ("EGT", Label::Org),
                    ("CSEC", Label::Org),
                    ("Centre de recherches", Label::Org),
                    ("CNRS", Label::Org),
                    ("Centre Pompidou de Paris", Label::Org),
                    ("CPP", Label::Org),
                ],
            },
            Case {
                name: "an organisation's name that opens the phrase, a compound's initials",
                text: "Al-Qaïda au Maghreb islamique (Aqmi) et les Forces armées révolutionnaires \
                       de Colombie (Farc), pas Total en Colombie (AFP).",
                tagged: &[
                    ("Al-Qaïda", Label::Org),
                    ("Maghreb islamique", Label::Loc),
                    ("Aqmi", Label::Org),
                    ("Forces armées révolutionnaires", Label::Org),
                    ("Colombie", Label::Loc),
                    ("Farc", Label::Org),
                    ("Total", Label::Org),
                    ("Colombie", Label::Loc),
                    ("AFP", Label::Org),
                ],
                expected: &[
                    ("Al-Qaïda au Maghreb islamique", Label::Org),
                    ("Aqmi", Label::Org),
                    ("Forces armées révolutionnaires de Colombie", Label::Org),
                    ("Farc", Label::Org),
                    ("Total", Label::Org),
                    ("Colombie", Label::Loc),
                    ("AFP", Label::Org),
                ],
            },
        ];
        check(&cases, |_, tokens, spans| expansions(tokens, spans));
    }
}
