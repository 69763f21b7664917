//! A BERT token-classification model run by rust-bert on libtorch (feature
//! `transformer`): local files only, no download.

use std::ops::Range;
use std::path::{Path, PathBuf};

use rust_bert::bert::{BertConfig, BertForTokenClassification};
use rust_tokenizers::tokenizer::{BertTokenizer, Tokenizer};
use rust_tokenizers::vocab::Vocab;
use tch::{nn, Device, Kind, Tensor};

use super::{decode, default_label, stitch, windows, LabelSet};
use crate::error::{Error, ErrorKind};
use crate::pipeline::Label;
use crate::text::Token;

/// Where a model is and how to run it.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct TransformerConfig {
    /// A folder with `config.json` (with `id2label`), `rust_model.ot` and
    /// `vocab.txt`.
    pub model_dir: PathBuf,
    /// Where to run it (default: CPU).
    pub device: Device,
    /// Windows run together (default 8).
    pub batch_size: usize,
    /// Sub-tokens a window (default 510, BERT's 512 less two special ones;
    /// never more than the model's positions allow).
    pub window: usize,
    /// Sub-tokens shared by neighbouring windows (default 128).
    pub overlap: usize,
    /// Whether the vocabulary is lower-cased (default: read `do_lower_case`
    /// from `config.json`, else no).
    pub lower_case: Option<bool>,
}

impl TransformerConfig {
    /// The defaults for a model in `model_dir`.
    pub fn new(model_dir: impl Into<PathBuf>) -> TransformerConfig {
        TransformerConfig {
            model_dir: model_dir.into(),
            device: Device::Cpu,
            batch_size: 8,
            window: 510,
            overlap: 128,
            lower_case: None,
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

/// A loaded token-classification model.
pub struct TransformerTagger {
    model: BertForTokenClassification,
    _weights: nn::VarStore,
    tokenizer: BertTokenizer,
    labels: LabelSet,
    n_labels: usize,
    config: TransformerConfig,
    cls: i64,
    sep: i64,
    pad: i64,
}

impl std::fmt::Debug for TransformerTagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TransformerTagger")
            .field("model_dir", &self.config.model_dir)
            .field("labels", &self.n_labels)
            .finish()
    }
}

fn model_error(path: &Path, what: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Model, format!("{}: {what}", path.display()))
}

impl TransformerTagger {
    /// Loads a model from local files.
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
        let bert: BertConfig =
            serde_json::from_str(&text).map_err(|e| model_error(&config_path, e))?;
        let raw: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| model_error(&config_path, e))?;
        let id2label = bert
            .id2label
            .as_ref()
            .ok_or_else(|| model_error(&config_path, "no id2label"))?;
        let n_labels = id2label.len();
        let names: Vec<String> = (0..n_labels as i64)
            .map(|i| id2label.get(&i).cloned().unwrap_or_default())
            .collect();
        let labels = LabelSet::from_names(names.iter().map(String::as_str), default_label);

        // A window never exceeds the positions the model knows, less
        // [CLS] and [SEP].
        let mut config = config;
        let positions = usize::try_from(bert.max_position_embeddings).unwrap_or(0);
        config.window = config.window.clamp(1, positions.saturating_sub(2).max(1));
        let mut weights = nn::VarStore::new(config.device);
        let model = BertForTokenClassification::new(weights.root(), &bert)
            .map_err(|e| model_error(&config_path, e))?;
        let weights_path = dir.join("rust_model.ot");
        weights
            .load(&weights_path)
            .map_err(|e| model_error(&weights_path, e))?;

        let lower_case = config
            .lower_case
            .or_else(|| raw.get("do_lower_case").and_then(|v| v.as_bool()))
            .unwrap_or(false);
        let vocab_path = dir.join("vocab.txt");
        let tokenizer = BertTokenizer::from_file(&vocab_path, lower_case, false)
            .map_err(|e| model_error(&vocab_path, e))?;
        let vocab = tokenizer.vocab();
        let id = |token: &str| vocab.token_to_id(token);
        let (cls, sep, pad) = (
            id(vocab.get_cls_value()),
            id(vocab.get_sep_value()),
            id(vocab.get_pad_value()),
        );
        Ok(TransformerTagger {
            model,
            _weights: weights,
            tokenizer,
            labels,
            n_labels,
            config,
            cls,
            sep,
            pad,
        })
    }

    /// The model's sub-tokens of `text` (byte ranges) and their logits,
    /// `labels` a sub-token, windows stitched.
    pub fn logits(&self, text: &str) -> (Vec<Range<usize>>, Vec<f32>) {
        let pieces = self.tokenizer.tokenize_with_offsets(text);
        // Char offsets to byte offsets.
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let mut subtokens = Vec::new();
        let mut ids = Vec::new();
        for (token, offset) in pieces.tokens.iter().zip(&pieces.offsets) {
            let Some(offset) = offset else { continue };
            let (Some(&b0), Some(&b1)) = (
                bytes.get(offset.begin as usize),
                bytes.get(offset.end as usize),
            ) else {
                continue;
            };
            subtokens.push(b0..b1);
            ids.push(self.tokenizer.vocab().token_to_id(token));
        }
        let n = ids.len();
        if n == 0 {
            return (subtokens, Vec::new());
        }
        let spans = windows(n, self.config.window, self.config.overlap);
        let mut parts = Vec::with_capacity(spans.len());
        for batch in spans.chunks(self.config.batch_size.max(1)) {
            let longest = batch.iter().map(|w| w.len()).max().unwrap_or(0) + 2;
            let mut input = Vec::with_capacity(batch.len() * longest);
            let mut mask = Vec::with_capacity(batch.len() * longest);
            for w in batch {
                let row: Vec<i64> = [self.cls]
                    .into_iter()
                    .chain(ids[w.clone()].iter().copied())
                    .chain([self.sep])
                    .collect();
                mask.extend(row.iter().map(|_| 1i64));
                mask.extend(std::iter::repeat(0i64).take(longest - row.len()));
                input.extend_from_slice(&row);
                input.extend(std::iter::repeat(self.pad).take(longest - row.len()));
            }
            let shape = [batch.len() as i64, longest as i64];
            let input = Tensor::from_slice(&input)
                .view(shape)
                .to(self.config.device);
            let mask = Tensor::from_slice(&mask).view(shape).to(self.config.device);
            let out = tch::no_grad(|| {
                self.model
                    .forward_t(Some(&input), Some(&mask), None, None, None, false)
            });
            let logits = out.logits.to_kind(Kind::Float).to(Device::Cpu).contiguous();
            let flat: Vec<f32> = Vec::<f32>::try_from(logits.view([-1])).unwrap_or_default();
            for (b, w) in batch.iter().enumerate() {
                // Skip [CLS]; keep the window's sub-tokens.
                let start = (b * longest + 1) * self.n_labels;
                let end = start + w.len() * self.n_labels;
                parts.push((w.clone(), flat.get(start..end).unwrap_or(&[]).to_vec()));
            }
        }
        (subtokens, stitch(&parts, n, self.n_labels))
    }

    /// The names the model finds over quidam `tokens` of `text`, as token
    /// ranges and labels, for [`Pipeline::annotate_with`](crate::Pipeline::annotate_with).
    pub fn tag(&self, text: &str, tokens: &[Token<'_>]) -> Vec<(Range<usize>, Label)> {
        let (subtokens, logits) = self.logits(text);
        decode(tokens, &subtokens, &logits, &self.labels)
            .into_iter()
            .map(|d| (d.tokens, d.label))
            .collect()
    }
}
