use super::*;

struct Case {
    name: &'static str,
    input: &'static str,
    tokens: &'static [&'static str],
}

#[test]
fn tokens() {
    let cases = [
        Case {
            name: "elisions",
            input: "l'ADISQ d’une qu'il jusqu'à lorsqu’on puisqu'elle",
            tokens: &[
                "l'",
                "ADISQ",
                "d’",
                "une",
                "qu'",
                "il",
                "jusqu'",
                "à",
                "lorsqu’",
                "on",
                "puisqu'",
                "elle",
            ],
        },
        Case {
            name: "not elisions",
            input: "aujourd'hui McDonald's",
            tokens: &["aujourd'hui", "McDonald's"],
        },
        Case {
            name: "elision then compound",
            input: "l'Île-de-France",
            tokens: &["l'", "Île-de-France"],
        },
        Case {
            name: "hyphenated names",
            input: "Jean-Baptiste Carrey-Conte a-t-elle",
            tokens: &["Jean-Baptiste", "Carrey-Conte", "a-t-elle"],
        },
        Case {
            name: "prefixes before a name",
            input: "l'ex-LR pro-Haftar anti-G7 ex-député Anti-Defamation ex-Premier",
            tokens: &[
                "l'",
                "ex",
                "-",
                "LR",
                "pro",
                "-",
                "Haftar",
                "anti",
                "-",
                "G7",
                "ex-député",
                "Anti-Defamation",
                "ex",
                "-",
                "Premier",
            ],
        },
        Case {
            name: "spaced thousands",
            input: "150 000 € et 1\u{a0}000\u{202f}000 et 84 930.30",
            tokens: &[
                "150 000",
                "€",
                "et",
                "1\u{a0}000\u{202f}000",
                "et",
                "84 930.30",
            ],
        },
        Case {
            name: "dot and comma numbers",
            input: "839.000 8,5 299.99",
            tokens: &["839.000", "8,5", "299.99"],
        },
        Case {
            name: "year then count",
            input: "en 2004 150 personnes",
            tokens: &["en", "2004", "150", "personnes"],
        },
        Case {
            name: "four digits are no group",
            input: "12 3456",
            tokens: &["12", "3456"],
        },
        Case {
            name: "domains",
            input: "QuebecTorrent.com, allofmp3.com et What.cd.",
            tokens: &[
                "QuebecTorrent.com",
                ",",
                "allofmp3.com",
                "et",
                "What.cd",
                ".",
            ],
        },
        Case {
            name: "sentence glued after a dot opens with an elision",
            input: "outre-Atlantique.L'UE la chaîne LCI.L’Elysée",
            tokens: &[
                "outre-Atlantique",
                ".",
                "L'",
                "UE",
                "la",
                "chaîne",
                "LCI",
                ".",
                "L’",
                "Elysée",
            ],
        },
        Case {
            name: "domain glued to next sentence",
            input: "sur What.cd.Le site",
            tokens: &["sur", "What.cd", ".", "Le", "site"],
        },
        Case {
            name: "glued sentences",
            input: "Pyrénées.Alors vacances.La Beaune.500.000",
            tokens: &[
                "Pyrénées",
                ".",
                "Alors",
                "vacances",
                ".",
                "La",
                "Beaune",
                ".",
                "500.000",
            ],
        },
        Case {
            name: "spaced number after a glued sentence",
            input: "la famille.18 000 dollars",
            tokens: &["la", "famille", ".", "18 000", "dollars"],
        },
        Case {
            name: "not domains",
            input: "rapport.pdf M.Dupont",
            tokens: &["rapport", ".", "pdf", "M", ".", "Dupont"],
        },
        Case {
            name: "urls",
            input: "voir https://www.hadopi.fr/faq?x=1). Et (www.t411.ch)",
            tokens: &[
                "voir",
                "https://www.hadopi.fr/faq?x=1",
                ")",
                ".",
                "Et",
                "(",
                "www.t411.ch",
                ")",
            ],
        },
        Case {
            name: "url glued to the next sentence",
            input: "(https://europa.eu/about_en).Le site www.gardot.com.Les",
            tokens: &[
                "(",
                "https://europa.eu/about_en",
                ")",
                ".",
                "Le",
                "site",
                "www.gardot.com",
                ".",
                "Les",
            ],
        },
        Case {
            name: "e-mail",
            input: "écrire à contact@sacem.fr.",
            tokens: &["écrire", "à", "contact@sacem.fr", "."],
        },
        Case {
            name: "number and unit",
            input: "175M€ 30k€ 1er",
            tokens: &["175", "M", "€", "30", "k", "€", "1", "er"],
        },
        Case {
            name: "word glued to number",
            input: "exorbitants1,5 T411 mp3sugar",
            tokens: &["exorbitants", "1,5", "T411", "mp3sugar"],
        },
        Case {
            name: "camel case glued sentence",
            input: "d'eurosLe PetitjeanL'homme QuebecTorrent iTunes",
            tokens: &[
                "d'",
                "euros",
                "Le",
                "Petitjean",
                "L'",
                "homme",
                "QuebecTorrent",
                "iTunes",
            ],
        },
        Case {
            name: "credit in capitals glued to the next sentence",
            input: "par BFMTVLes 6MEDIASParmi LRSelon OiNK",
            tokens: &[
                "par", "BFMTV", "Les", "6", "MEDIAS", "Parmi", "LR", "Selon", "OiNK",
            ],
        },
        Case {
            name: "ellipsis",
            input: "techniques...) et",
            tokens: &["techniques", "...", ")", "et"],
        },
        Case {
            name: "empty",
            input: "",
            tokens: &[],
        },
        Case {
            name: "spaces only",
            input: " \n\t ",
            tokens: &[],
        },
    ];
    for case in cases {
        let got: Vec<&str> = tokenize(case.input).iter().map(|t| t.text).collect();
        assert_eq!(got, case.tokens, "{}", case.name);
    }
}

#[test]
fn kinds() {
    let text = "l'ADISQ 150 000 € QuebecTorrent.com https://x.fr a@b.fr «";
    let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
    use TokenKind::*;
    assert_eq!(
        kinds,
        [Elision, Word, Number, Symbol, Domain, Url, Email, Punct]
    );
}

#[test]
fn offsets_are_bytes_and_chars() {
    let text = "Née à Zürich, 5 €.";
    for token in tokenize(text) {
        assert_eq!(&text[token.span.bytes()], token.text);
        let chars: String = text
            .chars()
            .skip(token.span.char_start)
            .take(token.span.char_end - token.span.char_start)
            .collect();
        assert_eq!(chars, token.text);
    }
}

struct SentenceCase {
    name: &'static str,
    input: &'static str,
    first_words: &'static [&'static str],
}

#[test]
fn sentences() {
    let cases = [
        SentenceCase {
            name: "full stops",
            input: "Il pleut. Elle chante! Vraiment? Oui.",
            first_words: &["Il", "Elle", "Vraiment", "Oui"],
        },
        SentenceCase {
            name: "glued full stop",
            input: "les Pyrénées.Alors il part",
            first_words: &["les", "Alors"],
        },
        SentenceCase {
            name: "glued digit",
            input: "à Beaune.500.000 euros",
            first_words: &["à", "500.000"],
        },
        SentenceCase {
            name: "titles and initials",
            input: "M. Guyot et J. K. Rowling. St. Louis",
            first_words: &["M", "St"],
        },
        SentenceCase {
            name: "domains do not end sentences",
            input: "sur What.cd et QuebecTorrent.com ce soir",
            first_words: &["sur"],
        },
        SentenceCase {
            name: "closing quote stays",
            input: "«C'est fini.» Le site ferme.",
            first_words: &["«", "Le"],
        },
        SentenceCase {
            name: "lower case goes on",
            input: "etc. et puis",
            first_words: &["etc"],
        },
        SentenceCase {
            name: "line breaks",
            input: "Titre\nCorps du texte\n\nSuite",
            first_words: &["Titre", "Corps", "Suite"],
        },
        SentenceCase {
            name: "glued capital",
            input: "400 millions d'eurosLe groupe",
            first_words: &["400", "Le"],
        },
        SentenceCase {
            name: "credit in capitals glued to the next sentence",
            input: "17/04par BFMTVLes personnes et QuebecTorrent",
            first_words: &["17", "Les"],
        },
    ];
    for case in cases {
        let tokens = tokenize(case.input);
        let sentences = split_sentences(case.input, &tokens);
        let firsts: Vec<&str> = sentences.iter().map(|s| tokens[s.start].text).collect();
        assert_eq!(firsts, case.first_words, "{}", case.name);
        let covered: usize = sentences.iter().map(|s| s.len()).sum();
        assert_eq!(
            covered,
            tokens.len(),
            "{}: sentences cover every token",
            case.name
        );
    }
}

#[test]
fn domains() {
    struct DomainCase {
        input: &'static str,
        domain: Option<&'static str>,
    }
    let cases = [
        DomainCase {
            input: "What.cd",
            domain: Some("what.cd"),
        },
        DomainCase {
            input: "www.Hadopi.fr",
            domain: Some("hadopi.fr"),
        },
        DomainCase {
            input: "news.bbc.co.uk",
            domain: Some("bbc.co.uk"),
        },
        DomainCase {
            input: "Pyrénées.Alors",
            domain: None,
        },
        DomainCase {
            input: "rapport.zip",
            domain: None,
        },
        DomainCase {
            input: "x.notatld",
            domain: None,
        },
        DomainCase {
            input: "-bad.com",
            domain: None,
        },
    ];
    for case in cases {
        let got = is_domain(case.input)
            .then(|| registrable_domain(case.input))
            .flatten();
        assert_eq!(got.as_deref(), case.domain, "{}", case.input);
    }
}

mod fast_path {
    use proptest::prelude::*;

    use super::super::segment::{segment, segment_simple, segment_uax29, Piece};

    fn pieces(
        f: impl Fn(&mut Vec<Piece>) -> bool,
    ) -> Option<Vec<(usize, usize, super::TokenKind)>> {
        let mut out = Vec::new();
        f(&mut out).then(|| out.into_iter().map(|p| (p.start, p.end, p.kind)).collect())
    }

    fn same_as_uax29(chunk: &str) {
        if let Some(fast) = pieces(|out| segment_simple(chunk, 0, chunk.len(), out)) {
            let slow = pieces(|out| {
                segment_uax29(chunk, 0, chunk.len(), out);
                true
            });
            assert_eq!(Some(fast), slow, "{chunk:?}");
        }
    }

    #[test]
    fn common_chunks() {
        for chunk in [
            "l'homme,",
            "(SCPP),",
            "«Quebectorrent",
            "Jean-Baptiste.",
            "2019.",
            "8,5",
            "839.000",
            "mot...",
            "aujourd’hui",
            "PetitjeanL'homme",
            "d'eurosLe",
            "a-t-elle",
        ] {
            same_as_uax29(chunk);
            assert!(
                pieces(|out| segment_simple(chunk, 0, chunk.len(), out)).is_some(),
                "{chunk:?} takes the fast path"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn ascii_fast_path_equals_uax29(chunk in "[a-zA-ZéÉàÀçœŒßøĳ][a-zéèàçêœßøĳÿ]{0,8}[,.;:!?)]{0,3}|[!-/:-@\\[-`{-~]{1,6}") {
            let fast = pieces(|out| {
                segment(&chunk, 0, chunk.len(), out);
                true
            });
            let slow = pieces(|out| {
                segment_uax29(&chunk, 0, chunk.len(), out);
                true
            });
            prop_assert_eq!(fast, slow, "{:?}", chunk);
        }

        #[test]
        fn fast_path_equals_uax29(chunk in "[(«\"]{0,2}([a-zA-ZéÉèàçœ'’\\-]{0,8}|[0-9.,]{0,6})[,.;:!?)»\"%]{0,3}") {
            same_as_uax29(&chunk);
        }
    }
}

#[test]
fn overlong_sentences_are_cut() {
    // 1,000 words without an end, a comma every 100: cut after a comma in
    // the second half of each 256 tokens.
    let text: String = (0..1000)
        .map(|i| if i % 100 == 99 { "mot, " } else { "mot " })
        .collect();
    let tokens = tokenize(&text);
    let sentences = split_sentences(&text, &tokens);
    assert!(sentences.iter().all(|s| s.len() <= MAX_SENTENCE_TOKENS));
    assert_eq!(sentences.first().map(|s| s.start), Some(0));
    assert_eq!(sentences.last().map(|s| s.end), Some(tokens.len()));
    assert!(sentences.windows(2).all(|w| w[0].end == w[1].start));
    // The first cut is after the comma of the 200th word (token 201).
    assert_eq!(sentences[0], 0..202);
    assert_eq!(tokens[sentences[0].end - 1].text, ",");
    // Without commas, at the limit.
    let text = "mot ".repeat(600);
    let tokens = tokenize(&text);
    let lengths: Vec<usize> = split_sentences(&text, &tokens)
        .iter()
        .map(|s| s.len())
        .collect();
    assert_eq!(lengths, [256, 256, 88]);
}
