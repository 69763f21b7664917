//! The transformer backend against PyTorch, on tiny checkpoints with random
//! weights that `scripts/tiny_models.py` writes, one per architecture and
//! tokenizer file (feature `transformer`):
//!
//! ```text
//! eval "$(scripts/setup-libtorch.sh)"
//! python scripts/tiny_models.py target/tiny
//! cargo test --release --features transformer --test transformer
//! ```
#![cfg(feature = "transformer")]

use std::path::{Path, PathBuf};

use quidam::transformer::{ModelType, TransformerConfig, TransformerTagger};
use quidam::{Label, Pipeline};

/// Every architecture, with its vocabulary files, with `tokenizer.json`, as
/// Hugging Face saves it (`model.safetensors`), and as
/// `scripts/export_checkpoint.py` exports it.
const MODELS: [(&str, ModelType); 16] = [
    ("bert", ModelType::Bert),
    ("bert-json", ModelType::Bert),
    ("bert/hf", ModelType::Bert),
    ("bert-export", ModelType::Bert),
    ("distilbert", ModelType::DistilBert),
    ("distilbert-json", ModelType::DistilBert),
    ("distilbert/hf", ModelType::DistilBert),
    ("distilbert-export", ModelType::DistilBert),
    ("roberta", ModelType::Roberta),
    ("roberta-json", ModelType::Roberta),
    ("roberta/hf", ModelType::Roberta),
    ("roberta-export", ModelType::Roberta),
    ("xlm-roberta", ModelType::XlmRoberta),
    ("xlm-roberta-json", ModelType::XlmRoberta),
    ("xlm-roberta/hf", ModelType::XlmRoberta),
    ("xlm-roberta-export", ModelType::XlmRoberta),
];

fn tiny_model(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/tiny")
        .join(name);
    assert!(
        dir.join("expected.json").exists(),
        "run `python scripts/tiny_models.py target/tiny` first"
    );
    // One test converts at a time, to a file renamed into place, so that
    // no test reads half a file.
    static CONVERTING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _converting = CONVERTING.lock().unwrap_or_else(|e| e.into_inner());
    let ot = dir.join("rust_model.ot");
    if !ot.exists() && dir.join("weights.npz").exists() {
        let tmp = dir.join("rust_model.ot.tmp");
        quidam::transformer::convert_npz(&dir.join("weights.npz"), &tmp).unwrap();
        std::fs::rename(&tmp, &ot).unwrap();
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

/// The tiny models, the shipped model (`models/transformer`), and the
/// folders in `QUIDAM_EXTRA_MODELS` (separated by `:`), each with its
/// `expected.json` (for instance a model of `training/finetune_teacher.py
/// --save`, after `training/expected_logits.py`).
fn models_to_check() -> Vec<(String, PathBuf, Option<ModelType>)> {
    let mut out: Vec<_> = MODELS
        .iter()
        .map(|&(name, t)| (name.to_string(), tiny_model(name), Some(t)))
        .collect();
    out.push((
        "shipped".to_string(),
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/models/transformer")),
        Some(ModelType::Bert),
    ));
    for dir in std::env::var("QUIDAM_EXTRA_MODELS")
        .unwrap_or_default()
        .split(':')
        .filter(|d| !d.is_empty())
    {
        let dir = PathBuf::from(dir);
        out.push((dir.display().to_string(), dir, None));
    }
    out
}

#[test]
fn logits_equal_pytorchs() {
    for (name, dir, model_type) in models_to_check() {
        let want = expected(&dir);
        let tagger = TransformerTagger::load(TransformerConfig::new(&dir)).unwrap();
        if let Some(model_type) = model_type {
            assert_eq!(tagger.model_type(), model_type, "{name}");
        }
        for s in &want.sentences {
            let (subtokens, logits) = tagger.logits(&s.text);
            // PyTorch's rows less the opening and closing tokens.
            let rows = &s.logits[1..s.logits.len() - 1];
            assert_eq!(
                subtokens.len(),
                rows.len(),
                "{name}: {}: sub-tokens",
                s.text
            );
            assert_eq!(s.ids.len(), subtokens.len() + 2);
            let n = want.labels.len();
            for (k, row) in rows.iter().enumerate() {
                for (j, &v) in row.iter().enumerate() {
                    let got = logits[k * n + j];
                    assert!(
                        (got - v).abs() < 1e-4,
                        "{name}: {}: sub-token {k}, label {j}: {got} vs {v}",
                        s.text
                    );
                }
            }
            // Sub-tokens lie on char boundaries, in order.
            for w in subtokens.windows(2) {
                assert!(w[0].start <= w[1].start, "{name}: {}", s.text);
            }
            assert!(subtokens
                .iter()
                .all(|r| s.text.is_char_boundary(r.start) && s.text.is_char_boundary(r.end)));
        }
    }
}

#[test]
fn batches_across_documents_give_each_documents_logits() {
    for (name, _) in MODELS {
        let dir = tiny_model(name);
        let want = expected(&dir);
        let mut config = TransformerConfig::new(&dir);
        config.batch_size = 3;
        let tagger = TransformerTagger::load(config).unwrap();
        let texts: Vec<&str> = want.sentences.iter().map(|s| s.text.as_str()).collect();
        let batched = tagger.logits_batch(&texts);
        assert_eq!(batched.len(), texts.len());
        for (text, (subs, logits)) in texts.iter().zip(&batched) {
            let (one_subs, one_logits) = tagger.logits(text);
            assert_eq!(subs, &one_subs, "{name}: {text}");
            // Padding to the longest of a batch changes nothing but
            // rounding.
            for (a, b) in logits.iter().zip(&one_logits) {
                assert!((a - b).abs() < 1e-4, "{name}: {text}: {a} vs {b}");
            }
        }
    }
}

#[test]
fn windows_give_the_same_logits() {
    let dir = tiny_model("bert");
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
    for e in doc.mentions() {
        assert!(e.span().byte_start >= end);
        end = e.span().byte_end;
    }
}

#[test]
fn empty_and_emoji_input() {
    for (name, _) in MODELS {
        let dir = tiny_model(name);
        let tagger = TransformerTagger::load(TransformerConfig::new(&dir)).unwrap();
        let pipeline = Pipeline::default();
        for text in ["", "   ", "😀😀😀", "\u{0}\u{1}", "\u{200b}\u{feff}é"] {
            let doc = pipeline.annotate_with(text, |tokens| tagger.tag(text, tokens));
            assert!(
                doc.mentions().iter().all(|e| e.label() != Label::Money),
                "{name}: {text:?}"
            );
            let batch = tagger.logits_batch(&[text, "", text]);
            assert_eq!(batch.len(), 3);
        }
    }
}

#[test]
fn bad_model_files_are_errors() {
    use quidam::ErrorKind;
    let dir = std::env::temp_dir().join(format!("quidam-bad-model-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let load = || TransformerTagger::load(TransformerConfig::new(&dir)).unwrap_err();
    assert_eq!(load().kind(), &ErrorKind::Io, "no config.json");
    std::fs::write(dir.join("config.json"), "{not json").unwrap();
    assert_eq!(load().kind(), &ErrorKind::Model, "config.json not JSON");

    // A real config with its weights and vocabulary taken away one by one.
    let bert = tiny_model("bert");
    let config = std::fs::read_to_string(bert.join("config.json")).unwrap();
    std::fs::write(
        dir.join("config.json"),
        config.replace("\"bert\"", "\"gpt2\""),
    )
    .unwrap();
    assert_eq!(load().kind(), &ErrorKind::Model, "unknown model type");
    std::fs::write(
        dir.join("config.json"),
        config.replace("\"id2label\"", "\"x\""),
    )
    .unwrap();
    assert_eq!(load().kind(), &ErrorKind::Model, "no id2label");
    std::fs::write(dir.join("config.json"), &config).unwrap();
    assert_eq!(load().kind(), &ErrorKind::Io, "no weights");
    std::fs::copy(bert.join("rust_model.ot"), dir.join("rust_model.ot")).unwrap();
    assert_eq!(load().kind(), &ErrorKind::Io, "no vocab.txt");
    std::fs::copy(bert.join("vocab.txt"), dir.join("vocab.txt")).unwrap();
    assert!(TransformerTagger::load(TransformerConfig::new(&dir)).is_ok());
    std::fs::write(dir.join("tokenizer.json"), "{}").unwrap();
    assert_eq!(load().kind(), &ErrorKind::Model, "bad tokenizer.json");
    std::fs::remove_file(dir.join("tokenizer.json")).unwrap();

    // Weights of another architecture, and a truncated file.
    let roberta = tiny_model("roberta");
    std::fs::copy(roberta.join("rust_model.ot"), dir.join("rust_model.ot")).unwrap();
    assert_eq!(load().kind(), &ErrorKind::Model, "RoBERTa weights for BERT");
    let weights = std::fs::read(bert.join("rust_model.ot")).unwrap();
    std::fs::write(dir.join("rust_model.ot"), &weights[..weights.len() / 2]).unwrap();
    assert_eq!(load().kind(), &ErrorKind::Model, "truncated weights");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_pipeline_with_a_transformer() {
    for (name, _) in MODELS {
        let dir = tiny_model(name);
        let texts: Vec<String> = expected(&dir)
            .sentences
            .into_iter()
            .map(|s| s.text)
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut config = TransformerConfig::new(&dir);
        config.batch_size = 2;
        let tagger = std::sync::Arc::new(TransformerTagger::load(config).unwrap());
        let pipeline = Pipeline::builder()
            .transformer(std::sync::Arc::clone(&tagger))
            .build()
            .unwrap();
        let batch = pipeline.annotate_batch(&texts);
        assert_eq!(batch.len(), texts.len());
        for (text, doc) in texts.iter().zip(&batch) {
            let one = pipeline.annotate(text);
            let spans = |d: &quidam::Document<'_>| -> Vec<(usize, usize, Label)> {
                d.mentions()
                    .iter()
                    .map(|e| (e.span().byte_start, e.span().byte_end, e.label()))
                    .collect()
            };
            assert_eq!(spans(doc), spans(&one), "{name}: {text}");
            // Every name the model found is in the document, or overlaps
            // an amount or a surname found again elsewhere; the document
            // rules may have made it a SITE or a MISC (an adjective of place
            // such as a random model's `dirige` LOC), and drop a word in
            // lower case alone (a random model's `condamné` ORG).
            let tokens = quidam::text::tokenize(text);
            for quidam::TokenSpan { tokens: r, label } in tagger.tag(text, &tokens) {
                let (b0, b1) = (
                    tokens[r.start].span.byte_start,
                    tokens[r.end - 1].span.byte_end,
                );
                let lone_lower_case = r.len() == 1
                    && label != Label::Site
                    && tokens[r.start]
                        .text
                        .chars()
                        .all(|c| c.is_lowercase() || c == '-');
                if lone_lower_case {
                    continue;
                }
                assert!(
                    one.mentions().iter().any(|e| e.span().byte_start < b1
                        && b0 < e.span().byte_end
                        && (e.label() == label
                            || matches!(e.label(), Label::Money | Label::Site | Label::Misc))),
                    "{name}: {text}: {label:?} at {b0}..{b1}"
                );
            }
        }
        // Names carry the model's mean probability; amounts none.
        for e in batch.iter().flat_map(|d| d.mentions()) {
            match e.label() {
                Label::Money => assert_eq!(e.score(), None),
                _ => assert!(
                    e.score().map_or(true, |p| (0.0..=1.0).contains(&p)),
                    "{name}"
                ),
            }
        }
        // The amount is the rules', whatever the random model says.
        let money: Vec<&str> = batch[2]
            .mentions()
            .iter()
            .filter(|e| e.label() == Label::Money)
            .map(|e| e.text())
            .collect();
        assert_eq!(money, ["150 000 €"], "{name}");
    }
    let missing =
        TransformerTagger::load(TransformerConfig::new("/nonexistent/model")).unwrap_err();
    assert_eq!(missing.kind(), &quidam::ErrorKind::Io);
}

/// The shipped model is there and wired in: `TransformerConfig::default_model()`
/// needs no path. (Its accuracy is measured by `examples/evaluate.rs`, README.)
#[test]
fn the_shipped_model_finds_french_names() {
    struct Case {
        text: &'static str,
        expected: &'static [(&'static str, Label)],
    }
    let cases = [
        Case {
            text: "Solange Drouin, directrice générale de l'ADISQ, vit à Montréal.",
            expected: &[
                ("Solange Drouin", Label::Per),
                ("ADISQ", Label::Org),
                ("Montréal", Label::Loc),
            ],
        },
        Case {
            text: "Kim Dotcom a été arrêté en Nouvelle-Zélande.",
            expected: &[("Kim Dotcom", Label::Per), ("Nouvelle-Zélande", Label::Loc)],
        },
        Case {
            text: "Le tribunal de Rennes a condamné le prévenu à 150 000 €.",
            // The head joins the place it introduces (`docs/annotation.md`).
            expected: &[
                ("tribunal de Rennes", Label::Org),
                ("150 000 €", Label::Money),
            ],
        },
    ];
    let pipeline = Pipeline::builder()
        .transformer(TransformerTagger::load(TransformerConfig::default_model()).unwrap())
        .linking(false)
        .build()
        .unwrap();
    for c in cases {
        let doc = pipeline.annotate(c.text);
        let got: Vec<(&str, Label)> = doc
            .mentions()
            .iter()
            .map(|e| (e.text(), e.label()))
            .collect();
        assert_eq!(got, c.expected, "{}", c.text);
    }
}

#[test]
fn windows_move_on_when_the_model_is_short() {
    // The tiny model knows 128 positions: the default window of 510 is cut
    // to 126, and the default overlap of 128 to half of that, not to a
    // window per sub-token.
    let tagger = TransformerTagger::load(TransformerConfig::new(tiny_model("bert"))).unwrap();
    assert_eq!(tagger.config().window, 126);
    assert_eq!(tagger.config().overlap, 63);
    let text = "Solange Drouin dirige l'ADISQ à Montréal. ".repeat(40);
    let (subs, logits) = tagger.logits(&text);
    assert!(subs.len() > 400);
    assert_eq!(logits.len(), subs.len() * tagger.labels().len());
}

#[test]
fn a_table_maps_the_models_types() {
    use quidam::transformer::Position;
    let dir = tiny_model("bert");
    let default = TransformerTagger::load(TransformerConfig::new(&dir)).unwrap();
    // id2label: O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC, B-MISC, I-MISC.
    assert_eq!(default.labels().tag(7).label, Some(Label::Misc));
    let mut config = TransformerConfig::new(&dir);
    config.label_map = vec![("misc".into(), None), ("ORG".into(), Some(Label::Site))];
    let mapped = TransformerTagger::load(config).unwrap();
    assert_eq!(mapped.labels().tag(7).position, Position::Outside);
    assert_eq!(mapped.labels().tag(3).label, Some(Label::Site));
    assert_eq!(mapped.labels().tag(1).label, Some(Label::Per));
    let text = "Kim Dotcom, de son vrai nom Kim Schmitz, a fondé Megaupload.";
    let tokens = quidam::text::tokenize(text);
    for d in mapped.names(text, &tokens) {
        assert!(d.label != Label::Misc && d.label != Label::Org);
        assert!((0.0..=1.0).contains(&d.score));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any text through every architecture's tokenizer and network: entities
    /// on char boundaries, sorted, not overlapping, with scores in 0..=1.
    #[test]
    fn any_text_through_a_transformer(text in "\\PC{0,300}|[\\s\\S]{0,300}") {
        use std::sync::OnceLock;
        static PIPELINES: OnceLock<Vec<Pipeline>> = OnceLock::new();
        let pipelines = PIPELINES.get_or_init(|| {
            ["bert", "distilbert-json", "roberta", "xlm-roberta-json"]
                .iter()
                .map(|name| {
                    let mut config = TransformerConfig::new(tiny_model(name));
                    config.window = 16;
                    config.overlap = 4;
                    Pipeline::builder()
                        .linking(false)
                        .transformer(TransformerTagger::load(config).unwrap())
                        .build()
                        .unwrap()
                })
                .collect()
        });
        for pipeline in pipelines {
            let docs = pipeline.annotate_batch(&[text.as_str(), "", text.as_str()]);
            proptest::prop_assert_eq!(docs.len(), 3);
            let mut end = 0;
            for e in docs[0].mentions() {
                let s = e.span();
                proptest::prop_assert!(s.byte_start >= end && s.byte_start < s.byte_end);
                proptest::prop_assert!(text.is_char_boundary(s.byte_start));
                proptest::prop_assert!(text.is_char_boundary(s.byte_end));
                proptest::prop_assert!(e.score().map_or(true, |p| (0.0..=1.0).contains(&p)));
                end = s.byte_end;
            }
        }
    }
}
