//! Titles are not names (`docs/annotation.md`): in `le procureur de la
//! République de Paris` only `Paris` is one, a place, and in `la ministre
//! de la Transition écologique` none is; an honorific stays outside a
//! person's name (`Me Randall Schwerdorffer`). The tagger, seeing capitals,
//! takes `République de Paris` or the portfolio for an organisation, and
//! the honorific for the name's first word.

use std::ops::Range;

use super::{after_mister, word_before, words_are};
use crate::tag::Lexicon;
use crate::text::Token;
use crate::types::Label;

/// Honorifics that open a person's name in the tagger's spans but stay
/// outside it (`Me Dupond-Moretti`, `Mgr Aupetit`, `Pr Raoult`, `Madame
/// Macron`); not `Pape`, also a first name (`Pape Diouf`).
const HONORIFICS: &[&str] = &[
    "Me",
    "Mgr",
    "Pr",
    "Dr",
    "Mme",
    "Mlle",
    "Maître",
    "Monseigneur",
    "Professeur",
    "Docteur",
    "Madame",
    "Monsieur",
    "Mademoiselle",
];

/// Whether `word` is an honorific that opens a person's name (`Me`, `Mgr`).
pub(super) fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(&word)
}

/// Titles after which a surname's particle is the surname's (`le général
/// de Gaulle`, `M. de Caigny`, `le comte de Méran`): honorifics, and the
/// ranks and titles of [`PARTICLE_RANKS`] after a determiner.
const PARTICLE_HONORIFICS: &[&str] = &[
    "Mmes", "Mme", "Mlle", "Me", "Dr", "Pr", "Mgr", "Madame", "Monsieur",
];

/// Ranks and titles after which a surname's particle is the surname's,
/// with a determiner before them (`du général de Gaulle`, not `le
/// directeur général de Transneft`); not a prince's, a duke's or a
/// king's, whose `de` names a place (`la duchesse de Cambridge`).
#[rustfmt::skip]
const PARTICLE_RANKS: &[&str] = &[
    "général", "maréchal", "colonel", "commandant", "capitaine", "lieutenant", "amiral", "abbé",
    "comte", "comtesse", "vicomte", "vicomtesse", "baron", "baronne", "marquis", "marquise",
    "chevalier",
];

/// Whether the particle at token `particle` follows a title of a person
/// whose surname it opens ([`PARTICLE_HONORIFICS`], `M.`, `MM.`, a rank
/// of [`PARTICLE_RANKS`] after a determiner).
fn particle_title(tokens: &[Token<'_>], particle: usize) -> bool {
    let word = |back: usize| word_before(tokens, particle, back);
    PARTICLE_HONORIFICS.contains(&word(1))
        || after_mister(tokens, particle)
        || PARTICLE_RANKS.contains(&word(1))
            && matches!(
                word(2),
                "le" | "la" | "du" | "au" | "Le" | "La" | "Du" | "Au" | "l'" | "l’" | "L'" | "L’"
            )
}

/// Cuts an honorific off the start of a person's name, and drops one the
/// tagger found alone (`Mgr` `Michel Aupetit` as two names); a particle
/// between a title and a person's name joins the name (`le général de
/// Gaulle`).
pub(crate) fn honorifics(tokens: &[Token<'_>], spans: &mut Vec<(Range<usize>, Label)>) {
    spans.retain(|(r, _)| !(r.len() == 1 && HONORIFICS.contains(&tokens[r.start].text)));
    let mut free_from = 0; // the first token after the previous span
    for (r, label) in spans.iter_mut() {
        // An abbreviation of a person's honorific before a capitalised word
        // makes a person's name, whatever the tagger's label (`Me Loos`,
        // `Pr Perronne`: ORG, LOC); not `Dr`, also a country's initials
        // (`Dr Congo`).
        if matches!(label, Label::Org | Label::Loc | Label::Misc)
            && r.len() > 1
            && matches!(tokens[r.start].text, "Me" | "Mgr" | "Pr" | "Mme" | "Mlle")
            && tokens[r.start + 1].is_capitalised_word()
        {
            *label = Label::Per;
        }
        if *label == Label::Per && r.len() > 1 && HONORIFICS.contains(&tokens[r.start].text) {
            r.start += 1;
            // The abbreviation's full stop (`le Dr. Tedros`).
            if r.len() > 1 && tokens[r.start].text == "." {
                r.start += 1;
            }
        }
        if *label == Label::Per
            && r.start >= free_from + 2
            && matches!(tokens[r.start - 1].text, "de" | "d'" | "d’")
            && particle_title(tokens, r.start - 1)
        {
            r.start -= 1;
        }
        free_from = r.end;
    }
}

/// Whether the span starting at token `start` is the portfolio of a
/// minister, a secretary of state or a European commissioner: after
/// `ministre de la`, `ministre chargé des`, `secrétaire d'État au`,
/// `commissaire européen au`... (`ministre au JDD` is not: a minister
/// speaks to a newspaper).
fn portfolio_at(tokens: &[Token<'_>], start: usize) -> bool {
    // The text of the token `back` places before `start`, or "".
    let word = |back: usize| word_before(tokens, start, back);
    let mut back = 1;
    // The article of `de la`, `à l'`.
    if matches!(word(1), "la" | "l'" | "l’") && matches!(word(2), "de" | "à") {
        back += 1;
    }
    let of = matches!(word(back), "de" | "d'" | "d’" | "du" | "des");
    let to = matches!(word(back), "à" | "au" | "aux");
    back += 1;
    if matches!(word(back), "chargé" | "chargée" | "délégué" | "déléguée") {
        back += 1;
    }
    let minister = matches!(word(back), "ministre" | "ministres" | "Ministre");
    let secretary = matches!(word(back), "État" | "Etat")
        && matches!(word(back + 1), "d'" | "d’")
        && matches!(word(back + 2), "secrétaire" | "secrétaires");
    let commissioner = matches!(word(back), "européen" | "européenne")
        && matches!(word(back + 1), "commissaire" | "commissaires");
    (minister && of) || ((secretary || commissioner) && (of || to))
}

/// Offices that the tagger takes for a name when written with capitals
/// (`la Garde des Sceaux`, `le Président de la République`), as lower-cased
/// words: titles, which the news gold never annotates.
const OFFICES: &[&[&str]] = &[
    &["garde", "des", "sceaux"],
    &["président", "de", "la", "république"],
    &["présidente", "de", "la", "république"],
    &["premier", "ministre"],
    &["première", "ministre"],
    &["chef", "de", "l'", "état"],
    &["chef", "de", "l'", "etat"],
];

/// Drops the portfolios in ministers' titles that the tagger took for an
/// organisation, another name or a place that no gazetteer knows
/// (`ministre de la Défense`); a country or a city stays. Drops the names
/// whose whole text is an office of [`OFFICES`] too.
pub(crate) fn portfolios(
    lexicon: &Lexicon,
    tokens: &[Token<'_>],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    spans.retain(|(r, label)| {
        let name = &tokens[r.clone()];
        if r.len() >= 2 && OFFICES.iter().any(|office| words_are(name, office)) {
            return false;
        }
        // The context first: the gazetteer is looked up only after a title.
        !portfolio_at(tokens, r.start)
            || match label {
                Label::Org | Label::Misc => false,
                Label::Loc => lexicon.is_place(tokens[r.clone()].iter().map(|t| t.text)),
                _ => true,
            }
    });
}

/// Whether tokens `start - 3 .. start` are `procureur de la` (or its
/// feminine or plural).
fn after_prosecutor(tokens: &[Token<'_>], start: usize) -> bool {
    let Some(before) = start.checked_sub(3).map(|k| &tokens[k..start]) else {
        return false;
    };
    matches!(
        before[0].text,
        "procureur" | "procureure" | "procureurs" | "Procureur" | "Procureure"
    ) && before[1].text == "de"
        && before[2].text == "la"
}

/// Cuts `République de` off a name after `procureur de la` and makes the
/// rest a place.
pub(crate) fn prosecutors(tokens: &[Token<'_>], spans: &mut [(Range<usize>, Label)]) {
    for (r, label) in spans.iter_mut() {
        let name = &tokens[r.clone()];
        let cut = name.len() > 2
            && name[0].text == "République"
            && matches!(name[1].text, "de" | "d'" | "d’")
            && after_prosecutor(tokens, r.start);
        if cut {
            r.start += 2;
            *label = Label::Loc;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn honorifics_stay_outside() {
        let cases = [
            Case {
                name: "titles before persons, not a place",
                text:
                    "Me Randall Schwerdorffer, Madame Macron et Mgr Paul Gallagher vont à Dr Congo \
                     avec Me Loos, Pr Perronne, le général de Gaulle, M. de Caigny, la duchesse de Cambridge et le fils de Harry.",
                tagged: &[
                    ("Me Randall Schwerdorffer", Label::Per),
                    ("Madame Macron", Label::Per),
                    ("Mgr Paul Gallagher", Label::Per),
                    ("Dr Congo", Label::Loc),
                    ("Me Loos", Label::Org),
                    ("Pr Perronne", Label::Loc),
                    ("Gaulle", Label::Per),
                    ("Caigny", Label::Per),
                    ("Cambridge", Label::Loc),
                    ("Harry", Label::Per),
                ],
                expected: &[
                    ("Randall Schwerdorffer", Label::Per),
                    ("Macron", Label::Per),
                    ("Paul Gallagher", Label::Per),
                    ("Dr Congo", Label::Loc),
                    ("Loos", Label::Per),
                    ("Perronne", Label::Per),
                    ("de Gaulle", Label::Per),
                    ("de Caigny", Label::Per),
                    ("Cambridge", Label::Loc),
                    ("Harry", Label::Per),
                ],
            },
            Case {
                name: "an honorific the tagger found alone",
                text: "L'archevêque, Mgr Michel Aupetit, et le Pr Raoult.",
                tagged: &[
                    ("Mgr", Label::Per),
                    ("Michel Aupetit", Label::Per),
                    ("Pr", Label::Org),
                    ("Raoult", Label::Per),
                ],
                expected: &[("Michel Aupetit", Label::Per), ("Raoult", Label::Per)],
            },
            Case {
                name: "an abbreviation's full stop goes with it",
                text: "Le Dr. Tedros a parlé.",
                tagged: &[("Dr. Tedros", Label::Per)],
                expected: &[("Tedros", Label::Per)],
            },
        ];
        check(&cases, |_, tokens, spans| honorifics(tokens, spans));
    }

    #[test]
    fn portfolios_are_no_names() {
        let cases = [
            Case {
                name: "portfolios after ministers, secretaries and commissioners",
                text: "La ministre de la Transition écologique, le ministre de la Défense, le commissaire européen au Marché intérieur, la secrétaire d'État chargée des Personnes handicapées et le secrétaire d'État à l'Économie.",
                tagged: &[
                    ("Transition écologique", Label::Org),
                    ("Défense", Label::Loc),
                    ("Marché intérieur", Label::Org),
                    ("Personnes handicapées", Label::Misc),
                    ("Économie", Label::Org),
                ],
                expected: &[],
            },
            Case {
                name: "a newspaper, a place and a person stay",
                text: "Le ministre au JDD, le Premier ministre du Canada et le ministre de Gaulle.",
                tagged: &[("JDD", Label::Org), ("Canada", Label::Loc), ("Gaulle", Label::Per)],
                expected: &[("JDD", Label::Org), ("Canada", Label::Loc), ("Gaulle", Label::Per)],
            },
            Case {
                name: "an office written with capitals, not the body it heads",
                text: "La Garde des Sceaux et le Président de la République, le Chef de l’État, le Défenseur des droits.",
                tagged: &[
                    ("Garde des Sceaux", Label::Per),
                    ("Président de la République", Label::Org),
                    ("Chef de l’État", Label::Org),
                    ("Défenseur des droits", Label::Org),
                ],
                expected: &[("Défenseur des droits", Label::Org)],
            },
        ];
        let lexicon = Lexicon::embedded();
        check(&cases, |_, tokens, spans| {
            portfolios(&lexicon, tokens, spans)
        });
    }

    #[test]
    fn prosecutors_name_places() {
        let cases = [
            Case {
                name: "the place after the prosecutor's title",
                text: "Selon la procureure de la République d'Evry et le procureur de la République de Saint-Malo.",
                tagged: &[("République d'Evry", Label::Org), ("République de Saint-Malo", Label::Org)],
                expected: &[("Evry", Label::Loc), ("Saint-Malo", Label::Loc)],
            },
            Case {
                name: "a country and a party stay whole",
                text: "Le président de la République démocratique du Congo a quitté La République en marche.",
                tagged: &[("République démocratique du Congo", Label::Loc), ("La République en marche", Label::Org)],
                expected: &[("République démocratique du Congo", Label::Loc), ("La République en marche", Label::Org)],
            },
        ];
        check(&cases, |_, tokens, spans| prosecutors(tokens, spans));
    }
}
