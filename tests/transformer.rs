//! The transformer backend against PyTorch, on a tiny BERT checkpoint with
//! random weights that `scripts/tiny_bert.py` writes (feature `transformer`):
//!
//! ```text
//! eval "$(scripts/setup-libtorch.sh)"
//! python scripts/tiny_bert.py target/tiny-bert
//! cargo test --release --features transformer --test transformer
//! ```
#![cfg(feature = "transformer")]

use std::path::{Path, PathBuf};

use quidam::transformer::{TransformerConfig, TransformerTagger};
use quidam::{Label, Pipeline};

fn tiny_model() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/tiny-bert");
    assert!(
        dir.join("expected.json").exists(),
        "run `python scripts/tiny_bert.py target/tiny-bert` first"
    );
    let ot = dir.join("rust_model.ot");
    if !ot.exists() {
        quidam::transformer::convert_npz(&dir.join("weights.npz"), &ot).unwrap();
    }
    dir
}

#[derive(serde::Deserialize)]
struct Expected {
    labels: Vec<String>,
    sentences: Vec<Sentence>,
}

#[derive(serde::Deserialize)]
struct Sentence {
    text: String,
    ids: Vec<i64>,
    logits: Vec<Vec<f32>>,
}

fn expected(dir: &Path) -> Expected {
    let text = std::fs::read_to_string(dir.join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn logits_equal_pytorchs() {
    let dir = tiny_model();
    let want = expected(&dir);
    let tagger = TransformerTagger::load(TransformerConfig::new(&dir)).unwrap();
    for s in &want.sentences {
        let (subtokens, logits) = tagger.logits(&s.text);
        // PyTorch's rows less [CLS] and [SEP].
        let rows = &s.logits[1..s.logits.len() - 1];
        assert_eq!(subtokens.len(), rows.len(), "{}: sub-tokens", s.text);
        let n = want.labels.len();
        for (k, row) in rows.iter().enumerate() {
            for (j, &v) in row.iter().enumerate() {
                let got = logits[k * n + j];
                assert!(
                    (got - v).abs() < 1e-4,
                    "{}: sub-token {k}, label {j}: {got} vs {v}",
                    s.text
                );
            }
        }
        assert_eq!(s.ids.len(), subtokens.len() + 2);
    }
}

#[test]
fn windows_give_the_same_logits() {
    let dir = tiny_model();
    let whole = TransformerTagger::load(TransformerConfig::new(&dir)).unwrap();
    let mut small = TransformerConfig::new(&dir);
    small.window = 12;
    small.overlap = 4;
    small.batch_size = 3;
    let windowed = TransformerTagger::load(small).unwrap();
    let text = "Solange Drouin dirige l'ADISQ à Montréal. ".repeat(6);
    let (subs_a, _) = whole.logits(&text);
    let (subs_b, logits_b) = windowed.logits(&text);
    assert_eq!(subs_a, subs_b);
    assert_eq!(logits_b.len(), subs_b.len() * expected(&dir).labels.len());
    // Spans from the windowed model fall on token boundaries, sorted.
    let pipeline = Pipeline::builder().linking(false).build().unwrap();
    let doc = pipeline.annotate_with(&text, |tokens| windowed.tag(&text, tokens));
    let mut end = 0;
    for e in doc.entities() {
        assert!(e.span().byte_start >= end);
        end = e.span().byte_end;
    }
}

#[test]
fn empty_and_emoji_input() {
    let dir = tiny_model();
    let tagger = TransformerTagger::load(TransformerConfig::new(&dir)).unwrap();
    let pipeline = Pipeline::default();
    for text in ["", "   ", "😀😀😀", "\u{0}\u{1}"] {
        let doc = pipeline.annotate_with(text, |tokens| tagger.tag(text, tokens));
        assert!(
            doc.entities().iter().all(|e| e.label() != Label::Money),
            "{text:?}"
        );
    }
}

#[test]
fn bad_model_files_are_errors() {
    let dir = std::env::temp_dir().join(format!("quidam-bad-model-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let err = TransformerTagger::load(TransformerConfig::new(&dir)).unwrap_err();
    assert_eq!(err.kind(), &quidam::ErrorKind::Io);
    std::fs::write(dir.join("config.json"), "{not json").unwrap();
    let err = TransformerTagger::load(TransformerConfig::new(&dir)).unwrap_err();
    assert_eq!(err.kind(), &quidam::ErrorKind::Model);
    std::fs::remove_dir_all(&dir).unwrap();
}
