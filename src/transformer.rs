//! Decoding the outputs of a token-classification transformer into quidam
//! entities, whatever runs the model (rust-bert, ONNX Runtime, candle).
//!
//! A transformer labels sub-tokens (`▁Sol`, `ange`, `▁Dro`, `uin`) with
//! tags of some scheme (`B-PER`/`I-PER`, `I-PER` alone, BIOES, bare `PER`).
//! This module, given the sub-tokens' byte offsets and the model's logits:
//!
//! - reads any scheme from the model's label names ([`LabelSet`]), mapping
//!   entity types to quidam labels (`PER`, `PERS`, `ORG`, `LOC`, `GPE`,
//!   `MISC`; others ignored, or a table of your own);
//! - gives each quidam token the tag of its first sub-token, so that spans
//!   fall on quidam tokens and carry byte and char offsets;
//! - chooses the most probable sequence of tags that the scheme allows
//!   (Viterbi over the tokens' tag log-probabilities);
//! - joins tokens into spans by the scheme, scoring a span by the *mean*
//!   probability of its tokens' tags (not a product, which shrinks with
//!   length);
//! - leaves out lower-case fragments that a model reading each token alone
//!   gives (`général` before `Jean de Lattre de Tassigny` as a person of its
//!   own, `fleuve` as a place before `Chari`);
//! - splits long inputs into overlapping windows ([`windows`]) and stitches
//!   their logits back ([`stitch`]), each sub-token taking the window where
//!   it is farthest from an edge; and gives a sentence glued to the previous
//!   one (`faible".Jacques`) a space before the model reads it
//!   ([`spaced_sentences`], [`unspace`]);
//! - ends names without a dangling function word or punctuation (`ESA des`
//!   → `ESA`; an abbreviation keeps its dot, `Warner Bros.`), and leaves the
//!   title that opens a person's name out of it (`général de Gaulle` → `de
//!   Gaulle`), as `docs/annotation.md` has it.
//!
//! The names then go through the pipeline's document rules, grouping and
//! linking, with the MONEY and SITE rules:
//! [`Pipeline::annotate_with`](crate::Pipeline::annotate_with) takes names
//! (token ranges and labels) from any tagger.
//!
//! ## The backend (feature `transformer`)
//!
//! `TransformerTagger` runs a token-classification checkpoint with
//! rust-bert on libtorch, in place of the embedded tagger
//! (`PipelineBuilder::transformer`). Architectures: BERT, DistilBERT,
//! RoBERTa, XLM-RoBERTa and CamemBERT (`model_type` read from
//! `config.json`, or set in `TransformerConfig::model_type`). Files, all
//! local: `config.json` with `id2label`, `rust_model.ot` or
//! `model.safetensors`, and `tokenizer.json` (read by Hugging Face's
//! `tokenizers`) or the vocabulary files of the type (`vocab.txt`;
//! `vocab.json` and `merges.txt`; `sentencepiece.bpe.model`). Windows of up
//! to 510 sub-tokens (fewer if the model has fewer positions) overlap by 128;
//! set `window` to the length a model was fine-tuned on, as it reads longer
//! ones worse. `annotate_batch` runs the windows of many documents together,
//! `batch_size` a forward pass, longest first.
//!
//! ```no_run
//! # #[cfg(feature = "transformer")]
//! # fn main() -> Result<(), quidam::Error> {
//! use quidam::transformer::{TransformerConfig, TransformerTagger};
//! let mut config = TransformerConfig::new("my-model");
//! config.batch_size = 32;
//! let transformer = TransformerTagger::load(config)?;
//! let pipeline = quidam::Pipeline::builder().transformer(transformer).build()?;
//! let docs = pipeline.annotate_batch(&["Kim Dotcom a fondé Megaupload.", "Rien."]);
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "transformer"))]
//! # fn main() {}
//! ```
//!
//! A Hugging Face checkpoint saved on disk (`save_pretrained`) becomes those
//! files, and is scored on a gold file, by:
//!
//! ```sh
//! eval "$(scripts/setup-libtorch.sh)"
//! python scripts/export_checkpoint.py path/to/checkpoint my-model
//! cargo run --release --features transformer --example convert_checkpoint -- my-model
//! cargo run --release --features transformer --example evaluate -- GOLD.jsonl --backend transformer --transformer my-model
//! ```
//!
//! quidam's own French model (`models/transformer`, read by
//! `TransformerConfig::default_model()`) is multilingual-e5-small (MIT)
//! fine-tuned for BIO over PER, ORG, LOC, MISC and SITE, in windows of 200
//! sub-tokens; `training/build_transformer.sh` rebuilds it and
//! `docs/training.md` says what it learns from. Its accuracy and speed are
//! in `docs/benchmarks.md`. The backend's logits equal PyTorch's to 1e-4 on
//! tiny random checkpoints of each architecture (`scripts/tiny_models.py`)
//! and on the shipped model (`tests/transformer.rs`).

use std::ops::Range;

use crate::text::{Token, TokenKind};
use crate::types::Label;

pub use crate::bilou::Position;

/// One of the model's tags, as quidam reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Tag {
    /// Where it puts its token.
    pub position: Position,
    /// The entity type (`None` for `O` and unmapped types).
    pub label: Option<Label>,
}

/// The model's tags, by label id (the order of `id2label`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelSet {
    tags: Vec<Tag>,
}

/// The usual entity type names of French NER models, as quidam labels
/// (and `SITE`, which quidam's own models tag).
pub fn default_label(name: &str) -> Option<Label> {
    match name.to_ascii_uppercase().as_str() {
        "PER" | "PERS" | "PERSON" => Some(Label::Per),
        "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(Label::Org),
        "LOC" | "GPE" | "LOCATION" => Some(Label::Loc),
        "MISC" => Some(Label::Misc),
        "SITE" => Some(Label::Site),
        _ => None,
    }
}

impl LabelSet {
    /// Reads tag names (`B-PER`, `I-ORG`, `E-LOC`, `S-MISC`, `L-`, `U-`,
    /// `B_PER`, bare `PER`, `O`), in label-id order, mapping entity types
    /// with `map` ([`default_label`] for the usual ones).
    ///
    /// ```
    /// use quidam::transformer::{default_label, LabelSet, Position};
    /// use quidam::Label;
    /// let set = LabelSet::from_names(["O", "B-PER", "I-PER", "S-LOC", "B-DATE"], default_label);
    /// assert_eq!(set.tag(3).position, Position::Unit);
    /// assert_eq!(set.tag(3).label, Some(Label::Loc));
    /// assert_eq!(set.tag(4).position, Position::Outside); // DATE is not mapped
    /// ```
    pub fn from_names<'a>(
        names: impl IntoIterator<Item = &'a str>,
        map: impl Fn(&str) -> Option<Label>,
    ) -> LabelSet {
        let tags = names
            .into_iter()
            .map(|name| {
                let (position, kind) = match name.split_once(['-', '_']) {
                    Some((p, kind)) if p.len() == 1 => {
                        let position = match p.to_ascii_uppercase().as_str() {
                            "B" => Position::Begin,
                            "I" => Position::Inside,
                            "E" | "L" => Position::Last,
                            "S" | "U" => Position::Unit,
                            _ => Position::Outside,
                        };
                        (position, kind)
                    }
                    _ if name.eq_ignore_ascii_case("O") => (Position::Outside, ""),
                    _ => (Position::Inside, name),
                };
                match (position, map(kind)) {
                    (Position::Outside, _) | (_, None) => Tag {
                        position: Position::Outside,
                        label: None,
                    },
                    (position, label) => Tag { position, label },
                }
            })
            .collect();
        LabelSet { tags }
    }

    /// The tag of a label id (`O` for an id the model does not name).
    pub fn tag(&self, id: usize) -> Tag {
        self.tags.get(id).copied().unwrap_or(Tag {
            position: Position::Outside,
            label: None,
        })
    }

    /// The number of tags.
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    /// Whether there is no tag.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }
}

/// An entity decoded from a model's outputs: a range of quidam tokens, its
/// label, and the mean probability of its tokens' tags.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Decoded {
    /// The tokens it covers.
    pub tokens: Range<usize>,
    /// Its label.
    pub label: Label,
    /// The mean over its tokens of the probability of their tags.
    pub score: f32,
}

/// Decodes a model's logits into entities over quidam `tokens`.
///
/// `subtokens` are the byte ranges in the text of the model's sub-tokens
/// (special tokens left out), `logits` their scores, `labels.len()` a
/// sub-token, in the same order. Each token is read on the first sub-token
/// that starts inside it, or starts in the space before it and runs into
/// it; a token that no sub-token reaches is outside. The tags are the most
/// probable sequence that the scheme allows (no `I-ORG` right after
/// `B-PER`, no `I-` after `O` when the scheme has `B-`, every `B-` closed
/// when it has `E-`), not each token's best tag alone. Names without a
/// capital letter or digit are left out where they are a person's (a title
/// read as a name) or end where a name of the same label begins (a head the
/// model split off). Names end as the embedded tagger's do, without a
/// dangling function word or punctuation (`ESA des` -> `ESA`), and a
/// person's leaves out the title that opens it (`maréchal Haig` -> `Haig`).
/// Malformed input (too few logits, ranges out of order)
/// gives fewer entities, never a panic.
pub fn decode(
    tokens: &[Token<'_>],
    subtokens: &[Range<usize>],
    logits: &[f32],
    labels: &LabelSet,
) -> Vec<Decoded> {
    let n = labels.len();
    // The logits row of each token's first sub-token.
    let mut rows: Vec<Option<&[f32]>> = vec![None; tokens.len()];
    if n > 0 {
        let mut t = 0;
        for (k, sub) in subtokens.iter().enumerate() {
            let Some(row) = logits.get(k * n..(k + 1) * n) else {
                break;
            };
            // The token this sub-token starts in.
            while t < tokens.len() && tokens[t].span.byte_end <= sub.start {
                t += 1;
            }
            let Some(token) = tokens.get(t) else {
                break;
            };
            // Starts inside the token, or before it and runs into it (a
            // piece such as `▁Drouin` whose offsets take the space before).
            if sub.end <= token.span.byte_start || rows[t].is_some() {
                continue;
            }
            rows[t] = Some(row);
        }
    }
    let tags = legal_tags(&rows, labels);

    let mut out: Vec<Decoded> = Vec::new();
    let mut open: Option<(usize, Label, f32)> = None; // start, label, sum of p
    let close = |open: &mut Option<(usize, Label, f32)>, end: usize, out: &mut Vec<Decoded>| {
        if let Some((start, label, sum)) = open.take() {
            out.push(Decoded {
                tokens: start..end,
                label,
                score: sum / (end - start) as f32,
            });
        }
    };
    for (i, tag) in tags.iter().enumerate() {
        let Some((
            Tag {
                position,
                label: Some(label),
            },
            p,
        )) = *tag
        else {
            close(&mut open, i, &mut out);
            continue;
        };
        let continues = position.continues() && open.is_some_and(|(_, l, _)| l == label);
        if continues {
            if let Some((_, _, sum)) = open.as_mut() {
                *sum += p;
            }
        } else {
            close(&mut open, i, &mut out);
            open = Some((i, label, p));
        }
        if position.closes() {
            close(&mut open, i + 1, &mut out);
        }
    }
    close(&mut open, tags.len(), &mut out);
    drop_fragments(tokens, &mut out);
    for name in &mut out {
        trim_name(tokens, &mut name.tokens, name.label);
    }
    out.retain(|name| !name.tokens.is_empty());
    out
}

/// Leaves out the names that no capital letter or digit marks: a person's
/// (`général` in `général Jean de Lattre de Tassigny`, read as a name of
/// its own; titles and roles stay outside a `PER`), or one that the next
/// name of the same label follows at once (`fleuve` `Chari`, `chutes de`
/// `Celilo`: a common noun the model began a name with, and began again).
/// A lower-case name alone (`franceinfo`) stays, and so does any site or
/// name in a script without case.
fn drop_fragments(tokens: &[Token<'_>], names: &mut Vec<Decoded>) {
    // Lower-case letters and no capital or digit: names in scripts without
    // case (`東京`, `محمد`) and symbols are never fragments.
    let unmarked = |d: &Decoded| {
        tokens.get(d.tokens.clone()).is_some_and(|run| {
            let chars = || run.iter().flat_map(|t| t.text.chars());
            chars().any(char::is_lowercase) && !chars().any(|c| c.is_uppercase() || c.is_numeric())
        })
    };
    let fragment: Vec<bool> = names
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let restarted = names
                .get(i + 1)
                .is_some_and(|next| next.tokens.start == d.tokens.end && next.label == d.label);
            d.label != Label::Site && (d.label == Label::Per || restarted) && unmarked(d)
        })
        .collect();
    let mut fragment = fragment.into_iter();
    names.retain(|_| !fragment.next().unwrap_or(false));
}

/// Which tags may follow which under the model's scheme: a tag inside a
/// type (`I-`, `E-`) only after one that opens or continues it, when the
/// scheme has a tag to open it (`B-`; not `I-` alone or bare `PER`); and,
/// when the scheme has a tag to close a type (`E-`, `S-`), no other tag
/// after one that leaves it open, nor the end.
struct Transitions {
    n: usize,
    allowed: Vec<bool>,
    /// May a sequence start with each tag, or end with it.
    first: Vec<bool>,
    last: Vec<bool>,
}

impl Transitions {
    fn new(labels: &LabelSet) -> Transitions {
        let n = labels.len();
        let tags: Vec<Tag> = (0..n).map(|i| labels.tag(i)).collect();
        let has = |label: Option<Label>, positions: &[Position]| {
            tags.iter()
                .any(|t| t.label == label && positions.contains(&t.position))
        };
        // Needs an opener before it; must be closed after it: only when the
        // scheme has one for its label (bare `PER` tags open and close).
        let needs_opener: Vec<bool> = tags
            .iter()
            .map(|t| {
                t.position.continues() && t.label.is_some() && has(t.label, &[Position::Begin])
            })
            .collect();
        let needs_closing: Vec<bool> = tags
            .iter()
            .map(|t| {
                t.position.opens()
                    && t.label.is_some()
                    && has(t.label, &[Position::Last, Position::Unit])
            })
            .collect();
        let parts = |t: &Tag| t.label.map(|l| (t.position, l));
        let mut allowed = vec![false; n * n];
        for (i, a) in tags.iter().enumerate() {
            for (j, b) in tags.iter().enumerate() {
                allowed[i * n + j] = crate::bilou::legal(parts(a), parts(b))
                    || (!needs_opener[j] && !needs_closing[i]);
            }
        }
        Transitions {
            n,
            allowed,
            first: needs_opener.iter().map(|x| !x).collect(),
            last: needs_closing.iter().map(|x| !x).collect(),
        }
    }
}

/// The tag of each token with a row of logits (`None` without one, which
/// ends any entity) and its probability: the most probable sequence of tags
/// that the scheme allows over each run of tokens with rows (Viterbi over
/// log-probabilities), or each row's best tag when the scheme allows none.
fn legal_tags(rows: &[Option<&[f32]>], labels: &LabelSet) -> Vec<Option<(Tag, f32)>> {
    let mut out = vec![None; rows.len()];
    let n = labels.len();
    if n == 0 {
        return out;
    }
    let transitions = Transitions::new(labels);
    let mut start = 0;
    while start < rows.len() {
        if rows[start].is_none() {
            start += 1;
            continue;
        }
        let end = rows[start..]
            .iter()
            .position(Option::is_none)
            .map_or(rows.len(), |k| start + k);
        let run: Vec<Vec<f32>> = rows[start..end]
            .iter()
            .flatten()
            .map(|row| log_softmax(row))
            .collect();
        let best = viterbi(&run, &transitions)
            .unwrap_or_else(|| run.iter().map(|lp| argmax(lp)).collect());
        for (k, j) in best.into_iter().enumerate() {
            out[start + k] = Some((labels.tag(j), run[k][j].exp()));
        }
        start = end;
    }
    out
}

/// The best legal path through `run` (log-probabilities, a row a token),
/// or `None` when no path is legal or scores are not numbers.
fn viterbi(run: &[Vec<f32>], transitions: &Transitions) -> Option<Vec<usize>> {
    let n = transitions.n;
    let mut score: Vec<f32> = (0..n)
        .map(|j| {
            if transitions.first[j] {
                run[0][j]
            } else {
                f32::NEG_INFINITY
            }
        })
        .collect();
    let mut back: Vec<usize> = Vec::with_capacity(run.len() * n);
    for lp in &run[1..] {
        let mut next = vec![f32::NEG_INFINITY; n];
        for (j, slot) in next.iter_mut().enumerate() {
            let mut from = 0;
            let mut best = f32::NEG_INFINITY;
            for (i, &s) in score.iter().enumerate() {
                if transitions.allowed[i * n + j] && s > best {
                    best = s;
                    from = i;
                }
            }
            *slot = best + lp[j];
            back.push(from);
        }
        score = next;
    }
    let (mut j, best) = score
        .iter()
        .enumerate()
        .filter(|&(j, _)| transitions.last[j])
        .fold((0, f32::NEG_INFINITY), |(bj, bs), (j, &s)| {
            if s > bs {
                (j, s)
            } else {
                (bj, bs)
            }
        });
    if !best.is_finite() {
        return None;
    }
    let mut path = vec![j; run.len()];
    for t in (1..run.len()).rev() {
        j = back[(t - 1) * n + j];
        path[t - 1] = j;
    }
    Some(path)
}

/// A row's log-probabilities (softmax); a row whose largest value is not a
/// finite number gives minus infinity everywhere but its first entry.
fn log_softmax(row: &[f32]) -> Vec<f32> {
    let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if !max.is_finite() {
        let mut out = vec![f32::NEG_INFINITY; row.len()];
        out[0] = 0.0;
        return out;
    }
    let sum: f32 = row
        .iter()
        .map(|v| (v - max).exp())
        .filter(|v| !v.is_nan())
        .sum();
    let log_sum = sum.ln();
    row.iter()
        .map(|v| {
            if v.is_nan() {
                f32::NEG_INFINITY
            } else {
                v - max - log_sum
            }
        })
        .collect()
}

/// The index of the largest value (the first of equals; NaN never wins).
fn argmax(row: &[f32]) -> usize {
    row.iter()
        .enumerate()
        .fold((0, f32::NEG_INFINITY), |(bi, bv), (i, &v)| {
            if v > bv {
                (i, v)
            } else {
                (bi, bv)
            }
        })
        .0
}

/// Windows of at most `size` sub-tokens over `n`, each starting `size -
/// overlap` after the previous one, the last ending at `n`. A `size` of 0 is
/// taken as 1, an `overlap` of `size` or more as `size - 1`.
///
/// ```
/// assert_eq!(quidam::transformer::windows(10, 4, 2), [0..4, 2..6, 4..8, 6..10]);
/// assert_eq!(quidam::transformer::windows(3, 4, 2), [0..3]);
/// ```
pub fn windows(n: usize, size: usize, overlap: usize) -> Vec<Range<usize>> {
    let size = size.max(1);
    let step = size - overlap.min(size - 1);
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        let end = (start + size).min(n);
        out.push(start..end);
        if end >= n {
            break;
        }
        start += step;
    }
    out
}

/// Stitches the logits of overlapping windows (`(window, logits)` pairs,
/// `labels` logits a sub-token) into one row per sub-token of `0..n`: each
/// sub-token takes its row from the window in which it is farthest from an
/// edge, so that it was read with the most context. Rows no window covers
/// are zeros.
pub fn stitch(parts: &[(Range<usize>, Vec<f32>)], n: usize, labels: usize) -> Vec<f32> {
    let mut out = vec![0.0; n * labels];
    let mut best = vec![None::<usize>; n];
    for (window, logits) in parts {
        for (k, sub) in window.clone().enumerate() {
            if sub >= n {
                break;
            }
            let margin = k.min(window.len() - 1 - k);
            let Some(row) = logits.get(k * labels..(k + 1) * labels) else {
                break;
            };
            if best[sub].map_or(true, |m| margin > m) {
                best[sub] = Some(margin);
                out[sub * labels..(sub + 1) * labels].copy_from_slice(row);
            }
        }
    }
    out
}

/// The text a model reads: `text` with a space before each sentence that
/// starts right after the previous one (`faible".Jacques`, `LCI.L'Elysée`,
/// glued in scraped news), which quidam's splitter separates but a sub-word
/// tokenizer would read as the middle of a word (`Ja`, `c`, `ques`); and
/// the byte offsets in `text` before which spaces went in. `None` when no
/// sentence is glued.
///
/// ```
/// use quidam::text::tokenize;
/// use quidam::transformer::spaced_sentences;
/// let text = "Il a gagné.Jacques part.";
/// let (spaced, at) = spaced_sentences(text, &tokenize(text)).unwrap();
/// assert_eq!(spaced, "Il a gagné. Jacques part.");
/// assert_eq!(at, [12]);
/// ```
pub fn spaced_sentences(text: &str, tokens: &[Token<'_>]) -> Option<(String, Vec<usize>)> {
    let mut at: Vec<usize> = Vec::new();
    for s in crate::text::split_sentences(text, tokens) {
        let Some(b) = tokens.get(s.start).map(|t| t.span.byte_start) else {
            continue;
        };
        // Tokens of another text give offsets out of order or off a char
        // boundary: those are left alone.
        let glued = text
            .get(..b)
            .and_then(|before| before.chars().next_back())
            .is_some_and(|c| !c.is_whitespace());
        if glued && at.last().map_or(true, |&last| b > last) {
            at.push(b);
        }
    }
    if at.is_empty() {
        return None;
    }
    let mut spaced = String::with_capacity(text.len() + at.len());
    let mut from = 0;
    for &b in &at {
        spaced.push_str(&text[from..b]);
        spaced.push(' ');
        from = b;
    }
    spaced.push_str(&text[from..]);
    Some((spaced, at))
}

/// Moves byte ranges in the text of [`spaced_sentences`] back onto the
/// original text (`at`, the offsets it returned): a range over an inserted
/// space alone becomes empty.
pub fn unspace(ranges: &mut [Range<usize>], at: &[usize]) {
    // Where each inserted space is in the spaced text.
    let spaces: Vec<usize> = at.iter().enumerate().map(|(k, &b)| b + k).collect();
    let back = |o: usize| o - spaces.partition_point(|&m| m < o);
    for r in ranges {
        *r = back(r.start)..back(r.end);
    }
}

/// Words a name never ends with (`docs/annotation.md`: the shortest stretch that
/// names the entity).
const NEVER_LAST: &[&str] = &[
    "de", "du", "des", "d'", "d’", "d", "l'", "l’", "l", "la", "le", "les", "et", "à", "au", "aux",
    "en",
];

/// Lower-case words that may open a person's name (`de Gaulle`,
/// `van Gogh`): any other lower-case word before a capitalised one is a
/// title or role (`général`, `maréchal`, `ministre`), which `docs/annotation.md`
/// keeps outside a `PER`.
const PARTICLES: &[&str] = &[
    "al", "ben", "bin", "d'", "d’", "da", "das", "de", "del", "della", "den", "der", "des", "di",
    "do", "dos", "du", "el", "ibn", "la", "le", "ten", "ter", "van", "von", "y", "zu",
];

/// Drops function words and punctuation that end a span (`Afrique de l'`);
/// and the titles that open a person's name (`maréchal Haig` -> `Haig`,
/// `général de Gaulle` -> `de Gaulle`): lower-case words before the first
/// capitalised one, up to a name particle. A span may come out empty.
fn trim_name(tokens: &[Token<'_>], r: &mut Range<usize>, label: Label) {
    while r.end > r.start {
        let Some(last) = tokens.get(r.end - 1) else {
            return;
        };
        let dangling = (last.kind == TokenKind::Punct && !abbreviation_dot(tokens, r.end - 1))
            || last.kind == TokenKind::Elision
            || NEVER_LAST.contains(&last.text);
        if !dangling {
            break;
        }
        r.end -= 1;
    }
    if label != Label::Per {
        return;
    }
    let capital = |t: &Token<'_>| t.text.chars().any(char::is_uppercase);
    let Some(named) = tokens
        .get(r.clone())
        .and_then(|run| run.iter().position(capital))
    else {
        return;
    };
    let lower = |t: &Token<'_>| {
        matches!(t.kind, TokenKind::Word | TokenKind::Elision)
            && t.text.starts_with(char::is_lowercase)
    };
    let particle = |t: &Token<'_>| PARTICLES.contains(&t.text);
    // The particles right before the name stay with it.
    let mut start = r.start + named;
    while start > r.start && particle(&tokens[start - 1]) {
        start -= 1;
    }
    let before = &tokens[r.start..start];
    if before.iter().all(lower) && before.iter().any(|t| !particle(t)) {
        r.start = start;
    }
}

/// Whether token `i` is a `.` or `!` that ends the word of two letters or
/// more right before it, as part of a name (`Warner Bros.`, `Yahoo!`); an
/// initial's dot stays outside (`F.` -> `F`).
fn abbreviation_dot(tokens: &[Token<'_>], i: usize) -> bool {
    let (Some(word), Some(dot)) = (i.checked_sub(1).and_then(|w| tokens.get(w)), tokens.get(i))
    else {
        return false;
    };
    matches!(dot.text, "." | "!")
        && word.kind == TokenKind::Word
        && word.span.byte_end == dot.span.byte_start
        && word.text.chars().nth(1).is_some()
}

#[cfg(feature = "transformer")]
mod backend;
#[cfg(feature = "transformer")]
pub use backend::{convert_npz, ModelType, TransformerConfig, TransformerTagger};

#[cfg(test)]
mod tests;
