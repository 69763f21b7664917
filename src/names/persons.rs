//! Names that their context makes persons (`docs/annotation.md`): a
//! social-media handle names its owner (`@finked`, written without the
//! `@`), a pseudonym its bearer (`sous le pseudo "Fly Rider"`, `un certain
//! "Pokercroix"`), and named animals are persons (`son chien, Gribouille`).
//! The tagger knows capitalised names in running text; a handle is often in
//! lower case (`@caroreceveur`), and a lone unknown word is as often taken
//! for a place or an organisation.

use std::ops::Range;

use super::{add_quoted_names, covered, free, word_before};
use crate::text::{Token, TokenKind};
use crate::types::Label;

/// Whether token `k` is a handle: a word glued after an `@` that is not
/// glued to a word before it.
fn is_handle(tokens: &[Token<'_>], k: usize) -> bool {
    let Some(at) = k.checked_sub(1).map(|a| &tokens[a]) else {
        return false;
    };
    let word = &tokens[k];
    let after_word = k
        .checked_sub(2)
        .is_some_and(|b| tokens[b].span.byte_end == at.span.byte_start);
    at.text == "@"
        && at.span.byte_end == word.span.byte_start
        && !after_word
        && word.kind == TokenKind::Word
        && word.text.chars().count() > 1
}

/// Makes each handle a person, unless the tagger found it an organisation,
/// a person or a site: a handle it missed or took for a place or another
/// name becomes `PER`.
pub(crate) fn handles(tokens: &[Token<'_>], marks: &[u8], spans: &mut Vec<(Range<usize>, Label)>) {
    let taken = covered(tokens, spans);
    let mut found = Vec::new();
    for k in 1..tokens.len() {
        if !is_handle(tokens, k) {
            continue;
        }
        if free(&taken, marks, k) {
            found.push((k..k + 1, Label::Per));
        } else if let Ok(i) = spans.binary_search_by_key(&k, |(r, _)| r.start) {
            let (r, label) = &mut spans[i];
            if r.len() == 1 && matches!(label, Label::Loc | Label::Misc) {
                *label = Label::Per;
            }
        }
    }
    if !found.is_empty() {
        spans.extend(found);
        spans.sort_by_key(|(r, _)| r.start);
    }
}

/// Whether the span starting at token `start` is a pseudonym: after
/// `pseudo`, `pseudonyme (de)`, `un certain` or `une certaine`, an opening
/// quote between (`un certain "Pokercroix"`; not `un certain nombre`,
/// which no name follows).
fn after_pseudonym_word(tokens: &[Token<'_>], start: usize) -> bool {
    let word = |back: usize| word_before(tokens, start, back);
    let mut back = 1;
    if matches!(word(back), "\"" | "«" | "“") {
        back += 1;
    }
    if word(back) == "de" {
        back += 1;
    }
    matches!(word(back), "pseudo" | "pseudonyme")
        || (matches!(word(back), "certain" | "certaine")
            && matches!(word(back + 1), "un" | "une" | "Un" | "Une"))
}

/// Makes `PER` the names that a pseudonym word introduces: those the tagger
/// found as a place, an organisation or another name, and a quoted name
/// that no span holds (`un certain "Pokercroix"`), outside the tokens
/// `blocked` marks. The result is sorted and does not overlap.
pub(crate) fn pseudonyms(
    tokens: &[Token<'_>],
    blocked: &[u8],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    for (r, label) in spans.iter_mut() {
        if matches!(label, Label::Loc | Label::Org | Label::Misc)
            && after_pseudonym_word(tokens, r.start)
        {
            *label = Label::Per;
        }
    }
    add_quoted_names(tokens, blocked, spans, Label::Per, |start| {
        after_pseudonym_word(tokens, start)
    });
}

/// Nouns for animals that get names in the news.
const ANIMALS: &[&str] = &[
    "chat",
    "chatte",
    "chaton",
    "cheval",
    "chien",
    "chienne",
    "chiot",
    "éléphant",
    "girafe",
    "gorille",
    "jument",
    "lion",
    "lionne",
    "ours",
    "ourse",
    "panda",
    "perroquet",
    "poney",
    "singe",
    "tigre",
    "tigresse",
];

/// Whether the span starting at token `start` names an animal: right after
/// an animal noun, a comma or `nommé`/`baptisé` between.
fn after_animal(tokens: &[Token<'_>], start: usize) -> bool {
    let word = |back: usize| word_before(tokens, start, back);
    let back = if matches!(
        word(1),
        "," | "nommé" | "nommée" | "baptisé" | "baptisée" | "surnommé" | "surnommée"
    ) {
        2
    } else {
        1
    };
    ANIMALS.contains(&word(back))
}

/// Makes `PER` the one-word names of animals that the tagger found as
/// something else.
pub(crate) fn animals(tokens: &[Token<'_>], spans: &mut [(Range<usize>, Label)]) {
    for (r, label) in spans.iter_mut() {
        if matches!(label, Label::Loc | Label::Org | Label::Misc)
            && r.len() == 1
            && after_animal(tokens, r.start)
        {
            *label = Label::Per;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn handles_are_persons() {
        let cases = [
            Case {
                name: "lower-case handles the tagger missed",
                text: "Tellement injuste que @caroreceveur et @maximedereymez quittent l'aventure.",
                tagged: &[],
                expected: &[("caroreceveur", Label::Per), ("maximedereymez", Label::Per)],
            },
            Case {
                name: "a place becomes a person, an organisation stays",
                text: "Nous avons entarté @Coquerel, député @FranceInsoumise, à Paris.",
                tagged: &[
                    ("Coquerel", Label::Loc),
                    ("FranceInsoumise", Label::Org),
                    ("Paris", Label::Loc),
                ],
                expected: &[
                    ("Coquerel", Label::Per),
                    ("FranceInsoumise", Label::Org),
                    ("Paris", Label::Loc),
                ],
            },
            Case {
                name: "e-mail addresses and lone signs are no handles",
                text: "Écrivez à jean@gmail.com ou @ nous, 3 @ 4.",
                tagged: &[],
                expected: &[],
            },
        ];
        check(&cases, |_, tokens, spans| {
            handles(tokens, &vec![0; tokens.len()], spans)
        });
    }

    #[test]
    fn pseudonyms_are_persons() {
        let cases = [Case {
            name: "after pseudo and un certain, quoted or not; not un certain nombre",
            text: "Un certain \"Pokercroix\" a gagné, sous le pseudo \"Fly Rider\", au pseudonyme de Doditz, un certain nombre de fois.",
            tagged: &[("Fly Rider", Label::Misc), ("Doditz", Label::Loc)],
            expected: &[("Pokercroix", Label::Per), ("Fly Rider", Label::Per), ("Doditz", Label::Per)],
        }];
        check(&cases, |_, tokens, spans| {
            pseudonyms(tokens, &vec![0; tokens.len()], spans)
        });
    }

    #[test]
    fn animals_are_persons() {
        let cases = [Case {
            name: "names after animal nouns, not a place after a verb",
            text: "Son chien, Gribouille, et le chat Happy vivent au chenil, loin de Paris.",
            tagged: &[
                ("Gribouille", Label::Loc),
                ("Happy", Label::Org),
                ("Paris", Label::Loc),
            ],
            expected: &[
                ("Gribouille", Label::Per),
                ("Happy", Label::Per),
                ("Paris", Label::Loc),
            ],
        }];
        check(&cases, |_, tokens, spans| animals(tokens, spans));
    }
}
