//! Social-media handles name their owner (`docs/annotation.md`): `@finked`
//! is a person, written without the `@`. The tagger knows capitalised
//! names; a handle is often in lower case (`@caroreceveur`).

use std::ops::Range;

use super::{covered, free};
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
        } else if let Some((_, label)) = spans.iter_mut().find(|(r, _)| *r == (k..k + 1)) {
            if matches!(label, Label::Loc | Label::Misc) {
                *label = Label::Per;
            }
        }
    }
    if !found.is_empty() {
        spans.extend(found);
        spans.sort_by_key(|(r, _)| r.start);
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
}
