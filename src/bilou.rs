//! Tag positions and the rule of legal tag sequences, shared by the
//! embedded tagger and the transformer's decoding.
//!
//! A tag puts its token at a [`Position`] in an entity of some label. A tag
//! sequence is legal when every entity that a tag leaves open
//! ([`Position::opens`]: `B`, `I`) is continued by the next tag, of the same
//! label ([`Position::continues`]: `I`, `L`), and nothing else is continued.
//!
//! Each decodes with its own Viterbi over that rule: the tagger's works on
//! integer scores over its fixed 21 BILOU tags, vectorised, so that
//! training and tagging decode alike; the transformer's works on
//! log-probabilities over whatever tags a model has (BIO, BIOES, bare
//! types), where a scheme without `B` lets `I` open an entity.

use crate::types::Label;

/// Where a tag puts its token in an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Position {
    /// First token (`B-`).
    Begin = 0,
    /// A token inside, or anywhere when the scheme has no other prefix
    /// (`I-`, and bare `PER`).
    Inside = 1,
    /// Last token (`E-`, `L-`).
    Last = 2,
    /// The only token (`S-`, `U-`).
    Unit = 3,
    /// Outside any entity (`O`, or a type that is not mapped).
    Outside = 4,
}

impl Position {
    /// Whether the entity goes on after this token (`B`, `I`).
    pub fn opens(self) -> bool {
        matches!(self, Position::Begin | Position::Inside)
    }

    /// Whether this token goes on from an entity left open (`I`, `L`).
    pub fn continues(self) -> bool {
        matches!(self, Position::Inside | Position::Last)
    }

    /// Whether this token ends an entity (`L`, `U`).
    pub fn closes(self) -> bool {
        matches!(self, Position::Last | Position::Unit)
    }
}

/// Whether a tag at `next` may follow one at `prev`, each a position and a
/// label (`None` for the sentence boundary): an open entity must be
/// continued, with its label, and only an open entity can be.
pub(crate) fn legal(prev: Option<(Position, Label)>, next: Option<(Position, Label)>) -> bool {
    let open = prev.filter(|(p, _)| p.opens()).map(|(_, l)| l);
    let continued = next.filter(|(p, _)| p.continues()).map(|(_, l)| l);
    match (open, continued) {
        (Some(a), Some(b)) => a == b,
        (None, None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Position::*;

    #[test]
    fn legal_sequences_follow_bilou() {
        let per = |p| Some((p, Label::Per));
        let org = |p| Some((p, Label::Org));
        let cases = [
            (None, per(Begin), true),
            (None, per(Inside), false),
            (per(Begin), per(Inside), true),
            (per(Begin), per(Last), true),
            (per(Begin), org(Last), false),
            (per(Begin), None, false),
            (per(Inside), per(Unit), false),
            (per(Last), org(Begin), true),
            (per(Unit), None, true),
            (per(Last), per(Last), false),
            (None, None, true),
        ];
        for (prev, next, expected) in cases {
            assert_eq!(legal(prev, next), expected, "{prev:?} -> {next:?}");
        }
    }
}
