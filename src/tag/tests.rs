use super::*;
use crate::error::ErrorKind;
use crate::util::wire;

/// The token range of the `nth` occurrence of `name` in `text`.
pub(crate) fn token_range(
    text: &str,
    tokens: &[Token<'_>],
    name: &str,
    nth: usize,
) -> Range<usize> {
    let start = text.match_indices(name).nth(nth).expect("name in text").0;
    let end = start + name.len();
    let first = tokens
        .iter()
        .position(|t| t.span.byte_start == start)
        .expect("token start");
    let last = tokens
        .iter()
        .position(|t| t.span.byte_end == end)
        .expect("token end");
    first..last + 1
}

/// The text that a token range covers.
pub(crate) fn range_text<'t>(text: &'t str, tokens: &[Token<'_>], r: &Range<usize>) -> &'t str {
    &text[tokens[r.start].span.byte_start..tokens[r.end - 1].span.byte_end]
}

#[test]
fn legal_transitions_follow_bilou() {
    let per_b = tag(0, Position::Begin);
    let per_i = tag(0, Position::Inside);
    let per_l = tag(0, Position::Last);
    let org_l = tag(1, Position::Last);
    let loc_u = tag(2, Position::Unit);
    struct Case {
        name: &'static str,
        prev: Option<usize>,
        next: Option<usize>,
        legal: bool,
    }
    let cases = [
        Case {
            name: "start to B",
            prev: None,
            next: Some(per_b),
            legal: true,
        },
        Case {
            name: "start to I",
            prev: None,
            next: Some(per_i),
            legal: false,
        },
        Case {
            name: "B to I same label",
            prev: Some(per_b),
            next: Some(per_i),
            legal: true,
        },
        Case {
            name: "B to L other label",
            prev: Some(per_b),
            next: Some(org_l),
            legal: false,
        },
        Case {
            name: "B to O",
            prev: Some(per_b),
            next: Some(0),
            legal: false,
        },
        Case {
            name: "B to end",
            prev: Some(per_b),
            next: None,
            legal: false,
        },
        Case {
            name: "L to U",
            prev: Some(per_l),
            next: Some(loc_u),
            legal: true,
        },
        Case {
            name: "U to end",
            prev: Some(loc_u),
            next: None,
            legal: true,
        },
        Case {
            name: "O to L",
            prev: Some(0),
            next: Some(per_l),
            legal: false,
        },
    ];
    for c in cases {
        assert_eq!(legal(c.prev, c.next), c.legal, "{}", c.name);
    }
}

#[test]
fn decoder_tables_agree_with_the_rule() {
    for p in 0..TAGS {
        for t in 0..TAGS {
            let by_tables = if OPENING.contains(&t) {
                CLOSING.contains(&p)
            } else {
                tag_parts(p).is_some_and(|(l, pos)| {
                    matches!(pos, Position::Begin | Position::Inside)
                        && tag_parts(t).unwrap().0 == l
                })
            };
            assert_eq!(by_tables, legal(Some(p), Some(t)), "{p} -> {t}");
        }
        assert_eq!(OPENING.contains(&p), legal(None, Some(p)), "start -> {p}");
        assert_eq!(CLOSING.contains(&p), legal(Some(p), None), "{p} -> end");
    }
}

#[test]
fn viterbi_never_returns_an_illegal_sequence() {
    // Emissions that favour I-PER everywhere: illegal alone.
    let per_i = tag(0, Position::Inside);
    let mut emissions = vec![0i32; 3 * TAGS];
    for i in 0..3 {
        emissions[i * TAGS + per_i] = 100;
    }
    let transitions = [0i32; TRANSITIONS];
    let (mut back, mut tags) = (Vec::new(), Vec::new());
    viterbi(&emissions, &transitions, &mut back, &mut tags);
    assert_eq!(tags.len(), 3);
    assert!(legal(None, Some(tags[0])));
    for w in tags.windows(2) {
        assert!(legal(Some(w[0]), Some(w[1])));
    }
    assert!(legal(Some(tags[2]), None));
    assert_eq!(
        tags,
        [tag(0, Position::Begin), per_i, tag(0, Position::Last)]
    );
}

#[test]
fn spans_read_bilou() {
    let mut out = Vec::new();
    let tags = [
        0,
        tag(0, Position::Begin),
        tag(0, Position::Last),
        tag(4, Position::Unit),
        0,
    ];
    spans(&tags, &mut out);
    assert_eq!(out, [(1..3, Label::Per), (3..4, Label::Site)]);
}

#[test]
fn model_files_round_trip_and_bad_files_are_errors() {
    let tagger = Tagger::embedded();
    let mut bytes = Vec::new();
    tagger.write(&mut bytes).unwrap();
    let again = Tagger::read(&bytes[..], Lexicon::embedded()).unwrap();
    assert_eq!(again.weights, tagger.weights);
    assert_eq!(again.transitions, tagger.transitions);
    // The writer gives the committed file back, byte for byte.
    assert!(bytes == include_bytes!("../../models/tagger.bin"));

    let mut corrupt = bytes.clone();
    let middle = corrupt.len() / 2;
    corrupt[middle] ^= 0x55;
    let truncated = &bytes[..bytes.len() - 100];
    // Files changed at one byte under a valid checksum.
    let edited = |at: usize, value: u8| {
        let mut file = bytes.clone();
        file[at] = value;
        let check = crc32fast::hash(&file[wire::HEADER..]);
        file[wire::CRC_AT..wire::CRC_AT + 4].copy_from_slice(&check.to_le_bytes());
        file
    };
    let wrong_version = edited(8, 99);
    let first_shift = bytes.len() - (TAGS + 1) * tagger.weights.len() + TAGS;
    let bad_shift = edited(first_shift, MAX_SHIFT + 1);
    let too_many_bits = edited(wire::HEADER + 4 + 8, 63);
    for (name, bad, says) in [
        ("empty", &[][..], "bad magic"),
        ("not a model", &b"PK\x03\x04 a zip file"[..], "bad magic"),
        ("corrupt", &corrupt[..], "checksum"),
        ("truncated", truncated, "truncated"),
        ("wrong version", &wrong_version[..], "version 99"),
        ("shift out of range", &bad_shift[..], "shift"),
        ("2^63 rows", &too_many_bits[..], "63 bits is out of range"),
    ] {
        let err = Tagger::read(bad, Lexicon::embedded()).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Model, "{name}: {err}");
        assert!(err.to_string().contains(says), "{name}: {err}");
    }
    // Streams without end: only what the header declares is read.
    use std::io::Read;
    let header = &bytes[..wire::HEADER];
    let mut huge = header.to_vec();
    huge[16..24].copy_from_slice(&(1u64 << 62).to_le_bytes());
    for (name, bad, says) in [
        ("valid model, then zeros", &bytes[..], "trailing bytes"),
        ("header, then zeros", header, "trailing bytes"),
        ("header declaring 2^62 bytes", &huge[..], "more than the"),
    ] {
        let endless = bad.chain(std::io::repeat(0));
        let err = Tagger::read(endless, Lexicon::embedded()).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Model, "{name}: {err}");
        assert!(err.to_string().contains(says), "{name}: {err}");
    }
}

#[test]
fn viterbi_survives_huge_scores_on_long_sentences() {
    let n = 100_000;
    let emissions: Vec<i32> = (0..n * TAGS)
        .map(|k| if k % 7 == 0 { 1_300_000 } else { -1_300_000 })
        .collect();
    let transitions = [i32::MAX / 8; TRANSITIONS];
    let (mut back, mut tags) = (Vec::new(), Vec::new());
    viterbi(&emissions, &transitions, &mut back, &mut tags);
    assert_eq!(tags.len(), n);
    assert!(legal(None, Some(tags[0])));
    for w in tags.windows(2) {
        assert!(legal(Some(w[0]), Some(w[1])));
    }
    assert!(legal(Some(tags[n - 1]), None));
}

/// The score of a tag sequence under `emissions` and `transitions`.
fn path_score(emissions: &[i32], transitions: &[i32; TRANSITIONS], tags: &[usize]) -> i64 {
    let mut score =
        i64::from(transitions[START + tags[0]] + transitions[END + tags[tags.len() - 1]]);
    for (i, &t) in tags.iter().enumerate() {
        score += i64::from(emissions[i * TAGS + t]);
        if i > 0 {
            score += i64::from(transitions[tags[i - 1] * TAGS + t]);
        }
    }
    score
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Viterbi finds a legal sequence as good as the best of all legal
    /// sequences (every sequence of up to three tags, tried one by one).
    #[test]
    fn viterbi_finds_the_best_legal_sequence(
        n in 1usize..=3,
        seed_emissions in proptest::collection::vec(-2000i32..2000, 3 * TAGS),
        seed_transitions in proptest::collection::vec(-2000i32..2000, TRANSITIONS),
    ) {
        let emissions = &seed_emissions[..n * TAGS];
        let transitions: [i32; TRANSITIONS] = seed_transitions.try_into().unwrap();
        let (mut back, mut tags) = (Vec::new(), Vec::new());
        viterbi(emissions, &transitions, &mut back, &mut tags);
        let is_legal = |tags: &[usize]| {
            legal(None, Some(tags[0]))
                && tags.windows(2).all(|w| legal(Some(w[0]), Some(w[1])))
                && legal(Some(tags[tags.len() - 1]), None)
        };
        proptest::prop_assert!(is_legal(&tags));
        let mut best = i64::MIN;
        for code in 0..TAGS.pow(n as u32) {
            let candidate: Vec<usize> = (0..n).map(|i| code / TAGS.pow(i as u32) % TAGS).collect();
            if is_legal(&candidate) {
                best = best.max(path_score(emissions, &transitions, &candidate));
            }
        }
        proptest::prop_assert_eq!(path_score(emissions, &transitions, &tags), best);
    }
}

#[test]
fn the_format_doc_gives_the_version_read() {
    let doc = format!("## File format (version {})", FORMAT.version);
    assert!(include_str!("mod.rs").contains(&doc), "{doc}");
    let doc = format!("format version {};", lexicon::CLUSTERS.version);
    assert!(include_str!("lexicon.rs").contains(&doc), "{doc}");
}
