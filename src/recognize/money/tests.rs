use rust_decimal::Decimal;

use super::*;
use crate::text::tokenize;

struct Case {
    name: &'static str,
    input: &'static str,
    /// (span text, value, currency, approximate)
    expected: &'static [(
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        bool,
    )],
}

fn find(text: &str) -> Vec<(&str, Option<Decimal>, Option<String>, bool)> {
    let tokens = tokenize(text);
    let mut found = Vec::new();
    MoneyRecognizer::new().find(text, &tokens, &mut found);
    found
        .into_iter()
        .map(|m| {
            let span = tokens[m.tokens.start]
                .span
                .to(tokens[m.tokens.end - 1].span);
            let money = m.money;
            (
                &text[span.bytes()],
                money.value,
                money.currency.map(|c| c.to_string()),
                money.approximate,
            )
        })
        .collect()
}

#[test]
fn amounts() {
    let cases = [
        Case {
            name: "symbol after",
            input: "une amende de 150 000 €",
            expected: &[("150 000 €", Some("150000"), Some("EUR"), false)],
        },
        Case {
            name: "glued symbol",
            input: "moins de 1000€.",
            expected: &[("1000€", Some("1000"), Some("EUR"), true)],
        },
        Case {
            name: "multiplier and name",
            input: "175 millions de dollars de profit",
            expected: &[(
                "175 millions de dollars",
                Some("175000000"),
                Some("USD"),
                false,
            )],
        },
        Case {
            name: "elided de",
            input: "41 millions d’euros",
            expected: &[("41 millions d’euros", Some("41000000"), Some("EUR"), false)],
        },
        Case {
            name: "decimal comma",
            input: "7,5 milliards de dollars",
            expected: &[(
                "7,5 milliards de dollars",
                Some("7500000000"),
                Some("USD"),
                false,
            )],
        },
        Case {
            name: "decimal dot",
            input: "au prix de 84 930.30 € et 299.99 €",
            expected: &[
                ("84 930.30 €", Some("84930.3"), Some("EUR"), false),
                ("299.99 €", Some("299.99"), Some("EUR"), false),
            ],
        },
        Case {
            name: "dot thousands",
            input: "70.000 euros et 1.100 euros",
            expected: &[
                ("70.000 euros", Some("70000"), Some("EUR"), false),
                ("1.100 euros", Some("1100"), Some("EUR"), false),
            ],
        },
        Case {
            name: "number words",
            input: "pour environ deux dollars",
            expected: &[("deux dollars", Some("2"), Some("USD"), true)],
        },
        Case {
            name: "compound number words",
            input: "quatre-vingt-dix euros et vingt-neuf dollars",
            expected: &[
                ("quatre-vingt-dix euros", Some("90"), Some("EUR"), false),
                ("vingt-neuf dollars", Some("29"), Some("USD"), false),
            ],
        },
        Case {
            name: "words with mille",
            input: "deux cent mille euros",
            expected: &[("deux cent mille euros", Some("200000"), Some("EUR"), false)],
        },
        Case {
            name: "half a milliard",
            input: "Près d'un demi-milliard d'euros",
            expected: &[(
                "un demi-milliard d'euros",
                Some("500000000"),
                Some("EUR"),
                true,
            )],
        },
        Case {
            name: "and a half",
            input: "un milliard et demi de dollars",
            expected: &[(
                "un milliard et demi de dollars",
                Some("1500000000"),
                Some("USD"),
                false,
            )],
        },
        Case {
            name: "abbreviated multipliers",
            input: "5 M€, 7,5 Md€, 3 Mds€ et 30 k€",
            expected: &[
                ("5 M€", Some("5000000"), Some("EUR"), false),
                ("7,5 Md€", Some("7500000000"), Some("EUR"), false),
                ("3 Mds€", Some("3000000000"), Some("EUR"), false),
                ("30 k€", Some("30000"), Some("EUR"), false),
            ],
        },
        Case {
            name: "abbreviation needs a currency",
            input: "un écran 4 K et 5 M de visiteurs",
            expected: &[],
        },
        Case {
            name: "country names",
            input: "30 millions de dollars canadiens, 2 francs suisses, 10 livres sterling",
            expected: &[
                (
                    "30 millions de dollars canadiens",
                    Some("30000000"),
                    Some("CAD"),
                    false,
                ),
                ("2 francs suisses", Some("2"), Some("CHF"), false),
                ("10 livres sterling", Some("10"), Some("GBP"), false),
            ],
        },
        Case {
            name: "symbols with country",
            input: "5 $US, 3 US$, 8 $CA et 9 CHF",
            expected: &[
                ("5 $US", Some("5"), Some("USD"), false),
                ("3 US$", Some("3"), Some("USD"), false),
                ("8 $CA", Some("8"), Some("CAD"), false),
                ("9 CHF", Some("9"), Some("CHF"), false),
            ],
        },
        Case {
            name: "symbol before",
            input: "vendu $5 et € 10",
            expected: &[
                ("$5", Some("5"), Some("USD"), false),
                ("€ 10", Some("10"), Some("EUR"), false),
            ],
        },
        Case {
            name: "implied by coordination",
            input: "150 000 € d'amende et 489 millions de dommages et intérêts",
            expected: &[
                ("150 000 €", Some("150000"), Some("EUR"), false),
                ("489 millions", Some("489000000"), None, false),
            ],
        },
        Case {
            name: "implied by the sentence before",
            input: "45,5 millions de dollars canadiens. C'est déjà 27 millions de moins.",
            expected: &[
                (
                    "45,5 millions de dollars canadiens",
                    Some("45500000"),
                    Some("CAD"),
                    false,
                ),
                ("27 millions", Some("27000000"), None, false),
            ],
        },
        Case {
            name: "counts are not implied money",
            input: "1 € et 2,8 millions de sociétaires",
            expected: &[("1 €", Some("1"), Some("EUR"), false)],
        },
        Case {
            name: "no amount before",
            input: "plus de 23 millions de fichiers",
            expected: &[],
        },
        Case {
            name: "vague",
            input: "des centaines de milliards de dollars et des millions d'euros",
            expected: &[
                (
                    "centaines de milliards de dollars",
                    None,
                    Some("USD"),
                    false,
                ),
                ("millions d'euros", None, Some("EUR"), false),
            ],
        },
        Case {
            name: "centimes",
            input: "une hausse de 70 centimes d'euro",
            expected: &[("70 centimes d'euro", Some("0.7"), Some("EUR"), false)],
        },
        Case {
            name: "ambiguous currency name",
            input: "1.500 dinars",
            expected: &[("1.500 dinars", Some("1500"), None, false)],
        },
        Case {
            name: "bahts",
            input: "40.000 bahts",
            expected: &[("40.000 bahts", Some("40000"), Some("THB"), false)],
        },
        Case {
            name: "not money",
            input: "30 % des 48 heures, 40 000 membres, un franc succès, la zone euro",
            expected: &[],
        },
        Case {
            name: "code case",
            input: "5 eur",
            expected: &[],
        },
        Case {
            name: "centimes alone are hundredths of a euro",
            input: "une hausse de 50 centimes",
            expected: &[("50 centimes", Some("0.5"), Some("EUR"), false)],
        },
        Case {
            name: "cents and pence keep the value written",
            input: "45 cents de plus, 300 pence, un penny, 20 cents d'euro",
            expected: &[
                ("45 cents", Some("45"), None, false),
                ("300 pence", Some("300"), Some("GBP"), false),
                ("un penny", Some("1"), Some("GBP"), false),
                ("20 cents d'euro", Some("20"), Some("EUR"), false),
            ],
        },
        Case {
            name: "hundredths of one currency keep the value written",
            input: "50 kopecks le litre, 6,65 milliards de pesewas",
            expected: &[
                ("50 kopecks", Some("50"), Some("RUB"), false),
                ("6,65 milliards de pesewas", Some("6650000000"), Some("GHS"), false),
            ],
        },
        Case {
            name: "balles are euros after digits worth a hundred or more, bullets below",
            input: "ça m'a coûté 150 balles, il a reçu 21 balles et deux balles dans le dos",
            expected: &[("150 balles", Some("150"), Some("EUR"), false)],
        },
        Case {
            name: "cents after number words count hundreds",
            input: "deux cents euros",
            expected: &[("deux cents euros", Some("200"), Some("EUR"), false)],
        },
        Case {
            name: "code glued to the number",
            input: "un menu à CHF12,50 et EUR5",
            expected: &[
                ("CHF12,50", Some("12.50"), Some("CHF"), false),
                ("EUR5", Some("5"), Some("EUR"), false),
            ],
        },
        Case {
            name: "not a code glued to a number",
            input: "le T411 et le MP3 et ABC12",
            expected: &[],
        },
        Case {
            name: "a rarer code before a number is an acronym or a model's name",
            input: "la COP21, la Countryman ALL4, la Sián FKP 37, le TOP 10, AMD 5, mais 300 MAD et USD 300",
            expected: &[
                ("300 MAD", Some("300"), Some("MAD"), false),
                ("USD 300", Some("300"), Some("USD"), false),
            ],
        },
        Case {
            name: "symbol with a code",
            input: "5 millions $AUD et $CAD 7",
            expected: &[
                ("5 millions $AUD", Some("5000000"), Some("AUD"), false),
                ("$CAD 7", Some("7"), Some("CAD"), false),
            ],
        },
        Case {
            name: "code glued to a symbol before the number",
            input: "et US$4 de plus",
            expected: &[("US$4", Some("4"), Some("USD"), false)],
        },
        Case {
            name: "two symbols, two amounts",
            input: "¥5 ₹ 10",
            expected: &[
                ("¥5", Some("5"), Some("JPY"), false),
                ("₹ 10", Some("10"), Some("INR"), false),
            ],
        },
        Case {
            name: "a suffix currency, then a symbol before the next number",
            input: "5 € $10 et 3 £ 7 €",
            expected: &[
                ("5 €", Some("5"), Some("EUR"), false),
                ("$10", Some("10"), Some("USD"), false),
                ("3 £", Some("3"), Some("GBP"), false),
                ("7 €", Some("7"), Some("EUR"), false),
            ],
        },
        Case {
            name: "names several countries share",
            input: "200.000 rials, 20 riyals, 1.300 dirhams",
            expected: &[
                ("200.000 rials", Some("200000"), None, false),
                ("20 riyals", Some("20"), None, false),
                ("1.300 dirhams", Some("1300"), None, false),
            ],
        },
        Case {
            name: "pounds are sterling after digits or a multiplier or named so, books otherwise",
            input: "3 millions de livres, 500 livres, deux livres, neuf livres sterling, trois livres turques",
            expected: &[
                ("3 millions de livres", Some("3000000"), Some("GBP"), false),
                ("500 livres", Some("500"), Some("GBP"), false),
                ("neuf livres sterling", Some("9"), Some("GBP"), false),
                ("trois livres turques", Some("3"), Some("TRY"), false),
            ],
        },
        Case {
            name: "ranges are one span without a value",
            input: "de 3 à 5 milliards d'euros, voire entre 8 et 14 milliards; entre 1.600 et 1.800 euros, 10 - 20 euros",
            expected: &[
                ("3 à 5 milliards d'euros", None, Some("EUR"), false),
                ("8 et 14 milliards", None, None, false),
                ("1.600 et 1.800 euros", None, Some("EUR"), false),
                ("10 - 20 euros", None, Some("EUR"), false),
            ],
        },
        Case {
            name: "numbers that go down, or a year before an amount, are no range",
            input: "le 1er janvier 1990 à 1015 francs l'action; passé de 20 à 10 euros; \
                    condamné en 2017 à 800 euros, en 2019 à 3 millions d'euros; \
                    entre 750.000 et 1 million de dollars, entre 2000 et 3000 euros",
            expected: &[
                ("1015 francs", Some("1015"), None, false),
                ("10 euros", Some("10"), Some("EUR"), false),
                ("800 euros", Some("800"), Some("EUR"), false),
                ("3 millions d'euros", Some("3000000"), Some("EUR"), false),
                ("750.000 et 1 million de dollars", None, Some("USD"), false),
                ("2000 et 3000 euros", None, Some("EUR"), false),
            ],
        },
        Case {
            name: "et without entre is no range but two amounts",
            input: "1.600 et 1.800 euros",
            expected: &[
                ("1.600", Some("1600"), None, false),
                ("1.800 euros", Some("1800"), Some("EUR"), false),
            ],
        },
        Case {
            name: "numbers coordinated before an amount share its multiplier",
            input: "de 20, 30, 40 centimes d'euros; 45 et 35 centimes; 2 ou 3 millions d'euros. En 2019, 500 euros; 3, 400 euros",
            expected: &[
                ("20", Some("0.2"), None, false),
                ("30", Some("0.3"), None, false),
                ("40 centimes d'euros", Some("0.4"), Some("EUR"), false),
                ("45", Some("0.45"), None, false),
                ("35 centimes", Some("0.35"), Some("EUR"), false),
                ("2", Some("2000000"), None, false),
                ("3 millions d'euros", Some("3000000"), Some("EUR"), false),
                ("500 euros", Some("500"), Some("EUR"), false),
                ("400 euros", Some("400"), Some("EUR"), false),
            ],
        },
        Case {
            name: "hundredths after the unit",
            input: "à 3 € 50 le kilo, 3€50, deux euros cinquante. Puis 10 euros et 20 centimes",
            expected: &[
                ("3 € 50", Some("3.5"), Some("EUR"), false),
                ("3€50", Some("3.5"), Some("EUR"), false),
                ("deux euros cinquante", Some("2.5"), Some("EUR"), false),
                ("10 euros et 20 centimes", Some("10.2"), Some("EUR"), false),
            ],
        },
        Case {
            name: "a number after the unit that counts something else",
            input: "payé 30 euros 20 fois, 5 euros 150, 4 euros et 12 ans",
            expected: &[
                ("30 euros", Some("30"), Some("EUR"), false),
                ("5 euros", Some("5"), Some("EUR"), false),
                ("4 euros", Some("4"), Some("EUR"), false),
            ],
        },
        Case {
            name: "smaller parts after a multiplier",
            input: "3 milliards 200 millions d'euros et 1 million 500 000 euros",
            expected: &[
                ("3 milliards 200 millions d'euros", Some("3200000000"), Some("EUR"), false),
                ("1 million 500 000 euros", Some("1500000"), Some("EUR"), false),
            ],
        },
        Case {
            name: "a range in one word, a symbol after an elided de",
            input: "10-20 euros, 20 millions d'€",
            expected: &[
                ("10-20 euros", None, Some("EUR"), false),
                ("20 millions d'€", Some("20000000"), Some("EUR"), false),
            ],
        },
        Case {
            name: "symbols and names French news uses beyond CLDR's",
            input: "HK$ 100, 100 HK$, C$ 5, A$7, 100 dollars singapouriens, 9 rands, 8 réals, 5 shekels, 4 wons, 3 FCFA, 10 $ US, 10 $ canadiens",
            expected: &[
                ("HK$ 100", Some("100"), Some("HKD"), false),
                ("100 HK$", Some("100"), Some("HKD"), false),
                ("C$ 5", Some("5"), Some("CAD"), false),
                ("A$7", Some("7"), Some("AUD"), false),
                ("100 dollars singapouriens", Some("100"), Some("SGD"), false),
                ("9 rands", Some("9"), Some("ZAR"), false),
                ("8 réals", Some("8"), Some("BRL"), false),
                ("5 shekels", Some("5"), Some("ILS"), false),
                ("4 wons", Some("4"), None, false),
                ("3 FCFA", Some("3"), Some("XOF"), false),
                ("10 $ US", Some("10"), Some("USD"), false),
                ("10 $ canadiens", Some("10"), Some("CAD"), false),
            ],
        },
        Case {
            name: "a symbol spaced from its code in any case, a longer form cut short by the token",
            input: "3 $ USD, 2 $ CA, 5 $ usd, 6 $ hk, 7 $ au total, 8 $ c'est tout, 4 $ USDT, \
                    250 millions de florins hollandais, neuf pounds, 100 deutschemarks",
            expected: &[
                ("3 $ USD", Some("3"), Some("USD"), false),
                ("2 $ CA", Some("2"), Some("CAD"), false),
                ("5 $ usd", Some("5"), Some("USD"), false),
                ("6 $ hk", Some("6"), Some("HKD"), false),
                ("7 $", Some("7"), Some("USD"), false),
                ("8 $", Some("8"), Some("USD"), false),
                ("4 $", Some("4"), Some("USD"), false),
                ("250 millions de florins hollandais", Some("250000000"), Some("NLG"), false),
                ("neuf pounds", Some("9"), Some("GBP"), false),
                ("100 deutschemarks", Some("100"), Some("DEM"), false),
            ],
        },
        Case {
            name: "et inside number words",
            input: "soixante et onze euros et vingt et un dollars",
            expected: &[
                ("soixante et onze euros", Some("71"), Some("EUR"), false),
                ("vingt et un dollars", Some("21"), Some("USD"), false),
            ],
        },
        Case {
            name: "an amount in the paragraph implies money further on",
            input: "Une amende de 150 000 €, mais le plus lourd reste la dette de l'État : loin des 1,9 milliard de déficit et 31 milliards.\n2,8 millions",
            expected: &[
                ("150 000 €", Some("150000"), Some("EUR"), false),
                ("1,9 milliard", Some("1900000000"), None, false),
                ("31 milliards", Some("31000000000"), None, false),
            ],
        },
        Case {
            name: "huge numbers do not overflow",
            input: "999999999999999999999999999999999 milliards d'euros",
            expected: &[(
                "999999999999999999999999999999999 milliards d'euros",
                None,
                Some("EUR"),
                false,
            )],
        },
    ];
    for case in cases {
        let got = find(case.input);
        let expected: Vec<_> = case
            .expected
            .iter()
            .map(|&(text, value, currency, approx)| {
                (
                    text,
                    value.map(|v| v.parse::<Decimal>().unwrap()),
                    currency.map(str::to_owned),
                    approx,
                )
            })
            .collect();
        assert_eq!(got, expected, "{}", case.name);
    }
}

#[test]
fn minor_units_are_flagged() {
    let text = "45 cents, 50 centimes, 3 euros";
    let tokens = tokenize(text);
    let mut found = Vec::new();
    MoneyRecognizer::new().find(text, &tokens, &mut found);
    let minor: Vec<bool> = found.iter().map(|m| m.money.minor_unit).collect();
    assert_eq!(minor, [true, false, false]);
}

#[test]
fn digits() {
    let cases = [
        ("150 000", "150000"),
        ("839.000", "839000"),
        ("8,5", "8.5"),
        ("1,000,000", "1000000"),
        ("1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("12.345.678", "12345678"),
        ("0.5", "0.5"),
    ];
    for (input, expected) in cases {
        assert_eq!(
            parse_digits(input),
            Some(expected.parse().unwrap()),
            "{input}"
        );
    }
    assert_eq!(parse_digits(&"9".repeat(40)), None);
}

#[test]
fn number_words() {
    for word in ["un", "Quatre-Vingt-Dix", "zéro", "vingt-et-un", "MILLE"] {
        assert!(is_number_word(word), "{word}");
    }
    for word in [
        "de",
        "des",
        "unes",
        "quatre-",
        "-",
        "",
        "millions",
        "vingt-neuvième",
    ] {
        assert!(!is_number_word(word), "{word}");
    }
}

#[test]
fn every_amount_word_passes_the_prefilter() {
    let words = [
        "cent",
        "cents",
        "cinq",
        "cinquante",
        "deux",
        "dix",
        "douze",
        "huit",
        "mille",
        "neuf",
        "nonante",
        "onze",
        "quarante",
        "quatorze",
        "quatre",
        "quinze",
        "seize",
        "sept",
        "septante",
        "six",
        "soixante",
        "treize",
        "trente",
        "trois",
        "un",
        "une",
        "vingt",
        "vingts",
        "zéro",
        "demi-milliard",
        "quatre-vingt-dix",
    ];
    let nouns = MULTIPLIER_NOUNS.iter().map(|(w, _)| *w);
    for word in words.into_iter().chain(nouns) {
        assert!(
            is_number_word(word) || multiplier_noun(word).is_some() || word == "demi-milliard",
            "{word}"
        );
        let capitalised = format!("{}{}", word[..1].to_uppercase(), &word[1..]);
        for form in [word, capitalised.as_str()] {
            let tokens = crate::text::tokenize(form);
            assert!(may_start_amount(&tokens[0]), "{form} is ruled out");
        }
    }
    let tokens = crate::text::tokenize("dans sur pour avec");
    assert!(tokens.iter().all(|t| !may_start_amount(t)));
}

#[test]
fn a_long_run_of_number_words_gives_the_amount_at_its_end() {
    // Too many words for one amount: the amount is read from the words
    // just before the currency, and each start is looked at once.
    for run in ["deux ", "vingt-deux mille "] {
        let text = format!("{}euros.", run.repeat(40));
        let tokens = tokenize(&text);
        let mut found = Vec::new();
        MoneyRecognizer::new().find(&text, &tokens, &mut found);
        assert_eq!(found.len(), 1, "{run}");
        let span = &found[0].tokens;
        assert_eq!(tokens[span.end - 1].text, "euros", "{run}");
        assert!(span.len() <= MAX_NUMBER_WORDS + 1, "{run}: {span:?}");
        assert_eq!(
            found[0].money.currency.map(|c| c.to_string()),
            Some("EUR".into())
        );
    }
}
