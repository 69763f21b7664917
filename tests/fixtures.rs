//! Committed files in each format quidam reads, so that a change of format
//! is caught: `tests/fixtures/kb.bin` was written by
//! `cargo run --release --example build_kb -- tests/fixtures/kb-records.jsonl --out tests/fixtures/kb.bin`.

use quidam::kb::KnowledgeBase;
use quidam::Label;

#[test]
fn the_knowledge_base_fixture_reads() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/kb.bin");
    let kb = KnowledgeBase::open(path).unwrap();
    assert_eq!((kb.len(), kb.alias_count()), (8, 13));
    let paris: Vec<String> = kb
        .candidates("PARIS")
        .map(|c| c.entity.id().to_string())
        .collect();
    assert_eq!(paris, ["Q90", "Q167646", "geonames:4717560"]);
    let vienna = kb.get("Q1741".parse().unwrap()).unwrap();
    assert_eq!((vienna.name(), vienna.label()), ("Vienne", Label::Loc));
    let t411: Vec<String> = kb
        .candidates("torrent411")
        .map(|c| c.entity.id().to_string())
        .collect();
    assert_eq!(t411, ["Q1"]);
}
