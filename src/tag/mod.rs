//! The named-entity tagger: a linear model over hashed features, decoded
//! with Viterbi over BILOU tags restricted to legal transitions.
//!
//! Labels: `PER`, `ORG`, `LOC`, `MISC`, `SITE` (amounts of money stay with
//! the rules). Each token of a sentence gets [`FEATURES`](features::FEATURES)
//! feature ids: its form, lowercase form, prefixes, suffixes and shape, those
//! of its neighbours (±2), word clusters at four levels (see [`Lexicon`]),
//! gazetteer matches, and the marks of the MONEY and SITE rules. A feature id
//! picks a row of the weight table, one weight per tag; a token's tag scores
//! are the sums of its rows, and transition weights link neighbouring tags.
//!
//! The model is trained as an averaged structured perceptron (feature
//! `train`, [`train`] module) and stored with 16-bit weights.
//!
//! ## File format (version 1)
//!
//! All integers little-endian:
//!
//! | bytes | content |
//! |---|---|
//! | 8 | magic `QUIDAMTG` |
//! | 4 | format version (1) |
//! | 4 | feature template version |
//! | 8 | fingerprint of the [`Lexicon`] the model was trained with |
//! | 1 | `bits`: the weight table has `2^bits` rows |
//! | 1 | number of tags (21) |
//! | 4 | `f32` scale: weight = stored value / scale |
//! | 4 × tags × (tags + 2) | `i32` transitions: `tags` rows of previous tag, then start, then end |
//! | 2 × tags × 2^bits | `i16` weights, row after row |
//! | 4 | CRC-32 of everything before it |

mod features;
mod lexicon;
#[cfg(feature = "train")]
pub mod train;

use std::io::{Read, Write};
use std::ops::Range;

pub use lexicon::Lexicon;

#[cfg(feature = "train")]
pub use lexicon::build::LexiconBuilder;

pub(crate) use features::mark;
use features::{extract, Scratch, FEATURES};

use crate::error::{Error, ErrorKind};
use crate::pipeline::Label;
use crate::text::Token;

/// The labels the tagger predicts, in tag order.
pub(crate) const LABELS: [Label; 5] =
    [Label::Per, Label::Org, Label::Loc, Label::Misc, Label::Site];

/// `O`, then `B`, `I`, `L`, `U` for each label.
pub(crate) const TAGS: usize = 1 + 4 * LABELS.len();

const MAGIC: &[u8; 8] = b"QUIDAMTG";
const VERSION: u32 = 1;
const MAX_BITS: u8 = 24;

/// Where a token is in an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Position {
    Begin = 0,
    Inside = 1,
    Last = 2,
    Unit = 3,
}

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

/// Whether tag `next` may follow tag `prev` (`None`: the sentence boundary).
pub(crate) fn legal(prev: Option<usize>, next: Option<usize>) -> bool {
    let open = |t: Option<usize>| {
        t.and_then(tag_parts)
            .filter(|(_, p)| matches!(p, Position::Begin | Position::Inside))
            .map(|(l, _)| l)
    };
    let continues = |t: Option<usize>| {
        t.and_then(tag_parts)
            .filter(|(_, p)| matches!(p, Position::Inside | Position::Last))
            .map(|(l, _)| l)
    };
    match (open(prev), continues(next)) {
        (Some(a), Some(b)) => a == b,
        (None, None) => true,
        _ => false,
    }
}

/// Legal previous tags of each tag, and legal first and last tags.
#[derive(Clone, Debug)]
struct Grammar {
    previous: Vec<Vec<usize>>,
    first: Vec<usize>,
    last: Vec<usize>,
}

impl Grammar {
    fn new() -> Grammar {
        Grammar {
            previous: (0..TAGS)
                .map(|t| (0..TAGS).filter(|&p| legal(Some(p), Some(t))).collect())
                .collect(),
            first: (0..TAGS).filter(|&t| legal(None, Some(t))).collect(),
            last: (0..TAGS).filter(|&t| legal(Some(t), None)).collect(),
        }
    }
}

/// The score of an impossible path.
const NEVER: i32 = i32::MIN;

/// Viterbi decoding of the best legal tag sequence.
///
/// `emissions` holds `TAGS` scores per token; `transitions` is indexed
/// `[prev * TAGS + next]`, then `start[next]` at `TAGS * TAGS`, then
/// `end[prev]` at `TAGS * (TAGS + 1)`. Scores are integers so that training
/// and inference decode alike.
fn viterbi(
    grammar: &Grammar,
    emissions: &[i32],
    transitions: &[i32],
    backpointers: &mut Vec<u8>,
    best: &mut Vec<i32>,
    tags: &mut Vec<usize>,
) {
    let n = emissions.len() / TAGS;
    tags.clear();
    if n == 0 {
        return;
    }
    let start = TAGS * TAGS;
    let end = start + TAGS;
    best.clear();
    best.resize(2 * TAGS, NEVER);
    backpointers.clear();
    backpointers.resize(n * TAGS, 0);
    for &t in &grammar.first {
        best[t] = transitions[start + t] + emissions[t];
    }
    for i in 1..n {
        let (prev, cur) = if i % 2 == 1 { (0, TAGS) } else { (TAGS, 0) };
        for t in 0..TAGS {
            let mut top = NEVER;
            let mut arg = 0;
            for &p in &grammar.previous[t] {
                let s = best[prev + p];
                if s == NEVER {
                    continue;
                }
                let s = s + transitions[p * TAGS + t];
                if s > top {
                    top = s;
                    arg = p;
                }
            }
            best[cur + t] = if top == NEVER {
                NEVER
            } else {
                top + emissions[i * TAGS + t]
            };
            backpointers[i * TAGS + t] = arg as u8;
        }
    }
    let last = if (n - 1) % 2 == 1 { TAGS } else { 0 };
    let mut top = NEVER;
    let mut arg = 0;
    for &t in &grammar.last {
        let s = best[last + t];
        if s != NEVER && s + transitions[end + t] > top {
            top = s + transitions[end + t];
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
    transitions: Vec<i32>,
    weights: Vec<i16>,
    grammar: Grammar,
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
    best: Vec<i32>,
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

    /// Reads a model written by [`Tagger::write`]. `lexicon` must be the
    /// one it was trained with ([`Lexicon::embedded`] for quidam's models).
    ///
    /// Fails with [`ErrorKind::Model`] on a file that is not a quidam tagger
    /// model, has another version, was trained with another lexicon, or is
    /// truncated or corrupt.
    pub fn read(mut reader: impl Read, lexicon: Lexicon) -> Result<Tagger, Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes)?;
        let model_error = |m: &str| Error::new(ErrorKind::Model, format!("tagger model: {m}"));
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err(model_error("not a quidam tagger model (bad magic)"));
        }
        if bytes.len() < 8 + 4 + 4 + 8 + 2 + 4 + 4 {
            return Err(model_error("truncated header"));
        }
        let (body, check) = bytes.split_at(bytes.len() - 4);
        if crc32fast::hash(body).to_le_bytes() != check {
            return Err(model_error("checksum mismatch: the file is corrupt"));
        }
        let mut r = ByteReader { bytes: &body[8..] };
        let version = r.u32()?;
        if version != VERSION {
            return Err(model_error(&format!(
                "version {version}, expected {VERSION}"
            )));
        }
        if r.u32()? != features::FORMAT {
            return Err(model_error("made for other feature templates"));
        }
        if r.u64()? != lexicon.fingerprint() {
            return Err(model_error("trained with another lexicon"));
        }
        let bits = u32::from(r.u8()?);
        if bits == 0 || bits > u32::from(MAX_BITS) {
            return Err(model_error(&format!("{bits} bits is out of range")));
        }
        if usize::from(r.u8()?) != TAGS {
            return Err(model_error("wrong number of tags"));
        }
        let scale = f32::from_le_bytes(r.take::<4>()?);
        if !(scale.is_finite() && scale > 0.0) {
            return Err(model_error("invalid scale"));
        }
        let transitions = (0..TAGS * (TAGS + 2))
            .map(|_| r.u32().map(|v| v as i32))
            .collect::<Result<Vec<_>, _>>()?;
        let rows = 1usize << bits;
        if r.bytes.len() != rows * TAGS * 2 {
            return Err(model_error("weight table has the wrong size"));
        }
        let weights = r
            .bytes
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes([b[0], b[1]]))
            .collect();
        Ok(Tagger {
            lexicon,
            bits,
            scale,
            transitions,
            weights,
            grammar: Grammar::new(),
        })
    }

    /// Writes the model (see the [module documentation](self) for the format).
    pub fn write(&self, mut writer: impl Write) -> Result<(), Error> {
        let mut bytes = Vec::with_capacity(self.weights.len() * 2 + 4096);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&VERSION.to_le_bytes());
        bytes.extend_from_slice(&features::FORMAT.to_le_bytes());
        bytes.extend_from_slice(&self.lexicon.fingerprint().to_le_bytes());
        bytes.push(self.bits as u8);
        bytes.push(TAGS as u8);
        bytes.extend_from_slice(&self.scale.to_le_bytes());
        for t in &self.transitions {
            bytes.extend_from_slice(&t.to_le_bytes());
        }
        for w in &self.weights {
            bytes.extend_from_slice(&w.to_le_bytes());
        }
        let check = crc32fast::hash(&bytes);
        bytes.extend_from_slice(&check.to_le_bytes());
        writer.write_all(&bytes)?;
        Ok(())
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
        scratch.emissions.clear();
        for row_ids in scratch.features.features.chunks_exact(FEATURES) {
            let mut scores = [0i32; TAGS];
            for &f in row_ids {
                let row = &self.weights[f as usize * TAGS..][..TAGS];
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            }
            scratch.emissions.extend_from_slice(&scores);
        }
        viterbi(
            &self.grammar,
            &scratch.emissions,
            &self.transitions,
            &mut scratch.backpointers,
            &mut scratch.best,
            &mut scratch.tags,
        );
        spans(&scratch.tags, out);
    }
}

struct ByteReader<'a> {
    bytes: &'a [u8],
}

impl ByteReader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        if self.bytes.len() < N {
            return Err(Error::new(ErrorKind::Model, "tagger model: truncated"));
        }
        let (head, rest) = self.bytes.split_at(N);
        self.bytes = rest;
        Ok(head.try_into().expect("split at N"))
    }

    fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take::<1>()?[0])
    }

    fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.take()?))
    }

    fn u64(&mut self) -> Result<u64, Error> {
        Ok(u64::from_le_bytes(self.take()?))
    }
}

#[cfg(test)]
mod tests;
