//! The words every stage shares: what a name is ([`Label`]) and where it is
//! ([`Span`], and a name's place as a tagger or a gold file gives it:
//! [`TokenSpan`], [`CharSpan`]). Every other module may import this one; it imports none of
//! them but [`error`](crate::Error).

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};

/// The kind of thing an entity names (see `docs/annotation.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Label {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A place.
    Loc,
    /// Another name: event, work, nationality, product.
    Misc,
    /// An amount of money.
    Money,
    /// A web site or online service.
    Site,
}

impl Label {
    /// Every label, in a fixed order.
    pub const ALL: [Label; 6] = [
        Label::Per,
        Label::Org,
        Label::Loc,
        Label::Misc,
        Label::Money,
        Label::Site,
    ];

    /// The label as written in gold files: `PER`, `ORG`, `LOC`, `MISC`, `MONEY`, `SITE`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
            Label::Money => "MONEY",
            Label::Site => "SITE",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Label {
    type Err = Error;

    /// Parses a gold-file label such as `PER` or `MONEY`.
    fn from_str(s: &str) -> Result<Label, Error> {
        Label::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| Error::new(ErrorKind::Format, format!("unknown label {s:?}")))
    }
}

// As a gold-file label: `"PER"`.
crate::util::serde_as_string!(Label);

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
#[non_exhaustive]
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

/// A labelled range of tokens: a name as a tagger gives it
/// ([`Pipeline::annotate_with`](crate::Pipeline::annotate_with)).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TokenSpan {
    /// The tokens it covers, as indices into the text's tokens.
    pub tokens: Range<usize>,
    /// What it names.
    pub label: Label,
}

impl TokenSpan {
    /// The name over `tokens`, labelled `label`.
    pub fn new(tokens: Range<usize>, label: Label) -> TokenSpan {
        TokenSpan { tokens, label }
    }
}

/// A labelled range of chars: a name as the gold files give it
/// ([`Pipeline::group_mentions`](crate::Pipeline::group_mentions)).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CharSpan {
    /// The chars it covers (Unicode scalar values from the start of the text).
    pub chars: Range<usize>,
    /// What it names.
    pub label: Label,
}

impl CharSpan {
    /// The name over `chars`, labelled `label`.
    pub fn new(chars: Range<usize>, label: Label) -> CharSpan {
        CharSpan { chars, label }
    }
}
