//! Seats of power (`docs/annotation.md`): `Élysée`, `Matignon`, `Bercy`,
//! `Quai d'Orsay`, `Kremlin`, `Maison Blanche` are organisations when they
//! act or speak (`selon l'Élysée`, `l'objectif fixé par Bercy`) and places
//! when named as one (`à l'Élysée`, `le perron de l'Élysée`). The tagger
//! picks one label per name, whatever the context says.

use std::ops::Range;

use super::name_key;
use crate::text::Token;
use crate::types::Label;

/// Names of seats of power, lower-cased; their whole text must match.
const SEATS: &[&str] = &[
    "élysée",
    "elysée",
    "elysee",
    "matignon",
    "bercy",
    "quai d'orsay",
    "kremlin",
    "maison blanche",
    "maison-blanche",
    "beauvau",
    "place beauvau",
    "downing street",
    "pentagone",
];

/// Words before which a seat is a place: `à l'Élysée`, `devant Matignon`.
const PLACE_PREPOSITIONS: &[&str] = &["à", "À", "A", "au", "Au", "dans", "Dans", "devant", "vers"];

/// Nouns whose complement is a seat as a place: `le perron de l'Élysée`,
/// `le locataire de Bercy`, `en face de la Maison-Blanche`.
const PLACE_NOUNS: &[&str] = &[
    "abords",
    "face",
    "près",
    "proximité",
    "locataire",
    "locataires",
    "ex-locataire",
    "perron",
    "jardin",
    "jardins",
    "grilles",
    "portes",
    "couloirs",
    "salons",
];

/// Whether the seat starting at token `start` is named as a place.
fn named_as_place(tokens: &[Token<'_>], start: usize) -> bool {
    let mut k = start;
    if k > 0 && matches!(tokens[k - 1].text, "la" | "le" | "l'" | "l’") {
        k -= 1;
    }
    let Some(before) = k.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    if PLACE_PREPOSITIONS.contains(&before.text) {
        return true;
    }
    matches!(before.text, "de" | "du")
        && k.checked_sub(2)
            .is_some_and(|n| PLACE_NOUNS.contains(&tokens[n].text))
}

/// Whether `name` (a whole mention, any case) is a seat of power.
pub(crate) fn is_seat(name: &str) -> bool {
    SEATS.contains(&name.to_lowercase().as_str())
}

/// Gives each name whose whole text is a seat of power the label its
/// context asks for: `LOC` where named as a place, `ORG` elsewhere.
pub(crate) fn seats(text: &str, tokens: &[Token<'_>], spans: &mut [(Range<usize>, Label)]) {
    let mut key = String::new();
    for (r, label) in spans.iter_mut() {
        if !matches!(label, Label::Per | Label::Org | Label::Loc | Label::Misc) {
            continue;
        }
        if !name_key(text, tokens, r, &mut key) {
            continue;
        }
        if SEATS.contains(&key.as_str()) {
            *label = if named_as_place(tokens, r.start) {
                Label::Loc
            } else {
                Label::Org
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn seats_act_or_are_places() {
        let cases = [
            Case {
                name: "places after à and after a place noun",
                text: "Un dîner à la Maison Blanche, puis le perron de l'Élysée et A Matignon, rien.",
                tagged: &[("Maison Blanche", Label::Org), ("Élysée", Label::Org), ("Matignon", Label::Per)],
                expected: &[("Maison Blanche", Label::Loc), ("Élysée", Label::Loc), ("Matignon", Label::Loc)],
            },
            Case {
                name: "actors elsewhere",
                text: "Selon l'Elysée, l'objectif fixé par Bercy et la décision du Quai d'Orsay tiennent.",
                tagged: &[("Elysée", Label::Loc), ("Bercy", Label::Loc), ("Quai d'Orsay", Label::Loc)],
                expected: &[("Elysée", Label::Org), ("Bercy", Label::Org), ("Quai d'Orsay", Label::Org)],
            },
            Case {
                name: "other names and longer names stay",
                text: "Il va à Paris, au palais de l'Élysée, et sur Twitter.",
                tagged: &[("Paris", Label::Loc), ("palais de l'Élysée", Label::Org), ("Twitter", Label::Site)],
                expected: &[("Paris", Label::Loc), ("palais de l'Élysée", Label::Org), ("Twitter", Label::Site)],
            },
        ];
        check(&cases, |c, tokens, spans| seats(c.text, tokens, spans));
    }
}
