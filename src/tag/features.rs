//! Feature extraction: each token of a sentence becomes [`FEATURES`] hashed
//! feature ids (indices into the weight table).
//!
//! The hash functions here are part of the model format: changing them, the
//! templates or their order changes every id, so [`FORMAT`] must change too.

use super::lexicon::{Gazetteer, Lexicon, CLUSTER_LEVELS, MAX_PHRASE_TOKENS};
use crate::text::{Token, TokenKind};

/// Version of the feature templates; stored in model files.
pub(crate) const FORMAT: u32 = 3;

/// Feature ids per token.
pub(crate) const FEATURES: usize = 37;

const NONE: u64 = 0x5bd1_e995_7f4a_7c15;

/// FNV-1a, 64 bits.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }

    fn char(&mut self, c: char) {
        let mut buf = [0; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.byte(b);
        }
    }

    fn str(s: &str) -> u64 {
        fnv(s.as_bytes())
    }
}

/// FNV-1a of a byte string.
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    let mut h = Fnv::new();
    bytes.iter().for_each(|&b| h.byte(b));
    h.0
}

/// Combines two hashes (order matters).
fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ (x >> 31)
}

/// The murmur3 finaliser: spreads a hash over all bits.
const fn finish(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// One well-mixed seed per template, so that the same value in two
/// templates lands in unrelated rows. Feature ids are the top bits of
/// `mix(seed, value)`, which depend on every bit of both.
const TEMPLATE_SEEDS: [u64; FEATURES] = {
    let mut seeds = [0; FEATURES];
    let mut k = 0;
    while k < FEATURES {
        seeds[k] = finish(k as u64 + 1);
        k += 1;
    }
    seeds
};

/// What a token contributes to its own and its neighbours' features,
/// computed once per token.
#[derive(Clone, Copy, Debug, Default)]
struct Attributes {
    form: u64,
    lower: u64,
    shape: u64,
    short_shape: u64,
    prefixes: [u64; 3],
    suffixes: [u64; 4],
    clusters: [u64; CLUSTER_LEVELS],
    /// Gazetteer position per class: 0 none, 1 begin, 2 inside, 3 last, 4 unit.
    gazetteer: [u8; Gazetteer::ALL.len()],
    capitalised: bool,
    /// Token kind and rule mark.
    kind: u64,
}

/// Reusable buffers for feature extraction.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    lower: String,
    lower_ends: Vec<usize>,
    attributes: Vec<Attributes>,
    /// `FEATURES` ids per token, token after token.
    pub(crate) features: Vec<u32>,
}

impl Scratch {
    fn lower(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.lower_ends[i - 1] };
        &self.lower[start..self.lower_ends[i]]
    }
}

/// Fills `scratch.features` with the feature ids of `tokens` (one sentence),
/// for a weight table of `2^bits` rows. `marks` has one rule mark per token.
pub(crate) fn extract(
    lexicon: &Lexicon,
    tokens: &[Token<'_>],
    marks: &[u8],
    bits: u32,
    scratch: &mut Scratch,
) {
    debug_assert_eq!(tokens.len(), marks.len());
    let n = tokens.len();
    scratch.lower.clear();
    scratch.lower_ends.clear();
    for t in tokens {
        if t.text.is_ascii() {
            let start = scratch.lower.len();
            scratch.lower.push_str(t.text);
            scratch.lower[start..].make_ascii_lowercase();
        } else {
            scratch
                .lower
                .extend(t.text.chars().flat_map(char::to_lowercase));
        }
        scratch.lower_ends.push(scratch.lower.len());
    }

    scratch.attributes.clear();
    for (i, t) in tokens.iter().enumerate() {
        let lower = scratch.lower(i);
        let mut a = attributes(t.text, lower);
        let clusters = lexicon.clusters(a.form).or_else(|| {
            (a.lower != a.form)
                .then(|| lexicon.clusters(a.lower))
                .flatten()
        });
        a.clusters = match clusters {
            Some(ids) => ids.map(|id| u64::from(id) + 1),
            None => [0; CLUSTER_LEVELS],
        };
        a.kind = mix(kind_code(t.kind), u64::from(marks[i]));
        scratch.attributes.push(a);
    }

    // Gazetteer: longest phrases, left to right.
    let mut i = 0;
    while i < n {
        // Names start with a capital or a digit: only there is a walk worth it.
        let initial = tokens[i].text.chars().next();
        if !initial.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
            i += 1;
            continue;
        }
        let phrase = (i..n.min(i + MAX_PHRASE_TOKENS)).map(|j| scratch.lower(j));
        match lexicon.longest_phrase(phrase) {
            Some((len, classes)) => {
                for (c, class) in Gazetteer::ALL.iter().enumerate() {
                    if classes & class.bit() == 0 {
                        continue;
                    }
                    for k in 0..len {
                        scratch.attributes[i + k].gazetteer[c] = match (k, len) {
                            (_, 1) => 4,
                            (0, _) => 1,
                            (k, len) if k == len - 1 => 3,
                            _ => 2,
                        };
                    }
                }
                i += len;
            }
            None => i += 1,
        }
    }

    scratch.features.clear();
    scratch.features.reserve(n * FEATURES);
    let attrs = &scratch.attributes;
    let shift = 64 - bits;
    for i in 0..n {
        let at = |offset: isize| -> Option<&Attributes> {
            let j = i as isize + offset;
            (j >= 0 && (j as usize) < n).then(|| &attrs[j as usize])
        };
        let boundary = |offset: isize| -> u64 {
            if offset < 0 {
                0xb05_b05 ^ offset as u64
            } else {
                0xe05_e05 ^ offset as u64
            }
        };
        let lower_at = |o| at(o).map_or(boundary(o), |a| a.lower);
        let shape_at = |o| at(o).map_or(boundary(o), |a| a.shape);
        let cluster_at = |o, level: usize| at(o).map_or(boundary(o), |a| a.clusters[level]);
        let kind_at = |o| at(o).map_or(boundary(o), |a| a.kind);
        let a = &attrs[i];
        let values: [u64; FEATURES] = [
            0,
            a.form,
            a.lower,
            a.prefixes[0],
            a.prefixes[1],
            a.prefixes[2],
            a.suffixes[0],
            a.suffixes[1],
            a.suffixes[2],
            a.suffixes[3],
            a.shape,
            mix(a.short_shape, u64::from(i == 0)),
            lower_at(-1),
            lower_at(1),
            lower_at(-2),
            lower_at(2),
            shape_at(-1),
            shape_at(1),
            mix(shape_at(-1), a.shape),
            mix(a.shape, shape_at(1)),
            mix(lower_at(-1), a.shape),
            mix(a.shape, lower_at(1)),
            a.clusters[0],
            a.clusters[1],
            a.clusters[2],
            a.clusters[3],
            cluster_at(-1, 1),
            cluster_at(-1, 3),
            cluster_at(1, 1),
            cluster_at(1, 3),
            cluster_at(-2, 2),
            cluster_at(2, 2),
            // The gazetteer positions of all classes, with the capital.
            mix(
                u64::from(u32::from_le_bytes(a.gazetteer)),
                u64::from(a.capitalised),
            ),
            a.kind,
            kind_at(-1),
            kind_at(1),
            mix(lower_at(-2), lower_at(-1)),
        ];
        let ids: [u32; FEATURES] =
            std::array::from_fn(|k| (mix(TEMPLATE_SEEDS[k], values[k]) >> shift) as u32);
        scratch.features.extend_from_slice(&ids);
    }
}

fn kind_code(kind: TokenKind) -> u64 {
    match kind {
        TokenKind::Word => 1,
        TokenKind::Elision => 2,
        TokenKind::Number => 3,
        TokenKind::Punct => 4,
        TokenKind::Symbol => 5,
        TokenKind::Url => 6,
        TokenKind::Email => 7,
        TokenKind::Domain => 8,
    }
}

/// The shape class of a char: `X`, `x`, `d`, or the char itself.
fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

fn attributes(form: &str, lower: &str) -> Attributes {
    let mut shape = Fnv::new();
    let mut short = Fnv::new();
    let mut previous = None;
    let mut run = 0;
    for c in form.chars() {
        let class = shape_class(c);
        if Some(class) == previous {
            run += 1;
        } else {
            previous = Some(class);
            run = 1;
            short.char(class);
        }
        if run <= 3 {
            shape.char(class);
        }
    }

    let mut prefixes = [NONE; 3];
    let mut suffixes = [NONE; 4];
    let chars = lower.char_indices().map(|(i, _)| i);
    let mut prefix = Fnv::new();
    for (k, c) in lower.chars().take(3).enumerate() {
        prefix.char(c);
        prefixes[k] = prefix.0;
    }
    let count = lower.chars().count();
    for (k, start) in chars.rev().take(4).enumerate() {
        if k + 1 < count {
            suffixes[k] = Fnv::str(&lower[start..]);
        }
    }

    Attributes {
        form: Fnv::str(form),
        lower: Fnv::str(lower),
        shape: shape.0,
        short_shape: short.0,
        prefixes,
        suffixes,
        capitalised: form.chars().next().is_some_and(char::is_uppercase),
        ..Attributes::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn every_token_gets_every_feature_in_range() {
        let lexicon = Lexicon::embedded();
        for text in [
            "",
            "Paris",
            "Le site T411 a fermé à New York.",
            "😀 \u{0} Ⅻ",
        ] {
            let tokens = tokenize(text);
            let marks = vec![0; tokens.len()];
            let mut scratch = Scratch::default();
            extract(&lexicon, &tokens, &marks, 12, &mut scratch);
            assert_eq!(scratch.features.len(), tokens.len() * FEATURES);
            assert!(scratch.features.iter().all(|&f| f < 1 << 12));
        }
    }

    #[test]
    fn same_word_same_features_whatever_the_neighbours() {
        let lexicon = Lexicon::embedded();
        let ids = |text: &str| {
            let tokens = tokenize(text);
            let mut scratch = Scratch::default();
            extract(&lexicon, &tokens, &vec![0; tokens.len()], 20, &mut scratch);
            scratch.features[..FEATURES].to_vec()
        };
        let a = ids("Lyon est belle");
        let b = ids("Lyon dort");
        // Own-token templates agree; neighbour templates differ.
        assert_eq!(a[1..12], b[1..12]);
        assert_ne!(a[13], b[13]);
    }

    #[test]
    fn prefixes_and_suffixes_stop_at_the_word() {
        let a = attributes("Té", "té");
        assert_eq!(a.prefixes[0], Fnv::str("t"));
        assert_eq!(a.prefixes[1], Fnv::str("té"));
        assert_eq!(a.prefixes[2], NONE);
        assert_eq!(a.suffixes[0], Fnv::str("é"));
        assert_eq!(a.suffixes[1], NONE);
    }
}
