//! Names that a noun for an organisation introduces are organisations:
//! `le laboratoire Servier`, `le journal Marianne`, `le quotidien allemand
//! Bild`, `la société "Aviazaptchast"`. The tagger, seeing a capitalised
//! word it does not know, often guesses a person or a place. An acronym
//! with a place's complement is an organisation's branch (`SPA de
//! Bergerac`, `CHU de Reims`), not a place. A person's full name after an
//! office in the organisation is the office's holder (`le président du
//! parti Christian Jacob`), and one after a medium that a quote's speaker
//! spoke to is the speaker (`", confie au quotidien Jérémy Frérot`: the
//! text leaves the medium's name out). A name after such a noun
//! that the tagger cut after its first words takes the capitalised words
//! after it (`le mouvement Black Lives Matter`). The other one-word
//! mentions of a name a noun for a company introduces are the company too
//! (`Boiron` after `les laboratoires Boiron`), and so are those of a
//! company named as its people's (`le patron de Surgisphere`), unless a
//! place or a word of a person's full name in the document. A title that
//! a medium's noun introduces is found where the tagger saw none (`le
//! magazine Elle`). A name that an apposition describes as an
//! organisation is one (`Mizan, agence de presse`, `WayRay, une start-up
//! suisse`), found where the tagger saw none unless it opens a sentence.

use std::ops::Range;

use super::outlets::of_a_company;
use super::{add_quoted_names, noun_before, FUNCTION_WORDS, OTHER_DETERMINERS};
use crate::tag::Lexicon;
use crate::text::{Token, TokenKind, SENTENCE_OPENERS};
use crate::types::Label;

/// Nouns that name the kind of organisation whose name follows them.
const ORG_NOUNS: &[&str] = &[
    "agence",
    "association",
    "associations",
    "banque",
    "cabinet",
    "chaîne",
    "club",
    "collectif",
    "compagnie",
    "constructeur",
    "enseigne",
    "entreprise",
    "entreprises",
    "firme",
    "fondation",
    "fonds",
    "groupe",
    "hebdomadaire",
    "institut",
    "journal",
    "laboratoire",
    "laboratoires",
    "magazine",
    "mensuel",
    "mouvement",
    "ONG",
    "opérateur",
    "organisation",
    "parti",
    "quotidien",
    "radio",
    "société",
    "sociétés",
    "start-up",
    "syndicat",
];

/// Nouns for an organisation that describe the name before them in
/// apposition (`Mizan, agence de presse`, `Obag, une entreprise`); not a
/// noun that also names a person's trade (`fabricant`), a participle
/// (`parti`) or a crowd (`groupe`).
const APPOSED_ORG_NOUNS: &[&str] = &[
    "agence",
    "association",
    "banque",
    "cabinet",
    "chaîne",
    "collectif",
    "compagnie",
    "enseigne",
    "entreprise",
    "firme",
    "fondation",
    "hebdomadaire",
    "laboratoire",
    "magazine",
    "ONG",
    "organisation",
    "quotidien",
    "société",
    "start-up",
    "startup",
    "syndicat",
];

/// Nouns for a medium that are also adjectives or complements after a
/// noun: `le jeu quotidien "Les Z'amours"`, `le talk-show quotidien`,
/// `l'animateur radio Charlamagne tha God`.
const ALSO_ADJECTIVES: &[&str] = &["quotidien", "hebdomadaire", "mensuel", "radio"];

/// Whether the noun at token `p` is one of [`ALSO_ADJECTIVES`] used as an
/// adjective: right after a lower-case word that is no determiner nor
/// preposition ([`FUNCTION_WORDS`], [`OTHER_DETERMINERS`]): `jeu
/// quotidien`, not `le quotidien`, `au quotidien`, `son quotidien`.
fn adjective_after_noun(tokens: &[Token<'_>], p: usize) -> bool {
    ALSO_ADJECTIVES.contains(&tokens[p].text)
        && p > 0
        && tokens[p - 1].kind == TokenKind::Word
        && tokens[p - 1].text.starts_with(char::is_lowercase)
        && !FUNCTION_WORDS.contains(&tokens[p - 1].text)
        && !OTHER_DETERMINERS.contains(&tokens[p - 1].text)
}

/// The one of [`ORG_NOUNS`] that the span starting at token `start`
/// follows ([`noun_before`]), unless used as an adjective
/// ([`adjective_after_noun`]).
fn org_noun_before(tokens: &[Token<'_>], start: usize) -> Option<usize> {
    noun_before(tokens, start, ORG_NOUNS).filter(|&p| !adjective_after_noun(tokens, p))
}

/// Whether the tokens from `end` describe the name that ends there as an
/// organisation: a comma or an opening bracket, `un` or `une` or no
/// article, then a noun of [`APPOSED_ORG_NOUNS`]. A definite article
/// opens a clause as often (`Selon Paris, la société a...`).
fn described_as_organisation(tokens: &[Token<'_>], end: usize) -> bool {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.text);
    if !matches!(word(end), "," | "(") {
        return false;
    }
    let noun = if matches!(word(end + 1), "un" | "une") {
        end + 2
    } else {
        end + 1
    };
    APPOSED_ORG_NOUNS.contains(&word(noun))
}

/// Adds as `ORG` the capitalised words (up to [`MAX_MORE`]) that no span
/// holds right before an apposition that describes an organisation
/// ([`described_as_organisation`]): `Selon Sensor Tower, société
/// d'analyse`. Not words that open a sentence (`Or, un cabinet`), nor the
/// words that may open one. The result is sorted.
fn untagged_described_organisations(
    tokens: &[Token<'_>],
    blocked: &[u8],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let mut ends = (1..tokens.len())
        .filter(|&end| {
            tokens[end - 1].is_capitalised_word() && described_as_organisation(tokens, end)
        })
        .peekable();
    if ends.peek().is_none() {
        return;
    }
    let covered = super::covered(tokens, spans);
    let name = |k: usize| free_capitalised(tokens, &covered, blocked, k);
    let before = spans.len();
    for end in ends {
        if !name(end - 1) {
            continue;
        }
        let mut start = end - 1;
        while start > 0 && end - start < MAX_MORE && name(start - 1) {
            start -= 1;
        }
        while start < end && SENTENCE_OPENERS.contains(&tokens[start].text) {
            start += 1;
        }
        let opens_sentence = start == 0
            || !matches!(
                tokens[start - 1].kind,
                TokenKind::Word | TokenKind::Elision | TokenKind::Number
            ) && tokens[start - 1].text != ",";
        if start < end && !opens_sentence {
            spans.push((start..end, Label::Org));
        }
    }
    if spans.len() > before {
        spans.sort_by_key(|(r, _)| r.start);
    }
}

/// Whether `name` opens with an acronym and `de` (`SPA de Bergerac`, `CHU
/// de Reims`): an organisation's branch, not a place.
fn acronym_of_a_branch(name: &[Token<'_>]) -> bool {
    name.len() > 2
        && name[0].text.chars().count() >= 2
        && name[0].text.chars().all(char::is_uppercase)
        && matches!(name[1].text, "de" | "d'" | "d’" | "du" | "des")
}

/// Nouns for an office in an organisation: `le président du parti`.
#[rustfmt::skip]
const OFFICES: &[&str] = &[
    "président", "présidente", "vice-président", "vice-présidente", "patron", "patronne",
    "directeur", "directrice", "secrétaire", "chef", "cheffe", "chefs", "dirigeant",
    "dirigeante", "leader", "fondateur", "fondatrice", "cofondateur", "cofondatrice",
    "porte-parole", "numéro", "membre", "responsable", "PDG", "trésorier", "trésorière",
    "délégué", "déléguée", "administrateur", "administratrice", "avocat", "avocate",
    "collègue", "collègues", "camarade", "militant", "militante", "député", "députée", "élu",
    "élue",
];

/// Whether the organisation noun at token `p` is the complement of an
/// office (`le président du parti`, `le directeur général de l'institut`,
/// `directeur de cabinet`): a full name after it is then the office's
/// holder (`le président du parti Christian Jacob`), not the
/// organisation's name.
fn after_office(tokens: &[Token<'_>], p: usize) -> bool {
    let before = |back| super::word_before(tokens, p, back);
    let office = match (before(1), before(2)) {
        ("de" | "d'" | "d’" | "du" | "des", _) => 2,
        ("la" | "l'" | "l’", "de") => 3,
        _ => return false,
    };
    let office_word = |back| {
        let word = before(back);
        word.strip_prefix("ex-").unwrap_or(word)
    };
    let word = office_word(office);
    OFFICES.contains(&word)
        || (word.chars().next().is_some_and(char::is_lowercase)
            && OFFICES.contains(&office_word(office + 1)))
        || ((word == "un" || word.bytes().all(|b| b.is_ascii_digit()))
            && before(office + 1) == "numéro")
}

/// Whether the medium's noun at token `p` names where a quote's speaker
/// spoke (`", confie au quotidien Jérémy Frérot`, `", explique sur la radio
/// Francis Huster`): a preposition with its article before the noun, and
/// before them only lower-case words back to a quote's end and a comma.
/// The full name after the noun is then the speaker, whose outlet the text
/// leaves out, as the news gold reads `", fait savoir au journal Laurent
/// Boussu`.
fn speaker_after_quote(tokens: &[Token<'_>], p: usize) -> bool {
    let before = |back| super::word_before(tokens, p, back);
    let start = match (before(1), before(2)) {
        ("au" | "du", _) => p - 1,
        ("la" | "le" | "l'" | "l’", "à" | "dans" | "sur" | "de") => p - 2,
        _ => return false,
    };
    let mut k = start;
    for _ in 0..MAX_SPEECH_WORDS {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        let t = &tokens[prev];
        match t.kind {
            TokenKind::Punct if t.text == "," => {
                return prev
                    .checked_sub(1)
                    .is_some_and(|q| matches!(tokens[q].text, "\"" | "»" | "”"));
            }
            TokenKind::Punct if t.text == "-" => {}
            TokenKind::Word | TokenKind::Elision
                if t.text.chars().next().is_some_and(char::is_lowercase) => {}
            _ => return false,
        }
        k = prev;
    }
    false
}

/// The most words between a quote's end and where its speaker spoke
/// (`", se souvient au micro de la radio`).
const MAX_SPEECH_WORDS: usize = 10;

/// Makes `ORG` the person, place and other names that an organisation noun
/// introduces, and adds the quoted names it introduces that no span holds
/// (`la société "Aviazaptchast"`) outside the tokens `blocked` marks. The
/// result is sorted and does not overlap.
pub(crate) fn org_nouns(
    lexicon: &Lexicon,
    tokens: &[Token<'_>],
    blocked: &[u8],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    for (r, label) in spans.iter_mut() {
        if !matches!(label, Label::Per | Label::Loc | Label::Misc) {
            continue;
        }
        let noun = org_noun_before(tokens, r.start);
        let holder = *label == Label::Per
            && r.len() > 1
            && noun.is_some_and(|p| after_office(tokens, p) || speaker_after_quote(tokens, p));
        if (noun.is_some() || acronym_of_a_branch(&tokens[r.clone()])) && !holder {
            *label = Label::Org;
        }
        // Described as one, unless a place: one the gazetteer knows, or
        // after a preposition of place (`à Bombay, une ONG`, `en
        // Californie, une organisation`; not `au`: `au Cirque du Soleil,
        // entreprise`).
        let place = *label == Label::Loc
            && (lexicon.is_place(tokens[r.clone()].iter().map(|t| t.text))
                || r.start > 0
                    && matches!(
                        tokens[r.start - 1].text,
                        "à" | "À" | "en" | "En" | "dans" | "Dans"
                    ));
        if *label != Label::Org && !place && described_as_organisation(tokens, r.end) {
            *label = Label::Org;
        }
    }
    // A name the tagger cut after its first words takes the capitalised
    // words after it that nothing holds (`le mouvement Black Lives
    // Matter`).
    let covered = super::covered(tokens, spans);
    for (r, label) in spans.iter_mut() {
        if *label != Label::Org || org_noun_before(tokens, r.start).is_none() {
            continue;
        }
        r.end = free_capitalised_run(tokens, &covered, blocked, r.end, r.end + MAX_MORE);
    }
    add_quoted_names(tokens, blocked, spans, Label::Org, |start| {
        org_noun_before(tokens, start).is_some()
    });
    untagged_after_media_nouns(tokens, blocked, spans);
    untagged_described_organisations(tokens, blocked, spans);
    organisations_again(lexicon, tokens, spans);
}

/// The end of the run of capitalised words from token `from` (up to
/// `limit`, not included) that no span holds, that `blocked` does not mark,
/// that are not glued to the word before, and that open no sentence (`Lives
/// Matter` after `le mouvement Black`).
fn free_capitalised_run(
    tokens: &[Token<'_>],
    covered: &[bool],
    blocked: &[u8],
    from: usize,
    limit: usize,
) -> usize {
    let mut end = from;
    while end < limit
        && free_capitalised(tokens, covered, blocked, end)
        && !SENTENCE_OPENERS.contains(&tokens[end].text)
    {
        end += 1;
    }
    end
}

/// Whether token `k` is a capitalised word that no span holds, that
/// `blocked` does not mark and that is not glued to the word before.
fn free_capitalised(tokens: &[Token<'_>], covered: &[bool], blocked: &[u8], k: usize) -> bool {
    tokens.get(k).is_some_and(Token::is_capitalised_word)
        && super::free(covered, blocked, k)
        && !super::glued(tokens, k)
}

/// Nouns for a medium whose title follows them (`le magazine Elle`, `la
/// radio Kan`).
const MEDIA_NOUNS: &[&str] = &[
    "chaîne",
    "hebdomadaire",
    "journal",
    "magazine",
    "mensuel",
    "quotidien",
    "radio",
];

/// Adds as `ORG` the capitalised words (up to [`MAX_MORE`]) that no span
/// holds right after a noun of [`MEDIA_NOUNS`], with at most one adjective
/// between (`le quotidien allemand Bild`): the tagger misses a title made
/// of a common word (`le magazine Elle`, `le magazine Public`). Not a
/// sentence's first word glued after the noun, nor an article alone. The
/// result is sorted.
fn untagged_after_media_nouns(
    tokens: &[Token<'_>],
    blocked: &[u8],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let covered = super::covered(tokens, spans);
    let name = |k: usize| free_capitalised(tokens, &covered, blocked, k);
    let before = spans.len();
    let mut k = 0;
    while k < tokens.len() {
        // A word that may open a sentence only right after the noun (`le
        // magazine Elle`, not `"Vigilance au quotidien" Depuis`).
        let noun = name(k)
            .then(|| noun_before(tokens, k, MEDIA_NOUNS))
            .flatten()
            .filter(|&p| !adjective_after_noun(tokens, p));
        if !noun.is_some_and(|p| p + 1 == k || !SENTENCE_OPENERS.contains(&tokens[k].text)) {
            k += 1;
            continue;
        }
        let end = free_capitalised_run(tokens, &covered, blocked, k + 1, k + MAX_MORE);
        // An article alone is no title (`le journal Le Monde`, `Monde`
        // tagged).
        if end > k + 1 || !matches!(tokens[k].text, "Le" | "La" | "Les" | "L'" | "L’") {
            spans.push((k..end, Label::Org));
        }
        k = end;
    }
    if spans.len() > before {
        spans.sort_by_key(|(r, _)| r.start);
    }
}

/// Nouns for a company, which names it after its founder or its brand
/// (`les laboratoires Boiron`), not after a person it honours (`la
/// fondation Soprano`).
const COMPANY_NOUNS: &[&str] = &[
    "laboratoire",
    "laboratoires",
    "société",
    "entreprise",
    "groupe",
    "firme",
    "enseigne",
    "constructeur",
    "banque",
    "cabinet",
    "compagnie",
    "start-up",
    "opérateur",
];

/// Makes `ORG` the other one-word mentions, tagged as a person, a place or
/// another name, of a one-word organisation that a noun for a company
/// introduces (`Boiron` after `les laboratoires Boiron`) or that is the
/// complement of a company's people (`Surgisphere` after `patron de
/// Surgisphere`, `le CEO de Superformance`); not a place the gazetteer
/// knows (`le journal Chicago`, then the city), nor a word of a person's
/// full name in the document (`Jacques Servier` beside `le laboratoire
/// Servier`).
fn organisations_again(
    lexicon: &Lexicon,
    tokens: &[Token<'_>],
    spans: &mut [(Range<usize>, Label)],
) {
    let named: Vec<&str> = spans
        .iter()
        .filter(|(r, label)| {
            *label == Label::Org
                && r.len() == 1
                && (noun_before(tokens, r.start, COMPANY_NOUNS).is_some()
                    || of_a_company(tokens, r.start))
        })
        .map(|(r, _)| tokens[r.start].text)
        .collect();
    if named.is_empty() {
        return;
    }
    let in_a_full_name = |word: &str| {
        spans.iter().any(|(r, l)| {
            *l == Label::Per && r.len() > 1 && tokens[r.clone()].iter().any(|t| t.text == word)
        })
    };
    let organisations: Vec<&str> = named
        .into_iter()
        .filter(|w| !in_a_full_name(w) && !lexicon.is_place([*w]))
        .collect();
    for (r, label) in spans.iter_mut() {
        if matches!(label, Label::Per | Label::Loc | Label::Misc)
            && r.len() == 1
            && organisations.contains(&tokens[r.start].text)
        {
            *label = Label::Org;
        }
    }
}

/// The most capitalised words an organisation's name takes after the
/// tagger's span.
const MAX_MORE: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn org_nouns_make_organisations() {
        let cases = [
            Case {
                name: "a name an apposition describes as an organisation",
                text: "Selon Mizan, agence de presse, et WayRay, une start-up. \
                       À Bombay, une ONG agit, en Californie, une association aussi. \
                       Selon Paris, la société ment. Jean Dupont, fabricant, parle.",
                tagged: &[
                    ("Mizan", Label::Per),
                    ("WayRay", Label::Loc),
                    ("Bombay", Label::Loc),
                    ("Californie", Label::Loc),
                    ("Paris", Label::Loc),
                    ("Jean Dupont", Label::Per),
                ],
                expected: &[
                    ("Mizan", Label::Org),
                    ("WayRay", Label::Org),
                    ("Bombay", Label::Loc),
                    ("Californie", Label::Loc),
                    ("Paris", Label::Loc),
                    ("Jean Dupont", Label::Per),
                ],
            },
            Case {
                name: "an untagged name an apposition describes as an organisation",
                text: "Selon Sensor Tower, société d'analyse, et le rapport de Detroit Speed, une entreprise. \
                       Or, un cabinet a dit. Obag, une entreprise, et Pashley Cycles (une société).",
                tagged: &[],
                expected: &[
                    ("Sensor Tower", Label::Org),
                    ("Detroit Speed", Label::Org),
                    ("Pashley Cycles", Label::Org),
                ],
            },
            Case {
                name: "a person's name after a laboratory",
                text: "Les victimes du laboratoire Servier attendent.",
                tagged: &[("Servier", Label::Per)],
                expected: &[("Servier", Label::Org)],
            },
            Case {
                name: "a medium's noun used as an adjective introduces no organisation",
                text: "Le jeu quotidien Strike et l'animateur radio Charlamagne tha God, selon le quotidien Bild.",
                tagged: &[("Strike", Label::Misc), ("Charlamagne tha God", Label::Per), ("Bild", Label::Loc)],
                expected: &[("Strike", Label::Misc), ("Charlamagne tha God", Label::Per), ("Bild", Label::Org)],
            },
            Case {
                name: "one adjective between, a site kept",
                text: "Le quotidien allemand Bild cite le groupe Twitter.",
                tagged: &[("Bild", Label::Loc), ("Twitter", Label::Site)],
                expected: &[("Bild", Label::Org), ("Twitter", Label::Site)],
            },
            Case {
                name: "a name cut after its first word takes the capitalised words after it",
                text: "Le mouvement Black Lives Matter et le groupe Renault. Puis le syndicat Force Ouvrière.",
                tagged: &[("Black", Label::Org), ("Renault", Label::Org), ("Force", Label::Org)],
                expected: &[
                    ("Black Lives Matter", Label::Org),
                    ("Renault", Label::Org),
                    ("Force Ouvrière", Label::Org),
                ],
            },
            Case {
                name: "the holder of an office in the organisation stays a person",
                text: "Le président du parti Christian Jacob, le directeur général de \
                       l'institut Bernhard Richter et le chef du parti Renault.",
                tagged: &[
                    ("Christian Jacob", Label::Per),
                    ("Bernhard Richter", Label::Per),
                    ("Renault", Label::Per),
                ],
                expected: &[
                    ("Christian Jacob", Label::Per),
                    ("Bernhard Richter", Label::Per),
                    ("Renault", Label::Org),
                ],
            },
            Case {
                name: "a fellow member, a number two and a former office holder",
                text: "Son collègue de parti François Ruffin, le numéro 2 du parti Guillaume \
                       Peltier et l'ex-secrétaire national du parti David Cormand.",
                tagged: &[
                    ("François Ruffin", Label::Per),
                    ("Guillaume Peltier", Label::Per),
                    ("David Cormand", Label::Per),
                ],
                expected: &[
                    ("François Ruffin", Label::Per),
                    ("Guillaume Peltier", Label::Per),
                    ("David Cormand", Label::Per),
                ],
            },
            Case {
                name: "a quote's speaker after the medium the text leaves out",
                text: "\"Rien\", confie dans les colonnes du quotidien Jérémy Frérot. \"Oui\", \
                       explique sur la radio Francis Huster. \"Non\", déplore le quotidien \
                       Die Zeit. Il parle au quotidien Paul Martin.",
                tagged: &[
                    ("Jérémy Frérot", Label::Per),
                    ("Francis Huster", Label::Per),
                    ("Die Zeit", Label::Per),
                    ("Paul Martin", Label::Per),
                ],
                expected: &[
                    ("Jérémy Frérot", Label::Per),
                    ("Francis Huster", Label::Per),
                    ("Die Zeit", Label::Org),
                    ("Paul Martin", Label::Org),
                ],
            },
            Case {
                name: "a full name after an organisation noun with no office",
                text: "Une étude du cabinet Oliver Wyman et la fondation Bob Woodruff.",
                tagged: &[("Oliver Wyman", Label::Per), ("Bob Woodruff", Label::Per)],
                expected: &[("Oliver Wyman", Label::Org), ("Bob Woodruff", Label::Org)],
            },
            Case {
                name: "an untagged quoted name",
                text: "Il doit de l'argent à la société \"Aviazaptchast\", selon Paris.",
                tagged: &[("Paris", Label::Loc)],
                expected: &[("Aviazaptchast", Label::Org), ("Paris", Label::Loc)],
            },
            Case {
                name: "an untagged title after a medium's noun",
                text: "Le magazine Elle et la radio publique Kan, selon le quotidien.Le journal Le Monde.",
                tagged: &[("Monde", Label::Org)],
                expected: &[("Elle", Label::Org), ("Kan", Label::Org), ("Monde", Label::Org)],
            },
            Case {
                name: "a quoted name inside a quoted name taken is not added again",
                text: "La société « Groupe société « Xyz » » ferme.",
                tagged: &[],
                expected: &[("Groupe société « Xyz", Label::Org)],
            },
            Case {
                name: "an acronym's branch",
                text: "La SPA de Bergerac répond au CHU de Reims, en Seine-Saint-Denis.",
                tagged: &[
                    ("SPA de Bergerac", Label::Loc),
                    ("CHU de Reims", Label::Org),
                    ("Seine-Saint-Denis", Label::Loc),
                ],
                expected: &[
                    ("SPA de Bergerac", Label::Org),
                    ("CHU de Reims", Label::Org),
                    ("Seine-Saint-Denis", Label::Loc),
                ],
            },
            Case {
                name: "an owner, a quote without a noun, a lower-case quote",
                text: "Le journal de Paris, \"Le Retour\" et le collectif \"anti-bruit\".",
                tagged: &[("Paris", Label::Loc)],
                expected: &[("Paris", Label::Loc)],
            },
            Case {
                name: "a company's other one-word mentions, not a place nor a person's name",
                text: "Les laboratoires Boiron perdent. Selon Boiron, le groupe Chicago \
                       joue à Chicago. La société Servier ; Servier dit non, selon Jacques Servier.",
                tagged: &[
                    ("Boiron", Label::Org),
                    ("Boiron", Label::Per),
                    ("Chicago", Label::Org),
                    ("Chicago", Label::Loc),
                    ("Servier", Label::Org),
                    ("Servier", Label::Per),
                    ("Jacques Servier", Label::Per),
                ],
                expected: &[
                    ("Boiron", Label::Org),
                    ("Boiron", Label::Org),
                    ("Chicago", Label::Org),
                    ("Chicago", Label::Loc),
                    ("Servier", Label::Org),
                    ("Servier", Label::Per),
                    ("Jacques Servier", Label::Per),
                ],
            },
            Case {
                name: "a company named as its people's, then as a place",
                text: "Le patron de Surgisphere parle. Les données de Surgisphere.",
                tagged: &[("Surgisphere", Label::Org), ("Surgisphere", Label::Loc)],
                expected: &[("Surgisphere", Label::Org), ("Surgisphere", Label::Org)],
            },
        ];
        let lexicon = Lexicon::embedded();
        check(&cases, |_, tokens, spans| {
            let blocked = vec![0; tokens.len()];
            org_nouns(&lexicon, tokens, &blocked, spans);
        });
    }
}
