//! One document, one label per name: the tagger decides sentence by
//! sentence, so a name it finds in one sentence can go unseen in the
//! next. This stage makes a document agree with itself (tagged mentions keep
//! their labels: on the dev sets, voting them to one label cost more than it
//! gained):
//!
//! - a name the tagger found is found again where it recurs untagged,
//!   written the same way and starting with a capital (or a digit), with
//!   the label its tagged mentions carry most often (none on a tie);
//! - the last word of a person's full name (`Boutault` after
//!   `Jacques Boutault`) is a person wherever it recurs.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::pipeline::{Label, NameRule, NameRules};
use crate::text::{Token, TokenKind};

/// Completes `spans` (token ranges into `tokens`, sorted, not
/// overlapping) over the document; `blocked` marks tokens that no new span
/// may cover (the rules' amounts and domains). The result is sorted and
/// does not overlap.
pub(crate) fn harmonise(
    tokens: &[Token<'_>],
    blocked: &[u8],
    rules: NameRules,
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let (again, surnames) = (rules.on(NameRule::FoundAgain), rules.on(NameRule::Surnames));
    if spans.is_empty() || !(again || surnames) {
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

    // Names to look for again, by first token: full names, and surnames.
    let mut names: FxHashMap<&str, Vec<(Vec<&str>, Label)>> = FxHashMap::default();
    for (name, counts) in &votes {
        let Some(label) = majority(counts) else {
            continue;
        };
        if again && name.iter().map(|t| t.chars().count()).sum::<usize>() >= 2 {
            names
                .entry(name[0])
                .or_default()
                .push((name.clone(), label));
        }
        let capitalised = |t: &&str| t.chars().next().is_some_and(char::is_uppercase);
        if surnames && label == Label::Per && name.len() >= 2 && name.iter().all(capitalised) {
            let last = name[name.len() - 1];
            if last.chars().count() >= 3 {
                names
                    .entry(last)
                    .or_default()
                    .push((vec![last], Label::Per));
            }
        }
    }
    for candidates in names.values_mut() {
        // Longest first, so that `Jacques Boutault` wins over `Jacques`.
        candidates.sort_by_key(|c| std::cmp::Reverse(c.0.len()));
    }

    let mut out = Vec::with_capacity(spans.len());
    let mut next = 0; // the next tagged span
    let mut i = 0;
    while i < tokens.len() {
        if next < spans.len() && spans[next].0.start == i {
            let (r, label) = spans[next].clone();
            next += 1;
            i = r.end;
            out.push((r, label));
            continue;
        }
        let limit = spans.get(next).map_or(tokens.len(), |(r, _)| r.start);
        let starts_name = tokens[i]
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && matches!(tokens[i].kind, TokenKind::Word);
        let found = starts_name
            .then(|| names.get(tokens[i].text))
            .flatten()
            .and_then(|candidates| {
                candidates.iter().find(|(name, _)| {
                    let end = i + name.len();
                    end <= limit
                        && tokens[i..end].iter().zip(name).all(|(t, n)| t.text == *n)
                        && blocked[i..end].iter().all(|&b| b == 0)
                })
            });
        match found {
            Some((name, label)) => {
                out.push((i..i + name.len(), *label));
                i += name.len();
            }
            None => i += 1,
        }
    }
    *spans = out;
}

#[cfg(test)]
mod tests {
    use super::super::tests::{range_text, token_range};
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn a_document_agrees_with_itself() {
        struct Case {
            name: &'static str,
            text: &'static str,
            tagged: &'static [(usize, &'static str, Label)],
            expected: &'static [(&'static str, Label)],
        }
        let cases = [
            Case {
                name: "new mentions take the majority label, tagged ones keep theirs",
                text: "La Sacem proteste. La Sacem insiste. Selon la Sacem, non. Sacem !",
                tagged: &[
                    (0, "Sacem", Label::Org),
                    (1, "Sacem", Label::Org),
                    (2, "Sacem", Label::Loc),
                ],
                expected: &[
                    ("Sacem", Label::Org),
                    ("Sacem", Label::Org),
                    ("Sacem", Label::Loc),
                    ("Sacem", Label::Org),
                ],
            },
            Case {
                name: "recurring name found again",
                text: "La Sacem proteste. Puis la Sacem insiste.",
                tagged: &[(0, "Sacem", Label::Org)],
                expected: &[("Sacem", Label::Org), ("Sacem", Label::Org)],
            },
            Case {
                name: "surname after full name",
                text: "Jacques Boutault parle. Boutault insiste.",
                tagged: &[(0, "Jacques Boutault", Label::Per)],
                expected: &[("Jacques Boutault", Label::Per), ("Boutault", Label::Per)],
            },
            Case {
                name: "no new mention on a tie",
                text: "Orange gagne. Orange perd. Orange reste.",
                tagged: &[(0, "Orange", Label::Org), (1, "Orange", Label::Loc)],
                expected: &[("Orange", Label::Org), ("Orange", Label::Loc)],
            },
            Case {
                name: "no surname from a name with a common noun",
                text: "La secrétaire d'État parle. État de droit.",
                tagged: &[(0, "secrétaire d'État", Label::Per)],
                expected: &[("secrétaire d'État", Label::Per)],
            },
            Case {
                name: "lower-case recurrence is left alone",
                text: "Le Marché ouvre. Un marché ferme.",
                tagged: &[(0, "Marché", Label::Loc)],
                expected: &[("Marché", Label::Loc)],
            },
        ];
        for c in cases {
            let tokens = tokenize(c.text);
            let mut spans: Vec<(Range<usize>, Label)> = c
                .tagged
                .iter()
                .map(|&(nth, name, label)| (token_range(c.text, &tokens, name, nth), label))
                .collect();
            harmonise(&tokens, &vec![0; tokens.len()], NameRules::ALL, &mut spans);
            let got: Vec<_> = spans
                .iter()
                .map(|(r, l)| (range_text(c.text, &tokens, r), *l))
                .collect();
            assert_eq!(got, c.expected, "{}", c.name);
        }
    }
}
