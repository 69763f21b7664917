//! Committed files in each format quidam reads, so that a change of format
//! is caught; `tests/fixtures/README.md` gives the commands that wrote them.

use quidam::kb::KnowledgeBase;
use quidam::tag::Tagger;
use quidam::{Label, Pipeline};

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

#[test]
fn the_tagger_fixture_reads_and_tags_what_it_learnt() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tagger.bin");
    let pipeline = Pipeline::builder()
        .tagger_model(Tagger::open(path).unwrap())
        .linking(false)
        .build()
        .unwrap();
    // A sentence of an article the model learnt.
    let doc = pipeline.annotate(
        "Les images, postées vendredi 19 octobre sur Facebook, montrent une altercation à bord d'un vol Barcelone-Londres.",
    );
    let found: Vec<(&str, Label)> = doc
        .mentions()
        .iter()
        .map(|m| (m.text(), m.label()))
        .collect();
    assert_eq!(found, [("Facebook", Label::Site)]);
}
