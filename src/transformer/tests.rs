use super::*;
use crate::tag::tests::{range_text, token_range};
use crate::text::tokenize;

/// Sub-tokens as a WordPiece tokenizer would cut them: each quidam token in
/// pieces of at most three chars.
fn pieces(tokens: &[Token<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for t in tokens {
        let mut start = t.span.byte_start;
        let mut chars = 0;
        for (i, _) in t.text.char_indices() {
            if chars == 3 {
                out.push(start..t.span.byte_start + i);
                start = t.span.byte_start + i;
                chars = 0;
            }
            chars += 1;
        }
        out.push(start..t.span.byte_end);
    }
    out
}

/// Logits that pick `tags[t]` (a label id) for the first piece of token `t`
/// with logit 5 (others 0), and tag 0 for the other pieces.
fn logits(tokens: &[Token<'_>], subs: &[Range<usize>], tags: &[usize], n: usize) -> Vec<f32> {
    let mut out = vec![0.0; subs.len() * n];
    let mut t = 0;
    for (k, sub) in subs.iter().enumerate() {
        while tokens[t].span.byte_end <= sub.start {
            t += 1;
        }
        let first = sub.start == tokens[t].span.byte_start;
        out[k * n + if first { tags[t] } else { 0 }] = 5.0;
    }
    out
}

struct Case {
    name: &'static str,
    names: &'static [&'static str],
    text: &'static str,
    /// A label id per quidam token.
    tags: &'static [usize],
    expected: &'static [(&'static str, Label)],
}

#[test]
fn schemes_decode_to_the_same_entities() {
    let text = "Solange Drouin dirige l'ADISQ à Montréal .";
    // Tokens: Solange Drouin dirige l' ADISQ à Montréal .
    let expected: &[(&str, Label)] = &[
        ("Solange Drouin", Label::Per),
        ("ADISQ", Label::Org),
        ("Montréal", Label::Loc),
    ];
    let cases = [
        Case {
            name: "BIO",
            names: &["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"],
            text,
            tags: &[1, 2, 0, 0, 3, 0, 5, 0],
            expected,
        },
        Case {
            name: "IO",
            names: &["O", "I-PER", "I-ORG", "I-LOC"],
            text,
            tags: &[1, 1, 0, 0, 2, 0, 3, 0],
            expected,
        },
        Case {
            name: "BIOES",
            names: &["O", "B-PER", "I-PER", "E-PER", "S-PER", "S-ORG", "S-LOC"],
            text,
            tags: &[1, 3, 0, 0, 5, 0, 6, 0],
            expected,
        },
        Case {
            name: "BILOU with underscores and other names",
            names: &["O", "B_PERS", "L_PERS", "U_ORGANIZATION", "U_GPE"],
            text,
            tags: &[1, 2, 0, 0, 3, 0, 4, 0],
            expected,
        },
        Case {
            name: "bare labels",
            names: &["O", "PER", "ORG", "LOC"],
            text,
            tags: &[1, 1, 0, 0, 2, 0, 3, 0],
            expected,
        },
        Case {
            name: "unmapped types are outside",
            names: &["O", "B-PER", "I-PER", "B-DATE", "B-ORG", "B-LOC"],
            text,
            tags: &[1, 2, 3, 0, 4, 0, 5, 0],
            expected,
        },
        Case {
            name: "two entities side by side",
            names: &["O", "B-LOC", "I-LOC"],
            text: "Paris Lyon Saint-Étienne",
            tags: &[1, 1, 1],
            expected: &[
                ("Paris", Label::Loc),
                ("Lyon", Label::Loc),
                ("Saint-Étienne", Label::Loc),
            ],
        },
        Case {
            name: "an I- after O or another type opens an entity",
            names: &["O", "B-PER", "I-PER", "I-ORG"],
            text: "Kim Dotcom Megaupload",
            tags: &[1, 2, 3],
            expected: &[("Kim Dotcom", Label::Per), ("Megaupload", Label::Org)],
        },
        Case {
            name: "empty text",
            names: &["O", "B-PER"],
            text: "",
            tags: &[],
            expected: &[],
        },
        Case {
            name: "emoji only",
            names: &["O", "B-PER"],
            text: "😀😀 🎉",
            tags: &[1, 1, 1],
            expected: &[("😀", Label::Per), ("😀", Label::Per), ("🎉", Label::Per)],
        },
        Case {
            name: "names in scripts without case are no fragments",
            names: &["O", "B-PER", "B-LOC", "I-LOC"],
            text: "محمد à 東京",
            tags: &[1, 0, 2, 3],
            expected: &[("محمد", Label::Per), ("東京", Label::Loc)],
        },
        Case {
            name: "a title read as a person of its own is left out",
            names: &["O", "B-PER", "I-PER"],
            text: "le général Jean de Lattre de Tassigny",
            tags: &[0, 1, 1, 2, 2, 2, 2],
            expected: &[("Jean de Lattre de Tassigny", Label::Per)],
        },
        Case {
            name: "a common noun begun again as a name is left out",
            names: &["O", "B-LOC", "I-LOC"],
            text: "près des chutes de Celilo et du fleuve Chari",
            tags: &[0, 0, 1, 2, 1, 0, 0, 1, 1],
            expected: &[("Celilo", Label::Loc), ("Chari", Label::Loc)],
        },
        Case {
            name: "a lower-case name alone stays, so does a lower-case head before another label",
            names: &["O", "B-ORG", "B-LOC"],
            text: "Contactée par franceinfo à mairie Lyon",
            tags: &[0, 0, 1, 0, 1, 2],
            expected: &[
                ("franceinfo", Label::Org),
                ("mairie", Label::Org),
                ("Lyon", Label::Loc),
            ],
        },
    ];
    for c in cases {
        let tokens = tokenize(c.text);
        assert_eq!(
            tokens.len(),
            c.tags.len(),
            "{}: tokens {:?}",
            c.name,
            tokens
        );
        let set = LabelSet::from_names(c.names.iter().copied(), default_label);
        let subs = pieces(&tokens);
        let scores = logits(&tokens, &subs, c.tags, set.len());
        let got: Vec<(&str, Label)> = decode(&tokens, &subs, &scores, &set)
            .iter()
            .map(|d| (range_text(c.text, &tokens, &d.tokens), d.label))
            .collect();
        assert_eq!(got, c.expected, "{}", c.name);
    }
}

#[test]
fn scores_are_means_of_token_probabilities() {
    let text = "Jean Paul Marie Dupont";
    let tokens = tokenize(text);
    let set = LabelSet::from_names(["O", "B-PER", "I-PER"], default_label);
    let subs: Vec<Range<usize>> = tokens.iter().map(|t| t.span.bytes()).collect();
    // Token probabilities: softmax of (0, 2, 0) etc. for the chosen tag.
    let rows = [
        [0.0, 2.0, 0.0],
        [0.0, 0.0, 2.0],
        [0.0, 0.0, 4.0],
        [0.0, 0.0, 8.0],
    ];
    let logits: Vec<f32> = rows.iter().flatten().copied().collect();
    let p = |x: f32| x.exp() / (x.exp() + 2.0);
    let decoded = decode(&tokens, &subs, &logits, &set);
    assert_eq!(decoded.len(), 1);
    assert_eq!(decoded[0].tokens, 0..4);
    let mean = (p(2.0) + p(2.0) + p(4.0) + p(8.0)) / 4.0;
    assert!(
        (decoded[0].score - mean).abs() < 1e-6,
        "{} vs {mean}",
        decoded[0].score
    );
    // A product would be below every token's probability; a mean is not.
    assert!(decoded[0].score > p(2.0));
}

#[test]
fn malformed_outputs_give_fewer_entities_not_panics() {
    let text = "Solange Drouin";
    let tokens = tokenize(text);
    let set = LabelSet::from_names(["O", "B-PER", "I-PER"], default_label);
    let subs = pieces(&tokens);
    let full = logits(&tokens, &subs, &[1, 2], set.len());
    // Too few logits, ranges past the text, no labels, NaN.
    assert!(decode(&tokens, &subs, &full[..2], &set).is_empty());
    let far = vec![100..103, 200..201];
    assert!(decode(&tokens, &far, &full, &set).is_empty());
    assert!(decode(
        &tokens,
        &subs,
        &full,
        &LabelSet::from_names([], default_label)
    )
    .is_empty());
    let nan = vec![f32::NAN; full.len()];
    assert!(decode(&tokens, &subs, &nan, &set).len() <= 1);
}

#[test]
#[allow(clippy::single_range_in_vec_init)] // one window is the expected answer
fn windows_cover_everything_with_overlap() {
    let cases: [(usize, usize, usize, &[Range<usize>]); 6] = [
        (10, 4, 2, &[0..4, 2..6, 4..8, 6..10]),
        (10, 4, 0, &[0..4, 4..8, 8..10]),
        (3, 4, 2, &[0..3]),
        (0, 4, 2, &[0..0]),
        (5, 1, 3, &[0..1, 1..2, 2..3, 3..4, 4..5]),
        (5, 0, 0, &[0..1, 1..2, 2..3, 3..4, 4..5]),
    ];
    for (n, size, overlap, expected) in cases {
        assert_eq!(windows(n, size, overlap), expected, "{n} {size} {overlap}");
    }
}

#[test]
fn windowed_logits_stitch_back() {
    // A long text, labelled as one pass would; then cut into windows whose
    // edges carry wrong logits, which stitching must not keep.
    let text =
        "Solange Drouin et Kim Dotcom ont parlé à Montréal puis à Paris avec la Sacem . ".repeat(5);
    let tokens = tokenize(&text);
    let set = LabelSet::from_names(["O", "B-PER", "I-PER", "B-LOC", "B-ORG"], default_label);
    let per_sentence = [1, 2, 0, 1, 2, 0, 0, 0, 3, 0, 0, 3, 0, 0, 4, 0];
    let tags: Vec<usize> = per_sentence
        .iter()
        .copied()
        .cycle()
        .take(tokens.len())
        .collect();
    let subs = pieces(&tokens);
    let n = set.len();
    let whole = logits(&tokens, &subs, &tags, n);
    let parts: Vec<(Range<usize>, Vec<f32>)> = windows(subs.len(), 16, 6)
        .into_iter()
        .map(|w| {
            let mut part = whole[w.start * n..w.end * n].to_vec();
            // The first and last sub-tokens of a window saw no context.
            if w.start > 0 {
                part[..n].copy_from_slice(&[9.0, 0.0, 0.0, 0.0, 0.0]);
            }
            if w.end < subs.len() {
                let last = part.len() - n;
                part[last..].copy_from_slice(&[9.0, 0.0, 0.0, 0.0, 0.0]);
            }
            (w, part)
        })
        .collect();
    let stitched = stitch(&parts, subs.len(), n);
    assert_eq!(stitched, whole);
    assert_eq!(
        decode(&tokens, &subs, &stitched, &set),
        decode(&tokens, &subs, &whole, &set)
    );
    assert_eq!(decode(&tokens, &subs, &whole, &set).len(), 25);
}

#[test]
fn glued_sentences_are_spaced_and_mapped_back() {
    struct Case {
        name: &'static str,
        text: &'static str,
        spaced: Option<&'static str>,
    }
    let cases = [
        Case {
            name: "sentences apart",
            text: "Il part. Elle reste.\n\nFin.",
            spaced: None,
        },
        Case {
            name: "a glued full stop",
            text: "Il a gagné.Jacques part.",
            spaced: Some("Il a gagné. Jacques part."),
        },
        Case {
            name: "a glued quote and full stop, twice",
            text: "plus faible\".Jacques Boutault part.Il revient.",
            spaced: Some("plus faible\". Jacques Boutault part. Il revient."),
        },
        Case {
            name: "a glued capital",
            text: "Il doit 5 millions d'eurosLe maire refuse.",
            spaced: Some("Il doit 5 millions d'euros Le maire refuse."),
        },
        Case {
            name: "empty",
            text: "",
            spaced: None,
        },
    ];
    for c in cases {
        let tokens = tokenize(c.text);
        let got = spaced_sentences(c.text, &tokens);
        assert_eq!(
            got.as_ref().map(|(s, _)| s.as_str()),
            c.spaced,
            "{}",
            c.name
        );
        let Some((spaced, at)) = got else { continue };
        // Each token, found in the spaced text, maps back onto itself; a
        // range over an inserted space alone maps to an empty one.
        for token in &tokens {
            let before = at.iter().filter(|&&b| b <= token.span.byte_start).count();
            let start = token.span.byte_start + before;
            let end = token.span.byte_end + before;
            assert_eq!(&spaced[start..end], token.text, "{}", c.name);
            let mut range = start..end;
            unspace(std::slice::from_mut(&mut range), &at);
            assert_eq!(range, token.span.bytes(), "{}: {}", c.name, token.text);
        }
        for (k, &b) in at.iter().enumerate() {
            let mut range = b + k..b + k + 1;
            unspace(std::slice::from_mut(&mut range), &at);
            assert_eq!(range, b..b, "{}", c.name);
        }
    }
    // Tokens of another text: no panic.
    let other = tokenize("Il a gagné.Jacques part. «Très» long.Émile écrit ici.");
    for text in ["", "é", "Il a gagné.", "Émile écrit.Là"] {
        let _ = spaced_sentences(text, &other);
    }
}

#[test]
fn tags_follow_the_scheme() {
    struct Case {
        name: &'static str,
        names: &'static [&'static str],
        text: &'static str,
        /// Logits a token.
        rows: &'static [&'static [f32]],
        expected: &'static [(&'static str, Label)],
    }
    let cases = [
        Case {
            name: "BIO: an I- of another type cannot follow B-PER",
            names: &["O", "B-PER", "I-PER", "B-ORG", "I-ORG"],
            text: "Jean-Yves Le Drian",
            rows: &[
                &[0.0, 5.0, 0.0, 0.0, 0.0],
                &[0.0, 0.0, 2.5, 0.0, 3.0],
                &[0.0, 0.0, 2.5, 0.0, 3.0],
            ],
            expected: &[("Jean-Yves Le Drian", Label::Per)],
        },
        Case {
            name: "BIO: an I- after O opens nothing when B- is likelier elsewhere",
            names: &["O", "B-PER", "I-PER", "B-ORG", "I-ORG"],
            text: "selon Drian",
            rows: &[&[5.0, 0.0, 0.0, 0.0, 0.0], &[2.0, 1.0, 0.0, 0.0, 3.0]],
            expected: &[],
        },
        Case {
            name: "BIOES: a B- must be closed",
            names: &["O", "B-PER", "I-PER", "E-PER", "S-PER"],
            text: "Jean Dupont arrive",
            rows: &[
                &[0.0, 5.0, 0.0, 0.0, 0.0],
                &[0.0, 3.0, 0.0, 2.5, 0.0],
                &[5.0, 0.0, 0.0, 0.0, 0.0],
            ],
            expected: &[("Jean Dupont", Label::Per)],
        },
        Case {
            name: "IO: any tag may follow any",
            names: &["O", "I-PER", "I-ORG"],
            text: "Kim Megaupload",
            rows: &[&[0.0, 5.0, 0.0], &[0.0, 2.5, 3.0]],
            expected: &[("Kim", Label::Per), ("Megaupload", Label::Org)],
        },
    ];
    for c in cases {
        let tokens = tokenize(c.text);
        assert_eq!(tokens.len(), c.rows.len(), "{}", c.name);
        let set = LabelSet::from_names(c.names.iter().copied(), default_label);
        let subs: Vec<Range<usize>> = tokens.iter().map(|t| t.span.bytes()).collect();
        let logits: Vec<f32> = c.rows.iter().flat_map(|r| r.iter().copied()).collect();
        let got: Vec<(&str, Label)> = decode(&tokens, &subs, &logits, &set)
            .iter()
            .map(|d| (range_text(c.text, &tokens, &d.tokens), d.label))
            .collect();
        assert_eq!(got, c.expected, "{}", c.name);
    }
}

#[test]
fn spans_never_end_with_a_function_word() {
    let tokens = crate::text::tokenize("vers Afrique de la ONG , et .");
    let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
    assert_eq!(
        words,
        ["vers", "Afrique", "de", "la", "ONG", ",", "et", "."]
    );
    // `Afrique de la` and `ONG , et .` as a tagger might give them, and a
    // span of function words only.
    let mut spans = vec![(1..4, Label::Loc), (4..8, Label::Org), (2..4, Label::Misc)];
    for (r, label) in &mut spans {
        trim_name(&tokens, r, *label);
    }
    assert_eq!(
        spans,
        [(1..2, Label::Loc), (4..5, Label::Org), (2..2, Label::Misc)]
    );
}

#[test]
fn names_are_trimmed_to_the_contract() {
    struct Case {
        name: &'static str,
        text: &'static str,
        span: &'static str,
        label: Label,
        expected: &'static str,
    }
    let cases = [
        Case {
            name: "a dangling conjunction",
            text: "le groupe Queen et",
            span: "Queen et",
            label: Label::Org,
            expected: "Queen",
        },
        Case {
            name: "an abbreviation keeps its dot",
            text: "Warner Bros. commande une suite",
            span: "Warner Bros.",
            label: Label::Org,
            expected: "Warner Bros.",
        },
        Case {
            name: "an initial does not",
            text: "signé F. Durand",
            span: "F.",
            label: Label::Per,
            expected: "F",
        },
        Case {
            name: "a title before a person",
            text: "le maréchal Haig arrive",
            span: "maréchal Haig",
            label: Label::Per,
            expected: "Haig",
        },
        Case {
            name: "a title and article before a particle",
            text: "selon le général de Gaulle",
            span: "le général de Gaulle",
            label: Label::Per,
            expected: "de Gaulle",
        },
        Case {
            name: "a particle alone stays",
            text: "Charles de Gaulle et de Gaulle",
            span: "de Gaulle",
            label: Label::Per,
            expected: "de Gaulle",
        },
        Case {
            name: "a head stays with an organisation",
            text: "la mairie de Paris",
            span: "mairie de Paris",
            label: Label::Org,
            expected: "mairie de Paris",
        },
        Case {
            name: "a person without a capital is left alone",
            text: "et bell hooks écrit",
            span: "bell hooks",
            label: Label::Per,
            expected: "bell hooks",
        },
    ];
    for case in cases {
        let tokens = crate::text::tokenize(case.text);
        let mut r = token_range(case.text, &tokens, case.span, 0);
        trim_name(&tokens, &mut r, case.label);
        assert_eq!(
            range_text(case.text, &tokens, &r),
            case.expected,
            "{}",
            case.name
        );
    }
}
