//! Names in one enumeration are alike: in `Danone, Veolia, Renault ou
//! Hermès` every name is a company's, and in `Massy, Palaiseau et
//! Saclay` every name is a place's. Where the tagger gives one name of a
//! list of three or more a label that no other name there has, and the
//! others all share one, the odd one takes theirs; not the first name
//! after an article or `en`, which is most often the end of a phrase that
//! the enumeration, an apposition, follows (`aux Etats-Unis, Vanita Gupta
//! et Sherrilyn Ifill`, `la Nasa, Robert Behnken et Douglas Hurley`), where
//! names are never a person's. Rules that read a
//! name's own context (known outlets, seats of power) run after this one
//! and have the last word.

use std::ops::Range;

use crate::text::Token;
use crate::types::Label;

/// The fewest names of an enumeration.
const MIN_NAMES: usize = 3;

/// Whether the tokens between two names only join them: `,`, `et`, `ou`,
/// `, et`, `, ou`.
fn joins(between: &[Token<'_>]) -> bool {
    match between {
        [t] => matches!(t.text, "," | "et" | "ou"),
        [comma, t] => comma.text == "," && matches!(t.text, "et" | "ou"),
        _ => false,
    }
}

/// Calls `f` on each run of names in `spans` (token ranges into `tokens`,
/// sorted and not overlapping) that follow one another joined by
/// [`joins`], a lone name being a run of one.
pub(super) fn for_each_run(
    tokens: &[Token<'_>],
    spans: &mut [(Range<usize>, Label)],
    mut f: impl FnMut(&mut [(Range<usize>, Label)]),
) {
    let is_name = |l: Label| {
        matches!(
            l,
            Label::Per | Label::Org | Label::Loc | Label::Site | Label::Misc
        )
    };
    let mut start = 0;
    while start < spans.len() {
        // The run of names from `start`, each joined to the one before.
        let mut end = start + 1;
        if is_name(spans[start].1) {
            while end < spans.len()
                && is_name(spans[end].1)
                && spans[end - 1].0.end <= spans[end].0.start
                && joins(&tokens[spans[end - 1].0.end..spans[end].0.start])
            {
                end += 1;
            }
        }
        f(&mut spans[start..end]);
        start = end;
    }
}

/// Gives the one odd name of each enumeration the label of the others.
/// `spans` are token ranges into `tokens`, sorted and not overlapping.
pub(crate) fn enumerations(tokens: &[Token<'_>], spans: &mut [(Range<usize>, Label)]) {
    for_each_run(tokens, spans, |run| {
        if run.len() >= MIN_NAMES {
            let before = run[0].0.start.checked_sub(1).map_or("", |k| tokens[k].text);
            relabel_odd(run, !PHRASE_ENDS_AFTER.contains(&before));
        }
    });
}

/// Words after which a name most often ends a phrase rather than opens an
/// enumeration: articles, contracted or not, and `en` (`en Allemagne`).
const PHRASE_ENDS_AFTER: &[&str] = &[
    "au", "aux", "du", "des", "en", "l'", "l’", "la", "le", "les",
];

/// Relabels the one name of `run` (three names or more) whose label
/// differs from all the others', where the others share one: that label is
/// the first name's where the first two agree, and the third's otherwise.
/// The first name keeps its label unless `first_too`.
fn relabel_odd(run: &mut [(Range<usize>, Label)], first_too: bool) {
    let [(_, a), (_, b), (_, c), ..] = run else {
        return;
    };
    let shared = if a == b { *a } else { *c };
    let mut odd = (0..run.len()).filter(|&k| run[k].1 != shared);
    if let (Some(k), None) = (odd.next(), odd.next()) {
        if k == 0 && !first_too {
            return;
        }
        run[k].1 = shared;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn an_odd_name_takes_the_label_of_its_enumeration() {
        let cases = [
            Case {
                name: "the last, a middle and the first name of a list",
                text: "Danone, Veolia, Renault ou Hermès. Massy, Orsay et Saclay. Dupont, Durand, et Martin.",
                tagged: &[
                    ("Danone", Label::Org),
                    ("Veolia", Label::Org),
                    ("Renault", Label::Org),
                    ("Hermès", Label::Per),
                    ("Massy", Label::Loc),
                    ("Orsay", Label::Org),
                    ("Saclay", Label::Loc),
                    ("Dupont", Label::Loc),
                    ("Durand", Label::Per),
                    ("Martin", Label::Per),
                ],
                expected: &[
                    ("Danone", Label::Org),
                    ("Veolia", Label::Org),
                    ("Renault", Label::Org),
                    ("Hermès", Label::Org),
                    ("Massy", Label::Loc),
                    ("Orsay", Label::Loc),
                    ("Saclay", Label::Loc),
                    ("Dupont", Label::Per),
                    ("Durand", Label::Per),
                    ("Martin", Label::Per),
                ],
            },
            Case {
                name: "two names, two odd ones, or words between: unchanged",
                text: "Paris et Orange. Lyon, Orange, Total et Nice. Lille, puis Total, puis Nice.",
                tagged: &[
                    ("Paris", Label::Loc),
                    ("Orange", Label::Org),
                    ("Lyon", Label::Loc),
                    ("Orange", Label::Org),
                    ("Total", Label::Org),
                    ("Nice", Label::Loc),
                    ("Lille", Label::Loc),
                    ("Total", Label::Org),
                    ("Nice", Label::Loc),
                ],
                expected: &[
                    ("Paris", Label::Loc),
                    ("Orange", Label::Org),
                    ("Lyon", Label::Loc),
                    ("Orange", Label::Org),
                    ("Total", Label::Org),
                    ("Nice", Label::Loc),
                    ("Lille", Label::Loc),
                    ("Total", Label::Org),
                    ("Nice", Label::Loc),
                ],
            },
            Case {
                name: "a first name after an article or en ends a phrase",
                text: "Astronautes de la Nasa, Robert Behnken et Douglas Hurley. Nés en Allemagne, Ebru Mese et Marc Lorenz. Avec Seqens, Upsa et Sanofi.",
                tagged: &[
                    ("Nasa", Label::Org),
                    ("Robert Behnken", Label::Per),
                    ("Douglas Hurley", Label::Per),
                    ("Allemagne", Label::Loc),
                    ("Ebru Mese", Label::Per),
                    ("Marc Lorenz", Label::Per),
                    ("Seqens", Label::Per),
                    ("Upsa", Label::Org),
                    ("Sanofi", Label::Org),
                ],
                expected: &[
                    ("Nasa", Label::Org),
                    ("Robert Behnken", Label::Per),
                    ("Douglas Hurley", Label::Per),
                    ("Allemagne", Label::Loc),
                    ("Ebru Mese", Label::Per),
                    ("Marc Lorenz", Label::Per),
                    ("Seqens", Label::Org),
                    ("Upsa", Label::Org),
                    ("Sanofi", Label::Org),
                ],
            },
        ];
        check(&cases, |_, tokens, spans| enumerations(tokens, spans));
    }
}
