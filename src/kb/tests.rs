use super::reader::EMBEDDED_BYTES;
use super::*;
use crate::error::ErrorKind;
use crate::text::fold;
use crate::types::Label;

fn record(id: &str, name: &str, aliases: &[&str], label: Label, popularity: f32) -> KbRecord {
    KbRecord {
        id: id.parse().unwrap(),
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        variants: Vec::new(),
        label,
        description: format!("description de {name}"),
        popularity,
    }
}

fn sample() -> Vec<u8> {
    let mut b = KbBuilder::new();
    b.add(record("Q90", "Paris", &["Lutèce"], Label::Loc, 300.0));
    b.add(record("Q167646", "Paris", &[], Label::Per, 20.0));
    b.add(record("Q172161", "Joseph Reinach", &[], Label::Per, 30.0));
    b.add(record("geonames:4717560", "Paris", &[], Label::Loc, 2.5));
    b.add(record(
        "Q23",
        "Société générale",
        &["SocGen"],
        Label::Org,
        50.0,
    ));
    let mut vienna = record("Q1741", "Vienne", &[], Label::Loc, 200.0);
    vienna.variants.push("Wien".into());
    b.add(vienna);
    b.add(record("Q2", "Wien", &[], Label::Org, 1.0));
    let mut bytes = Vec::new();
    b.write(&mut bytes).unwrap();
    bytes
}

fn ids<'k>(c: impl Iterator<Item = Candidate<'k>>) -> Vec<String> {
    c.map(|c| c.entity.id().to_string()).collect()
}

#[test]
fn ids_round_trip() {
    for s in ["Q1", "Q90", "Q123456789", "geonames:2988507", "geonames:0"] {
        assert_eq!(s.parse::<KbId>().unwrap().to_string(), s);
    }
    for s in [
        "",
        "Q",
        "q90",
        "Q-1",
        "Q9x",
        "geonames:",
        "P31",
        "Q99999999999999999999",
    ] {
        assert!(s.parse::<KbId>().is_err(), "{s}");
    }
}

#[test]
fn candidates_by_folded_name_most_popular_first() {
    let kb = KnowledgeBase::from_bytes(sample()).unwrap();
    assert_eq!(kb.len(), 7);
    let cases: &[(&str, &[&str])] = &[
        ("Paris", &["Q90", "Q167646", "geonames:4717560"]),
        ("  PARIS ", &["Q90", "Q167646", "geonames:4717560"]),
        ("lutece", &["Q90"]),
        ("Reinach", &["Q172161"]),
        ("socgen", &["Q23"]),
        ("Société  Générale", &["Q23"]),
        ("Londres", &[]),
        ("", &[]),
    ];
    for (name, expected) in cases {
        assert_eq!(ids(kb.candidates(name)), *expected, "{name}");
    }
    assert!(kb
        .candidates("Reinach")
        .all(|c| c.matched == NameMatch::LastName));
    assert!(kb
        .candidates("Joseph Reinach")
        .all(|c| c.matched == NameMatch::Name));
    let wien: Vec<_> = kb
        .candidates("Wien")
        .map(|c| (c.entity.id().to_string(), c.matched))
        .collect();
    assert_eq!(
        wien,
        [
            ("Q2".to_string(), NameMatch::Name),
            ("Q1741".to_string(), NameMatch::Variant)
        ]
    );
}

#[test]
fn alias_values_out_of_the_postings_give_no_candidate() {
    let kb = KnowledgeBase::from_bytes(sample()).unwrap();
    for value in [u64::MAX, 1 << 40, (1 << 16) * 1000 + 3, 0xffff] {
        assert_eq!(kb.postings_of(value).count(), 0, "{value:#x}");
    }
}

#[test]
fn entities_by_id() {
    let kb = KnowledgeBase::from_bytes(sample()).unwrap();
    let paris = kb.get("Q90".parse().unwrap()).unwrap();
    assert_eq!(paris.name(), "Paris");
    assert_eq!(paris.label(), Label::Loc);
    assert_eq!(paris.description(), "description de Paris");
    assert_eq!(paris.popularity(), 300.0);
    assert!(kb.get("Q91".parse().unwrap()).is_none());
}

#[test]
fn fuzzy_candidates_within_one_or_two_edits() {
    let kb = KnowledgeBase::from_bytes(sample()).unwrap();
    let found = kb.fuzzy_candidates("Reinacb");
    assert_eq!(found.len(), 1);
    assert_eq!(ids(found[0].1.iter().copied()), ["Q172161"]);
    assert!(kb.fuzzy_candidates("Pari").is_empty());
    let found = kb.fuzzy_candidates("Josepb Reinacb");
    assert_eq!(ids(found[0].1.iter().copied()), ["Q172161"]);
    assert!(kb.fuzzy_candidates("Iosepb Reinach").is_empty());
}

/// Edit distance between two byte strings.
fn distance(a: &[u8], b: &[u8]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut next = vec![i + 1];
        for (j, &y) in b.iter().enumerate() {
            next.push(
                (row[j] + usize::from(x != y))
                    .min(row[j + 1] + 1)
                    .min(next[j] + 1),
            );
        }
        row = next;
    }
    row[b.len()]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    #[test]
    fn fuzzy_candidates_are_the_names_within_the_edits(
        names in proptest::collection::vec("[abc ]{1,12}", 1..30),
        query in "[abc]{5,12}",
    ) {
        let mut b = KbBuilder::new();
        for (i, name) in names.iter().enumerate() {
            b.add(KbRecord::new(KbId::from_wikidata(i as u64 + 1), name.clone(), Label::Loc));
        }
        let mut bytes = Vec::new();
        b.write(&mut bytes).unwrap();
        let kb = KnowledgeBase::from_bytes(bytes).unwrap();
        let found: std::collections::BTreeSet<String> =
            kb.fuzzy_candidates(&query).into_iter().map(|(k, _)| k).collect();
        let edits = if query.len() <= 8 { 1 } else { 2 };
        let expected: std::collections::BTreeSet<String> = names
            .iter()
            .map(|n| fold(n.trim()))
            .filter(|k| !k.is_empty())
            .filter(|k| distance(k.as_bytes(), query.as_bytes()) <= edits)
            .filter(|k| edits == 1 || k.as_bytes()[0] == query.as_bytes()[0])
            .collect();
        proptest::prop_assert_eq!(found, expected);
    }
}

#[test]
fn same_id_merges() {
    let mut b = KbBuilder::new();
    b.add(record("Q90", "Paris", &[], Label::Loc, 3.0));
    b.add(record("Q90", "Ville Lumière", &["Paname"], Label::Loc, 9.0));
    assert_eq!(b.len(), 1);
    let mut bytes = Vec::new();
    b.write(&mut bytes).unwrap();
    let kb = KnowledgeBase::from_bytes(bytes).unwrap();
    for name in ["paris", "ville lumiere", "paname"] {
        assert_eq!(ids(kb.candidates(name)), ["Q90"], "{name}");
    }
    assert_eq!(kb.get("Q90".parse().unwrap()).unwrap().popularity(), 9.0);
}

#[test]
fn records_read_from_jsonl() {
    let jsonl = concat!(
        r#"{"id":"Q90","label":"Paris","aliases":["Lutèce"],"type":"LOC","description":"capitale de la France","popularity":250}"#,
        "\n\n",
        r#"{"id":"geonames:2995469","label":"Marseille","type":"LOC"}"#,
        "\n"
    );
    let mut b = KbBuilder::new();
    assert_eq!(b.add_jsonl(jsonl.as_bytes()).unwrap(), 2);
    let bad = r#"{"id":"Q90","label":"Paris","type":"CITY"}"#;
    let err = KbBuilder::new().add_jsonl(bad.as_bytes()).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Format);
    assert!(err.to_string().contains("line 1"), "{err}");
}

#[test]
fn bad_bytes_are_model_errors() {
    let good = sample();
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    let mut version = good.clone();
    version[8] = 9;
    let mut folding = good.clone();
    folding[12] = 9;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        (
            "other magic",
            b"QUIDAMTG and more bytes than a header".to_vec(),
        ),
        ("truncated header", good[..20].to_vec()),
        ("truncated body", good[..good.len() - 3].to_vec()),
        ("trailing bytes", [good.as_slice(), b"x"].concat()),
        ("flipped bit", flipped),
        ("other version", version),
        ("keys folded by another version", folding),
    ];
    for (name, bytes) in cases {
        let err = KnowledgeBase::from_bytes(bytes).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Model, "{name}: {err}");
    }
}

/// 10,000 knowledge bases with one to three bytes changed and the
/// checksum written anew (most changes in the alias index): each gives an
/// error at load or answers lookups consistently, and never panics.
#[test]
fn crafted_files_give_errors_or_consistent_answers() {
    let good = sample();
    let aliases_len = &good[LENGTHS_AT + 24..LENGTHS_AT + 32];
    let aliases = good.len() - u64::from_le_bytes(aliases_len.try_into().unwrap()) as usize;
    let names = [
        "Paris",
        "Lutèce",
        "Reinach",
        "SocGen",
        "Wien",
        "Vienne",
        "Pariss",
        "Société générale",
    ];
    // xorshift: the same mutations on every run.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut loaded = 0;
    for _ in 0..10_000 {
        let mut bytes = good.clone();
        for _ in 0..1 + next(3) {
            let at = if next(4) == 0 {
                wire::HEADER + next(good.len() - wire::HEADER)
            } else {
                aliases + next(good.len() - aliases)
            };
            bytes[at] = next(256) as u8;
        }
        let crc = crc32fast::hash(&bytes[wire::HEADER..]);
        bytes[wire::CRC_AT..wire::CRC_AT + 4].copy_from_slice(&crc.to_le_bytes());
        let Ok(kb) = KnowledgeBase::from_bytes(bytes) else {
            continue;
        };
        loaded += 1;
        let mut found = Vec::new();
        for name in names {
            found.extend(kb.candidates(name));
            for (key, candidates) in kb.fuzzy_candidates(name) {
                // A changed byte can leave a name that is not UTF-8.
                if !key.contains('\u{fffd}') {
                    assert!(distance(key.as_bytes(), fold(name).as_bytes()) <= 2);
                }
                found.extend(candidates);
            }
        }
        for c in found {
            let entity = kb.get(c.entity.id()).unwrap();
            assert_eq!(entity.name(), c.entity.name());
            let _ = (entity.description(), entity.label(), entity.popularity());
        }
        assert_eq!(kb.alias_count() > 0, !kb.aliases.is_empty());
    }
    // Changes that leave a valid file (a popularity, a letter of a
    // description, an output the index does not use) load.
    assert!(loaded > 100, "{loaded}");
}

#[test]
fn opens_a_file_by_mapping_it() {
    let dir = std::env::temp_dir().join(format!("quidam-kb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("kb.bin");
    std::fs::write(&path, sample()).unwrap();
    let kb = KnowledgeBase::open(&path).unwrap();
    assert_eq!(ids(kb.candidates("lutèce")), ["Q90"]);
    let err = KnowledgeBase::open(dir.join("missing.bin")).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Io);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn embedded_base_loads() {
    let kb = KnowledgeBase::embedded();
    assert!(kb.len() > 30_000, "{}", kb.len());
    // Checked as any file is.
    KnowledgeBase::from_static(EMBEDDED_BYTES).unwrap();
    let france = kb.get("Q142".parse().unwrap()).unwrap();
    assert_eq!(france.name(), "France");
    assert_eq!(france.label(), Label::Loc);
}

#[test]
fn public_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<KnowledgeBase>();
    assert_send_sync::<KbEntity<'static>>();
    assert_send_sync::<KbRecord>();
    assert_send_sync::<KbBuilder>();
}

#[test]
fn the_format_doc_gives_the_version_read() {
    let doc = format!("The binary format (version {})", FORMAT.version);
    assert!(include_str!("../kb.rs").contains(&doc), "{doc}");
}
