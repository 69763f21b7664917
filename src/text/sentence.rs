//! Sentence splitting over tokens.

use std::ops::Range;

use super::{Token, TokenKind};

/// Words that a full stop abbreviates rather than ends a sentence after:
/// titles (`M.`, `Mme.`), `St.`, `av.`, `cf.`...
const ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "Sr", "Jr",
    "av", "bd", "boul", "cf", "ch", "Cie", "Co", "Col", "Gal", "Gén", "Inc", "Lt", "Ltd", "n",
    "no", "p", "pp", "Rév", "Vve", "vol", "art", "éd", "env", "min", "max", "tél", "Tél", "hab",
];

/// Splits tokens into sentences, returned as ranges of token indices that
/// cover every token in order.
///
/// A sentence ends at a line break, or after `.`, `!`, `?` or an ellipsis
/// (with any closing quotes or brackets after it) when the next token starts
/// with a capital letter, a digit or an opening quote. A full stop after an
/// abbreviation (`M.`, `St.`) or an initial (`J.`) ends nothing. A run of
/// more than [`MAX_SENTENCE_TOKENS`] tokens without an end is cut into
/// pieces of at most that many, each after its last `,`, `;` or `:` when one
/// is in its second half, so that a tagger's work and memory per sentence are
/// bounded whatever the text.
///
/// ```
/// use quidam::text::{split_sentences, tokenize};
/// let text = "Il neige sur les Pyrénées.Alors M. Dupont reste à Paris.";
/// let tokens = tokenize(text);
/// let sentences = split_sentences(text, &tokens);
/// assert_eq!(sentences.len(), 2);
/// assert_eq!(tokens[sentences[1].start].text, "Alors");
/// ```
pub fn split_sentences(text: &str, tokens: &[Token<'_>]) -> Vec<Range<usize>> {
    let mut sentences = Sentences {
        tokens,
        ranges: Vec::new(),
    };
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        // Glued tokens have no line break between them; others are not glued.
        let boundary = i > start
            && if tokens[i - 1].span.byte_end == tokens[i].span.byte_start {
                glued_sentences(&tokens[i - 1], &tokens[i])
            } else {
                line_break_between(text, &tokens[i - 1], &tokens[i])
            };
        if boundary {
            sentences.push(start..i);
            start = i;
        }
        if is_terminal(&tokens[i]) {
            let mut end = i + 1;
            while end < tokens.len()
                && matches!(tokens[end].text, "»" | "\"" | "”" | ")" | "]" | "’")
                && !line_break_between(text, &tokens[end - 1], &tokens[end])
            {
                end += 1;
            }
            if end < tokens.len() && starts_sentence(&tokens[end]) && !after_abbreviation(tokens, i)
            {
                sentences.push(start..end);
                start = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    sentences.ranges
}

/// The most tokens in a sentence: longer runs are cut ([`split_sentences`]).
/// Real sentences are far shorter (the longest of the 270 news articles of
/// the training gold has 115 tokens).
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// Sentences found so far, cut to [`MAX_SENTENCE_TOKENS`] as they come.
struct Sentences<'a, 't> {
    tokens: &'a [Token<'t>],
    ranges: Vec<Range<usize>>,
}

impl Sentences<'_, '_> {
    fn push(&mut self, mut sentence: Range<usize>) {
        while sentence.len() > MAX_SENTENCE_TOKENS {
            let limit = sentence.start + MAX_SENTENCE_TOKENS;
            let half = sentence.start + MAX_SENTENCE_TOKENS / 2;
            let end = (half..limit)
                .rev()
                .find(|&k| matches!(self.tokens[k].text, "," | ";" | ":"))
                .map_or(limit, |k| k + 1);
            self.ranges.push(sentence.start..end);
            sentence.start = end;
        }
        self.ranges.push(sentence);
    }
}

fn line_break_between(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    // Tokens of another text may point outside this one: no break then.
    match text.as_bytes().get(a.span.byte_end..b.span.byte_start) {
        None | Some([] | [b' ']) => false,
        Some(gap) => memchr::memchr2(b'\n', b'\r', gap).is_some(),
    }
}

/// A word glued to a capitalised one: the tokenizer cut there because markup
/// between two sentences was lost (`eurosLe`, a credit in capitals
/// `BFMTVLes`); it cuts no other word before a capital.
fn glued_sentences(a: &Token<'_>, b: &Token<'_>) -> bool {
    a.span.byte_end == b.span.byte_start
        && a.kind == TokenKind::Word
        && b.text.starts_with(char::is_uppercase)
}

fn is_terminal(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Punct && matches!(token.text, "." | "!" | "?" | "…" | "..." | "....")
}

fn starts_sentence(token: &Token<'_>) -> bool {
    let c = token.text.chars().next().unwrap_or(' ');
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '«' | '"' | '“' | '(' | '[' | '-' | '–' | '—')
}

fn after_abbreviation(tokens: &[Token<'_>], stop: usize) -> bool {
    if tokens[stop].text != "." || stop == 0 {
        return false;
    }
    let prev = &tokens[stop - 1];
    if prev.span.byte_end != tokens[stop].span.byte_start {
        return false;
    }
    let mut chars = prev.text.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    initial || ABBREVIATIONS.contains(&prev.text)
}
