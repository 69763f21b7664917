//! Titles are not names (`docs/annotation.md`): in `le procureur de la
//! République de Paris` only `Paris` is one, a place. The tagger, seeing
//! `République de Paris` capitalised, takes it for an organisation.

use std::ops::Range;

use crate::text::Token;
use crate::types::Label;

/// Whether tokens `start - 3 .. start` are `procureur de la` (or its
/// feminine or plural).
fn after_prosecutor(tokens: &[Token<'_>], start: usize) -> bool {
    let Some(before) = start.checked_sub(3).map(|k| &tokens[k..start]) else {
        return false;
    };
    matches!(
        before[0].text,
        "procureur" | "procureure" | "procureurs" | "Procureur" | "Procureure"
    ) && before[1].text == "de"
        && before[2].text == "la"
}

/// Cuts `République de` off a name after `procureur de la` and makes the
/// rest a place.
pub(crate) fn prosecutors(tokens: &[Token<'_>], spans: &mut [(Range<usize>, Label)]) {
    for (r, label) in spans.iter_mut() {
        let name = &tokens[r.clone()];
        let cut = name.len() > 2
            && name[0].text == "République"
            && matches!(name[1].text, "de" | "d'" | "d’")
            && after_prosecutor(tokens, r.start);
        if cut {
            r.start += 2;
            *label = Label::Loc;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn prosecutors_name_places() {
        let cases = [
            Case {
                name: "the place after the prosecutor's title",
                text: "Selon la procureure de la République d'Evry et le procureur de la République de Saint-Malo.",
                tagged: &[("République d'Evry", Label::Org), ("République de Saint-Malo", Label::Org)],
                expected: &[("Evry", Label::Loc), ("Saint-Malo", Label::Loc)],
            },
            Case {
                name: "a country and a party stay whole",
                text: "Le président de la République démocratique du Congo a quitté La République en marche.",
                tagged: &[("République démocratique du Congo", Label::Loc), ("La République en marche", Label::Org)],
                expected: &[("République démocratique du Congo", Label::Loc), ("La République en marche", Label::Org)],
            },
        ];
        check(&cases, |_, tokens, spans| prosecutors(tokens, spans));
    }
}
