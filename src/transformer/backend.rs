//! Token-classification transformers run by rust-bert on libtorch (feature
//! `transformer`): BERT, DistilBERT, RoBERTa, XLM-RoBERTa and CamemBERT,
//! from local files only, no download.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rust_bert::bert::{BertConfig, BertForTokenClassification};
use rust_bert::distilbert::{DistilBertConfig, DistilBertForTokenClassification};
use rust_bert::pipelines::common::{ModelType as RustBertModel, TokenizerOption};
use rust_bert::roberta::RobertaForTokenClassification;
use tch::{nn, Device, Kind, Tensor};

use super::{decode, default_label, spaced_sentences, stitch, unspace, windows, Decoded, LabelSet};
use crate::error::{Error, ErrorKind};
use crate::text::Token;
use crate::types::{Label, TokenSpan};

/// The architectures the backend runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ModelType {
    /// BERT (`model_type` `bert`): `vocab.txt` or `tokenizer.json`.
    Bert,
    /// DistilBERT (`distilbert`): `vocab.txt` or `tokenizer.json`.
    DistilBert,
    /// RoBERTa (`roberta`): `vocab.json` and `merges.txt`, or
    /// `tokenizer.json`.
    Roberta,
    /// XLM-RoBERTa and CamemBERT (`xlm-roberta`, `camembert`):
    /// `sentencepiece.bpe.model` or `tokenizer.json`.
    XlmRoberta,
}

impl ModelType {
    /// The architecture a Hugging Face `config.json` names in `model_type`.
    ///
    /// ```
    /// use quidam::transformer::ModelType;
    /// assert_eq!(ModelType::from_config_name("camembert"), Some(ModelType::XlmRoberta));
    /// assert_eq!(ModelType::from_config_name("gpt2"), None);
    /// ```
    pub fn from_config_name(name: &str) -> Option<ModelType> {
        match name {
            "bert" => Some(ModelType::Bert),
            "distilbert" => Some(ModelType::DistilBert),
            "roberta" => Some(ModelType::Roberta),
            "xlm-roberta" | "camembert" => Some(ModelType::XlmRoberta),
            _ => None,
        }
    }
}

/// Where a model is and how to run it.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct TransformerConfig {
    /// A folder with `config.json` (with `id2label`), the weights
    /// (`rust_model.ot` or `model.safetensors`, tried in that order, tensors
    /// named as in the Hugging Face checkpoint), and
    /// `tokenizer.json` or the vocabulary files of the model type. A folder
    /// saved by Hugging Face's `save_pretrained` with safetensors weights
    /// and a fast tokenizer loads as it is.
    pub model_dir: PathBuf,
    /// The architecture (default: `model_type` in `config.json`).
    pub model_type: Option<ModelType>,
    /// Where to run it (default: CPU).
    pub device: Device,
    /// Windows run together, across documents in
    /// [`TransformerTagger::logits_batch`] (default 8).
    pub batch_size: usize,
    /// Sub-tokens a window (default 510, BERT's 512 less two special ones;
    /// never more than the model's positions allow).
    pub window: usize,
    /// Sub-tokens shared by neighbouring windows (default 128; never more
    /// than half a window).
    pub overlap: usize,
    /// Whether a `vocab.txt` vocabulary is lower-cased (default: read
    /// `do_lower_case` from `config.json`, else no).
    pub lower_case: Option<bool>,
    /// Mention types of the model mapped to quidam labels, or ignored
    /// (`None`), before [`default_label`] maps the others (case does not
    /// matter): for instance `("PERSON", Some(Label::Per))`, `("GPE",
    /// Some(Label::Loc))`, `("MISC", None)`. Empty by default.
    pub label_map: Vec<(String, Option<Label>)>,
}

/// The sub-tokens a window of quidam's own model: about the length of the
/// windows it was fine-tuned on (`training/finetune_teacher.py`).
const DEFAULT_MODEL_WINDOW: usize = 200;

/// The folder of quidam's own French model: `models/transformer` in the
/// repository (committed, 78 MB; `training/build_transformer.sh` rebuilds
/// it). It is too big for crates.io: depend on quidam by git or path to use
/// it.
const DEFAULT_MODEL_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/models/transformer");

impl TransformerConfig {
    /// quidam's own French model (multilingual-e5-small fine-tuned for PER,
    /// ORG, LOC, MISC and SITE), from `models/transformer` in the repository
    /// the crate was built from, read in windows
    /// of 200 sub-tokens overlapping by half: it was fine-tuned on windows
    /// of 160 words, about 200 sub-tokens, and reads longer ones worse
    /// (news-dev 0.773 in windows of 510, 0.851 in windows of 200).
    pub fn default_model() -> TransformerConfig {
        TransformerConfig {
            window: DEFAULT_MODEL_WINDOW,
            overlap: DEFAULT_MODEL_WINDOW / 2,
            ..TransformerConfig::new(DEFAULT_MODEL_DIR)
        }
    }

    /// The defaults for a model in `model_dir`.
    pub fn new(model_dir: impl Into<PathBuf>) -> TransformerConfig {
        TransformerConfig {
            model_dir: model_dir.into(),
            model_type: None,
            device: Device::Cpu,
            batch_size: 8,
            window: 510,
            overlap: 128,
            lower_case: None,
            label_map: Vec::new(),
        }
    }
}

/// Converts a PyTorch state dict saved with `numpy.savez` (names as in the
/// checkpoint) into `rust_model.ot`, the libtorch file of named tensors that
/// rust-bert loads. `scripts/export_checkpoint.py` writes the `.npz`.
pub fn convert_npz(npz: &Path, ot: &Path) -> Result<(), Error> {
    let tensors = Tensor::read_npz(npz).map_err(|e| model_error(npz, e))?;
    Tensor::save_multi(&tensors, ot).map_err(|e| model_error(ot, e))
}

/// The files weights are read from, in order of preference (libtorch's own
/// format, then Hugging Face's).
const WEIGHT_FILES: [&str; 2] = ["rust_model.ot", "model.safetensors"];

/// The network, by architecture.
enum Encoder {
    Bert(BertForTokenClassification),
    DistilBert(DistilBertForTokenClassification),
    /// RoBERTa and XLM-RoBERTa, with the id of the padding token, from which
    /// their positions count.
    Roberta(RobertaForTokenClassification, i64),
}

impl Encoder {
    fn logits(&self, input: &Tensor, mask: &Tensor) -> Result<Tensor, String> {
        tch::no_grad(|| match self {
            Encoder::Bert(model) => Ok(model
                .forward_t(Some(input), Some(mask), None, None, None, false)
                .logits),
            Encoder::DistilBert(model) => model
                .forward_t(Some(input), Some(mask), None, false)
                .map(|out| out.logits)
                .map_err(|e| e.to_string()),
            Encoder::Roberta(model, pad) => {
                // As in Hugging Face: positions count from pad + 1 over the
                // real tokens (rust-bert would assume a padding id of 1).
                let positions = mask.cumsum(1, Kind::Int64) * mask + *pad;
                Ok(model
                    .forward_t(Some(input), Some(mask), None, Some(&positions), None, false)
                    .logits)
            }
        })
    }
}

/// The sub-word tokenizer: a `tokenizer.json` (Hugging Face's tokenizers),
/// or the model type's vocabulary files (rust-bert's tokenizers).
enum Subwords {
    Json(Box<tokenizers::Tokenizer>),
    Files(Box<TokenizerOption>),
}

impl Subwords {
    fn load(
        dir: &Path,
        model_type: ModelType,
        lower_case: bool,
        strip_accents: Option<bool>,
    ) -> Result<Subwords, Error> {
        let json = dir.join("tokenizer.json");
        if json.exists() {
            let tokenizer =
                tokenizers::Tokenizer::from_file(&json).map_err(|e| model_error(&json, e))?;
            return Ok(Subwords::Json(Box::new(tokenizer)));
        }
        let (kind, vocab, merges) = match model_type {
            ModelType::Bert => (RustBertModel::Bert, "vocab.txt", None),
            ModelType::DistilBert => (RustBertModel::DistilBert, "vocab.txt", None),
            ModelType::Roberta => (RustBertModel::Roberta, "vocab.json", Some("merges.txt")),
            ModelType::XlmRoberta => (RustBertModel::XLMRoberta, "sentencepiece.bpe.model", None),
        };
        let vocab = dir.join(vocab);
        let merges = merges.map(|m| dir.join(m));
        for file in [Some(&vocab), merges.as_ref()].into_iter().flatten() {
            if !file.exists() {
                return Err(Error::new(
                    ErrorKind::Io,
                    format!("{}: no such file, and no tokenizer.json", file.display()),
                ));
            }
        }
        let strip_accents = match model_type {
            ModelType::Bert | ModelType::DistilBert => Some(strip_accents.unwrap_or(lower_case)),
            _ => None,
        };
        TokenizerOption::from_file(
            kind,
            &vocab.to_string_lossy(),
            merges.as_ref().map(|m| m.to_string_lossy()).as_deref(),
            lower_case,
            strip_accents,
            None,
        )
        .map(|t| Subwords::Files(Box::new(t)))
        .map_err(|e| model_error(&vocab, e))
    }

    /// The id of the first of `names` that the vocabulary holds.
    fn special(&self, names: &[&str]) -> Option<i64> {
        names.iter().find_map(|name| match self {
            Subwords::Json(t) => t.token_to_id(name).map(i64::from),
            Subwords::Files(t) => {
                let id = t.convert_tokens_to_ids(&[name])[0];
                (id != t.get_unk_id() || *name == "[UNK]" || *name == "<unk>").then_some(id)
            }
        })
    }

    /// Appends the byte ranges and ids of the sub-tokens of `text` (special
    /// tokens left out).
    fn pieces(&self, text: &str, ranges: &mut Vec<Range<usize>>, ids: &mut Vec<i64>) {
        match self {
            Subwords::Json(t) => {
                // Byte offsets; an encoding error leaves the text untagged.
                let Ok(encoding) = t.encode(text, false) else {
                    return;
                };
                for (&id, &(b0, b1)) in encoding.get_ids().iter().zip(encoding.get_offsets()) {
                    if b0 < b1 && text.is_char_boundary(b0) && text.is_char_boundary(b1) {
                        ranges.push(b0..b1);
                        ids.push(i64::from(id));
                    }
                }
            }
            Subwords::Files(t) => {
                // Char offsets, turned into byte offsets.
                let pieces = t.tokenize_with_offsets(text);
                let bytes = crate::text::char_boundaries(text);
                let found = pieces.tokens.iter().zip(&pieces.offsets);
                for (token, offset) in found {
                    let Some(offset) = offset else { continue };
                    let (Some(&b0), Some(&b1)) = (
                        bytes.get(offset.begin as usize),
                        bytes.get(offset.end as usize),
                    ) else {
                        continue;
                    };
                    ranges.push(b0..b1);
                    ids.push(t.convert_tokens_to_ids(&[token])[0]);
                }
            }
        }
    }
}

/// A loaded token-classification model. It is `Send` and `Sync`, but runs
/// one forward pass at a time (libtorch tensors are not `Sync`, so the
/// network sits behind a lock); libtorch spreads each pass over its own
/// threads (`tch::set_num_threads`), and [`logits_batch`](Self::logits_batch)
/// fills each pass with windows of many texts.
pub struct TransformerTagger {
    encoder: Mutex<(Encoder, nn::VarStore)>,
    subwords: Subwords,
    labels: LabelSet,
    config: TransformerConfig,
    model_type: ModelType,
    /// The ids that open and close a window, and pad it.
    cls: i64,
    sep: i64,
    pad: i64,
}

impl std::fmt::Debug for TransformerTagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TransformerTagger")
            .field("model_dir", &self.config.model_dir)
            .field("model_type", &self.model_type)
            .field("labels", &self.labels.len())
            .finish()
    }
}

fn model_error(path: &Path, what: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Model, format!("{}: {what}", path.display()))
}

/// One window of one document's sub-tokens.
struct Window {
    doc: usize,
    range: Range<usize>,
}

impl TransformerTagger {
    /// Loads a model from local files. A missing file is an
    /// [`ErrorKind::Io`] error; a file that does not describe a model of a
    /// known type, or weights that do not fit it, an [`ErrorKind::Model`].
    pub fn load(config: TransformerConfig) -> Result<TransformerTagger, Error> {
        let dir = config.model_dir.clone();
        let config_path = dir.join("config.json");
        let text = std::fs::read_to_string(&config_path).map_err(|e| {
            Error::with_source(
                ErrorKind::Io,
                format!("reading {}", config_path.display()),
                e,
            )
        })?;
        let bad = |what: &dyn std::fmt::Display| model_error(&config_path, what);
        let raw: serde_json::Value = serde_json::from_str(&text).map_err(|e| bad(&e))?;
        let model_type = match config.model_type {
            Some(t) => t,
            None => {
                let name = raw.get("model_type").and_then(|v| v.as_str()).unwrap_or("");
                ModelType::from_config_name(name).ok_or_else(|| {
                    bad(&format!(
                        "model_type {name:?}: the backend runs bert, distilbert, roberta, \
                         xlm-roberta and camembert"
                    ))
                })?
            }
        };

        // Label names by id, read here so that a bad table is an error.
        let id2label = raw
            .get("id2label")
            .and_then(|v| v.as_object())
            .filter(|m| !m.is_empty())
            .ok_or_else(|| bad(&"no id2label"))?;
        let n_labels = id2label.len();
        let mut names = vec![String::new(); n_labels];
        for (id, name) in id2label {
            let slot = id
                .parse::<usize>()
                .ok()
                .and_then(|i| names.get_mut(i))
                .ok_or_else(|| bad(&format!("id2label: id {id:?} out of 0..{n_labels}")))?;
            *slot = name.as_str().unwrap_or_default().to_string();
        }
        let labels = LabelSet::from_names(names.iter().map(String::as_str), |kind| {
            match config
                .label_map
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(kind))
            {
                Some((_, label)) => *label,
                None => default_label(kind),
            }
        });

        let int = |key: &str| raw.get(key).and_then(|v| v.as_i64());
        let mut weights = nn::VarStore::new(config.device);
        let (encoder, reserved) = match model_type {
            ModelType::Bert => {
                let bert: BertConfig = serde_json::from_str(&text).map_err(|e| bad(&e))?;
                let model =
                    BertForTokenClassification::new(weights.root(), &bert).map_err(|e| bad(&e))?;
                (Encoder::Bert(model), 0)
            }
            ModelType::DistilBert => {
                // Recent Hugging Face configs leave out fields that
                // rust-bert requires; their defaults there.
                let mut filled = raw.clone();
                if let Some(map) = filled.as_object_mut() {
                    for (key, value) in [
                        ("tie_weights_", serde_json::json!(true)),
                        ("qa_dropout", serde_json::json!(0.1)),
                        ("seq_classif_dropout", serde_json::json!(0.2)),
                        ("sinusoidal_pos_embds", serde_json::json!(false)),
                    ] {
                        map.entry(key).or_insert(value);
                    }
                }
                let distil: DistilBertConfig =
                    serde_json::from_value(filled).map_err(|e| bad(&e))?;
                let model = DistilBertForTokenClassification::new(weights.root(), &distil)
                    .map_err(|e| bad(&e))?;
                (Encoder::DistilBert(model), 0)
            }
            ModelType::Roberta | ModelType::XlmRoberta => {
                let roberta: BertConfig = serde_json::from_str(&text).map_err(|e| bad(&e))?;
                let model = RobertaForTokenClassification::new(weights.root(), &roberta)
                    .map_err(|e| bad(&e))?;
                let pad = int("pad_token_id").unwrap_or(1);
                // Positions 0..=pad are never used.
                (Encoder::Roberta(model, pad), pad + 1)
            }
        };
        let weights_path = WEIGHT_FILES
            .iter()
            .map(|name| dir.join(name))
            .find(|path| path.exists())
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::Io,
                    format!("{}: none of {WEIGHT_FILES:?}", dir.display()),
                )
            })?;
        weights
            .load(&weights_path)
            .map_err(|e| model_error(&weights_path, e))?;
        // Loading takes the file's precision; float16 weights (half the
        // file) run in float32 on a CPU, where half precision is slow.
        if config.device == Device::Cpu {
            weights.float();
        }

        // A window never exceeds the positions the model knows, less the
        // two special tokens.
        let mut config = config;
        let positions = int("max_position_embeddings").unwrap_or(512) - reserved;
        let positions = usize::try_from(positions).unwrap_or(0);
        config.window = config.window.clamp(1, positions.saturating_sub(2).max(1));
        // Windows move on by half their length at least.
        config.overlap = config.overlap.min(config.window / 2);

        let lower_case = config
            .lower_case
            .or_else(|| raw.get("do_lower_case").and_then(|v| v.as_bool()))
            .unwrap_or(false);
        let strip_accents = raw.get("strip_accents").and_then(|v| v.as_bool());
        let subwords = Subwords::load(&dir, model_type, lower_case, strip_accents)?;
        let special = |names: &[&str]| {
            subwords
                .special(names)
                .ok_or_else(|| model_error(&dir, format!("the vocabulary has none of {names:?}")))
        };
        let cls = special(&["[CLS]", "<s>"])?;
        let sep = special(&["[SEP]", "</s>"])?;
        let pad = special(&["[PAD]", "<pad>"])?;
        Ok(TransformerTagger {
            encoder: Mutex::new((encoder, weights)),
            subwords,
            labels,
            config,
            model_type,
            cls,
            sep,
            pad,
        })
    }

    /// The configuration in effect: the one given, with the window cut to
    /// the model's positions and the overlap to half a window.
    pub fn config(&self) -> &TransformerConfig {
        &self.config
    }

    /// The architecture.
    pub fn model_type(&self) -> ModelType {
        self.model_type
    }

    /// The model's label names, as quidam reads them.
    pub fn labels(&self) -> &LabelSet {
        &self.labels
    }

    /// The model's sub-tokens of `text` (byte ranges) and their logits,
    /// `labels().len()` a sub-token, windows stitched.
    pub fn logits(&self, text: &str) -> (Vec<Range<usize>>, Vec<f32>) {
        self.logits_batch(&[text]).pop().unwrap_or_default()
    }

    /// [`logits`](Self::logits) for many texts, their windows run together
    /// in batches of `batch_size` (longest first, so that little is padded).
    pub fn logits_batch(&self, texts: &[&str]) -> Vec<(Vec<Range<usize>>, Vec<f32>)> {
        let mut subtokens = Vec::with_capacity(texts.len());
        let mut ids = Vec::with_capacity(texts.len());
        let mut todo = Vec::new();
        for (doc, text) in texts.iter().enumerate() {
            let (mut r, mut i) = (Vec::new(), Vec::new());
            self.subwords.pieces(text, &mut r, &mut i);
            if !i.is_empty() {
                for range in windows(i.len(), self.config.window, self.config.overlap) {
                    todo.push(Window { doc, range });
                }
            }
            subtokens.push(r);
            ids.push(i);
        }
        todo.sort_by_key(|w| std::cmp::Reverse(w.range.len()));

        let mut parts: Vec<Vec<(Range<usize>, Vec<f32>)>> = vec![Vec::new(); texts.len()];
        for batch in todo.chunks(self.config.batch_size.max(1)) {
            let rows: Vec<&[i64]> = batch.iter().map(|w| &ids[w.doc][w.range.clone()]).collect();
            let (flat, longest) = self.run(&rows);
            let n = self.labels.len();
            for (b, w) in batch.iter().enumerate() {
                // Skip the opening token; keep the window's sub-tokens.
                let start = (b * longest + 1) * n;
                let end = start + w.range.len() * n;
                let logits = flat.get(start..end).unwrap_or(&[]).to_vec();
                parts[w.doc].push((w.range.clone(), logits));
            }
        }
        subtokens
            .into_iter()
            .zip(parts)
            .zip(&ids)
            .map(|((subs, parts), ids)| {
                let logits = stitch(&parts, ids.len(), self.labels.len());
                (subs, logits)
            })
            .collect()
    }

    /// Runs rows of sub-token ids, each wrapped in the opening and closing
    /// tokens and padded to the longest, and returns the logits, flat
    /// (empty if libtorch fails), and the length of a padded row.
    fn run(&self, rows: &[&[i64]]) -> (Vec<f32>, usize) {
        let longest = rows.iter().map(|r| r.len()).max().unwrap_or(0) + 2;
        let mut input = Vec::with_capacity(rows.len() * longest);
        let mut mask = Vec::with_capacity(rows.len() * longest);
        for row in rows {
            let pad = longest - row.len() - 2;
            input.push(self.cls);
            input.extend_from_slice(row);
            input.push(self.sep);
            input.extend(std::iter::repeat(self.pad).take(pad));
            mask.extend(std::iter::repeat(1i64).take(row.len() + 2));
            mask.extend(std::iter::repeat(0i64).take(pad));
        }
        let shape = [rows.len() as i64, longest as i64];
        let input = Tensor::from_slice(&input)
            .view(shape)
            .to(self.config.device);
        let mask = Tensor::from_slice(&mask).view(shape).to(self.config.device);
        // A pass that panicked elsewhere leaves the weights as they were.
        let encoder = self.encoder.lock().unwrap_or_else(|e| e.into_inner());
        let Ok(logits) = encoder.0.logits(&input, &mask) else {
            return (Vec::new(), longest);
        };
        drop(encoder);
        let logits = logits.to_kind(Kind::Float).to(Device::Cpu).contiguous();
        let flat = Vec::<f32>::try_from(logits.view([-1])).unwrap_or_default();
        (flat, longest)
    }

    /// The names the model finds over quidam `tokens` of `text`, as token
    /// ranges and labels, for [`Pipeline::annotate_with`](crate::Pipeline::annotate_with).
    pub fn tag(&self, text: &str, tokens: &[Token<'_>]) -> Vec<TokenSpan> {
        self.names(text, tokens)
            .into_iter()
            .map(|d| TokenSpan::new(d.tokens, d.label))
            .collect()
    }

    /// The names the model finds over quidam `tokens` of `text`, with their
    /// mean tag probabilities.
    ///
    /// The model reads the text with a space before each glued sentence
    /// ([`spaced_sentences`]).
    pub fn names(&self, text: &str, tokens: &[Token<'_>]) -> Vec<Decoded> {
        self.names_batch(&[text], &[tokens])
            .pop()
            .unwrap_or_default()
    }

    /// [`names`](Self::names) for many texts and their tokens, windows
    /// batched across texts.
    pub fn names_batch(&self, texts: &[&str], tokens: &[&[Token<'_>]]) -> Vec<Vec<Decoded>> {
        let spaced: Vec<Option<(String, Vec<usize>)>> = texts
            .iter()
            .zip(tokens)
            .map(|(text, tokens)| spaced_sentences(text, tokens))
            .collect();
        let read: Vec<&str> = texts
            .iter()
            .zip(&spaced)
            .map(|(text, s)| s.as_ref().map_or(*text, |(s, _)| s.as_str()))
            .collect();
        self.logits_batch(&read)
            .into_iter()
            .zip(tokens)
            .zip(&spaced)
            .map(|(((mut subtokens, logits), tokens), s)| {
                if let Some((_, at)) = s {
                    unspace(&mut subtokens, at);
                }
                decode(tokens, &subtokens, &logits, &self.labels)
            })
            .collect()
    }
}
