//! Joining pieces into tokens: domains, hyphenated compounds, spaced
//! numbers, ellipses; then char offsets.

use super::segment::{is_hyphen, Piece};
use super::*;

/// The most labels a dotted chain may have to be tried as a domain.
const MAX_DOMAIN_LABELS: usize = 10;

/// Joins pieces into tokens: domains, hyphenated compounds, spaced numbers,
/// ellipses; then computes char offsets.
pub(super) fn merge<'t>(text: &'t str, pieces: &[Piece], tokens: &mut Vec<Token<'t>>) {
    let glued = |a: usize, b: usize| pieces[a].end == pieces[b].start;
    let wordish = |p: &Piece| matches!(p.kind, TokenKind::Word | TokenKind::Number);
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let p = pieces[i];
        if wordish(&p) {
            // The glued chain word (sep word)* with sep in {'.', '-'}.
            let mut j = i;
            let mut dotted = false;
            while j + 2 < pieces.len()
                && glued(j, j + 1)
                && glued(j + 1, j + 2)
                && wordish(&pieces[j + 2])
            {
                let sep = &text[pieces[j + 1].start..pieces[j + 1].end];
                if sep == "." {
                    dotted = true;
                } else if !is_hyphen(sep) {
                    break;
                }
                j += 2;
            }
            if dotted {
                let last = (i + 2 * (MAX_DOMAIN_LABELS - 1)).min(j);
                let domain_end = (i + 2..=last)
                    .rev()
                    .step_by(2)
                    .find(|&k| is_domain(&text[p.start..pieces[k].end]));
                if let Some(k) = domain_end {
                    out.push(Piece {
                        start: p.start,
                        end: pieces[k].end,
                        kind: TokenKind::Domain,
                    });
                    i = k + 1;
                    continue;
                }
            }
            // Hyphenated compounds between the dots.
            let mut k = i;
            while k <= j {
                // A compound ends at a dot, and after a prefix that a name
                // does not absorb (`ex-LR`, `pro-Haftar`).
                let mut m = k;
                while m + 2 <= j
                    && is_hyphen(&text[pieces[m + 1].start..pieces[m + 1].end])
                    && !(m == k && is_name_prefix(text, &pieces[k], &pieces[k + 2]))
                {
                    m += 2;
                }
                let kind = if m == k {
                    pieces[k].kind
                } else {
                    TokenKind::Word
                };
                out.push(Piece {
                    start: pieces[k].start,
                    end: pieces[m].end,
                    kind,
                });
                if m < j {
                    out.push(pieces[m + 1]); // the dot, or the prefix's hyphen
                }
                k = m + 2;
            }
            i = j + 1;
            // A number that ends the run alone (`150`, or `18` in
            // `famille.18 000`) may go on in groups of three digits.
            let last_alone = out.last().is_some_and(|l| l.start == pieces[j].start);
            if pieces[j].kind == TokenKind::Number && last_alone {
                i = merge_spaced_number(text, pieces, j, &mut out);
            }
            continue;
        }
        if &text[p.start..p.end] == "." {
            // Ellipsis written as dots.
            let mut j = i;
            while j + 1 < pieces.len()
                && glued(j, j + 1)
                && &text[pieces[j + 1].start..pieces[j + 1].end] == "."
            {
                j += 1;
            }
            out.push(Piece {
                start: p.start,
                end: pieces[j].end,
                kind: TokenKind::Punct,
            });
            i = j + 1;
            continue;
        }
        out.push(p);
        i += 1;
    }
    with_char_offsets(text, &out, tokens);
}

/// Whether `prefix` is a lower-case prefix that a name does not absorb
/// (`ex-LR`, `pro-Haftar`, `anti-G7`) and `next` starts with a capital:
/// the name is a token of its own, as the gold spans it.
fn is_name_prefix(text: &str, prefix: &Piece, next: &Piece) -> bool {
    matches!(&text[prefix.start..prefix.end], "ex" | "pro" | "anti")
        && text[next.start..].starts_with(char::is_uppercase)
}

/// After the number piece `i` (already pushed to `out`), absorbs following
/// three-digit groups separated by one space: `150 000`, `84 930.30`.
/// Returns the index of the next piece to look at.
fn merge_spaced_number(text: &str, pieces: &[Piece], i: usize, out: &mut [Piece]) -> usize {
    let first = &text[pieces[i].start..pieces[i].end];
    if !(1..=3).contains(&first.len()) || !first.bytes().all(|b| b.is_ascii_digit()) {
        return i + 1;
    }
    let mut j = i;
    while j + 1 < pieces.len() {
        let next = pieces[j + 1];
        let gap = &text[pieces[j].end..next.start];
        let group = &text[next.start..next.end];
        let leading_digits = group.bytes().take_while(u8::is_ascii_digit).count();
        let is_group = next.kind == TokenKind::Number && leading_digits == 3;
        if !is_group || !matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}") {
            break;
        }
        j += 1;
        if group.len() > 3 {
            break; // a decimal part ends the number
        }
    }
    if let Some(last) = out.last_mut() {
        last.end = pieces[j].end;
    }
    j + 1
}

/// Converts byte pieces into tokens with char offsets, in one pass.
fn with_char_offsets<'t>(text: &'t str, pieces: &[Piece], tokens: &mut Vec<Token<'t>>) {
    tokens.reserve(pieces.len());
    let (mut byte, mut char) = (0, 0);
    // Chars are the bytes that do not continue a UTF-8 sequence; a plain
    // count beats `chars().count()` on the short slices between tokens.
    let count = |s: &[u8]| s.iter().filter(|&&b| (b as i8) >= -0x40).count();
    let bytes = text.as_bytes();
    for p in pieces {
        let char_start = char + count(&bytes[byte..p.start]);
        let slice = &text[p.start..p.end];
        let char_end = char_start + count(slice.as_bytes());
        tokens.push(Token {
            text: slice,
            span: Span {
                byte_start: p.start,
                byte_end: p.end,
                char_start,
                char_end,
            },
            kind: p.kind,
        });
        byte = p.end;
        char = char_end;
    }
}
