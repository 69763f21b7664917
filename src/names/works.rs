//! Works and shows are not annotated in the news gold (`docs/annotation.md`):
//! in `l'émission BFM Politique`, `le spectacle Le Mur` or `le documentaire
//! « I Am Paul Walker »` the name is a work's title, whatever names it holds.
//! The tagger, seeing capitals, takes it for an organisation or a person.

use std::ops::Range;

use super::{after_noun, covered, quoted_name};
use crate::text::Token;
use crate::types::Label;

/// Nouns that name a kind of work whose title follows them. `magazine`
/// and `programme` are not: they introduce a publisher or a plan as often.
const WORK_NOUNS: &[&str] = &[
    "album",
    "chanson",
    "documentaire",
    "émission",
    "émissions",
    "feuilleton",
    "film",
    "films",
    "jeu",
    "livre",
    "roman",
    "saga",
    "série",
    "sitcom",
    "spectacle",
    "téléfilm",
    "tube",
];

/// Makes `MISC` the names that a work noun introduces (`l'émission BFM
/// Politique`), and adds the quoted titles it introduces that no span holds
/// (`le film "Leto"`) outside the tokens `blocked` marks; a work's owner
/// after `de` is left alone (`le jeu de TF1`). The result is sorted and
/// does not overlap.
pub(crate) fn works(tokens: &[Token<'_>], blocked: &[u8], spans: &mut Vec<(Range<usize>, Label)>) {
    for (r, label) in spans.iter_mut() {
        if *label != Label::Money && after_noun(tokens, r.start, WORK_NOUNS) {
            *label = Label::Misc;
        }
    }
    let covered = covered(tokens, spans);
    let before = spans.len();
    for open in 1..tokens.len() {
        if let Some(name) = quoted_name(tokens, &covered, blocked, open) {
            if after_noun(tokens, name.start, WORK_NOUNS) {
                spans.push((name, Label::Misc));
            }
        }
    }
    if spans.len() > before {
        spans.sort_by_key(|(r, _)| r.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn works_are_not_organisations() {
        let cases = [
            Case {
                name: "titles after work nouns",
                text: "Invitée de l'émission BFM Politique, elle joue le spectacle Le Mur et le documentaire « I Am Paul Walker ».",
                tagged: &[("BFM Politique", Label::Org), ("Le Mur", Label::Per), ("Paul Walker", Label::Per)],
                expected: &[("BFM Politique", Label::Misc), ("Le Mur", Label::Misc), ("Paul Walker", Label::Per)],
            },
            Case {
                name: "an untagged quoted title",
                text: "Le film \"Leto\" sort à Paris.",
                tagged: &[("Paris", Label::Loc)],
                expected: &[("Leto", Label::Misc), ("Paris", Label::Loc)],
            },
            Case {
                name: "an owner after de stays",
                text: "Le jeu de TF1 et le film de François Ozon.",
                tagged: &[("TF1", Label::Org), ("François Ozon", Label::Per)],
                expected: &[("TF1", Label::Org), ("François Ozon", Label::Per)],
            },
        ];
        check(&cases, |_, tokens, spans| {
            works(tokens, &vec![0; tokens.len()], spans)
        });
    }
}
