//! French tokenizer and sentence splitter over the original text.
//!
//! Words come from Unicode word boundaries (UAX #29, through
//! `unicode-segmentation`), then French rules adjust them:
//!
//! - elisions split off the word: `l'ADISQ` → `l'` `ADISQ` (`'` and `’`);
//! - hyphenated compounds stay whole: `Jean-Baptiste`, `vingt-neuf`; but a
//!   name after `ex-`, `pro-` or `anti-` is a token of its own (`ex-LR` →
//!   `ex` `-` `LR`);
//! - numbers with space, no-break space or narrow no-break space thousands
//!   stay whole (`150 000`), as do `839.000` and `8,5`;
//! - URLs, e-mail addresses and domains (validated against the public suffix
//!   list) are one token: `QuebecTorrent.com`, `What.cd`;
//! - a full stop glued between two words is split off (`Pyrénées.Alors`), so
//!   that the sentence splitter can end the sentence there;
//! - a number glued to a unit is split: `175M€` → `175` `M` `€`.
//!
//! Sentences end at full stops, also glued ones (`Pyrénées.Alors`) and
//! glued capitals (`d'eurosLe`), but not after `M.`, `St.` or initials
//! ([`split_sentences`]). Common chunks of text take a fast path that a
//! property test proves equal to UAX #29.
//!
//! Tokens borrow from the input; nothing is copied per token.
//!
//! ```
//! let tokens = quidam::text::tokenize("L'ADISQ réclame 150 000 € à QuebecTorrent.com.");
//! let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
//! assert_eq!(words, ["L'", "ADISQ", "réclame", "150 000", "€", "à", "QuebecTorrent.com", "."]);
//! ```

mod domain;
mod fold;
mod merge;
mod segment;
mod sentence;

use crate::types::Span;

pub(crate) use domain::{is_domain, registrable_domain};
pub use fold::{fold, FOLD_VERSION};
pub(crate) use segment::SENTENCE_OPENERS;
pub use sentence::{split_sentences, MAX_SENTENCE_TOKENS};

use merge::merge;
use segment::{protected_regions, segment, Piece};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters or digits that are not a plain number: `Megaupload`, `T411`, `Jean-Baptiste`.
    Word,
    /// An elided article, pronoun or conjunction with its apostrophe: `l'`, `qu’`, `jusqu'`.
    Elision,
    /// Digits with optional thousands and decimal separators: `150 000`, `8,5`, `299.99`.
    Number,
    /// Punctuation: `.`, `,`, `«`, `...`.
    Punct,
    /// Any other symbol: `€`, `$`, `%`, an emoji.
    Symbol,
    /// A URL with a scheme or a `www.` prefix.
    Url,
    /// An e-mail address.
    Email,
    /// A bare domain name with a known public suffix: `allofmp3.com`.
    Domain,
}

/// One token: a slice of the input text with its position and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Token<'t> {
    /// The token's text, a slice of the input.
    pub text: &'t str,
    /// Where the token is in the input.
    pub span: Span,
    /// What the token is made of.
    pub kind: TokenKind,
}

impl Token<'_> {
    /// A word that starts with a capital letter: `Paris`, `Élysée`.
    pub(crate) fn is_capitalised_word(&self) -> bool {
        self.kind == TokenKind::Word && self.text.starts_with(char::is_uppercase)
    }
}

/// The byte offset of every char of `text`, by char index, and then
/// `text.len()`: char offsets to byte offsets.
pub(crate) fn char_boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect()
}

/// Splits `text` into tokens. See the [module documentation](self) for the rules.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    tokenize_into(text, &mut tokens);
    tokens
}

/// Like [`tokenize`], but appends to `tokens` (cleared first) so that its
/// allocation can be reused.
pub fn tokenize_into<'t>(text: &'t str, tokens: &mut Vec<Token<'t>>) {
    tokens.clear();
    let mut pieces = Vec::with_capacity(text.len() / 5 + 1);
    let mut cursor = 0;
    for (start, end, kind) in protected_regions(text) {
        segment(text, cursor, start, &mut pieces);
        pieces.push(Piece { start, end, kind });
        cursor = end;
    }
    segment(text, cursor, text.len(), &mut pieces);
    merge(text, &pieces, tokens);
}

#[cfg(test)]
mod tests;
