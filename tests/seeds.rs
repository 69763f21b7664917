//! Tests on the five seed press articles (`tests/data/seeds.jsonl`): every
//! amount and every domain comes out with the gold span, value and
//! currency. The seeds are for evaluation only, so this file and its data
//! stay out of the published crate.

use std::fs::File;
use std::io::BufReader;

use quidam::eval::{self, GoldDocument};
use quidam::Pipeline;

fn seeds() -> Vec<GoldDocument> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seeds.jsonl");
    eval::read_gold(BufReader::new(File::open(path).expect("seed file"))).expect("valid gold")
}

#[test]
fn every_amount_in_the_seeds() {
    let pipeline = Pipeline::default();
    let docs = seeds();
    assert_eq!(docs.len(), 5);
    for (n, doc) in docs.iter().enumerate() {
        let predicted = eval::predictions(&pipeline.annotate(&doc.text));
        let money = |spans: &[eval::GoldSpan]| -> Vec<eval::GoldSpan> {
            spans
                .iter()
                .filter(|s| s.label == "MONEY")
                .map(|s| eval::GoldSpan {
                    cluster: None,
                    ..s.clone()
                })
                .collect()
        };
        let (gold, got) = (money(&doc.spans), money(&predicted));
        let value = |s: &eval::GoldSpan| s.value.as_ref().map(|v| v.to_string());
        let summary = |spans: &[eval::GoldSpan]| -> Vec<_> {
            spans
                .iter()
                .map(|s| (s.start, s.end, value(s), s.currency.clone()))
                .collect()
        };
        assert_eq!(
            summary(&got),
            summary(&gold),
            "seed {n}: MONEY spans, values and currencies"
        );
    }
}

#[test]
fn every_domain_in_the_seeds() {
    let pipeline = Pipeline::default();
    for (n, doc) in seeds().iter().enumerate() {
        let annotated = pipeline.annotate(&doc.text);
        let chars: Vec<char> = doc.text.chars().collect();
        let dotted = |s: &eval::GoldSpan| chars[s.start..s.end].contains(&'.');
        let gold: Vec<_> = doc
            .spans
            .iter()
            .filter(|s| s.label == "SITE" && dotted(s))
            .map(|s| (s.start, s.end))
            .collect();
        let got: Vec<_> = annotated
            .mentions()
            .iter()
            .filter(|e| e.site().is_some_and(|s| s.domain.is_some()) && e.text().contains('.'))
            .map(|e| (e.span().char_start, e.span().char_end))
            .collect();
        assert_eq!(got, gold, "seed {n}: SITE spans with a domain");
        for e in annotated.mentions() {
            let Some(domain) = e.site().and_then(|s| s.domain.clone()) else {
                continue;
            };
            // Written as a domain, its own; named without one, its entity's.
            let expected = if e.text().contains('.') {
                e.text().to_lowercase()
            } else {
                let entity = annotated.entity_of(e).expect("a site has an entity");
                let written = entity.mentions.iter().map(|&i| &annotated.mentions()[i]);
                written
                    .filter(|m| m.text().contains('.'))
                    .find_map(|m| m.site()?.domain.clone())
                    .expect("the domain comes from a mention written as one")
            };
            assert_eq!(domain, expected, "seed {n}: domain of {}", e.text());
        }
    }
}
