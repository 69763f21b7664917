//! Surnames: the tagger decides sentence by sentence, so a person it finds
//! by full name in one sentence can go unseen in the next. The last word of
//! a person's full name (`Boutault` after `Jacques Boutault`) is a person
//! wherever it recurs alone: untagged, or tagged as a place, an
//! organisation or another name (`à Hollande` after `François Hollande`).
//! Sites and longer names keep their labels, and an untagged word next to
//! another capitalised word is part of a longer name (`Fisker Inc.`, `Crew
//! Dragon`, `Brabham BT62`). A brand named after its founder stays the
//! brand's (`Bugatti` beside `Ettore Bugatti`) where the tagger takes the
//! word alone for an organisation at least as often as for a person and
//! the document writes it before a model (`la Bugatti Chiron`, `la Porsche
//! 911`). A surname with a particle recurs with it (`le général de Gaulle`
//! after `Charles de Gaulle`).
//!
//! Organisations too: a one-word name tagged `ORG` twice or more, and
//! never otherwise, is an `ORG` where it recurs untagged and alone (`La
//! Sacem derrière la fermeture`, where the tagger saw no name), also
//! written in another case (`SACEM`), not inside a longer capitalised run
//! (`Lagonda Vision`) nor before a model's number (`la Brabus 125R`).
//!
//! Finding every recurring name again with its majority label, as this
//! stage once did, cost F1 on the news training folds
//! (`scripts/cross_validate.sh`): one wrong label was copied to every
//! mention.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{covered, free, titles::is_honorific, NameRule, NameRules};
use crate::text::{Token, TokenKind, SENTENCE_OPENERS};
use crate::types::Label;

/// Capitalised determiners that may open a sentence before a name.
const DETERMINERS: &[&str] = &["La", "Le", "Les", "L'", "L’", "Un", "Une", "Des", "Du"];

/// Completes `spans` (token ranges into `tokens`, sorted, not
/// overlapping) over the document; `blocked` marks tokens that no new span
/// may cover (the rules' amounts and domains). The result is sorted and
/// does not overlap.
pub(crate) fn find_surnames(
    tokens: &[Token<'_>],
    blocked: &[u8],
    rules: NameRules,
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let (persons, organisations) = (
        rules.on(NameRule::Surnames),
        rules.on(NameRule::OrganisationsAgain),
    );
    if spans.is_empty() || !(persons || organisations) {
        return;
    }
    let key =
        |r: &Range<usize>| -> Vec<&str> { tokens[r.clone()].iter().map(|t| t.text).collect() };

    // Label votes per name.
    let mut votes: FxHashMap<Vec<&str>, [u32; Label::ALL.len()]> = FxHashMap::default();
    for (r, label) in spans.iter() {
        votes.entry(key(r)).or_default()[*label as usize] += 1;
    }
    let majority = |counts: &[u32; Label::ALL.len()]| -> Option<Label> {
        let top = *counts.iter().max()?;
        let mut winners = Label::ALL.iter().filter(|l| counts[**l as usize] == top);
        let first = *winners.next()?;
        winners.next().is_none().then_some(first)
    };

    // The last words of people's full names.
    let capitalised = |t: &&str| t.chars().next().is_some_and(char::is_uppercase);
    let surnames: FxHashSet<&str> = votes
        .iter()
        .filter(|(name, counts)| {
            persons
                && majority(counts) == Some(Label::Per)
                && name.len() >= 2
                && name.iter().all(capitalised)
        })
        .filter_map(|(name, _)| name.last().copied())
        .filter(|last| last.chars().count() >= 3)
        .collect();
    // Brands named after their founders (`Bugatti` after `Ettore Bugatti`):
    // a surname that the tagger takes alone for an organisation at least as
    // often as for a person, and that the document writes before a model's
    // name or number (`la Bugatti Chiron`, `la Porsche 911`), outside a
    // person's name, is the brand's, not the person's.
    let per_span = {
        let mut per = vec![false; tokens.len()];
        for (r, label) in spans.iter() {
            if *label == Label::Per {
                per[r.clone()].iter_mut().for_each(|p| *p = true);
            }
        }
        per
    };
    let before_models: FxHashSet<&str> = tokens
        .iter()
        .enumerate()
        .filter(|&(i, _)| !per_span[i] && tokens.get(i + 1).is_some_and(is_model))
        .map(|(_, t)| t.text)
        .collect();
    let brand = |surname: &str| {
        let lone = votes.get([surname].as_slice());
        let (org, per) = lone.map_or((0, 0), |c| (c[Label::Org as usize], c[Label::Per as usize]));
        org > 0 && org >= per && before_models.contains(surname)
    };
    let surnames: FxHashSet<&str> = surnames.into_iter().filter(|s| !brand(s)).collect();
    // One-word organisations, tagged so twice or more and never otherwise.
    let organisations: FxHashSet<&str> = votes
        .iter()
        .filter(|(name, counts)| {
            let org = counts[Label::Org as usize];
            organisations
                && name.len() == 1
                && capitalised(&name[0])
                && name[0].chars().count() >= 3
                && org >= 2
                && counts.iter().sum::<u32>() == org
        })
        .map(|(name, _)| name[0])
        .collect();
    // The surnames with a particle (`de Gaulle` after `Charles de Gaulle`):
    // the capitalised words after it.
    let mut particle_surnames: Vec<&[&str]> = votes
        .iter()
        .filter(|(_, counts)| persons && majority(counts) == Some(Label::Per))
        .filter_map(|(name, _)| {
            let p = name.iter().position(|w| PARTICLES.contains(w))?;
            let rest = &name[p + 1..];
            // Not a place's name (`Albert de Monaco`, `Andrew d'York`):
            // the document tags the surname alone as a person, or not at all.
            let person = votes.get(rest).map_or(true, |counts| {
                counts.iter().sum::<u32>() == counts[Label::Per as usize]
            });
            (p > 0
                && !rest.is_empty()
                && person
                && name.iter().all(|w| capitalised(w) || PARTICLES.contains(w)))
            .then_some(rest)
        })
        .collect();
    if !particle_surnames.is_empty() {
        // The longest first (`de Saint Just` before `de Saint`).
        particle_surnames.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        with_particles(tokens, blocked, &particle_surnames, spans);
    }
    if surnames.is_empty() && organisations.is_empty() {
        return;
    }
    // And in another case (`SACEM` after `Sacem`).
    let folded: FxHashSet<String> = organisations.iter().map(|o| o.to_lowercase()).collect();
    let organisation = |word: &str| {
        organisations.contains(word)
            || !folded.is_empty()
                && word.chars().next().is_some_and(char::is_uppercase)
                && folded.contains(&word.to_lowercase())
    };
    // A word alone: no capitalised word next to it but a determiner, and no
    // model's number after it (`la Brabus 125R`).
    let alone = |i: usize| {
        let before = i.checked_sub(1).map(|p| &tokens[p]);
        !before.is_some_and(|t| t.is_capitalised_word() && !DETERMINERS.contains(&t.text))
            && !tokens
                .get(i + 1)
                .is_some_and(|t| t.is_capitalised_word() || is_model(t))
    };

    // A surname alone, not a word of a longer name (`Fisker Inc.`, `Crew
    // Dragon`, `Brabham BT62`): no capitalised word before it but a
    // determiner, an honorific or a sentence's opener, and no capitalised
    // word or model number after it.
    let lone = |i: usize| {
        let before = i.checked_sub(1).map(|p| &tokens[p]);
        !before.is_some_and(|t| {
            t.is_capitalised_word()
                && !DETERMINERS.contains(&t.text)
                && !SENTENCE_OPENERS.contains(&t.text)
                && !is_honorific(t.text)
        }) && !tokens.get(i + 1).is_some_and(is_model)
    };

    let mut out = Vec::with_capacity(spans.len());
    let mut next = 0; // the next tagged span
    for (i, token) in tokens.iter().enumerate() {
        if next < spans.len() && spans[next].0.start <= i {
            if spans[next].0.end == i + 1 {
                let mut span = spans[next].clone();
                // A one-word place, organisation or other name that is a
                // surname (`à Hollande` after `François Hollande`).
                if span.0.len() == 1
                    && matches!(span.1, Label::Loc | Label::Org | Label::Misc)
                    && surnames.contains(token.text)
                {
                    span.1 = Label::Per;
                }
                out.push(span);
                next += 1;
            }
            continue;
        }
        if token.kind != TokenKind::Word || blocked[i] != 0 {
            continue;
        }
        if surnames.contains(token.text) && lone(i) {
            out.push((i..i + 1, Label::Per));
        } else if organisation(token.text) && alone(i) {
            out.push((i..i + 1, Label::Org));
        }
    }
    *spans = out;
}

/// Whether `token` may name a model after a brand: a capitalised word
/// (`Chiron`, `BT62`) that does not open a sentence or another name (`Et`,
/// `Mademoiselle`), a word with a digit (`i30`, `125R`) or a number that is
/// not a year (`911`, `4.5`, not `2022`).
fn is_model(token: &Token<'_>) -> bool {
    let year = token.text.len() == 4
        && token.text.bytes().all(|b| b.is_ascii_digit())
        && matches!(&token.text[..2], "18" | "19" | "20");
    match token.kind {
        TokenKind::Word => {
            token.is_capitalised_word()
                && !SENTENCE_OPENERS.contains(&token.text)
                && !DETERMINERS.contains(&token.text)
                && !is_honorific(token.text)
                || token.text.bytes().any(|b| b.is_ascii_digit())
        }
        TokenKind::Number => !year,
        _ => false,
    }
}

/// Particles of surnames (`Charles de Gaulle`, `Valéry Giscard d'Estaing`).
const PARTICLES: &[&str] = &["de", "d'", "d’", "du"];

/// Makes one person of a particle and the surname after it wherever a
/// person's full name with that particle recurs without its first names
/// (`le général de Gaulle` after `Charles de Gaulle`, `M. de Caigny`), as
/// the news and historical gold write them: the surname untagged, or
/// tagged alone as a person. Not after a
/// capitalised word (a first name: the full name again) but a sentence's
/// opener (`Selon de Caigny`).
fn with_particles(
    tokens: &[Token<'_>],
    blocked: &[u8],
    particle_surnames: &[&[&str]],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let covered = covered(tokens, spans);
    let mut starts: Vec<Option<usize>> = vec![None; tokens.len()];
    for (n, (r, _)) in spans.iter().enumerate() {
        starts[r.start] = Some(n);
    }
    let mut found: Vec<(Range<usize>, Option<usize>)> = Vec::new();
    for i in 1..tokens.len() {
        if !PARTICLES.contains(&tokens[i].text)
            || !free(&covered, blocked, i)
            || tokens[i - 1].is_capitalised_word()
                && !SENTENCE_OPENERS.contains(&tokens[i - 1].text)
        {
            continue;
        }
        for rest in particle_surnames {
            let end = i + 1 + rest.len();
            let same = tokens
                .get(i + 1..end)
                .is_some_and(|ts| ts.iter().zip(rest.iter()).all(|(t, w)| t.text == *w));
            if !same || tokens.get(end).is_some_and(Token::is_capitalised_word) {
                continue;
            }
            // The surname alone: untagged, or one span of its own.
            let span = starts[i + 1];
            let alone = match span {
                Some(n) => spans[n].0.end == end && spans[n].1 == Label::Per,
                None => (i + 1..end).all(|k| free(&covered, blocked, k)),
            };
            if alone {
                found.push((i..end, span));
                break;
            }
        }
    }
    if found.is_empty() {
        return;
    }
    for (r, span) in &found {
        match span {
            Some(n) => spans[*n] = (r.clone(), Label::Per),
            None => spans.push((r.clone(), Label::Per)),
        }
    }
    spans.sort_by_key(|(r, _)| r.start);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn a_document_agrees_with_itself() {
        let cases = [
            Case {
                name: "surname after full name",
                text: "Jacques Boutault parle. Boutault insiste.",
                tagged: &[("Jacques Boutault", Label::Per)],
                expected: &[("Jacques Boutault", Label::Per), ("Boutault", Label::Per)],
            },
            Case {
                name: "longer names keep their labels",
                text: "Jacques Boutault parle. Boutault Immobilier insiste. Boutault part.",
                tagged: &[
                    ("Jacques Boutault", Label::Per),
                    ("Boutault Immobilier", Label::Org),
                ],
                expected: &[
                    ("Jacques Boutault", Label::Per),
                    ("Boutault Immobilier", Label::Org),
                    ("Boutault", Label::Per),
                ],
            },
            Case {
                name: "a surname tagged as a place is a person, a site stays",
                text: "J'en veux à Hollande, dit François Hollande. Sur Mega, Martin Mega rit.",
                tagged: &[
                    ("Hollande", Label::Loc),
                    ("François Hollande", Label::Per),
                    ("Mega", Label::Site),
                    ("Martin Mega", Label::Per),
                ],
                expected: &[
                    ("Hollande", Label::Per),
                    ("François Hollande", Label::Per),
                    ("Mega", Label::Site),
                    ("Martin Mega", Label::Per),
                ],
            },
            Case {
                name: "a name tagged once is not found again",
                text: "La Sacem proteste. Puis la Sacem insiste.",
                tagged: &[("Sacem", Label::Org)],
                expected: &[("Sacem", Label::Org)],
            },
            Case {
                name: "an organisation tagged twice is found again alone",
                text: "La Sacem proteste, la Sacem insiste. La Sacem gagne. Sacem Vision sort. Sacem. \
                       La SACEM aussi, pas la sacem.",
                tagged: &[("Sacem", Label::Org), ("Sacem", Label::Org)],
                expected: &[
                    ("Sacem", Label::Org),
                    ("Sacem", Label::Org),
                    ("Sacem", Label::Org),
                    ("Sacem", Label::Org),
                    ("SACEM", Label::Org),
                ],
            },
            Case {
                name: "an organisation before a model's number is the model's",
                text: "Brabus vend. Brabus innove. La Brabus 125R roule, la Brabus 4.5 aussi, \
                       Brabus 2019 non.",
                tagged: &[("Brabus", Label::Org), ("Brabus", Label::Org)],
                expected: &[
                    ("Brabus", Label::Org),
                    ("Brabus", Label::Org),
                    ("Brabus", Label::Org),
                ],
            },
            Case {
                name: "not a name tagged otherwise too",
                text: "Casino vend. Casino achète. Casino est ici. Le Casino ferme.",
                tagged: &[
                    ("Casino", Label::Org),
                    ("Casino", Label::Org),
                    ("Casino", Label::Loc),
                ],
                expected: &[
                    ("Casino", Label::Org),
                    ("Casino", Label::Org),
                    ("Casino", Label::Loc),
                ],
            },
            Case {
                name: "a surname with its particle",
                text: "Le général de Gaulle insiste, M. de Gaulle aussi. Charles de Gaulle parle. \
                       Selon de Caigny, rien. Laurent de Caigny vient. Il va à Saint-Maur de Caigny. \
                       Le prince Albert de Monaco. Retour de Monaco.",
                tagged: &[
                    ("Gaulle", Label::Per),
                    ("Charles de Gaulle", Label::Per),
                    ("Laurent de Caigny", Label::Per),
                    ("Saint-Maur de Caigny", Label::Loc),
                    ("Albert de Monaco", Label::Per),
                    ("Monaco", Label::Loc),
                ],
                expected: &[
                    ("de Gaulle", Label::Per),
                    ("de Gaulle", Label::Per),
                    ("Charles de Gaulle", Label::Per),
                    ("de Caigny", Label::Per),
                    ("Laurent de Caigny", Label::Per),
                    ("Saint-Maur de Caigny", Label::Loc),
                    ("Albert de Monaco", Label::Per),
                    ("Monaco", Label::Loc),
                ],
            },
            Case {
                name: "no surname from a name with a common noun",
                text: "La secrétaire d'État parle. État de droit.",
                tagged: &[("secrétaire d'État", Label::Per)],
                expected: &[("secrétaire d'État", Label::Per)],
            },
            Case {
                name: "no surname from a name that is not mostly a person",
                text: "Saint Martin est loin. Saint Martin. Saint Martin. Martin parle.",
                tagged: &[
                    ("Saint Martin", Label::Loc),
                    ("Saint Martin", Label::Loc),
                    ("Saint Martin", Label::Per),
                ],
                expected: &[
                    ("Saint Martin", Label::Loc),
                    ("Saint Martin", Label::Loc),
                    ("Saint Martin", Label::Per),
                ],
            },
            Case {
                name: "a surname in a longer name is no person alone",
                text: "Henrik Fisker dirige Fisker Inc. Selon Fisker, Me Fisker et Fisker 2020 \
                       aussi. Donald Trump loue la Trump Tower. Trump rit.",
                tagged: &[("Henrik Fisker", Label::Per), ("Donald Trump", Label::Per)],
                expected: &[
                    ("Henrik Fisker", Label::Per),
                    ("Fisker", Label::Per),
                    ("Fisker", Label::Per),
                    ("Fisker", Label::Per),
                    ("Donald Trump", Label::Per),
                    ("Trump", Label::Per),
                ],
            },
            Case {
                name: "a brand named after its founder stays the brand's",
                text: "Bugatti présente la Bugatti Chiron. Ettore Bugatti fonda Bugatti. \
                       Porsche vend. Porsche rit. Ferdinand Porsche aussi. La Porsche 911 roule. \
                       Porsche gagne.",
                tagged: &[
                    ("Bugatti", Label::Org),
                    ("Ettore Bugatti", Label::Per),
                    ("Porsche", Label::Org),
                    ("Porsche", Label::Per),
                    ("Ferdinand Porsche", Label::Per),
                ],
                expected: &[
                    ("Bugatti", Label::Org),
                    ("Ettore Bugatti", Label::Per),
                    ("Porsche", Label::Org),
                    ("Porsche", Label::Per),
                    ("Ferdinand Porsche", Label::Per),
                ],
            },
            Case {
                name: "a person the tagger takes for an organisation, with no model",
                text: "Zuckerberg rit. Mark Zuckerberg parle. Zuckerberg 2020 part.",
                tagged: &[("Zuckerberg", Label::Org), ("Mark Zuckerberg", Label::Per)],
                expected: &[
                    ("Zuckerberg", Label::Per),
                    ("Mark Zuckerberg", Label::Per),
                    ("Zuckerberg", Label::Per),
                ],
            },
        ];
        check(&cases, |_, tokens, spans| {
            find_surnames(tokens, &vec![0; tokens.len()], NameRules::ALL, spans)
        });
    }
}
