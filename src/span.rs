//! Positions in the input text.

use std::ops::Range;

/// A stretch of the input text, as byte offsets (for slicing the `&str`) and
/// as char offsets (Unicode scalar values, the unit of the gold files).
///
/// Both ranges are end-exclusive, and the byte offsets always fall on char
/// boundaries of the text they were computed from.
///
/// ```
/// let doc = quidam::Pipeline::default().annotate("Prix : 5 €");
/// let money = &doc.mentions()[0];
/// assert_eq!(money.span().bytes(), 7..12); // '€' is three bytes
/// assert_eq!(money.span().chars(), 7..10);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub byte_start: usize,
    /// One past the last byte.
    pub byte_end: usize,
    /// First char.
    pub char_start: usize,
    /// One past the last char.
    pub char_end: usize,
}

impl Span {
    /// The byte range, for slicing the input `&str`.
    pub fn bytes(&self) -> Range<usize> {
        self.byte_start..self.byte_end
    }

    /// The char range, as in the gold JSONL format.
    pub fn chars(&self) -> Range<usize> {
        self.char_start..self.char_end
    }

    /// The span from the start of `self` to the end of `other`.
    pub(crate) fn to(self, other: Span) -> Span {
        Span {
            byte_start: self.byte_start,
            char_start: self.char_start,
            byte_end: other.byte_end,
            char_end: other.char_end,
        }
    }
}
