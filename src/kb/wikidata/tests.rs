use super::*;

/// A statement as the dumps write it, with a reference.
fn statement(id: &str, property: &str, item: u64) -> String {
    format!(
        r#"{{"mainsnak":{{"snaktype":"value","property":"{property}","hash":"0a1b","datavalue":{{"value":{{"entity-type":"item","numeric-id":{item},"id":"Q{item}"}},"type":"wikibase-entityid"}},"datatype":"wikibase-item"}},"type":"statement","id":"{id}$5D1E5A7B","rank":"normal","references":[{{"hash":"fa27","snaks":{{"P143":[{{"snaktype":"value","property":"P143","datavalue":{{"value":{{"entity-type":"item","numeric-id":8447,"id":"Q8447"}},"type":"wikibase-entityid"}},"datatype":"wikibase-item"}}]}},"snaks-order":["P143"]}}]}}"#
    )
}

struct Item<'a> {
    id: &'a str,
    fr: Option<&'a str>,
    en: Option<&'a str>,
    description: Option<&'a str>,
    aliases: &'a [&'a str],
    p31: &'a [u64],
    p279: &'a [u64],
    sitelinks: &'a [&'a str],
}

const ITEM: Item<'static> = Item {
    id: "Q1",
    fr: None,
    en: None,
    description: None,
    aliases: &[],
    p31: &[],
    p279: &[],
    sitelinks: &[],
};

/// One dump line in the format of `latest-all.json`: labels, descriptions
/// and aliases in several languages, claims with references (and a date
/// claim), sitelinks with badges; empty parts as `[]`, as the dumps do.
fn line(item: &Item<'_>) -> String {
    let id = item.id;
    let text = |lang: &str, value: &str| {
        format!(
            r#""{lang}":{{"language":"{lang}","value":"{}"}}"#,
            value.replace('"', "\\\"")
        )
    };
    let mut labels = vec![text("de", "Irgendwas")];
    labels.extend(item.fr.map(|v| text("fr", v)));
    labels.extend(item.en.map(|v| text("en", v)));
    let descriptions: Vec<String> = item
        .description
        .map(|d| text("fr", d))
        .into_iter()
        .chain([text("it", "qualcosa")])
        .collect();
    let aliases = if item.aliases.is_empty() {
        "[]".to_owned()
    } else {
        let list: Vec<String> = item
            .aliases
            .iter()
            .map(|a| format!(r#"{{"language":"fr","value":"{a}"}}"#))
            .collect();
        format!(r#"{{"fr":[{}]}}"#, list.join(","))
    };
    let mut claims = Vec::new();
    for (property, items) in [("P31", item.p31), ("P279", item.p279)] {
        if !items.is_empty() {
            let list: Vec<String> = items.iter().map(|&q| statement(id, property, q)).collect();
            claims.push(format!(r#""{property}":[{}]"#, list.join(",")));
        }
    }
    claims.push(format!(
        r#""P571":[{{"mainsnak":{{"snaktype":"value","property":"P571","datavalue":{{"value":{{"time":"+1999-01-01T00:00:00Z","timezone":0,"before":0,"after":0,"precision":9,"calendarmodel":"http://www.wikidata.org/entity/Q1985727"}},"type":"time"}},"datatype":"time"}},"type":"statement","id":"{id}$AB","rank":"normal"}}]"#
    ));
    let sitelinks = if item.sitelinks.is_empty() {
        "[]".to_owned()
    } else {
        let list: Vec<String> = item
            .sitelinks
            .iter()
            .map(|s| format!(r#""{s}":{{"site":"{s}","title":"Titre","badges":[]}}"#))
            .collect();
        format!("{{{}}}", list.join(","))
    };
    format!(
        r#"{{"type":"item","id":"{id}","labels":{{{}}},"descriptions":{{{}}},"aliases":{aliases},"claims":{{{}}},"sitelinks":{sitelinks},"pageid":123,"ns":0,"title":"{id}","lastrevid":42,"modified":"2026-01-01T00:00:00Z"}}"#,
        labels.join(","),
        descriptions.join(","),
        claims.join(",")
    )
}

/// A dump: the array's brackets, one entity a line, commas after all but
/// the last.
fn dump(lines: &[String]) -> String {
    format!("[\n{}\n]\n", lines.join(",\n"))
}

fn records(out: &[u8]) -> Vec<KbRecord> {
    std::str::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn keeps_people_organisations_places_and_sites_with_french_names() {
    let lines = [
        line(&Item {
            id: "Q90",
            fr: Some("Paris"),
            en: Some("Paris"),
            description: Some("capitale de la France"),
            aliases: &["Lutèce", "Ville Lumière"],
            p31: &[515, 1549591],
            sitelinks: &["frwiki", "enwiki", "dewiki"],
            ..ITEM
        }),
        line(&Item {
            id: "Q7372",
            fr: Some("Kim Dotcom"),
            en: Some("Kim Dotcom"),
            aliases: &["Kim Schmitz"],
            p31: &[5],
            sitelinks: &["frwiki"],
            ..ITEM
        }),
        // A website that is also a business: a site.
        line(&Item {
            id: "Q1140",
            fr: Some("The Pirate Bay"),
            p31: &[4830453, 35127],
            ..ITEM
        }),
        // No French label or alias: not kept.
        line(&Item {
            id: "Q64",
            en: Some("Berlin"),
            p31: &[515],
            ..ITEM
        }),
        // A French alias only: kept, named by it.
        line(&Item {
            id: "Q2",
            en: Some("Earth"),
            aliases: &["Terre"],
            p31: &[2221906],
            ..ITEM
        }),
        // Not a person, organisation, place or site: not kept.
        line(&Item {
            id: "Q11424",
            fr: Some("film"),
            p31: &[16334295],
            ..ITEM
        }),
        // A property: not kept.
        r#"{"type":"property","datatype":"wikibase-item","id":"P31","labels":{"fr":{"language":"fr","value":"nature de l'élément"}},"claims":[]}"#.to_owned(),
    ];
    let mut out = Vec::new();
    let mut calls = 0;
    let stats = WikidataImporter::new(ClassMap::builtin())
        .import(dump(&lines).as_bytes(), &mut out, |_| calls += 1)
        .unwrap();
    assert_eq!(stats.entities, 7);
    assert_eq!(stats.malformed, 0, "{:?}", stats.errors);
    assert!(calls >= 1);
    let kept = records(&out);
    let summary: Vec<(String, &str, Label)> = kept
        .iter()
        .map(|r| (r.id.to_string(), r.name.as_str(), r.label))
        .collect();
    assert_eq!(
        summary,
        [
            ("Q90".to_owned(), "Paris", Label::Loc),
            ("Q7372".to_owned(), "Kim Dotcom", Label::Per),
            ("Q1140".to_owned(), "The Pirate Bay", Label::Site),
            ("Q2".to_owned(), "Terre", Label::Loc),
        ]
    );
    assert_eq!(stats.kept, 4);
    let paris = &kept[0];
    assert_eq!(paris.aliases, ["Lutèce", "Ville Lumière"]);
    assert_eq!(paris.description, "capitale de la France");
    assert_eq!(paris.popularity, 3.0);
    assert!(
        paris.variants.is_empty(),
        "the English label is the French one"
    );
    assert_eq!(kept[3].variants, ["Earth"]);
}

#[test]
fn malformed_lines_are_reported_and_skipped() {
    let good = line(&Item {
        id: "Q90",
        fr: Some("Paris"),
        p31: &[515],
        ..ITEM
    });
    let truncated = good[..good.len() / 2].to_owned();
    let text = format!(
        "[\n{good},\n{truncated}\nnot json at all,\n{{\"id\":\"Q3\",\"labels\":[1]}},\n\u{0}\u{1},\n{good}\n]\n"
    );
    let mut bytes = text.into_bytes();
    // A line that is not UTF-8.
    bytes.extend_from_slice(b"{\"id\":\"Q4\",\"labels\":\"\xff\"},\n");
    let mut out = Vec::new();
    let stats = WikidataImporter::new(ClassMap::builtin())
        .import(bytes.as_slice(), &mut out, |_| {})
        .unwrap();
    assert_eq!(stats.entities, 2);
    assert_eq!(stats.kept, 2);
    assert_eq!(stats.malformed, 5);
    let lines: Vec<u64> = stats.errors.iter().map(|(n, _)| *n).collect();
    assert_eq!(lines, [3, 4, 5, 6, 9]);
    assert_eq!(records(&out).len(), 2);
}

#[test]
fn over_long_lines_are_skipped_without_being_held() {
    let paris = line(&Item {
        id: "Q90",
        fr: Some("Paris"),
        p31: &[515],
        ..ITEM
    });
    let long = line(&Item {
        id: "Q91",
        fr: Some(&"a".repeat(5_000)),
        p31: &[515],
        ..ITEM
    });
    // The last line has no newline and no end.
    let text = format!("[\n{paris},\n{long},\n{paris}\n{}", "x".repeat(20_000));
    let mut out = Vec::new();
    // A reader that hands out 7 bytes at a time.
    let reader = std::io::BufReader::with_capacity(7, text.as_bytes());
    let stats = WikidataImporter::new(ClassMap::builtin())
        .max_line_bytes(paris.len() + 2)
        .import(reader, &mut out, |_| {})
        .unwrap();
    assert_eq!((stats.lines, stats.entities, stats.kept), (5, 2, 2));
    assert_eq!(stats.bytes, text.len() as u64);
    let lines: Vec<u64> = stats.errors.iter().map(|(n, _)| *n).collect();
    assert_eq!(lines, [3, 5]);
    assert!(stats.errors[0].1.contains("skipped"), "{:?}", stats.errors);
    assert_eq!(stats.read_error, None);
}

#[test]
fn a_truncated_archive_keeps_what_was_read() {
    use std::io::Write as _;
    let lines: Vec<String> = (0..2_000)
        .map(|i| {
            line(&Item {
                id: &format!("Q{}", 100 + i),
                fr: Some(&format!("Ville {i}")),
                p31: &[515],
                ..ITEM
            })
        })
        .collect();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(dump(&lines).as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let cut = &gz[..gz.len() / 2];
    let reader = std::io::BufReader::new(flate2::bufread::MultiGzDecoder::new(cut));
    let mut out = Vec::new();
    let stats = WikidataImporter::new(ClassMap::builtin())
        .import(reader, &mut out, |_| {})
        .unwrap();
    assert!(stats.read_error.is_some(), "{stats:?}");
    assert!(stats.kept > 100 && stats.kept < 2_000, "{}", stats.kept);
    assert_eq!(records(&out).len() as u64, stats.kept);
}

#[test]
fn repeated_aliases_are_kept_once() {
    let aliases: Vec<String> = (0..3_000).map(|i| format!("Nom {}", i % 1_000)).collect();
    let aliases: Vec<&str> = aliases.iter().map(String::as_str).collect();
    let text = dump(&[line(&Item {
        id: "Q90",
        fr: Some("Nom 0"),
        en: Some("Nom 7"),
        aliases: &aliases,
        p31: &[515],
        ..ITEM
    })]);
    let mut out = Vec::new();
    WikidataImporter::new(ClassMap::builtin())
        .import(text.as_bytes(), &mut out, |_| {})
        .unwrap();
    let record = &records(&out)[0];
    assert_eq!(record.name, "Nom 0");
    assert_eq!(record.aliases.len(), 999);
    assert_eq!(record.aliases[0], "Nom 1");
    assert!(record.variants.is_empty());
}

#[test]
fn one_line_at_a_time() {
    let importer = WikidataImporter::new(ClassMap::builtin());
    assert!(importer.record("[").unwrap().is_none());
    assert!(importer.record("]").unwrap().is_none());
    assert!(importer.record("").unwrap().is_none());
    let rec = importer
        .record(&format!(
            "{},",
            line(&Item {
                id: "Q142",
                fr: Some("France"),
                p31: &[6256],
                ..ITEM
            })
        ))
        .unwrap()
        .unwrap();
    assert_eq!(rec.id.to_string(), "Q142");
    let err = importer.record("{\"id\":").unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Format);
}

#[test]
fn subclasses_from_the_dump() {
    // Collecting society ⊂ copyright collective ⊂ organization; a commune
    // ⊂ city; a class under both organization and a pinned place class stays
    // a place.
    let lines = [
        line(&Item {
            id: "Q900001",
            fr: Some("gestion collective"),
            p279: &[43229],
            ..ITEM
        }),
        line(&Item {
            id: "Q900002",
            fr: Some("société de gestion"),
            p279: &[900001],
            ..ITEM
        }),
        line(&Item {
            id: "Q900003",
            fr: Some("commune"),
            p279: &[515, 43229],
            ..ITEM
        }),
        line(&Item {
            id: "Q900004",
            fr: Some("sous-commune"),
            p279: &[900003],
            ..ITEM
        }),
        line(&Item {
            id: "Q900010",
            fr: Some("Société civile des producteurs phonographiques"),
            aliases: &["SCPP"],
            p31: &[900002],
            ..ITEM
        }),
        line(&Item {
            id: "Q900011",
            fr: Some("Villebourg"),
            p31: &[900004],
            ..ITEM
        }),
    ];
    let text = dump(&lines);
    let (classes, stats) = ClassMap::from_dump(text.as_bytes()).unwrap();
    assert_eq!(stats.entities, 6);
    let class = |q: &str| classes.get(q.parse().unwrap());
    assert_eq!(class("Q900002"), Some(Label::Org));
    assert_eq!(class("Q515"), Some(Label::Loc));
    assert_eq!(class("Q900004"), Some(Label::Loc));
    assert_eq!(class("Q11424"), None);

    let mut out = Vec::new();
    WikidataImporter::new(classes)
        .import(text.as_bytes(), &mut out, |_| {})
        .unwrap();
    let kinds: Vec<(String, Label)> = records(&out)
        .into_iter()
        .map(|r| (r.name, r.label))
        .collect();
    let scpp = (
        "Société civile des producteurs phonographiques".to_owned(),
        Label::Org,
    );
    assert!(kinds.contains(&scpp), "{kinds:?}");
    assert!(
        kinds.contains(&("Villebourg".to_owned(), Label::Loc)),
        "{kinds:?}"
    );

    // Without the subclass pass, neither class is known.
    let mut out = Vec::new();
    let stats = WikidataImporter::new(ClassMap::builtin())
        .import(text.as_bytes(), &mut out, |_| {})
        .unwrap();
    assert_eq!(stats.kept, 0);
}

#[test]
fn imported_records_compile_and_link() {
    let lines = [line(&Item {
        id: "Q7372",
        fr: Some("Kim Dotcom"),
        aliases: &["Kim Schmitz"],
        description: Some("entrepreneur germano-finlandais"),
        p31: &[5],
        sitelinks: &["frwiki", "dewiki"],
        ..ITEM
    })];
    let mut out = Vec::new();
    WikidataImporter::new(ClassMap::builtin())
        .import(dump(&lines).as_bytes(), &mut out, |_| {})
        .unwrap();
    let mut builder = crate::kb::KbBuilder::new();
    builder.add_jsonl(out.as_slice()).unwrap();
    let mut bytes = Vec::new();
    builder.write(&mut bytes).unwrap();
    let kb = std::sync::Arc::new(crate::kb::KnowledgeBase::from_bytes(bytes).unwrap());
    let pipeline = crate::Pipeline::builder()
        .knowledge_base(kb)
        .build()
        .unwrap();
    let text = "Kim Schmitz a été arrêté. Dotcom nie.";
    let doc = pipeline.group_mentions(text, &[crate::CharSpan::new(0..11, Label::Per)]);
    assert_eq!(
        doc.entity_of(&doc.mentions()[0])
            .and_then(|e| e.kb_id)
            .map(|id| id.to_string())
            .as_deref(),
        Some("Q7372")
    );
}
