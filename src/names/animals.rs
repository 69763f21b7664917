//! Named animals are persons (`docs/annotation.md`): `son chien, Gribouille`,
//! `le chat Happy`. The tagger, seeing a lone capitalised word it does not
//! know, guesses a place or an organisation as often as a person.

use std::ops::Range;

use crate::text::Token;
use crate::types::Label;

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
    let word = |back: usize| {
        start
            .checked_sub(back)
            .and_then(|k| tokens.get(k))
            .map_or("", |t| t.text)
    };
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
