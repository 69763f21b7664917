//! Golden tests on the sample news of `examples/data/`: the whole
//! pipeline's output (every mention's label, offsets, text, value and
//! domain; every entity's label, name, mentions and knowledge-base id) is
//! what `tests/golden/examples-data.jsonl` holds.
//! After a change that is meant to change the output, write the file anew
//! and review its diff:
//!
//! ```sh
//! QUIDAM_BLESS=1 cargo test --release --test golden
//! git diff tests/golden/
//! ```

use quidam::{Document, Pipeline};
use serde_json::json;

/// The pipeline's whole output on one document, as one JSON line.
fn golden_line(file: &str, doc: &Document<'_>) -> String {
    let mentions: Vec<_> = doc
        .mentions()
        .iter()
        .map(|m| {
            let span = m.span();
            let mut v = json!({
                "label": m.label().as_str(),
                "chars": [span.char_start, span.char_end],
                "bytes": [span.byte_start, span.byte_end],
                "text": m.text(),
            });
            if let Some(id) = m.entity() {
                v["entity"] = id.to_string().into();
            }
            if let Some(money) = m.money() {
                v["value"] = money.value.map(|d| d.to_string()).into();
                v["currency"] = money.currency.map(|c| c.as_str().to_owned()).into();
                v["approximate"] = money.approximate.into();
            }
            if let Some(site) = m.site() {
                v["domain"] = site.domain.clone().into();
            }
            v
        })
        .collect();
    let entities: Vec<_> = doc
        .entities()
        .iter()
        .map(|e| {
            json!({
                "id": e.id.to_string(),
                "label": e.label.as_str(),
                "name": e.name,
                "mentions": e.mentions,
                "kb_id": e.kb_id.map(|id| id.to_string()),
            })
        })
        .collect();
    json!({ "file": file, "mentions": mentions, "entities": entities }).to_string()
}

#[test]
fn the_sample_news_gives_the_golden_output() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files: Vec<_> = std::fs::read_dir(format!("{root}/examples/data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "the sample news files");
    let pipeline = Pipeline::default();
    let texts: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let got: Vec<String> = files
        .iter()
        .zip(pipeline.annotate_batch(&texts.iter().map(String::as_str).collect::<Vec<_>>()))
        .map(|(path, doc)| {
            let name = path.file_name().unwrap().to_string_lossy();
            golden_line(&name, &doc)
        })
        .collect();
    let golden = format!("{root}/tests/golden/examples-data.jsonl");
    if std::env::var_os("QUIDAM_BLESS").is_some() {
        std::fs::create_dir_all(format!("{root}/tests/golden")).unwrap();
        std::fs::write(&golden, got.join("\n") + "\n").unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&golden)
        .expect("tests/golden/examples-data.jsonl (QUIDAM_BLESS=1 writes it)");
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(got.len(), expected.len(), "one line a sample file");
    for (got, expected) in got.iter().zip(expected) {
        let (g, e): (serde_json::Value, serde_json::Value) = (
            serde_json::from_str(got).unwrap(),
            serde_json::from_str(expected).unwrap(),
        );
        if g == e {
            continue;
        }
        // Name the first mention or entity that differs.
        for key in ["mentions", "entities"] {
            let (gs, es) = (g[key].as_array().unwrap(), e[key].as_array().unwrap());
            for (k, (a, b)) in gs.iter().zip(es).enumerate() {
                assert_eq!(a, b, "{}: {key}[{k}]", e["file"]);
            }
            assert_eq!(gs.len(), es.len(), "{}: number of {key}", e["file"]);
        }
    }
}

#[test]
fn entities_agree_with_their_mentions_on_real_news() {
    let pipeline = Pipeline::default();
    let root = env!("CARGO_MANIFEST_DIR");
    let mut texts: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(format!("{root}/examples/data")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            texts.push(std::fs::read_to_string(path).unwrap());
        }
    }
    let (mut entities, mut disagree) = (0, 0);
    for doc in pipeline.annotate_batch(&texts) {
        for e in doc.entities() {
            entities += 1;
            let with = |label| {
                e.mentions
                    .iter()
                    .filter(|&&i| doc.mentions()[i].label() == label)
                    .count()
            };
            if e.mentions
                .iter()
                .any(|&i| with(doc.mentions()[i].label()) > with(e.label))
            {
                disagree += 1;
            }
        }
    }
    assert!(
        entities > 50,
        "{entities} entities: the sample has at least 50"
    );
    assert_eq!(
        disagree, 0,
        "entities whose label most of their mentions do not have"
    );
}

/// The example of `docs/json.md` is what the pipeline gives for its text,
/// and reads back as a document.
#[test]
fn the_json_docs_example_is_true() {
    let page = include_str!("../docs/json.md");
    let start = page.find("```json\n").expect("a JSON example") + "```json\n".len();
    let end = start + page[start..].find("```").unwrap();
    let example: quidam::OwnedDocument = serde_json::from_str(&page[start..end]).unwrap();
    let doc = Pipeline::default().annotate(example.text()).into_owned();
    assert_eq!(example, doc);
}
