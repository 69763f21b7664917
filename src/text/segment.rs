//! Cutting text into pieces: protected URLs and e-mails, words by UAX #29
//! with French rules, numbers, symbols.

use std::sync::LazyLock;

use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

use super::*;

/// A byte range and kind, before merging.
#[derive(Clone, Copy, Debug)]
pub(super) struct Piece {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: TokenKind,
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>"«»“”\[\]{}|\\^`]+"#).expect("valid regex")
});
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+").expect("valid regex")
});

/// URLs and e-mail addresses, sorted and non-overlapping, as `(start, end, kind)`.
pub(super) fn protected_regions(text: &str) -> Vec<(usize, usize, TokenKind)> {
    let bytes = text.as_bytes();
    let mut regions = Vec::new();
    let has_url = memchr::memmem::find(bytes, b"://").is_some()
        || memchr::memmem::find(bytes, b"www.").is_some()
        || memchr::memmem::find(bytes, b"WWW.").is_some();
    if has_url {
        for m in URL.find_iter(text) {
            let end = m.start() + trim_url_end(m.as_str());
            if end > m.start() {
                regions.push((m.start(), end, TokenKind::Url));
            }
        }
    }
    if memchr::memchr(b'@', bytes).is_some() {
        for m in EMAIL.find_iter(text) {
            let end = m.start() + m.as_str().trim_end_matches(['.', '-']).len();
            let overlaps = regions.iter().any(|&(s, e, _)| m.start() < e && s < end);
            if !overlaps && m.as_str().as_bytes()[0] != b'.' {
                regions.push((m.start(), end, TokenKind::Email));
            }
        }
        regions.sort_unstable_by_key(|r| r.0);
    }
    regions
}

/// Length of a URL match once trailing punctuation that belongs to the
/// sentence is removed; a closing bracket stays when the URL opened one.
/// A sentence glued after a full stop by lost markup (`…/about_en).Le`,
/// `melodygardot.com).Les`) is no part of the URL either.
fn trim_url_end(url: &str) -> usize {
    let mut end = match url.rsplit_once('.') {
        Some((before, after)) if SENTENCE_OPENERS.contains(&after) => before.len(),
        _ => url.len(),
    };
    while let Some(c) = url[..end].chars().next_back() {
        let strip = match c {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | '»' => true,
            ')' => url[..end].matches('(').count() < url[..end].matches(')').count(),
            _ => false,
        };
        if !strip {
            break;
        }
        end -= c.len_utf8();
    }
    end
}

const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text[from..to]` into pieces, chunk by chunk between ASCII
/// whitespace: common chunks (`l'homme,`, `(SCPP)`, `150`) take a fast path
/// that gives the same pieces as UAX #29; the rest go through UAX #29.
pub(super) fn segment(text: &str, from: usize, to: usize, pieces: &mut Vec<Piece>) {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < to {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let end = bytes[i..to]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(to, |p| i + p);
        // The commonest chunks by far: a word, lower-case after its first
        // letter, then closing punctuation (`de`, `Paris,`, `été.`):
        // exactly what `segment_simple` gives, at a fraction of its cost.
        let chunk = &bytes[i..end];
        let letters = word_prefix_len(&text[i..end]);
        let rest = &chunk[letters..];
        if letters > 0
            && rest
                .iter()
                .all(|b| matches!(b, b',' | b'.' | b';' | b':' | b'!' | b'?' | b')'))
        {
            pieces.push(Piece {
                start: i,
                end: i + letters,
                kind: TokenKind::Word,
            });
            for k in i + letters..end {
                pieces.push(Piece {
                    start: k,
                    end: k + 1,
                    kind: TokenKind::Punct,
                });
            }
        } else if chunk.iter().all(|&b| b.is_ascii_punctuation() && b != b'_') {
            // `:`, `?`, `-`, `(...)`: UAX #29 breaks between any two of these
            // (but not `_`, which joins like a letter).
            for (k, &b) in (i..end).zip(chunk) {
                pieces.push(Piece {
                    start: k,
                    end: k + 1,
                    kind: symbol_kind(char::from(b)),
                });
            }
        } else if !segment_simple(text, i, end, pieces) {
            segment_uax29(text, i, end, pieces);
        }
        i = end;
    }
}

/// The length in bytes of the word that starts `chunk`: a Latin letter,
/// then lower-case Latin letters (0 when `chunk` does not start so).
fn word_prefix_len(chunk: &str) -> usize {
    let bytes = chunk.as_bytes();
    let mut end = 0;
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_lowercase() || (end == 0 && b.is_ascii_uppercase()) {
            end += 1;
            continue;
        }
        if b.is_ascii() {
            break;
        }
        match chunk[end..].chars().next() {
            Some(c) if is_latin_letter(c) && (end == 0 || c.is_lowercase()) => end += c.len_utf8(),
            _ => break,
        }
    }
    end
}

/// Letters that UAX #29 always joins into one word: ASCII and Latin-1 to
/// Latin Extended-B letters.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{c0}'..='\u{24f}') && c != '\u{d7}' && c != '\u{f7}'
}

/// The fast path of [`segment`]: opening brackets or quotes, then letters
/// (with inner apostrophes and hyphens) or digits (with inner `.`/`,`), then
/// closing punctuation. Returns `false`, pushing nothing, for anything else.
pub(super) fn segment_simple(text: &str, from: usize, to: usize, pieces: &mut Vec<Piece>) -> bool {
    let chunk = &text[from..to];
    let pushed = pieces.len();
    let mut chars = chunk.char_indices().peekable();
    // Opening punctuation.
    while let Some(&(i, c)) = chars.peek() {
        if !matches!(c, '(' | '[' | '"' | '«' | '“') {
            break;
        }
        pieces.push(Piece {
            start: from + i,
            end: from + i + c.len_utf8(),
            kind: TokenKind::Punct,
        });
        chars.next();
    }
    // The core: a word or a number.
    let Some(&(core_start, first)) = chars.peek() else {
        return true;
    };
    let mut core_end = core_start;
    if is_latin_letter(first) {
        let mut word_start = core_start;
        while let Some(&(i, c)) = chars.peek() {
            if is_latin_letter(c) {
                core_end = i + c.len_utf8();
                chars.next();
                continue;
            }
            let joins = matches!(c, '\'' | '’' | '-')
                && chunk[i + c.len_utf8()..].starts_with(is_latin_letter);
            if !joins {
                break;
            }
            if c == '-' {
                push_word(from + word_start, &chunk[word_start..i], pieces);
                pieces.push(Piece {
                    start: from + i,
                    end: from + i + 1,
                    kind: TokenKind::Punct,
                });
                word_start = i + 1;
            }
            chars.next();
        }
        push_word(from + word_start, &chunk[word_start..core_end], pieces);
    } else if first.is_ascii_digit() {
        while let Some(&(i, c)) = chars.peek() {
            let inner =
                matches!(c, '.' | ',') && chunk[i + 1..].starts_with(|d: char| d.is_ascii_digit());
            if !(c.is_ascii_digit() || inner) {
                break;
            }
            core_end = i + 1;
            chars.next();
        }
        pieces.push(Piece {
            start: from + core_start,
            end: from + core_end,
            kind: TokenKind::Number,
        });
    } else {
        pieces.truncate(pushed);
        return false;
    }
    // Closing punctuation (and `%`), each char a piece.
    for (i, c) in chars {
        let kind = match c {
            ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '»' | '”' => TokenKind::Punct,
            '%' => TokenKind::Symbol,
            _ => {
                pieces.truncate(pushed);
                return false;
            }
        };
        pieces.push(Piece {
            start: from + i,
            end: from + i + c.len_utf8(),
            kind,
        });
    }
    true
}

/// Pushes a run of letters (maybe with inner apostrophes): directly when it
/// is a plain word, through [`split_word`] when it may hold an elision or a
/// glued sentence.
fn push_word(start: usize, word: &str, pieces: &mut Vec<Piece>) {
    // Lower case after the first letter: no elision, no glued sentence.
    let plain = |w: &str| w.chars().skip(1).all(char::is_lowercase);
    if plain(word) {
        pieces.push(Piece {
            start,
            end: start + word.len(),
            kind: TokenKind::Word,
        });
        return;
    }
    // An elision before a plain word (`l'homme`, `qu’il`, `d'Ajaccio`): what
    // `split_word` gives, without its general search.
    if let Some((i, c)) = word.char_indices().find(|&(_, c)| is_apostrophe(c)) {
        let after = i + c.len_utf8();
        let rest = &word[after..];
        if rest.starts_with(char::is_alphabetic)
            && plain(rest)
            && ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(&word[..i]))
        {
            pieces.push(Piece {
                start,
                end: start + after,
                kind: TokenKind::Elision,
            });
            pieces.push(Piece {
                start: start + after,
                end: start + word.len(),
                kind: TokenKind::Word,
            });
            return;
        }
    }
    split_word(start, word, pieces);
}

/// Splits `text[from..to]` at Unicode word boundaries into pieces.
pub(super) fn segment_uax29(text: &str, from: usize, to: usize, pieces: &mut Vec<Piece>) {
    for (offset, s) in text[from..to].split_word_bound_indices() {
        let start = from + offset;
        // UAX #29 glues words across a narrow no-break space (it is
        // ExtendNumLet); French uses it as a space: `«\u{202f}Elle`, `1\u{202f}000`.
        if s.len() > 3 && s.contains('\u{202f}') {
            let mut part_start = 0;
            for (i, _) in s.match_indices('\u{202f}').chain([(s.len(), "")]) {
                if i > part_start {
                    segment_uax29(text, start + part_start, start + i, pieces);
                }
                part_start = i + '\u{202f}'.len_utf8();
            }
            continue;
        }
        let first = s.chars().next().unwrap_or(' ');
        if first.is_whitespace() {
            // Marks and format characters that UAX #29 attaches to a space
            // (`" \u{301}"`) are kept as a symbol: no visible text is dropped.
            let rest = s.trim_start_matches(char::is_whitespace);
            if !rest.is_empty() {
                pieces.push(Piece {
                    start: start + s.len() - rest.len(),
                    end: start + s.len(),
                    kind: TokenKind::Symbol,
                });
            }
            continue;
        }
        if first.is_alphanumeric() {
            split_word(start, s, pieces);
        } else {
            pieces.push(Piece {
                start,
                end: start + s.len(),
                kind: symbol_kind(first),
            });
        }
    }
}

fn symbol_kind(c: char) -> TokenKind {
    let is_punct = c.is_ascii_punctuation()
        && !matches!(c, '$' | '%' | '+' | '<' | '=' | '>' | '|' | '~' | '^' | '`')
        || matches!(
            c,
            '«' | '»'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '„'
                | '–'
                | '—'
                | '‐'
                | '‑'
                | '…'
                | '·'
                | '¿'
                | '¡'
        );
    if is_punct {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

/// Capitalised function words that open French sentences: a word glued to
/// one of them (`d'eurosLe groupe`) is two sentences glued by lost markup.
pub(crate) const SENTENCE_OPENERS: &[&str] = &[
    "Alors", "Après", "Au", "Aux", "Avec", "Ce", "Ces", "Cet", "Cette", "Comme", "Dans", "De",
    "Depuis", "Des", "Du", "Elle", "Elles", "En", "Et", "Grâce", "Il", "Ils", "La", "Le", "Les",
    "Lors", "Mais", "On", "Outre", "Parmi", "Pour", "Quand", "Selon", "Son", "Sa", "Ses", "Un",
    "Une",
];

/// Where a word glued to the next sentence should be cut: before a capital
/// that follows a lower-case letter, or the second of two capitals or
/// digits, and opens an elision (`PetitjeanL'homme`) or a sentence-opening
/// word (`eurosLe`, `BFMTVLes`, `6MEDIASParmi`: a video's credit glued to
/// the article). Camel-case names (`QuebecTorrent`, `iTunes`) are not cut.
fn glued_sentence_cut(s: &str) -> Option<usize> {
    let mut prev_lower = false;
    let mut capitals = 0;
    for (i, c) in s.char_indices() {
        if (prev_lower || capitals >= 2) && c.is_uppercase() {
            let rest = &s[i..];
            let elision = rest
                .find(is_apostrophe)
                .is_some_and(|a| ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(&rest[..a])));
            if elision || SENTENCE_OPENERS.contains(&rest) {
                return Some(i);
            }
        }
        prev_lower = c.is_lowercase();
        capitals = if c.is_uppercase() || c.is_ascii_digit() {
            capitals + 1
        } else {
            0
        };
    }
    None
}

/// Splits one UAX #29 word into elisions, dot-separated parts and number-unit pairs.
fn split_word(mut start: usize, mut s: &str, pieces: &mut Vec<Piece>) {
    if let Some(cut) = glued_sentence_cut(s) {
        split_word(start, &s[..cut], pieces);
        start += cut;
        s = &s[cut..];
    }
    if is_number(s) {
        pieces.push(Piece {
            start,
            end: start + s.len(),
            kind: TokenKind::Number,
        });
        return;
    }
    // Dots between letters: domains or glued sentences; `merge` decides.
    // Each part may open with elisions: `l'ADISQ`, and a sentence glued
    // after a dot, `LCI.L'Elysée`.
    let mut part_start = start;
    for (k, part) in s.split('.').enumerate() {
        if k > 0 {
            pieces.push(Piece {
                start: part_start - 1,
                end: part_start,
                kind: TokenKind::Punct,
            });
        }
        let (at, rest) = split_elisions(part_start, part, pieces);
        split_number_unit(at, rest, pieces);
        part_start += part.len() + 1;
    }
}

/// Pushes the elisions that open `s` (at byte `start`): `l'ADISQ`,
/// `jusqu'à`, `qu’il`; returns where the rest starts, and the rest.
fn split_elisions<'s>(
    mut start: usize,
    mut s: &'s str,
    pieces: &mut Vec<Piece>,
) -> (usize, &'s str) {
    while let Some((i, c)) = s.char_indices().find(|&(_, c)| is_apostrophe(c)) {
        let after = i + c.len_utf8();
        let elided = ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(&s[..i]));
        if !elided || !s[after..].starts_with(char::is_alphabetic) {
            break;
        }
        pieces.push(Piece {
            start,
            end: start + after,
            kind: TokenKind::Elision,
        });
        start += after;
        s = &s[after..];
    }
    (start, s)
}

/// Digits with optional `.`/`,` separators, starting and ending with a digit.
fn is_number(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_digit()
        && b[b.len() - 1].is_ascii_digit()
        && b.iter()
            .all(|&c| c.is_ascii_digit() || c == b'.' || c == b',')
}

/// Pushes `s` as one piece, or as a number and a unit when `s` is digits glued
/// to letters (`175M`, `10k`, `1er`).
fn split_number_unit(start: usize, s: &str, pieces: &mut Vec<Piece>) {
    if s.is_empty() {
        return;
    }
    // A lower-case word glued to a decimal or long number: `exorbitants1,5`
    // (but not `allofmp3`).
    if let Some(i) = s.find(|c: char| c.is_ascii_digit()) {
        let number = &s[i..];
        let amount_like = number.contains(',') || number.len() >= 4;
        if i >= 4 && amount_like && s[..i].chars().all(char::is_lowercase) && is_number(number) {
            return push_split(start, s, i, [TokenKind::Word, TokenKind::Number], pieces);
        }
    }
    if s.as_bytes()[0].is_ascii_digit() {
        if let Some(i) = s.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')) {
            if is_number(&s[..i]) && s[i..].chars().all(char::is_alphabetic) {
                return push_split(start, s, i, [TokenKind::Number, TokenKind::Word], pieces);
            }
        }
    }
    let kind = if is_number(s) {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    pieces.push(Piece {
        start,
        end: start + s.len(),
        kind,
    });
}

/// Pushes `s` (at byte `start`) as two pieces cut at `at`, of the given kinds.
fn push_split(start: usize, s: &str, at: usize, kinds: [TokenKind; 2], pieces: &mut Vec<Piece>) {
    pieces.push(Piece {
        start,
        end: start + at,
        kind: kinds[0],
    });
    pieces.push(Piece {
        start: start + at,
        end: start + s.len(),
        kind: kinds[1],
    });
}

pub(super) fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "\u{2010}" | "\u{2011}")
}
