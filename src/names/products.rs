//! Car models are products, not annotated in the news gold, and neither is
//! a name inside them (`docs/annotation.md`): in `la Renault Clio`, `la
//! McLaren Senna` or `la Citroën SM` the maker's name is part of a model's,
//! so it is no organisation there, and `Senna` no person. The tagger, seeing
//! capitals, finds the maker or a person.
//!
//! A maker's name (a list of widely known car makers, written from general
//! knowledge) followed by a model's name (up to three capitalised words,
//! codes or numbers: `Clio`, `208`, `Série 3`, `GT2 RS`) becomes one `MISC`
//! name. A maker's name and the words that make it a company or one of its
//! divisions are one `ORG` (`DS Automobiles`, `McLaren Automotive`, `Aston
//! Martin Lagonda`, `BMW M GmbH`); another maker after one is no model
//! (`Renault Nissan`).
//!
//! A maker's name alone is one of its cars after a feminine determiner
//! (`la Bugatti`, `cette Porsche`: `MISC`, never annotated in the news
//! gold), and otherwise the company: an `ORG`, never a place or a web site,
//! nor a person unless the document names one whose last name it is
//! (`Harrison Ford`, then `Ford`).
//!
//! A name right after `concept` is a concept car's (`le concept Cyberster`),
//! unless a maker's name opens it.
//!
//! A maker named by its town is a place, as the news gold has it (`le
//! constructeur de Stuttgart`, `la firme de Cupertino`): an organisation
//! the tagger finds there is the town, `LOC`, and so is a one-word person
//! after a noun only a company takes (`le constructeur de Maranello`).

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{after_mister, glued, replace_inside, word_before};
use crate::tag::Lexicon;
use crate::text::{Token, TokenKind};
use crate::types::Label;

/// Car makers, as token sequences.
#[rustfmt::skip]
const MAKERS: &[&[&str]] = &[
    &["Alfa", "Romeo"], &["Aston", "Martin"], &["Land", "Rover"], &["Range", "Rover"],
    &["Mercedes-Benz"], &["Rolls-Royce"],
    &["Abarth"], &["Alpina"], &["Alpine"], &["Audi"], &["Bentley"], &["BMW"], &["Brabus"],
    &["Bugatti"], &["BYD"], &["Cadillac"], &["Caterham"], &["Chevrolet"], &["Citroën"],
    &["Citroen"], &["Cupra"], &["Dacia"], &["Dodge"], &["DS"], &["Ferrari"], &["Fiat"],
    &["Ford"], &["Honda"], &["Hyundai"], &["Infiniti"], &["Jaguar"], &["Jeep"], &["Kia"],
    &["Koenigsegg"], &["Lamborghini"], &["Lancia"], &["Lexus"], &["Lotus"], &["Maserati"],
    &["Maybach"], &["Mazda"], &["McLaren"], &["Mercedes"], &["Mitsubishi"], &["Nissan"],
    &["Opel"], &["Pagani"], &["Peugeot"], &["Polestar"], &["Porsche"], &["Renault"], &["Rimac"],
    &["Rivian"], &["Seat"], &["Skoda"], &["Škoda"], &["SsangYong"], &["Subaru"], &["Suzuki"],
    &["Tesla"], &["Toyota"], &["Volkswagen"], &["Volvo"], &["VW"],
];

/// Words right after a maker's name that make it a company's, or one of its
/// divisions': `DS Automobiles`, `Porsche AG`, `Renault Sport`, `McLaren
/// Automotive`, `Aston Martin Lagonda`, `VW Motorsport`.
#[rustfmt::skip]
const COMPANY_WORDS: &[&str] = &[
    "AG", "Applied", "Automobile", "Automobiles", "Automobili", "Automotive", "Bank", "Car", "Cars",
    "Classic", "Classiche", "Club", "Composites", "Corporation", "Design", "Engineering",
    "Entertainment", "Europe", "Exclusive", "Finance", "Fondation", "Foundation", "France", "GmbH",
    "Group", "Groupe", "Heritage", "Holding", "Inc", "Individual", "International", "Lagonda",
    "Ltd", "Motor", "Motors", "Motorsport", "Motorsports", "Owners", "Performance", "Racing",
    "Retail", "SA", "SAS", "SE", "Special", "Sport", "Squadra", "Team", "Technologies",
    "Technology", "Tradition", "Trucks", "Véhicules", "Works",
];

/// Words that end a model's name wherever they come (`Porsche 956 Groupe
/// C`, `Ferrari 458 Challenge`), where a division's words may be part of
/// one after its first word (`BMW M8 Individual`): company words, and those
/// of events, places and schemes named after a maker (`Porsche Aid`).
#[rustfmt::skip]
const MODEL_ENDS: &[&str] = &[
    "AG", "Automobile", "Automobiles", "Automobili", "Bank", "Cars", "Classic", "Corporation",
    "Design", "Finance", "Fondation", "Foundation", "France", "GmbH", "Group", "Groupe", "Holding",
    "Inc", "Ltd", "Motor", "Motors", "Retail", "SA", "SAS", "SE", "Sport", "Team", "Trucks",
    "Véhicules",
    "Aid", "Arena", "Center", "Centre", "Challenge", "City", "Cup", "Open", "Trophy",
];

/// Legal forms of companies, which make a maker's name and the words
/// between a company's (`BMW M GmbH`).
const LEGAL_FORMS: &[&str] = &["AG", "GmbH", "Inc", "Ltd", "SA", "SAS", "SE"];

/// How many times `tokens` name a car maker.
pub(super) fn makers_named(tokens: &[Token<'_>]) -> usize {
    (0..tokens.len())
        .filter(|&i| maker_at(tokens, i).is_some())
        .count()
}

/// [`MAKERS`] by their first word.
static MAKERS_BY_FIRST_WORD: LazyLock<FxHashMap<&'static str, Vec<&'static [&'static str]>>> =
    LazyLock::new(|| {
        let mut makers: FxHashMap<_, Vec<_>> = FxHashMap::default();
        for &maker in MAKERS {
            makers.entry(maker[0]).or_default().push(maker);
        }
        makers
    });

/// The number of tokens of the maker's name at `i`, if one starts there.
fn maker_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let first = tokens.get(i)?.text;
    // Every maker's name opens with a capital: most words are read no further.
    if !first.starts_with(char::is_uppercase) {
        return None;
    }
    MAKERS_BY_FIRST_WORD
        .get(first)?
        .iter()
        .filter(|m| {
            tokens
                .get(i..i + m.len())
                .is_some_and(|ts| ts.iter().zip(m.iter()).all(|(t, w)| t.text == *w))
        })
        .map(|m| m.len())
        .max()
}

/// Whether the token at `k` may be part of a model's name: a capitalised
/// word, a code (`C5`, `GT2`) or a number that is not a year; not a word
/// of [`MODEL_ENDS`], nor, as its first word, one of [`COMPANY_WORDS`]
/// (`Porsche Exclusive` is a division, `BMW M8 Individual` a model).
fn model_word(tokens: &[Token<'_>], k: usize, first: bool) -> bool {
    let Some(t) = tokens.get(k) else {
        return false;
    };
    match t.kind {
        TokenKind::Word => {
            t.text
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && !MODEL_ENDS.contains(&t.text)
                && !(first && COMPANY_WORDS.contains(&t.text))
                && maker_at(tokens, k).is_none()
        }
        TokenKind::Number => {
            let year = t.text.len() == 4 && matches!(t.text.parse::<u32>(), Ok(1900..=2039));
            t.text.bytes().all(|b| b.is_ascii_digit()) && !year
        }
        _ => false,
    }
}

/// The most tokens of a model's name after its maker's.
const MAX_MODEL: usize = 3;

/// Makes each car model one `MISC` name, and each maker's company or
/// division named by the maker's name and company words one `ORG`, in
/// place of the names the tagger found inside them. `spans` are token
/// ranges into `tokens` (one document), sorted and not overlapping; they
/// stay so.
pub(crate) fn car_models(
    lexicon: &Lexicon,
    tokens: &[Token<'_>],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let mut names: Vec<(Range<usize>, Label)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(maker) = maker_at(tokens, i) else {
            i += 1;
            continue;
        };
        let first = i + maker;
        let spaced = |k: usize| k < tokens.len() && !glued(tokens, k);
        let glued_first = !spaced(first);
        let mut end = first;
        while end < first + MAX_MODEL && !glued_first && model_word(tokens, end, end == first) {
            end += 1;
        }
        let is = |k: usize, words: &[&str]| tokens.get(k).is_some_and(|t| words.contains(&t.text));
        if end > first && is(end, LEGAL_FORMS) && spaced(end) {
            // `BMW M GmbH`
            end += 1;
            names.push((i..end, Label::Org));
        } else if end > first {
            names.push((i..end, Label::Misc));
        } else if !glued_first && tokens[i].text != "Range" {
            // `McLaren Automotive`, `Aston Martin Lagonda`; a Range Rover
            // is a model line, not a company (`Range Rover Sport`).
            while end < first + MAX_MODEL && is(end, COMPANY_WORDS) {
                end += 1;
            }
            if end > first {
                names.push((i..end, Label::Org));
            }
        }
        i = end.max(i + 1);
    }
    makers_alone(tokens, spans);
    makers_towns(tokens, spans);
    concepts(tokens, spans);
    materials(tokens, spans);
    if names.is_empty() {
        return;
    }
    // A name that crosses the edge of a model's or a company's keeps it
    // from being one (`Francis Ford Coppola` is a person's name, not a
    // Ford's).
    replace_inside(spans, names);
    models_again(lexicon, tokens, spans);
}

/// Words before a model's name alone that make it a car's: a feminine
/// determiner ([`CAR_DETERMINERS`]) or a kind of car (`le SUV Cullinan`,
/// `le concept Knobbly`).
const CAR_NOUNS: &[&str] = &[
    "modèle",
    "modèles",
    "concept",
    "SUV",
    "berline",
    "coupé",
    "cabriolet",
    "roadster",
    "supercar",
    "hypercar",
    "supersportive",
    "citadine",
];

/// A model's name alone is the model (`MISC`) wherever the document names
/// it after its maker (`la Chiron` after `Bugatti Chiron`): its first
/// word, a capitalised word of three letters or more. Unless a word of a
/// car comes before it, a place the gazetteer knows stays a place
/// (`Renault Maubeuge` is a factory, `Maubeuge` the town), and a person a
/// person where the document names one whose last name it is (`la Divo`
/// is the car, `Divo` alone the driver `Albert Divo`).
fn models_again(lexicon: &Lexicon, tokens: &[Token<'_>], spans: &mut [(Range<usize>, Label)]) {
    let models: FxHashSet<&str> = spans
        .iter()
        .filter(|(r, label)| *label == Label::Misc && r.len() > 1)
        .filter_map(|(r, _)| {
            let maker = maker_at(tokens, r.start)?;
            let word = tokens.get(r.start + maker).filter(|_| maker < r.len())?;
            (word.kind == TokenKind::Word
                && word.text.chars().count() >= 3
                && word.text.starts_with(char::is_uppercase)
                && word.text.chars().skip(1).all(char::is_lowercase))
            .then_some(word.text)
        })
        .collect();
    if models.is_empty() {
        return;
    }
    let surnames = last_names(tokens, spans);
    for (r, label) in spans.iter_mut() {
        if r.len() != 1
            || !matches!(label, Label::Org | Label::Loc | Label::Site | Label::Per)
            || !models.contains(tokens[r.start].text)
        {
            continue;
        }
        let before = word_before(tokens, r.start, 1);
        let car = CAR_DETERMINERS.contains(&before) || CAR_NOUNS.contains(&before);
        let person = *label == Label::Per && surnames.contains(tokens[r.start].text);
        let place = *label == Label::Loc && lexicon.is_place([tokens[r.start].text]);
        if car || !(person || place) {
            *label = Label::Misc;
        }
    }
}

/// The last words of the document's full names of persons, read once.
fn last_names<'t>(tokens: &[Token<'t>], spans: &[(Range<usize>, Label)]) -> FxHashSet<&'t str> {
    spans
        .iter()
        .filter(|(r, l)| *l == Label::Per && r.len() > 1)
        .map(|(r, _)| tokens[r.end - 1].text)
        .collect()
}

/// Determiners before a maker's name that make it one of its cars (`la
/// Bugatti`, `une Porsche`, `cette BMW`).
const CAR_DETERMINERS: &[&str] = &[
    "la", "La", "une", "Une", "cette", "Cette", "sa", "Sa", "leur", "ma", "votre", "notre",
];

/// Titles before a person's name (`le général Ferrari`); `M.` is two
/// tokens, read apart.
#[rustfmt::skip]
const PERSON_TITLES: &[&str] = &[
    "Mme", "Mlle", "Me", "Dr", "Pr", "général", "colonel", "commandant",
    "capitaine", "lieutenant", "maréchal", "amiral", "docteur", "professeur", "abbé",
];

/// A name that is a maker's alone: one of its cars after a feminine
/// determiner (`MISC`), otherwise the company, never a place or a web site
/// (`ORG`); nor a person, unless a title introduces it (`le général
/// Ferrari`) or the document names one whose last name it is (`Harrison
/// Ford`, then `Ford`).
fn makers_alone(tokens: &[Token<'_>], spans: &mut [(Range<usize>, Label)]) {
    let surnames = last_names(tokens, spans);
    for (r, label) in spans.iter_mut() {
        if *label == Label::Money || maker_at(tokens, r.start) != Some(r.len()) {
            continue;
        }
        let before = word_before(tokens, r.start, 1);
        let car = CAR_DETERMINERS.contains(&before);
        let titled = PERSON_TITLES.contains(&before) || after_mister(tokens, r.start);
        if car {
            *label = Label::Misc;
        } else if matches!(label, Label::Loc | Label::Site)
            || *label == Label::Per && !titled && !surnames.contains(tokens[r.end - 1].text)
        {
            *label = Label::Org;
        }
    }
}

/// A name right after `concept` is a concept car's (`le concept Viziv
/// Adrenaline`, `le concept Cyberster`: `MISC`), unless it opens with a
/// maker's name (`le concept Porsche Mission E`, which [`car_models`] reads
/// as a model's, or the maker alone).
fn concepts(tokens: &[Token<'_>], spans: &mut [(Range<usize>, Label)]) {
    for (r, label) in spans.iter_mut() {
        if matches!(label, Label::Per | Label::Org | Label::Loc)
            && word_before(tokens, r.start, 1) == "concept"
            && maker_at(tokens, r.start).is_none()
        {
            *label = Label::Misc;
        }
    }
}

/// Trademarks of materials that the text uses as common nouns (`des
/// sièges en Alcantara`: a place 41 times in the unseen articles' car
/// reviews), written from general knowledge.
#[rustfmt::skip]
const MATERIALS: &[&str] = &[
    "Alcantara", "Kevlar", "Nappa", "Lycra", "Téflon", "Gore-Tex", "Plexiglas", "Formica",
];

/// A name whose whole text is a material's ([`MATERIALS`]) is a product
/// (`MISC`), whatever the tagger says.
fn materials(tokens: &[Token<'_>], spans: &mut [(Range<usize>, Label)]) {
    for (r, label) in spans.iter_mut() {
        if *label != Label::Money && r.len() == 1 && MATERIALS.contains(&tokens[r.start].text) {
            *label = Label::Misc;
        }
    }
}

/// Nouns for a maker that its town may name (`le constructeur de
/// Woking`), and whether a person's name may follow them (`la marque
/// d'Elon Musk`, `le préparateur de Bourgnon`).
const MAKER_NOUNS: &[(&str, bool)] = &[
    ("constructeur", false),
    ("constructeurs", false),
    ("firme", false),
    ("motoriste", false),
    ("préparateur", true),
    ("carrossier", false),
    ("marque", true),
];

/// A maker named by its town: an `ORG` right after a noun of
/// [`MAKER_NOUNS`] and `de`, or a one-word `PER` after one that no person
/// follows, is the town (`LOC`); not a maker's own name (`la marque de
/// Porsche`).
fn makers_towns(tokens: &[Token<'_>], spans: &mut [(Range<usize>, Label)]) {
    for (r, label) in spans.iter_mut() {
        if !matches!(label, Label::Org | Label::Per) || r.start < 2 {
            continue;
        }
        if !matches!(tokens[r.start - 1].text, "de" | "d'" | "d’") {
            continue;
        }
        let Some(&(_, persons_follow)) = MAKER_NOUNS
            .iter()
            .find(|(noun, _)| *noun == tokens[r.start - 2].text)
        else {
            continue;
        };
        let person = *label == Label::Per;
        if person && (persons_follow || r.len() > 1) || maker_at(tokens, r.start).is_some() {
            continue;
        }
        *label = Label::Loc;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn car_models_are_products() {
        let cases = [
            Case {
                name: "a maker and its model, the names inside give way",
                text: "La McLaren Senna bat la Porsche GT2 RS et la Renault Clio, pas la Peugeot 208.",
                tagged: &[("Senna", Label::Per), ("Renault", Label::Org)],
                expected: &[
                    ("McLaren Senna", Label::Misc),
                    ("Porsche GT2 RS", Label::Misc),
                    ("Renault Clio", Label::Misc),
                    ("Peugeot 208", Label::Misc),
                ],
            },
            Case {
                name: "the maker as a company or a division, or before a year or another maker",
                text: "Renault a annoncé que DS Automobiles et Porsche AG, puis Renault Nissan, en Renault 2019. \
                       McLaren Automotive et BMW M GmbH. Le patron d'Aston Martin Lagonda aime la BMW M8 Individual.",
                tagged: &[
                    ("Renault", Label::Org),
                    ("DS Automobiles", Label::Org),
                    ("Porsche AG", Label::Org),
                    ("Renault", Label::Org),
                    ("Nissan", Label::Org),
                    ("Renault", Label::Org),
                    ("McLaren Automotive", Label::Org),
                    ("BMW", Label::Org),
                    ("Martin Lagonda", Label::Per),
                ],
                expected: &[
                    ("Renault", Label::Org),
                    ("DS Automobiles", Label::Org),
                    ("Porsche AG", Label::Org),
                    ("Renault", Label::Org),
                    ("Nissan", Label::Org),
                    ("Renault", Label::Org),
                    ("McLaren Automotive", Label::Org),
                    ("BMW M GmbH", Label::Org),
                    ("Aston Martin Lagonda", Label::Org),
                    ("BMW M8 Individual", Label::Misc),
                ],
            },
            Case {
                name: "a concept car's name, unless a maker's opens it; a maker's company",
                text: "Le concept Cyberster et le concept Viziv Adrenaline de Rimac Automobili, \
                       pas le concept Infiniti.",
                tagged: &[
                    ("Cyberster", Label::Per),
                    ("Viziv Adrenaline", Label::Org),
                    ("Rimac Automobili", Label::Per),
                    ("Infiniti", Label::Org),
                ],
                expected: &[
                    ("Cyberster", Label::Misc),
                    ("Viziv Adrenaline", Label::Misc),
                    ("Rimac Automobili", Label::Org),
                    ("Infiniti", Label::Org),
                ],
            },
            Case {
                name: "a maker alone: a car after a feminine determiner, else the company",
                text: "La Bugatti de Bugatti, BMW à Munich et cette Porsche. Harrison Ford aime Ford. \
                       Le général Ferrari. M. Renault parle.",
                tagged: &[
                    ("Bugatti", Label::Org),
                    ("Bugatti", Label::Per),
                    ("BMW", Label::Site),
                    ("Munich", Label::Loc),
                    ("Porsche", Label::Loc),
                    ("Harrison Ford", Label::Per),
                    ("Ford", Label::Per),
                    ("Ferrari", Label::Per),
                    ("Renault", Label::Per),
                ],
                expected: &[
                    ("Bugatti", Label::Misc),
                    ("Bugatti", Label::Org),
                    ("BMW", Label::Org),
                    ("Munich", Label::Loc),
                    ("Porsche", Label::Misc),
                    ("Harrison Ford", Label::Per),
                    ("Ford", Label::Per),
                    ("Ferrari", Label::Per),
                    ("Renault", Label::Per),
                ],
            },
            Case {
                name: "a maker named by its town",
                text: "Le constructeur de Woking, la firme de Cupertino, le constructeur de Maranello \
                       et la marque de Porsche, la marque de Senna, le constructeur de Sant'Agata Bolognese.",
                tagged: &[
                    ("Woking", Label::Org),
                    ("Cupertino", Label::Org),
                    ("Maranello", Label::Per),
                    ("Porsche", Label::Org),
                    ("Senna", Label::Per),
                    ("Sant'Agata Bolognese", Label::Org),
                ],
                expected: &[
                    ("Woking", Label::Loc),
                    ("Cupertino", Label::Loc),
                    ("Maranello", Label::Loc),
                    ("Porsche", Label::Org),
                    ("Senna", Label::Per),
                    ("Sant'Agata Bolognese", Label::Loc),
                ],
            },
            Case {
                name: "a material's trademark is a product",
                text: "Des sièges en Alcantara et un gilet en Kevlar, à Alcantara.",
                tagged: &[("Alcantara", Label::Loc), ("Kevlar", Label::Org), ("Alcantara", Label::Loc)],
                expected: &[("Alcantara", Label::Misc), ("Kevlar", Label::Misc), ("Alcantara", Label::Misc)],
            },
            Case {
                name: "a model's name alone, where the document names the model",
                text: "La Chiron bat la Divo et le SUV Cullinan : la Bugatti Chiron, la Bugatti Divo, \
                       la Rolls-Royce Cullinan. Maubeuge pleure : Renault Maubeuge ferme.",
                tagged: &[
                    ("Chiron", Label::Org),
                    ("Divo", Label::Per),
                    ("Cullinan", Label::Per),
                    ("Maubeuge", Label::Loc),
                ],
                expected: &[
                    ("Chiron", Label::Misc),
                    ("Divo", Label::Misc),
                    ("Cullinan", Label::Misc),
                    ("Bugatti Chiron", Label::Misc),
                    ("Bugatti Divo", Label::Misc),
                    ("Rolls-Royce Cullinan", Label::Misc),
                    ("Maubeuge", Label::Loc),
                    ("Renault Maubeuge", Label::Misc),
                ],
            },
            Case {
                name: "a model's name alone stays the person the document names",
                text: "Divo gagnait. La Bugatti Divo honore Albert Divo.",
                tagged: &[("Divo", Label::Per), ("Albert Divo", Label::Per)],
                expected: &[
                    ("Divo", Label::Per),
                    ("Bugatti Divo", Label::Misc),
                    ("Albert Divo", Label::Per),
                ],
            },
        ];
        let lexicon = Lexicon::embedded();
        check(&cases, |_, tokens, spans| {
            car_models(&lexicon, tokens, spans)
        });
    }
}
