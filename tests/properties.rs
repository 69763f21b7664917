//! Property tests: any input gives a valid result.

use proptest::prelude::*;
use quidam::kb::{KbBuilder, KbId, KbRecord, KnowledgeBase};
use quidam::{text, CharSpan, Label, Pipeline, TokenSpan};

/// Strings that mix French text, numbers, currencies, domains, markup and
/// odd characters, so that the interesting paths are reached often.
fn frenchish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "l'",
        "d’",
        "qu'",
        "Jean-Baptiste",
        "150",
        " ",
        "\u{a0}",
        "\u{202f}",
        "000",
        "€",
        "$",
        "US",
        "millions",
        "de",
        "d'euros",
        "dollars canadiens",
        "un demi-milliard",
        "vingt-neuf",
        ".",
        ",",
        "What",
        "cd",
        "com",
        "QuebecTorrent",
        "www.",
        "https://",
        "@",
        "/",
        "-",
        "«",
        "»",
        "\n",
        "M.",
        "Pyrénées",
        "Alors",
        "é",
        "e\u{301}",
        "🇫🇷",
        "👩‍👩‍👧",
        "\u{0}",
        "\u{feff}",
        "<p>",
        "&amp;",
        "Md€",
        "k",
        "…",
        "'",
        "’",
        "8,5",
        "839.000",
        "et",
        "demi",
    ]);
    prop_oneof![
        any::<String>(),
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat()),
    ]
}

/// Every entity has the label most of its mentions have, and a name one of
/// them has; every SITE mention of an entity with a domain carries one.
fn entities_agree_with_their_mentions(doc: &quidam::Document<'_>) {
    for e in doc.entities() {
        let mentions: Vec<_> = e.mentions.iter().map(|&i| &doc.mentions()[i]).collect();
        let with = |label| mentions.iter().filter(|m| m.label() == label).count();
        for m in &mentions {
            assert!(with(e.label) >= with(m.label()), "{e:?}");
        }
        assert!(
            mentions
                .iter()
                .any(|m| m.text() == e.name && m.label() == e.label),
            "{e:?}"
        );
        if mentions
            .iter()
            .any(|m| m.site().is_some_and(|s| s.domain.is_some()))
        {
            for m in mentions.iter().filter(|m| m.label() == Label::Site) {
                assert!(m.site().is_some_and(|s| s.domain.is_some()), "{e:?}");
            }
        }
    }
}

fn check(input: &str) {
    let pipeline = Pipeline::default();
    let doc = pipeline.annotate(input);
    // The JSON form reads back as the same document.
    let owned = doc.clone().into_owned();
    let json = serde_json::to_string(&doc).unwrap();
    assert_eq!(serde_json::to_string(&owned).unwrap(), json);
    let back: quidam::OwnedDocument = serde_json::from_str(&json).unwrap();
    assert_eq!(back, owned);
    for entity in doc.mentions() {
        if let Some(id) = entity.entity() {
            assert_eq!(doc.entity(id).map(|e| e.id), Some(id));
        }
    }
    entities_agree_with_their_mentions(&doc);
    let mut last_end = 0;
    for token in doc.tokens() {
        let span = token.span;
        assert!(span.byte_start >= last_end && span.byte_start < span.byte_end);
        assert!(input.is_char_boundary(span.byte_start) && input.is_char_boundary(span.byte_end));
        assert_eq!(&input[span.bytes()], token.text);
        assert_eq!(input[..span.byte_start].chars().count(), span.char_start);
        assert_eq!(token.text.chars().count(), span.char_end - span.char_start);
        last_end = span.byte_end;
    }
    let covered: usize = doc.sentences().map(|s| s.len()).sum();
    assert_eq!(covered, doc.tokens().len());
    let mut last_end = 0;
    for entity in doc.mentions() {
        let span = entity.span();
        assert!(span.byte_start >= last_end, "sorted and non-overlapping");
        assert!(span.byte_start < span.byte_end);
        assert!(input.is_char_boundary(span.byte_start) && input.is_char_boundary(span.byte_end));
        assert_eq!(&input[span.bytes()], entity.text());
        assert_eq!(input[..span.byte_start].chars().count(), span.char_start);
        assert_eq!(
            entity.text().chars().count(),
            span.char_end - span.char_start
        );
        last_end = span.byte_end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_batch_gives_what_one_text_at_a_time_gives(
        texts in prop::collection::vec(frenchish(), 0..6),
    ) {
        let pipeline = Pipeline::default();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let batch = pipeline.annotate_batch(&refs);
        prop_assert_eq!(batch.len(), refs.len());
        for (doc, text) in batch.iter().zip(&refs) {
            let one = pipeline.annotate(text);
            prop_assert_eq!(doc.mentions(), one.mentions());
            prop_assert_eq!(doc.entities(), one.entities());
        }
        // The stream of owned documents gives the same, in order.
        let streamed: Vec<_> = pipeline.annotate_iter(texts.clone()).collect();
        let owned: Vec<_> = batch.into_iter().map(quidam::Document::into_owned).collect();
        prop_assert_eq!(streamed, owned);
    }

    #[test]
    fn a_knowledge_base_written_and_read_back_holds_every_record(
        records in prop::collection::vec(
            ("[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ' -]{0,20}", 0usize..4, 0f32..1000.0),
            1..40,
        ),
    ) {
        let kinds = [Label::Per, Label::Org, Label::Loc, Label::Site];
        let mut builder = KbBuilder::new();
        for (i, (name, kind, popularity)) in records.iter().enumerate() {
            let mut record = KbRecord::new(KbId::from_wikidata(i as u64 + 1), name.as_str(), kinds[*kind]);
            record.popularity = *popularity;
            builder.add(record);
        }
        let mut bytes = Vec::new();
        builder.write(&mut bytes).unwrap();
        let kb = KnowledgeBase::from_bytes(bytes).unwrap();
        prop_assert_eq!(kb.len(), records.len());
        for (i, (name, kind, popularity)) in records.iter().enumerate() {
            let id = KbId::from_wikidata(i as u64 + 1);
            let entity = kb.get(id).unwrap();
            prop_assert_eq!(entity.name(), name.as_str());
            prop_assert_eq!(entity.label(), kinds[*kind]);
            prop_assert_eq!(entity.popularity(), *popularity);
            prop_assert!(kb.candidates(name).any(|c| c.entity.id() == id), "{} not found", name);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string_gives_valid_spans(input in frenchish()) {
        check(&input);
    }

    #[test]
    fn any_mentions_group_without_panic(
        input in frenchish(),
        mentions in prop::collection::vec((0usize..400, 0usize..30, 0usize..6), 0..12),
    ) {
        let labels = [Label::Per, Label::Org, Label::Loc, Label::Misc, Label::Site, Label::Money];
        let given: Vec<_> = mentions
            .iter()
            .map(|&(start, len, l)| CharSpan::new(start..start + len, labels[l]))
            .collect();
        let doc = Pipeline::default().group_mentions(&input, &given);
        let mut last_end = 0;
        for entity in doc.mentions() {
            let span = entity.span();
            prop_assert!(span.char_start >= last_end && span.char_start < span.char_end);
            prop_assert_eq!(&input[span.bytes()], entity.text());
            last_end = span.char_end;
        }
    }

    #[test]
    fn any_transformer_output_decodes_without_panic(
        input in frenchish(),
        cuts in prop::collection::vec((0usize..400, 0usize..8), 0..60),
        logits in prop::collection::vec(-10.0f32..10.0, 0..400),
        names in prop::collection::vec(prop::sample::select(vec![
            "O", "B-PER", "I-PER", "E-LOC", "S-ORG", "U-MISC", "L-PER", "PER", "B-DATE", "X-Y", "",
        ]), 0..8),
    ) {
        let labels = quidam::transformer::LabelSet::from_names(
            names.iter().copied(),
            quidam::transformer::default_label,
        );
        let subtokens: Vec<_> = cuts.iter().map(|&(s, l)| s..s + l).collect();
        let pipeline = Pipeline::default();
        let doc = pipeline.annotate_with(&input, |tokens| {
            quidam::transformer::decode(tokens, &subtokens, &logits, &labels)
                .into_iter()
                .map(|d| TokenSpan::new(d.tokens, d.label))
                .collect()
        });
        let mut last_end = 0;
        for entity in doc.mentions() {
            let span = entity.span();
            prop_assert!(span.byte_start >= last_end && span.byte_start < span.byte_end);
            prop_assert_eq!(&input[span.bytes()], entity.text());
            last_end = span.byte_end;
        }
    }

    #[test]
    fn tokens_cover_all_non_space_text(input in frenchish()) {
        let tokens = text::tokenize(&input);
        let mut cursor = 0;
        for token in &tokens {
            prop_assert!(input[cursor..token.span.byte_start].chars().all(char::is_whitespace),
                "only whitespace between tokens: {:?}", &input[cursor..token.span.byte_start]);
            cursor = token.span.byte_end;
        }
        prop_assert!(input[cursor..].chars().all(char::is_whitespace));
    }
}

#[test]
fn hostile_inputs() {
    let long_number = "9".repeat(100_000);
    let many_dots = "a.".repeat(50_000);
    let many_hyphens = "a-".repeat(50_000);
    let spaced_groups = "1".to_owned() + &" 000".repeat(20_000);
    let inputs = [
        "",
        " ",
        "\u{0}\u{1}\u{7f}",
        "🇫🇷🇫🇷🇫🇷",
        "<p>Amende de <b>150 000</b> € pour <a href='http://t411.ch'>T411</a></p>",
        long_number.as_str(),
        many_dots.as_str(),
        many_hyphens.as_str(),
        spaced_groups.as_str(),
        "€€€ $$$ 5 5 5 € millions millions de de d' euros",
        "http:// www. @ @@ a@ @b.fr",
        "Ω≈ç√∫˜µ≤≥÷ 𝕿𝖍𝖊 ﷽ \u{202e}abc",
        "Jean Dupont éééééééééééééééééééééééé. Jean Martin (de son vrai nom) était là.",
        "Kim Schmitz (de son vrai nom) 😀😀😀😀😀😀😀😀😀😀 et Kim Dotcom",
    ];
    for input in inputs {
        check(input);
    }
}
