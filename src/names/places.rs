//! Places the tagger cut short or took for organisations. It decides word
//! by word, and a country's name that goes on in lower case (`les Emirats
//! arabes unis`) often ends where the capitals do: the gazetteer knows the
//! whole name. Countries are always places (`docs/annotation.md`), former
//! ones too, which the gazetteer (today's countries) lacks and the tagger
//! often takes for organisations (`l'URSS`, `l'Union soviétique`), as it
//! does a country's acronym (`la RDC`), and so are a country's other names
//! (`la République islamique`) and an organisation or other name whose
//! whole text the gazetteer has as a country's (`République populaire de
//! Chine`); not a person's (`Maurice`
//! is a first name too). A name that opens with `Notre-Dame` is a church
//! or a town, never a person. A region named by a point of the compass is
//! one place with the place it divides (`le Sud des Etats-Unis`).

use std::ops::Range;

use super::name_key;
use crate::tag::{Gazetteer, Lexicon};
use crate::text::{Token, TokenKind};
use crate::types::Label;

/// The most words a place's name takes after the tagger's span.
const MAX_MORE: usize = 2;

/// Words that no place's name the tagger cut short goes on with (the
/// gazetteer holds a few such names: `Rio et` is none in the news).
const FUNCTION_WORDS: &[&str] = &[
    "et", "ou", "de", "du", "des", "le", "la", "les", "en", "au", "aux", "à",
];

/// Former countries, lower-cased, as a name's whole text.
#[rustfmt::skip]
const FORMER_COUNTRIES: &[&str] = &[
    "urss", "union soviétique", "rda", "rfa", "allemagne de l'est", "allemagne de l'ouest",
    "yougoslavie", "tchécoslovaquie", "empire ottoman", "zaïre", "rhodésie",
];

/// A country's other names, and the names of part of one, lower-cased, as
/// a name's whole text: the gazetteer holds the usual ones only.
const COUNTRY_EPITHETS: &[&str] = &[
    "république islamique",
    "république islamique d'iran",
    "france métropolitaine",
];

/// Countries' acronyms, as written: the gazetteer holds names only, and
/// the tagger takes an acronym for an organisation's (`la RDC`).
const COUNTRY_ACRONYMS: &[&str] = &["RDC", "RCA", "EAU", "USA", "UK"];

/// Makes a `LOC` of a former country's name (`l'URSS`), of a country's acronym
/// (`la RDC`) or other name, of an organisation or other name that is a
/// country's, and of a person's that opens with `Notre-Dame`; extends a `LOC`
/// over the one or two words after it that no span holds where the longer name
/// is a country or a city of the gazetteer (`Emirats arabes` then `unis`) or
/// another name of [`COUNTRY_EPITHETS`] (`France` then `métropolitaine`); joins
/// a region named by a point of the compass to the place after it. `spans` are
/// token ranges into `tokens`, sorted and not overlapping; they stay so.
pub(crate) fn places(
    lexicon: &Lexicon,
    text: &str,
    tokens: &[Token<'_>],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let mut key = String::new();
    for (r, label) in spans.iter_mut() {
        if matches!(label, Label::Org | Label::Per | Label::Misc)
            && name_key(text, tokens, r, &mut key)
            && (FORMER_COUNTRIES.contains(&key.as_str())
                || COUNTRY_EPITHETS.contains(&key.as_str())
                || *label != Label::Per
                    && lexicon.has_name(
                        tokens[r.clone()].iter().map(|t| t.text),
                        Gazetteer::Country.bit(),
                    ))
            || *label == Label::Per && tokens[r.start].text.starts_with("Notre-Dame")
            || r.len() == 1 && COUNTRY_ACRONYMS.contains(&tokens[r.start].text)
        {
            *label = Label::Loc;
        }
    }
    for n in 0..spans.len() {
        let (r, label) = &spans[n];
        if *label != Label::Loc {
            continue;
        }
        let next_start = spans
            .get(n + 1)
            .map_or(tokens.len(), |(next, _)| next.start);
        let longer = (1..=MAX_MORE).rev().find(|&more| {
            let end = r.end + more;
            end <= next_start
                && tokens[r.end..end]
                    .iter()
                    .all(|t| t.kind == TokenKind::Word && !FUNCTION_WORDS.contains(&t.text))
                && (lexicon.is_place(tokens[r.start..end].iter().map(|t| t.text))
                    || name_key(text, tokens, &(r.start..end), &mut key)
                        && COUNTRY_EPITHETS.contains(&key.as_str()))
        });
        if let Some(more) = longer {
            spans[n].0.end += more;
        }
    }
    compass_parts(tokens, spans);
}

/// Points of the compass that name part of a place (`le Sud de la France`).
const COMPASS: &[&str] = &[
    "Nord",
    "Sud",
    "Est",
    "Ouest",
    "Nord-Est",
    "Nord-Ouest",
    "Sud-Est",
    "Sud-Ouest",
];

/// Makes one `LOC` of a region named by a point of the compass, tagged
/// alone after `le`, `du` or `l'`, and the place after it (`le Sud des
/// Etats-Unis`, `du Nord de la France`: the news gold has both whole);
/// not a direction (`à 65 km au Sud-Est de Tripoli`).
fn compass_parts(tokens: &[Token<'_>], spans: &mut Vec<(Range<usize>, Label)>) {
    let joins = |(r, label): &(Range<usize>, Label), (next, next_label): &(Range<usize>, Label)| {
        // `au sud-est de Tripoli` gives a direction from a place.
        let region = r.start > 0
            && matches!(
                tokens[r.start - 1].text,
                "le" | "Le" | "du" | "Du" | "l'" | "l’" | "L'" | "L’"
            );
        r.len() == 1
            && region
            && matches!(label, Label::Loc | Label::Org)
            && COMPASS.contains(&tokens[r.start].text)
            && *next_label == Label::Loc
            && match &tokens[r.end..next.start] {
                [a] => matches!(a.text, "de" | "du" | "des" | "d'" | "d’"),
                [a, b] => a.text == "de" && matches!(b.text, "la" | "l'" | "l’"),
                _ => false,
            }
    };
    if !spans.windows(2).any(|pair| joins(&pair[0], &pair[1])) {
        return;
    }
    let mut out = Vec::with_capacity(spans.len());
    let mut n = 0;
    while n < spans.len() {
        match spans.get(n + 1).filter(|next| joins(&spans[n], next)) {
            Some(next) => {
                out.push((spans[n].0.start..next.0.end, Label::Loc));
                n += 2;
            }
            None => {
                out.push(spans[n].clone());
                n += 1;
            }
        }
    }
    *spans = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn places_are_whole() {
        let cases = [
            Case {
                name: "a country's name in lower case after the capitals",
                text: "Aux Emirats arabes unis, les Etats-Unis, Arabie saoudite et France métropolitaine.",
                tagged: &[
                    ("Emirats arabes", Label::Loc),
                    ("Etats-Unis", Label::Loc),
                    ("Arabie", Label::Loc),
                    ("France", Label::Loc),
                ],
                expected: &[
                    ("Emirats arabes unis", Label::Loc),
                    ("Etats-Unis", Label::Loc),
                    ("Arabie saoudite", Label::Loc),
                    ("France métropolitaine", Label::Loc),
                ],
            },
            Case {
                name: "a former country, a church, a country's other names",
                text: "L'URSS et l'Union soviétique, pas l'Union européenne. Notre-Dame brûle. \
                       La République islamique, la République populaire de Chine et Maurice.",
                tagged: &[
                    ("URSS", Label::Org),
                    ("Union soviétique", Label::Org),
                    ("Union européenne", Label::Org),
                    ("Notre-Dame", Label::Per),
                    ("République islamique", Label::Org),
                    ("République populaire de Chine", Label::Org),
                    ("Maurice", Label::Per),
                ],
                expected: &[
                    ("URSS", Label::Loc),
                    ("Union soviétique", Label::Loc),
                    ("Union européenne", Label::Org),
                    ("Notre-Dame", Label::Loc),
                    ("République islamique", Label::Loc),
                    ("République populaire de Chine", Label::Loc),
                    ("Maurice", Label::Per),
                ],
            },
            Case {
                name: "a country's acronym, alone",
                text: "La RDC et la RCA, mais pas RDC Immobilier.",
                tagged: &[
                    ("RDC", Label::Org),
                    ("RCA", Label::Per),
                    ("RDC Immobilier", Label::Org),
                ],
                expected: &[
                    ("RDC", Label::Loc),
                    ("RCA", Label::Loc),
                    ("RDC Immobilier", Label::Org),
                ],
            },
            Case {
                name: "not an organisation, nor words that make no place",
                text: "Les Emirats arabes unis et Paris ville lumière, Rio et Lima.",
                tagged: &[
                    ("Emirats arabes", Label::Org),
                    ("Paris", Label::Loc),
                    ("Rio", Label::Loc),
                    ("Lima", Label::Loc),
                ],
                expected: &[
                    ("Emirats arabes", Label::Org),
                    ("Paris", Label::Loc),
                    ("Rio", Label::Loc),
                    ("Lima", Label::Loc),
                ],
            },
            Case {
                name: "a region named by a point of the compass, not a direction",
                text: "Dans le Sud des Etats-Unis et le Nord-Est de l'Angleterre, à 65 km au Sud-Est de Tripoli.",
                tagged: &[
                    ("Sud", Label::Loc),
                    ("Etats-Unis", Label::Loc),
                    ("Nord-Est", Label::Org),
                    ("Angleterre", Label::Loc),
                    ("Sud-Est", Label::Loc),
                    ("Tripoli", Label::Loc),
                ],
                expected: &[
                    ("Sud des Etats-Unis", Label::Loc),
                    ("Nord-Est de l'Angleterre", Label::Loc),
                    ("Sud-Est", Label::Loc),
                    ("Tripoli", Label::Loc),
                ],
            },
        ];
        let lexicon = Lexicon::embedded();
        check(&cases, |c, tokens, spans| {
            places(&lexicon, c.text, tokens, spans)
        });
    }
}
