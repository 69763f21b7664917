//! ISO 4217 currency codes and the matcher for currency names and symbols.

use std::fmt;
use std::str::FromStr;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use super::currency_forms::{CODES, FORMS};
use crate::error::{Error, ErrorKind};

/// An ISO 4217 currency code such as `EUR`, `USD` or `CAD`.
///
/// ```
/// let eur: quidam::Currency = "EUR".parse().unwrap();
/// assert_eq!(eur.as_str(), "EUR");
/// assert!("euro".parse::<quidam::Currency>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    /// The three-letter code.
    pub fn as_str(&self) -> &str {
        // Only ever built from three ASCII upper-case letters.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

impl FromStr for Currency {
    type Err = Error;

    /// Parses a three-letter upper-case code.
    fn from_str(s: &str) -> Result<Currency, Error> {
        match s.as_bytes() {
            &[a, b, c] if s.bytes().all(|b| b.is_ascii_uppercase()) => Ok(Currency([a, b, c])),
            _ => Err(Error::new(
                ErrorKind::Format,
                format!("not an ISO 4217 code: {s:?}"),
            )),
        }
    }
}

// As its ISO 4217 code: `"EUR"`.
crate::util::serde_as_string!(Currency);

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.as_str())
    }
}

/// What a matched currency form says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CurrencyForm {
    /// The currency, or `None` for a name several currencies share (`pesos`).
    pub currency: Option<Currency>,
    /// Whether the form is a symbol or code (`€`, `$CA`, `EUR`) rather than a
    /// name: symbols may also stand before the amount.
    pub symbol: bool,
}

/// Finds currency names, codes and symbols at a given position.
#[derive(Clone, Debug)]
pub(crate) struct CurrencyMatcher {
    automaton: AhoCorasick,
    patterns: Vec<String>,
    forms: Vec<CurrencyForm>,
}

impl CurrencyMatcher {
    pub(crate) fn new() -> CurrencyMatcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut forms = Vec::new();
        let mut add = |pattern: String, form: CurrencyForm| {
            patterns.push(pattern);
            forms.push(form);
        };
        for &code in CODES {
            let currency = code.parse().ok();
            add(
                code.to_owned(),
                CurrencyForm {
                    currency,
                    symbol: true,
                },
            );
        }
        for &(text, code) in FORMS {
            let currency = code.parse().ok();
            // A symbol spaced from its code is read as a name, in any case
            // (`$ CA`, `$ usd`).
            let is_name = text.chars().any(char::is_lowercase) || text.starts_with("$ ");
            add(
                text.to_owned(),
                CurrencyForm {
                    currency,
                    symbol: !is_name,
                },
            );
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("currency forms build an automaton");
        CurrencyMatcher {
            automaton,
            patterns,
            forms,
        }
    }

    /// The longest currency form that starts exactly at byte `at` of `text`
    /// and whose end `ends` accepts (a token boundary, for the recogniser),
    /// with that end. Names match in any case (`Euros`, `francs CFA`, `$
    /// usd`); codes and symbols only as written (`EUR`, not `eur`). Where the
    /// longest form fails either test, a shorter one may pass (`$` in `$
    /// CAD`, `$` in `$ USD` if `$ US` were the longest).
    pub(crate) fn at(
        &self,
        text: &str,
        at: usize,
        ends: impl Fn(usize) -> bool,
    ) -> Option<(CurrencyForm, usize)> {
        let mut limit = text.len();
        loop {
            let input = Input::new(text).range(at..limit).anchored(Anchored::Yes);
            let m = self.automaton.find(input)?;
            let form = self.forms[m.pattern().as_usize()];
            let exact = !form.symbol || text[m.range()] == self.patterns[m.pattern().as_usize()];
            if exact && ends(m.end()) {
                return Some((form, m.end()));
            }
            limit = m.end() - 1;
        }
    }
}
