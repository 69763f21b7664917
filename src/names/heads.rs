//! Common-noun heads that belong to a name (`docs/annotation.md`: "a common-noun
//! head that is part of the official name belongs to the span"):
//! `mairie de Paris`, `ministère de l'Intérieur`, `police de l'Essex`,
//! `rue Saint-Benoît`. A descriptive head stays out (`aéroport de
//! Barcelone`, `prison de Reims`): only the place is a name.
//!
//! The tagger learns names from Wikipedia, where such heads are rarely part
//! of a link; this stage attaches them: a head, up to three modifiers
//! (adjectives such as `correctionnel`, `interrégionale spécialisée`, or an
//! institutional complement such as `de grande instance`, `d'appel`), then
//! `de`, `d'`, `du`, `des` (optionally `la` or `l'`), then a tagged name or a
//! run of capitalised words, becomes one entity labelled by the head
//! (`Tribunal correctionnel de Rennes`, as `docs/annotation.md` has it).
//! An organisation the tagger itself found in lower case takes the place
//! after it the same way (`centre hospitalier de Niort`).

use std::ops::Range;

use super::OTHER_DETERMINERS;
use crate::tag::{Gazetteer, Lexicon};
use crate::text::{Token, TokenKind};
use crate::types::Label;

/// Heads of organisations' names.
const ORGANISATION_HEADS: &[&str] = &[
    "académie",
    "agence",
    "ambassade",
    "assemblée",
    "brigade",
    "clinique",
    "collège",
    "commissariat",
    "commission",
    "conseil",
    "consulat",
    "cour",
    "direction",
    "gendarmerie",
    "hôpital",
    "institut",
    "juridiction",
    "mairie",
    "lycée",
    "ministère",
    "parquet",
    "police",
    "préfecture",
    "rectorat",
    "syndicat",
    "tribunal",
    "université",
];

/// Endings of the adjectives that qualify a head (`correctionnel`,
/// `administratif`, `municipal`, `régionale`, `spécialisée`, `judiciaire`).
const MODIFIER_ENDINGS: &[&str] = &[
    "el", "elle", "al", "ale", "aux", "if", "ive", "ien", "ienne", "aire", "ée", "ique", "ieur",
    "ieure", "ional", "ionale",
];

/// Institutional complements after a head: `tribunal de grande instance`,
/// `cour d'appel`, `préfecture de police`, `tribunal de commerce`.
const COMPLEMENTS: &[&[&str]] = &[
    &["grande", "instance"],
    &["instance"],
    &["appel"],
    &["police"],
    &["commerce"],
    &["cassation"],
];

/// Heads of places' names.
const PLACE_HEADS: &[&str] = &[
    "allée",
    "avenue",
    "boulevard",
    "impasse",
    "place",
    "quai",
    "rue",
];

/// Place heads that take the name directly, without `de`: `rue Saint-Benoît`.
const DIRECT_PLACE_HEADS: &[&str] = &[
    "allée",
    "avenue",
    "boulevard",
    "impasse",
    "place",
    "quai",
    "rue",
];

fn head_label(token: &Token<'_>) -> Option<(Label, bool)> {
    let text = token.text;
    if token.kind != TokenKind::Word || text.len() < 3 || text.len() > 14 {
        return None;
    }
    // Most words are ruled out by their first letter.
    let first = text.as_bytes()[0].to_ascii_lowercase();
    if !matches!(
        first,
        b'a' | b'b'
            | b'c'
            | b'd'
            | b'g'
            | b'h'
            | b'i'
            | b'j'
            | b'l'
            | b'm'
            | b'p'
            | b'q'
            | b'r'
            | b's'
            | b't'
            | b'u'
    ) {
        return None;
    }
    // Heads differ from their capitalised forms in ASCII letters only.
    let is = |heads: &[&str]| heads.iter().any(|h| h.eq_ignore_ascii_case(text));
    if is(ORGANISATION_HEADS) {
        Some((Label::Org, false))
    } else if is(PLACE_HEADS) {
        Some((Label::Loc, is(DIRECT_PLACE_HEADS)))
    } else {
        None
    }
}

/// A lower-case adjective that may qualify a head.
fn modifier(token: &Token<'_>) -> bool {
    let text = token.text;
    token.kind == TokenKind::Word
        && text.len() >= 5
        && text.chars().all(|c| c.is_lowercase() || c == '-')
        && MODIFIER_ENDINGS.iter().any(|e| text.ends_with(e))
}

/// The tokens after a head that qualify it: adjectives and complements
/// (`correctionnel`, `de grande instance`, `d'appel`), at most three steps.
fn modifiers(tokens: &[Token<'_>]) -> usize {
    let mut n = 0;
    for _ in 0..3 {
        let rest = &tokens[n..];
        if rest.first().is_some_and(modifier) {
            n += 1;
            continue;
        }
        let complement = rest.first().filter(|t| is_connector(t.text)).and_then(|_| {
            COMPLEMENTS.iter().find(|c| {
                c.len() < rest.len() && c.iter().zip(&rest[1..]).all(|(w, t)| *w == t.text)
            })
        });
        match complement {
            Some(c) => n += 1 + c.len(),
            None => break,
        }
    }
    n
}

/// Words that make `à la mairie` an office sought, not a body: `candidat à
/// la mairie de Paris`, `la course à la mairie de Paris` (only the place is
/// named there).
const SEEKING: &[&str] = &[
    "candidat",
    "candidate",
    "candidats",
    "candidature",
    "course",
    "campagne",
];

/// Whether the head at token `i` is an office sought: `à la mairie` after a
/// word of [`SEEKING`] (`ex-candidat`) and at most one word between
/// (`candidat LREM à la mairie`).
fn sought_office(tokens: &[Token<'_>], i: usize) -> bool {
    let seeking = |k: usize| {
        let word = tokens[k].text.rsplit('-').next().unwrap_or("");
        SEEKING.contains(&word)
    };
    tokens[i].text == "mairie"
        && i >= 3
        && tokens[i - 1].text == "la"
        && tokens[i - 2].text == "à"
        && (seeking(i - 3) || i >= 4 && seeking(i - 4))
}

/// Whether the head at token `i` is `police` in a prefect's title: `le
/// préfet de police de Paris` names Paris, as `le préfet du Rhône` names
/// the Rhône; the prefect's office is `préfecture de police`.
fn prefect_of_police(tokens: &[Token<'_>], i: usize) -> bool {
    tokens[i].text == "police"
        && i >= 2
        && tokens[i - 1].text == "de"
        && matches!(tokens[i - 2].text, "préfet" | "préfète" | "préfets")
}

fn is_connector(text: &str) -> bool {
    matches!(text, "de" | "d'" | "d’" | "du" | "des" | "la" | "l'" | "l’")
}

/// Makes a country's national team one `ORG` with its head, and the sport
/// after it (`l'équipe de France`, `l'équipe de France de football`: 2 of 2
/// in the news gold), where the tagger took the country alone; not a crew
/// of a broadcaster named after the country (`une équipe de France 3`).
pub(crate) fn national_teams(
    lexicon: &Lexicon,
    tokens: &[Token<'_>],
    spans: &mut [(Range<usize>, Label)],
) {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.text);
    let country = |r: Range<usize>| {
        lexicon.has_name(tokens[r].iter().map(|t| t.text), Gazetteer::Country.bit())
    };
    for (r, label) in spans.iter_mut() {
        let after_team = r.start >= 2
            && matches!(word(r.start - 1), "de" | "d'" | "d’")
            && matches!(word(r.start - 2), "équipe" | "Équipe");
        if !after_team {
            continue;
        }
        // The country alone, or the country and its sport as an
        // organisation (`France de football`).
        let named = match label {
            Label::Loc => {
                !word(r.end).starts_with(|c: char| c.is_ascii_digit()) && country(r.clone())
            }
            Label::Org => {
                r.len() == 3
                    && word(r.start + 1) == "de"
                    && word(r.start + 2).starts_with(char::is_lowercase)
                    && country(r.start..r.start + 1)
            }
            _ => false,
        };
        if !named {
            continue;
        }
        r.start -= 2;
        // The sport: `de` and one lower-case word, not a determiner.
        let sport = tokens.get(r.end + 1).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.text.starts_with(char::is_lowercase)
                && !matches!(t.text, "la" | "le" | "les" | "l'" | "l’")
        });
        if *label == Label::Loc && word(r.end) == "de" && sport {
            r.end += 2;
        }
        *label = Label::Org;
    }
}

/// Nouns that describe the name right after them, never part of it: `la
/// maison Bonhams` (an auction house), `l'agence Ansa`, as the news gold
/// has `la maison Heritage Auctions`.
const DESCRIBING_NOUNS: &[&str] = &["maison", "agence"];

/// Attaches heads to the names that follow them. `spans` are token ranges
/// into `tokens` (one sentence), sorted and not overlapping; they stay so.
pub(crate) fn attach_heads(tokens: &[Token<'_>], spans: &mut Vec<(Range<usize>, Label)>) {
    for (r, label) in spans.iter_mut() {
        // A describing noun the tagger took into the name leaves it.
        if r.len() > 1
            && DESCRIBING_NOUNS.contains(&tokens[r.start].text)
            && tokens[r.start + 1].text.starts_with(char::is_uppercase)
        {
            r.start += 1;
        }
        // A name the tagger opened with an office sought names its place
        // only: `l'ex-candidat LREM à la mairie de Paris` gives `Paris`.
        if r.len() > 2 && sought_office(tokens, r.start) {
            let place = (r.start + 1..r.end).find(|&k| !is_connector(tokens[k].text));
            if let Some(place) = place.filter(|&k| k > r.start + 1) {
                r.start = place;
                *label = Label::Loc;
            }
        }
    }
    let mut i = 0;
    let mut s = 0; // the first span that does not end before token i
    let mut out = Vec::with_capacity(spans.len());
    while i < tokens.len() {
        while s < spans.len() && spans[s].0.end <= i {
            out.push(spans[s].clone());
            s += 1;
        }
        let inside = s < spans.len() && spans[s].0.start <= i;
        // `en direction de Toronto`, `prenait la direction de Naples`: a
        // way, not a management; a body is capitalised or qualified
        // (`Direction des Douanes`, `direction régionale de Bretagne`).
        let way = tokens[i].text == "direction";
        let locution = way && i > 0 && tokens[i - 1].text.eq_ignore_ascii_case("en")
            || sought_office(tokens, i)
            || prefect_of_police(tokens, i);
        let Some((label, direct)) = (!inside && !locution)
            .then(|| head_label(&tokens[i]))
            .flatten()
        else {
            i += 1;
            continue;
        };
        // Modifiers, then up to two connectors: `de`, `de la`, `d'`, `des`...
        let after = if label == Label::Org {
            i + 1 + modifiers(&tokens[i + 1..])
        } else {
            i + 1
        };
        if way && after == i + 1 {
            i += 1;
            continue;
        }
        let mut j = after;
        while j < tokens.len() && j < after + 2 && is_connector(tokens[j].text) {
            j += 1;
        }
        // After a determiner other than the definite article, a head and
        // `de` describe, not name: `un collège de Lille`, `son lycée de
        // Villefontaine` (the news gold has `un tribunal de Los Angeles`
        // with only the place a name); a street's head without `de` names
        // still (`une place Saint-Pierre`).
        let described = || {
            j > after
                && i > 0
                && OTHER_DETERMINERS
                    .iter()
                    .any(|d| d.eq_ignore_ascii_case(tokens[i - 1].text))
        };
        if j == after && !direct || j >= tokens.len() || described() {
            i += 1;
            continue;
        }
        let end = if s < spans.len() && spans[s].0.start == j {
            // A place's name completes the head (`mairie de Paris`); a
            // person or an organisation is someone the head belongs to
            // (`ministère de Gérald Darmanin`, `commission du Conseil
            // national`).
            if matches!(spans[s].1, Label::Per | Label::Org) {
                None
            } else {
                let end = spans[s].0.end;
                s += 1;
                Some(end)
            }
        } else if s < spans.len() && spans[s].0.start < j {
            None
        } else {
            let limit = spans.get(s).map_or(tokens.len(), |r| r.0.start);
            // Not an initial nor an honorific: `à la place de M. Pinard`.
            let run = tokens[j..limit]
                .iter()
                .take_while(|t| {
                    t.is_capitalised_word()
                        && t.text.chars().nth(1).is_some()
                        && !matches!(
                            t.text,
                            "MM" | "Mme" | "Mmes" | "Mlle" | "Me" | "Mgr" | "Dr" | "Pr"
                        )
                })
                .count();
            (run > 0).then_some(j + run.min(4))
        };
        match end {
            Some(end) => {
                out.push((i..end, label));
                i = end;
            }
            None => i += 1,
        }
    }
    out.extend(spans.drain(s..));
    *spans = out;
    join_places_to_lowercase_organisations(tokens, spans);
    roads_and_lines(tokens, spans);
}

/// A motorway's number after `autoroute` (`l'autoroute A22`: `A22`) and a
/// RER line (`le RER B`) are places, `LOC`; the names they overlap give
/// way.
fn roads_and_lines(tokens: &[Token<'_>], spans: &mut Vec<(Range<usize>, Label)>) {
    let motorway = |t: &str| {
        t.strip_prefix('A')
            .is_some_and(|n| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut found = Vec::new();
    for k in 0..tokens.len().saturating_sub(1) {
        let next = tokens[k + 1].text;
        if matches!(tokens[k].text, "autoroute" | "autoroutes") && motorway(next) {
            found.push(k + 1..k + 2);
        } else if tokens[k].text == "RER" && matches!(next, "A" | "B" | "C" | "D" | "E") {
            found.push(k..k + 2);
        }
    }
    if found.is_empty() {
        return;
    }
    spans.retain(|(r, _)| !found.iter().any(|f| f.start < r.end && r.start < f.end));
    spans.extend(found.into_iter().map(|r| (r, Label::Loc)));
    spans.sort_by_key(|(r, _)| r.start);
}

/// An organisation the tagger found in lower case, then `de` and a place,
/// is one organisation (`centre hospitalier de Niort`, `police judiciaire
/// de Marseille`, `tribunal de grande instance de Fort-de-France`): the
/// tagger saw a body's name, which the place completes. A capitalised
/// organisation keeps the place apart (`LREM de l'Hérault`).
fn join_places_to_lowercase_organisations(
    tokens: &[Token<'_>],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let mut k = 0;
    while k + 1 < spans.len() {
        let (org, next) = (&spans[k], &spans[k + 1]);
        let gap = &tokens[org.0.end..next.0.start];
        let joins = org.1 == Label::Org
            && next.1 == Label::Loc
            && tokens[org.0.start].text.starts_with(char::is_lowercase)
            && (1..=2).contains(&gap.len())
            && gap.iter().all(|t| is_connector(t.text))
            && !matches!(gap[0].text, "la" | "l'" | "l’");
        if joins {
            spans[k].0.end = spans[k + 1].0.end;
            spans.remove(k + 1);
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn heads_join_the_names_they_introduce() {
        let cases = [
            Case {
                name: "head before a tagged place",
                text: "La mairie de Paris a fermé l'école.",
                tagged: &[("Paris", Label::Loc)],
                expected: &[("mairie de Paris", Label::Org)],
            },
            Case {
                name: "a motorway's number and a RER line",
                text: "Sur l'autoroute A22 et le RER B, pas l'A380 ni le RER seul.",
                tagged: &[("RER", Label::Org), ("A380", Label::Misc)],
                expected: &[("A22", Label::Loc), ("RER B", Label::Loc), ("A380", Label::Misc)],
            },
            Case {
                name: "a describing noun stays out, a head with its complement joins",
                text: "La maison Bonhams, l'agence Ansa et l'agence régionale de Bretagne.",
                tagged: &[
                    ("maison Bonhams", Label::Org),
                    ("agence Ansa", Label::Org),
                    ("Bretagne", Label::Loc),
                ],
                expected: &[
                    ("Bonhams", Label::Org),
                    ("Ansa", Label::Org),
                    ("agence régionale de Bretagne", Label::Org),
                ],
            },
            Case {
                name: "an office sought names only its place",
                text: "L'ex-candidat LREM à la mairie de Paris quitte la course à la mairie de Lyon.",
                tagged: &[("LREM", Label::Org), ("Paris", Label::Loc), ("Lyon", Label::Loc)],
                expected: &[("LREM", Label::Org), ("Paris", Label::Loc), ("Lyon", Label::Loc)],
            },
            Case {
                name: "an office sought that the tagger took whole",
                text: "L'ex-candidat LREM à la mairie de Paris quitte la course à la mairie de Lyon.",
                tagged: &[
                    ("LREM", Label::Org),
                    ("mairie de Paris", Label::Org),
                    ("mairie de Lyon", Label::Org),
                ],
                expected: &[("LREM", Label::Org), ("Paris", Label::Loc), ("Lyon", Label::Loc)],
            },
            Case {
                name: "a lower-case organisation the tagger found, then a place",
                text: "Le centre hospitalier de Niort et LREM de l'Hérault, la police judiciaire à Lyon.",
                tagged: &[
                    ("centre hospitalier", Label::Org),
                    ("Niort", Label::Loc),
                    ("LREM", Label::Org),
                    ("Hérault", Label::Loc),
                    ("police judiciaire", Label::Org),
                    ("Lyon", Label::Loc),
                ],
                expected: &[
                    ("centre hospitalier de Niort", Label::Org),
                    ("LREM", Label::Org),
                    ("Hérault", Label::Loc),
                    ("police judiciaire", Label::Org),
                    ("Lyon", Label::Loc),
                ],
            },
            Case {
                name: "head before untagged capitals",
                text: "Le ministère de l'Intérieur dément.",
                tagged: &[],
                expected: &[("ministère de l'Intérieur", Label::Org)],
            },
            Case {
                name: "a descriptive head stays out",
                text: "L'aéroport d'Ajaccio est fermé, la prison de Reims aussi.",
                tagged: &[("Ajaccio", Label::Loc), ("Reims", Label::Loc)],
                expected: &[("Ajaccio", Label::Loc), ("Reims", Label::Loc)],
            },
            Case {
                name: "police and hospital",
                text: "La police de l'Essex et l'hôpital de Metz.",
                tagged: &[("Essex", Label::Loc), ("Metz", Label::Loc)],
                expected: &[("police de l'Essex", Label::Org), ("hôpital de Metz", Label::Org)],
            },
            Case {
                name: "a head after an indefinite or a possessive describes, but a street's names",
                text: "Un tribunal de Moscou, dans son lycée de Créteil, sur une place Saint-Pierre.",
                tagged: &[("Moscou", Label::Loc), ("Créteil", Label::Loc), ("Saint-Pierre", Label::Loc)],
                expected: &[("Moscou", Label::Loc), ("Créteil", Label::Loc), ("place Saint-Pierre", Label::Loc)],
            },
            Case {
                name: "a prefect of police's title names the place, the prefecture is a body",
                text: "Le préfet de police de Paris et la préfecture de police de Paris.",
                tagged: &[("Paris", Label::Loc), ("Paris", Label::Loc)],
                expected: &[("Paris", Label::Loc), ("préfecture de police de Paris", Label::Org)],
            },
            Case {
                name: "street without de",
                text: "Il habite rue Saint-Benoît depuis 1990.",
                tagged: &[("Saint-Benoît", Label::Loc)],
                expected: &[("rue Saint-Benoît", Label::Loc)],
            },
            Case {
                name: "adjectives after the head",
                text: "Le tribunal correctionnel de Rennes et la juridiction interrégionale spécialisée de Lille.",
                tagged: &[("Rennes", Label::Loc), ("Lille", Label::Loc)],
                expected: &[
                    ("tribunal correctionnel de Rennes", Label::Org),
                    ("juridiction interrégionale spécialisée de Lille", Label::Org),
                ],
            },
            Case {
                name: "complements after the head",
                text: "Le tribunal de grande instance de Nanterre et la cour d'appel de Paris.",
                tagged: &[("Nanterre", Label::Loc), ("Paris", Label::Loc)],
                expected: &[
                    ("tribunal de grande instance de Nanterre", Label::Org),
                    ("cour d'appel de Paris", Label::Org),
                ],
            },
            Case {
                name: "a person or an organisation after the head stays alone",
                text: "Le ministère de Gérald Darmanin et la commission du Conseil national.",
                tagged: &[("Gérald Darmanin", Label::Per), ("Conseil national", Label::Org)],
                expected: &[("Gérald Darmanin", Label::Per), ("Conseil national", Label::Org)],
            },
            Case {
                name: "a government is no head, nor an honorific or an initial a name",
                text: "Le gouvernement du Japon, à la place de M. Pinard, et le conseil de M. Durand.",
                tagged: &[("Japon", Label::Loc), ("Pinard", Label::Per), ("Durand", Label::Per)],
                expected: &[("Japon", Label::Loc), ("Pinard", Label::Per), ("Durand", Label::Per)],
            },
            Case {
                name: "a verb is not a modifier",
                text: "Le tribunal condamne des sites de Paris.",
                tagged: &[("Paris", Label::Loc)],
                expected: &[("Paris", Label::Loc)],
            },
            Case {
                name: "no name after the head",
                text: "La mairie de la ville a fermé.",
                tagged: &[],
                expected: &[],
            },
            Case {
                name: "en direction de is not a head",
                text: "Le train part en direction de Toronto, pas vers la direction de Renault.",
                tagged: &[("Toronto", Label::Loc), ("Renault", Label::Org)],
                expected: &[("Toronto", Label::Loc), ("Renault", Label::Org)],
            },
            Case {
                name: "a direction towards a place is a way",
                text: "La lave prenait la direction de Naples.",
                tagged: &[("Naples", Label::Loc)],
                expected: &[("Naples", Label::Loc)],
            },
            Case {
                name: "a qualified or capitalised direction is a body",
                text: "La direction régionale de Bretagne et la Direction des Douanes.",
                tagged: &[("Bretagne", Label::Loc)],
                expected: &[
                    ("direction régionale de Bretagne", Label::Org),
                    ("Direction des Douanes", Label::Org),
                ],
            },
            Case {
                name: "head inside a tagged name is left alone",
                text: "La Cour des comptes et la rue.",
                tagged: &[("Cour des comptes", Label::Org)],
                expected: &[("Cour des comptes", Label::Org)],
            },
        ];
        check(&cases, |_, tokens, spans| attach_heads(tokens, spans));
    }

    #[test]
    fn national_teams_are_organisations() {
        let lexicon = Lexicon::embedded();
        let cases = [Case {
            name: "a country's team, with its sport; not a broadcaster's crew, nor a city's",
            text: "L'équipe de France de football bat l'équipe d'Italie. \
                   Une équipe de France 3 filme l'équipe de Lyon et l'équipe de France de la mode, \
                   l'équipe de Suisse de hockey.",
            tagged: &[
                ("France", Label::Loc),
                ("Italie", Label::Loc),
                ("France", Label::Loc),
                ("Lyon", Label::Loc),
                ("France", Label::Loc),
                ("Suisse de hockey", Label::Org),
            ],
            expected: &[
                ("équipe de France de football", Label::Org),
                ("équipe d'Italie", Label::Org),
                ("France", Label::Loc),
                ("Lyon", Label::Loc),
                ("équipe de France", Label::Org),
                ("équipe de Suisse de hockey", Label::Org),
            ],
        }];
        check(&cases, |_, tokens, spans| {
            national_teams(&lexicon, tokens, spans)
        });
    }
}

#[cfg(test)]
mod lists {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn every_head_is_recognised() {
        for head in ORGANISATION_HEADS.iter().chain(PLACE_HEADS) {
            let mut chars = head.chars();
            let first = chars.next().unwrap();
            let capitalised = format!("{}{}", first.to_uppercase(), chars.as_str());
            for form in [head.to_string(), capitalised] {
                let tokens = tokenize(&form);
                assert!(head_label(&tokens[0]).is_some(), "{form}");
            }
        }
    }
}
