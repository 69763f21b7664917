//! Amounts of money: `150 000 €`, `un demi-milliard d'euros`, `7,5 Md$`.
//!
//! An amount is a number (digits or French number words) with optional
//! multipliers (`mille`, `millions`, `milliards`, `M`, `Md`, `k`), and a
//! currency after it (a name, code or symbol, linked by `de`/`d'` after a
//! multiplier noun) or a symbol before it. An amount with a multiplier noun
//! and no currency (`489 millions`, `28 milliards`) is MONEY without a
//! currency when an amount with one comes before it in the same paragraph
//! (`150 000 € d'amende et 489 millions de dommages`), unless `de` links
//! it to a noun that it counts (`2,8 millions de sociétaires`). Approximators before the amount
//! (`près de`, `environ`, `plus de`) stay outside the span but are recorded.
//!
//! Number words are read by `text2num` (`deux`, `vingt-neuf`,
//! `quatre-vingt-dix`), with `un demi-milliard` and `un milliard et demi`;
//! multipliers include `M€`, `Md€`, `Mds` and `k€`. Currencies are known by
//! symbol, ISO code (also glued: `CHF12,50`, `US$4`; before the number
//! only a widely traded currency's, since `COP21` and `TOP 10` are no
//! money) and CLDR French name
//! (`dollars canadiens`, `francs suisses`; the table is generated, see
//! `scripts/gen_currency_forms.py`). A name that several currencies share
//! (`dinars`) gives no currency rather than a guess; `dollars` alone is USD,
//! as `docs/annotation.md` says. Vague amounts (`des centaines de milliards
//! de dollars`) are MONEY without a value; a range is one span without one.
//! Amounts in a minor unit keep the value written (`45 cents`,
//! [`Money::minor_unit`]).

use std::ops::Range;

use rust_decimal::Decimal;
use text2num::lang::French;
use text2num::text2digits;

use super::currency::{Currency, CurrencyForm, CurrencyMatcher};
use crate::text::{Token, TokenKind};

/// A normalised amount of money.
///
/// ```
/// use rust_decimal::Decimal;
/// let doc = quidam::Pipeline::default().annotate("Une amende de près d'un demi-milliard d'euros.");
/// let money = doc.mentions()[0].money().unwrap();
/// assert_eq!(money.value, Some(Decimal::from(500_000_000)));
/// assert_eq!(money.currency.unwrap().as_str(), "EUR");
/// assert!(money.approximate);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Money {
    /// The exact amount in currency units, or `None` for vague amounts such
    /// as `des centaines de milliards de dollars`.
    pub value: Option<Decimal>,
    /// The currency, or `None` when the text does not say which
    /// (`489 millions` after an amount in euros, `10 pesos`).
    pub currency: Option<Currency>,
    /// Whether an approximator or bound (`environ`, `près de`, `plus de`)
    /// precedes the amount.
    pub approximate: bool,
    /// Whether `value` counts the currency's hundredths, as written
    /// (`45 cents`, `300 pence`: 45 and 300); `centimes` are converted
    /// instead (`50 centimes` is 0.5 EUR, as `docs/annotation.md` has it).
    pub minor_unit: bool,
}

/// An amount found in a token sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct MoneyMatch {
    /// Token indices of the span.
    pub tokens: Range<usize>,
    /// The normalised amount.
    pub money: Money,
}

/// Finds amounts of money in tokenized text.
#[derive(Clone, Debug)]
pub(crate) struct MoneyRecognizer {
    currencies: CurrencyMatcher,
}

/// Whether `part` (one part of a hyphenated word), lower-cased, is a French
/// number word. A `match` on the bytes compiles to a length switch, far
/// cheaper than a table search on every word of the text.
fn is_number_word_part(part: &[u8]) -> bool {
    let mut buf = [0u8; 9];
    let Some(lower) = buf.get_mut(..part.len()) else {
        return false;
    };
    lower.copy_from_slice(part);
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"cent"
            | b"cents"
            | b"cinq"
            | b"cinquante"
            | b"deux"
            | b"dix"
            | b"douze"
            | b"et"
            | b"huit"
            | b"mille"
            | b"neuf"
            | b"nonante"
            | b"onze"
            | b"quarante"
            | b"quatorze"
            | b"quatre"
            | b"quinze"
            | b"seize"
            | b"sept"
            | b"septante"
            | b"six"
            | b"soixante"
            | b"treize"
            | b"trente"
            | b"trois"
            | b"un"
            | b"une"
            | b"vingt"
            | b"vingts"
            | b"z\xc3\xa9ro"
    )
}

/// Multiplier nouns (lower case) and their factor as a power of ten; `None`
/// marks vague quantities (`centaines`) that leave the value unknown.
/// `centimes` are hundredths of the currency that follows.
const MULTIPLIER_NOUNS: &[(&str, Option<i32>)] = &[
    ("billion", Some(12)),
    ("billions", Some(12)),
    ("centaine", None),
    ("centaines", None),
    ("centime", Some(-2)),
    ("centimes", Some(-2)),
    ("dizaine", None),
    ("dizaines", None),
    ("mille", Some(3)),
    ("milliard", Some(9)),
    ("milliards", Some(9)),
    ("millier", None),
    ("milliers", None),
    ("million", Some(6)),
    ("millions", Some(6)),
];

/// Abbreviated multipliers (case-sensitive); they need a currency after them.
const MULTIPLIER_ABBREVIATIONS: &[(&str, u32)] = &[
    ("G", 9),
    ("K", 3),
    ("M", 6),
    ("Md", 9),
    ("Mds", 9),
    ("Mio", 6),
    ("Mn", 6),
    ("Mrd", 9),
    ("Mrds", 9),
    ("k", 3),
    ("md", 9),
    ("mds", 9),
];

/// Nouns that keep an amount without a currency money when `de` links them
/// to it (`489 millions de dommages`); any other noun there makes it a count
/// (`2,8 millions de sociétaires`).
const MONEY_NOUNS: &[&str] = &[
    "aides",
    "amende",
    "amendes",
    "bonus",
    "budget",
    "bénéfice",
    "bénéfices",
    "capital",
    "chiffre",
    "cotisations",
    "crédits",
    "dette",
    "dettes",
    "déficit",
    "déficits",
    "dividendes",
    "dommages",
    "dommages-intérêts",
    "dons",
    "dépenses",
    "fonds",
    "frais",
    "impôts",
    "indemnités",
    "intérêts",
    "investissements",
    "pertes",
    "prélèvements",
    "primes",
    "profits",
    "recettes",
    "revenus",
    "salaires",
    "subventions",
    "taxes",
    "économies",
    // Not nouns: `27 millions de moins que le prix initial`.
    "moins",
    "plus",
    "trop",
];

/// Words before an amount that make it approximate or a bound, as lower-case
/// token sequences ending right before the amount.
const APPROXIMATORS: &[&[&str]] = &[
    &["environ"],
    &["quelque"],
    &["presque"],
    &["approximativement"],
    &["près", "de"],
    &["près", "d'"],
    &["près", "d’"],
    &["plus", "de"],
    &["plus", "d'"],
    &["plus", "d’"],
    &["moins", "de"],
    &["moins", "d'"],
    &["moins", "d’"],
    &["autour", "de"],
    &["autour", "d'"],
    &["environs", "de"],
    &["environs", "d'"],
    &["au", "moins"],
    &["jusqu'", "à"],
    &["jusqu’", "à"],
    &["peu", "près"],
    &["ordre", "de"],
    &["ordre", "d'"],
];

impl MoneyRecognizer {
    pub(crate) fn new() -> MoneyRecognizer {
        MoneyRecognizer {
            currencies: CurrencyMatcher::new(),
        }
    }

    /// Appends the amounts found in `tokens` to `out`, in text order.
    pub(crate) fn find(&self, text: &str, tokens: &[Token<'_>], out: &mut Vec<MoneyMatch>) {
        let first_new = out.len();
        let mut last_explicit_end: Option<usize> = None;
        let (mut scanned, mut paragraph_start) = (0, 0);
        // The run of number words around `i`, found once for all its starts.
        let mut run = 0..0;
        let mut i = 0;
        while i < tokens.len() {
            if !may_start_amount(&tokens[i]) {
                i += 1;
                continue;
            }
            if !run.contains(&i) && is_number_word(tokens[i].text) {
                run = i..number_run_end(tokens, i);
            }
            let run_end = run.contains(&i).then_some(run.end);
            let Some(found) = self.parse_at(text, tokens, i, run_end) else {
                i += 1;
                continue;
            };
            let Parsed {
                end,
                mut money,
                explicit,
            } = found;
            // The paragraph of token `i` starts after the last line break
            // before it; the text is scanned once, left to right.
            let at = tokens[i].span.byte_start;
            if let Some(nl) = memchr::memrchr(b'\n', &text.as_bytes()[scanned..at]) {
                paragraph_start = scanned + nl + 1;
            }
            scanned = scanned.max(at);
            let implied_ok = last_explicit_end.is_some_and(|prev| {
                tokens[prev - 1].span.byte_end <= at
                    && tokens[prev - 1].span.byte_start >= paragraph_start
            });
            if explicit || implied_ok {
                let previous_end = out[first_new..].last().map_or(0, |m| m.tokens.end);
                let start = match range_start(tokens, i, money.value) {
                    Some(start) if start >= previous_end => {
                        money.value = None;
                        start
                    }
                    _ => i,
                };
                money.approximate = is_approximate(tokens, start);
                out.push(MoneyMatch {
                    tokens: start..end,
                    money,
                });
                last_explicit_end = Some(end);
                i = end;
            } else {
                i += 1;
            }
        }
        add_coordinated(tokens, first_new, out);
        debug_assert!(out[first_new..]
            .windows(2)
            .all(|w| w[0].tokens.end <= w[1].tokens.start));
    }

    /// Parses an amount that starts at token `i`; `run_end` is the end of
    /// the run of number words `i` is in ([`number_run_end`]), if it is.
    fn parse_at(
        &self,
        text: &str,
        tokens: &[Token<'_>],
        i: usize,
        run_end: Option<usize>,
    ) -> Option<Parsed> {
        let mut k = i;
        // A symbol or code before the number: `$5`, `US$ 10 millions`,
        // `$AUD 5`; or glued to it: `CHF12,50`.
        let mut prefix = None;
        let mut glued = None;
        let may_be_prefix = match tokens[i].kind {
            TokenKind::Symbol => true,
            TokenKind::Word => {
                tokens[i].text.len() <= 4 && tokens[i].text.as_bytes()[0].is_ascii_uppercase()
            }
            _ => false,
        };
        if let Some((currency, amount)) = self.glued_code(text, &tokens[i]) {
            prefix = Some(Some(currency));
            glued = Some(amount);
        } else if may_be_prefix && prefix_code(tokens[i].text) {
            if let Some((form, last)) = self.currency_at(text, tokens, i) {
                if form.symbol
                    && tokens
                        .get(last + 1)
                        .is_some_and(|t| t.kind == TokenKind::Number)
                {
                    prefix = Some(form.currency);
                    k = last + 1;
                }
            }
        }
        // The number.
        let mut value = None;
        let mut vague = false;
        let mut implicit_one = false;
        let mut digits = false;
        let token = tokens.get(k)?;
        match token.kind {
            _ if glued.is_some() => {
                value = glued;
                digits = true;
                k += 1;
            }
            TokenKind::Number => {
                value = parse_digits(token.text);
                digits = true;
                k += 1;
            }
            // A range in one token: `10-20 euros` (no value, as any range).
            TokenKind::Word if is_digit_range(token.text) => {
                digits = true;
                k += 1;
            }
            TokenKind::Word if is_number_word(token.text) => {
                debug_assert_eq!(k, i, "number words follow no prefix");
                let end = run_end.unwrap_or_else(|| number_run_end(tokens, k));
                // No amount is written in so many words: a later start
                // in the run may be one.
                if end - k > MAX_NUMBER_WORDS {
                    return None;
                }
                // Most number words are not amounts: look at what follows
                // before converting them.
                let next = tokens.get(end)?;
                let amount_follows = multiplier_noun(next.text).is_some()
                    || minor_unit(next.text).is_some()
                    || self.currency_at(text, tokens, end).is_some();
                if !amount_follows {
                    return None;
                }
                let words: Vec<&str> = tokens[k..end].iter().map(|t| t.text).collect();
                value = text2digits(&words.join(" "), &French::new())
                    .ok()
                    .and_then(|d| d.parse().ok());
                value?;
                k = end;
            }
            TokenKind::Word
                if multiplier_noun(token.text).is_some_and(|f| f.is_none())
                    || is_plural_multiplier(token.text) =>
            {
                vague = true;
            }
            // `le milliard de dollars`: one of them.
            TokenKind::Word if matches!(token.text, "million" | "milliard") => {
                value = Some(Decimal::ONE);
                implicit_one = true;
            }
            _ => return None,
        }
        // Multipliers: `millions`, `centaines de milliards`, `M`.
        let mut noun = false;
        let mut abbreviation = false;
        let mut centimes = false;
        let mut last_factor = None;
        for _ in 0..3 {
            let Some(token) = tokens.get(k) else { break };
            if let Some(factor) = multiplier_noun(token.text) {
                centimes = token.text.starts_with("centime");
                last_factor = factor;
                value = match (factor, vague) {
                    (Some(f), false) => value.and_then(|v| v.checked_mul(f)),
                    _ => None,
                };
                if factor.is_none() {
                    vague = true;
                }
                noun = true;
                k += 1;
                // `un milliard et demi`
                if let (Some(f), Some(et), Some(demi)) = (factor, tokens.get(k), tokens.get(k + 1))
                {
                    if et.text == "et" && matches!(demi.text, "demi" | "demie") {
                        value = value.and_then(|v| v.checked_add(f / Decimal::TWO));
                        k += 2;
                    }
                }
                // `centaines de milliards`
                if tokens.get(k).is_some_and(|t| is_de(t.text))
                    && tokens
                        .get(k + 1)
                        .is_some_and(|t| multiplier_noun(t.text).is_some())
                {
                    k += 1;
                    continue;
                }
                break;
            }
            if let Some(&(_, exp)) = MULTIPLIER_ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == token.text)
            {
                value = value.and_then(|v| v.checked_mul(Decimal::from(10u64.pow(exp))));
                abbreviation = true;
                k += 1;
            }
            break;
        }
        if vague && !noun {
            return None;
        }
        // Smaller parts after a multiplier: `3 milliards 200 millions`,
        // `1 million 500 000 euros`.
        if let (Some(mut factor), false) = (last_factor, vague) {
            while factor >= Decimal::from(1_000_000) {
                let Some(part) = tokens.get(k).and_then(digits_value).filter(|p| *p < factor)
                else {
                    break;
                };
                let next = tokens.get(k + 1);
                match next.and_then(|t| multiplier_noun(t.text)).flatten() {
                    Some(smaller) if smaller >= Decimal::ONE && part * smaller < factor => {
                        value = value.and_then(|v| v.checked_add(part * smaller));
                        factor = smaller;
                        k += 2;
                    }
                    Some(_) => break,
                    None if self.currency_at(text, tokens, k + 1).is_some() => {
                        value = value.and_then(|v| v.checked_add(part));
                        k += 1;
                        break;
                    }
                    None => break,
                }
            }
        }
        // Hundredths as written: `45 cents`, `300 pence`, `un penny`.
        let mut minor = None;
        if !noun && !abbreviation && prefix.is_none() {
            let unit = tokens.get(k).and_then(|t| minor_unit(t.text));
            if let Some(unit) = unit.filter(|u| digits || *u != MinorUnit::Cents) {
                minor = Some(unit);
                k += 1;
            }
        }
        // Hundredths of one currency after a multiplier: `6,65 milliards de
        // pesewas`.
        if noun && last_factor.is_some() && tokens.get(k).is_some_and(|t| is_de(t.text)) {
            if let Some(unit @ MinorUnit::Of(_)) =
                tokens.get(k + 1).and_then(|t| minor_unit(t.text))
            {
                minor = Some(unit);
                k += 2;
            }
        }
        // The currency after the amount: none after a prefix (`¥5 ₹ 10` is
        // two amounts), only with `de` after hundredths (`20 cents d'euro`).
        let mut currency = None;
        if let Some(token) = tokens.get(k).filter(|_| prefix.is_none()) {
            let mut at = k;
            if is_de(token.text) {
                at = k + 1;
            } else if token.text == "d"
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| matches!(t.text, "'" | "’"))
            {
                // `20 millions d'€`: no elision token before a symbol.
                at = k + 2;
            }
            if let Some((form, last)) = self.currency_at(text, tokens, at) {
                // `deux livres` are books; `500 livres`, `3 millions de
                // livres`, `neuf livres sterling` are pounds.
                let book = !digits
                    && !noun
                    && last == at
                    && COMMON_NOUN_CURRENCIES.contains(&tokens[at].text);
                // `150 balles` are euros; `21 balles`, `deux balles` bullets.
                let bullets = tokens[at].text.eq_ignore_ascii_case("balles")
                    && !(digits && at == k && value.is_some_and(|v| v >= Decimal::ONE_HUNDRED));
                if !book && !bullets && (minor.is_none() || at > k) {
                    currency = Some(form.currency);
                    k = last + 1;
                }
            }
        }
        // Hundredths after the unit: `3 € 50`, `3€50`, `deux euros
        // cinquante`, `3 euros et 50 centimes`.
        if currency.is_some() && !noun && !abbreviation && minor.is_none() && !vague {
            if let Some((cents, end)) = hundredths_after(tokens, k) {
                value = value
                    .filter(|v| v.fract().is_zero())
                    .and_then(|v| v.checked_add(cents));
                k = end;
            }
        }
        if currency.is_none() {
            if centimes {
                currency = Some("EUR".parse().ok());
            } else if let Some(MinorUnit::Of(code)) = minor {
                currency = Some(code.parse().ok());
            }
        }
        let currency = currency.or(prefix);
        if abbreviation && currency.is_none() {
            return None;
        }
        let explicit = currency.is_some() || minor.is_some();
        if !explicit && (!noun || vague || implicit_one || value.is_none()) {
            return None;
        }
        if !explicit
            && tokens.get(k).is_some_and(|t| is_de(t.text))
            && tokens
                .get(k + 1)
                .is_some_and(|t| t.kind == TokenKind::Word && !MONEY_NOUNS.contains(&t.text))
        {
            return None;
        }
        let money = Money {
            value: value.map(|v| v.normalize()),
            currency: currency.flatten(),
            approximate: false,
            minor_unit: minor.is_some(),
        };
        Some(Parsed {
            end: k,
            money,
            explicit,
        })
    }
}

impl MoneyRecognizer {
    /// The currency form that starts at token `at` and ends where a token
    /// ends, with the index of that token. A symbol glued to a code takes
    /// the code's currency (`$AUD`).
    fn currency_at(
        &self,
        text: &str,
        tokens: &[Token<'_>],
        at: usize,
    ) -> Option<(CurrencyForm, usize)> {
        let token = tokens.get(at)?;
        // The longest form that ends where a token ends: `$ US` is no form
        // of `$ USD`, `$` is.
        let (form, end) = self.currencies.at(text, token.span.byte_start, |end| {
            token_ending_at(tokens, at, end).is_some()
        })?;
        let last = token_ending_at(tokens, at, end)?;
        if token.kind == TokenKind::Symbol {
            let code = tokens
                .get(at + 1)
                .filter(|n| n.span.byte_start == token.span.byte_end && n.kind == TokenKind::Word)
                .and_then(|n| {
                    let (code, code_end) = self.currencies.at(text, n.span.byte_start, |_| true)?;
                    (code.symbol && code.currency.is_some() && code_end == n.span.byte_end)
                        .then_some(code)
                });
            if let Some(code) = code {
                return Some((code, at + 1));
            }
        }
        Some((form, last))
    }

    /// The currency and value of a code glued to its number: `CHF12,50`.
    fn glued_code(&self, text: &str, token: &Token<'_>) -> Option<(Currency, Decimal)> {
        let b = token.text.as_bytes();
        if token.kind != TokenKind::Word
            || b.len() < 4
            || !b[..3].iter().all(u8::is_ascii_uppercase)
            || !b[3].is_ascii_digit()
        {
            return None;
        }
        if !prefix_code(&token.text[..3]) {
            return None;
        }
        let rest = &token.text[3..];
        if !rest
            .bytes()
            .all(|c| c.is_ascii_digit() || c == b',' || c == b'.')
            || !rest.ends_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        let (form, end) = self.currencies.at(text, token.span.byte_start, |_| true)?;
        let currency = form
            .currency
            .filter(|_| form.symbol && end == token.span.byte_start + 3)?;
        Some((currency, parse_digits(rest)?))
    }
}

/// The ISO codes that make money of the number after them (`USD 300`,
/// `CHF12,50`): widely traded currencies' codes. Other codes are as often
/// acronyms and model names before a number (`TOP 10`, `COP21`, `ALL4`,
/// `AMD 5`, `la Sián FKP 37`), so only a number before them makes money
/// (`300 MAD`).
#[rustfmt::skip]
const PREFIX_CODES: &[&str] = &[
    "AED", "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "DZD", "EUR", "GBP", "HKD", "HUF",
    "ILS", "INR", "JPY", "KRW", "MXN", "NOK", "NZD", "PLN", "QAR", "RUB", "SAR", "SEK", "SGD",
    "THB", "TND", "TRY", "USD", "XAF", "XOF", "ZAR",
];

/// Whether `word`, before a number, may be a currency: anything but an
/// ISO code (three capitals) not in [`PREFIX_CODES`].
fn prefix_code(word: &str) -> bool {
    let code = word.len() == 3 && word.bytes().all(|b| b.is_ascii_uppercase());
    !code || PREFIX_CODES.contains(&word)
}

/// Currency names that are also everyday nouns, money only after digits or
/// a multiplier or with a word that names the currency (`500 livres`, `3
/// millions de livres`, `deux livres sterling`; not `deux livres`).
const COMMON_NOUN_CURRENCIES: &[&str] = &["livre", "livres", "Livre", "Livres"];

/// A word for hundredths of a currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MinorUnit {
    /// `cents`, of the currency named after them, if any (after digits
    /// only: `deux cents` is two hundred).
    Cents,
    /// Hundredths of one currency, its ISO code: `pence` of the pound
    /// sterling, `kopecks` of the rouble, `pesewas` of the Ghanaian cedi.
    Of(&'static str),
}

fn minor_unit(word: &str) -> Option<MinorUnit> {
    match word {
        "cent" | "cents" | "ct" | "cts" => Some(MinorUnit::Cents),
        "penny" | "pence" | "pennies" => Some(MinorUnit::Of("GBP")),
        "kopeck" | "kopecks" | "kopek" | "kopeks" => Some(MinorUnit::Of("RUB")),
        "pesewa" | "pesewas" => Some(MinorUnit::Of("GHS")),
        _ => None,
    }
}

/// The most number words one amount is written in (`deux cent
/// quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille
/// neuf cent quatre-vingt-dix-neuf` is 10).
const MAX_NUMBER_WORDS: usize = 16;

/// One past the last token of the run of number words that starts at token
/// `k`, `et` only inside it (`vingt et un`). Every start inside a run ends
/// where the run ends.
fn number_run_end(tokens: &[Token<'_>], k: usize) -> usize {
    let is_et = |t: &Token<'_>| t.text.eq_ignore_ascii_case("et");
    let mut end = k + 1;
    // `et` is no number word alone (`NUMBER_WORD_FIRSTS` leaves it out).
    while let Some(t) = tokens
        .get(end)
        .filter(|t| is_number_word(t.text) || is_et(t))
    {
        let continues = tokens
            .get(end + 1)
            .is_some_and(|n| is_number_word(n.text) && !is_et(n));
        if is_et(t) && !continues {
            break;
        }
        end += 1;
    }
    end
}

/// The first token of a range that ends with the amount at token `i`: `3`
/// in `3 à 5 milliards d'euros`, `8` in `entre 8 et 14 milliards`, `10` in
/// `10 - 20 euros`
/// (`docs/annotation.md`: one span without `entre`, no value). `value` is
/// the amount's. Numbers in digits that go down are no range (`passé de
/// 25 à 15 dollars`), nor, without `entre`, is a year before an amount
/// that is none (`condamné en 2017 à 800 euros`, `le 1er janvier 1990 à
/// 1015 francs`); `entre 750.000 et 1 million` and `entre 2000 et 3000
/// euros` are ranges.
fn range_start(tokens: &[Token<'_>], i: usize, value: Option<Decimal>) -> Option<usize> {
    let first = i.checked_sub(2)?;
    let number = |t: &Token<'_>| t.kind == TokenKind::Number || is_number_word(t.text);
    if !number(&tokens[first]) {
        return None;
    }
    if let (Some(low), Some(high)) = (digits_value(&tokens[first]), digits_value(&tokens[i])) {
        if low >= high && value.map_or(true, |v| low >= v) {
            return None;
        }
    }
    // Without `entre`, a year is the date of the amount after it.
    let dated = is_year(&tokens[first]) && !is_year(&tokens[i]);
    match tokens[i - 1].text {
        "à" => (!dated).then_some(first),
        // A dash between digits, spaced (`10 - 20 euros`; unspaced, the
        // range is one token).
        "-" | "–" | "—" => {
            let in_digits = |t: &Token<'_>| t.kind == TokenKind::Number;
            (in_digits(&tokens[first]) && in_digits(&tokens[i]) && !dated).then_some(first)
        }
        "et" => {
            let entre = first.checked_sub(1).map(|e| tokens[e].text);
            entre
                .is_some_and(|w| w.eq_ignore_ascii_case("entre"))
                .then_some(first)
        }
        _ => None,
    }
}

/// The value of a number token in digits.
fn digits_value(token: &Token<'_>) -> Option<Decimal> {
    (token.kind == TokenKind::Number)
        .then(|| parse_digits(token.text))
        .flatten()
}

/// Whether a token is a year in digits: `2017`.
fn is_year(token: &Token<'_>) -> bool {
    token.text.len() == 4 && matches!(token.text.parse::<u32>(), Ok(1800..=2100))
}

/// An amount parsed at a position.
struct Parsed {
    /// One past the last token.
    end: usize,
    money: Money,
    /// Whether a currency name, code or symbol made it money.
    explicit: bool,
}

/// The index of the token (from `from` on) that ends at byte `end`, if the
/// byte is a token end.
fn token_ending_at(tokens: &[Token<'_>], from: usize, end: usize) -> Option<usize> {
    tokens[from..]
        .iter()
        .take_while(|t| t.span.byte_start < end)
        .position(|t| t.span.byte_end == end)
        .map(|p| from + p)
}

fn is_de(word: &str) -> bool {
    matches!(word, "de" | "d'" | "d’" | "De" | "D'" | "D’")
}

/// The set of ASCII letters `letters` as a bit mask, for [`starts_with_any`].
const fn letter_mask(letters: &[u8]) -> u32 {
    let mut mask = 0;
    let mut i = 0;
    while i < letters.len() {
        mask |= 1 << (letters[i] - b'a');
        i += 1;
    }
    mask
}

/// Whether `word` starts with an ASCII letter (either case) in `mask`: a
/// cheap filter before table look-ups.
fn starts_with_any(word: &str, mask: u32) -> bool {
    match word.as_bytes().first() {
        Some(&b) if b.is_ascii_alphabetic() => mask >> (b.to_ascii_lowercase() - b'a') & 1 == 1,
        _ => false,
    }
}

const NUMBER_WORD_FIRSTS: u32 = letter_mask(b"cdhmnoqstuvz");

/// The first two letters (lower case) of every number word and multiplier
/// noun: `cent`, `cinq`, `deux`, `demi-`, `dix`, `dizaine`... A test below
/// checks that the lists agree.
const AMOUNT_WORD_STARTS: [[u8; 2]; 19] = [
    *b"bi", *b"ce", *b"ci", *b"de", *b"di", *b"do", *b"hu", *b"mi", *b"ne", *b"no", *b"on", *b"qu",
    *b"se", *b"si", *b"so", *b"tr", *b"un", *b"vi", *b"ze",
];

/// [`AMOUNT_WORD_STARTS`] as a table: bit `b` of entry `a` is set for the
/// pair of letters `a`, `b` (counted from `a`).
const AMOUNT_WORD_PAIRS: [u32; 26] = {
    let mut table = [0u32; 26];
    let mut k = 0;
    while k < AMOUNT_WORD_STARTS.len() {
        let [a, b] = AMOUNT_WORD_STARTS[k];
        table[(a - b'a') as usize] |= 1 << (b - b'a');
        k += 1;
    }
    table
};

/// A cheap test that rules out most tokens before [`MoneyRecognizer::parse_at`]:
/// an amount starts with a number, a symbol, a short capitalised word (a
/// currency code), or a word that begins like a number word or a multiplier.
fn may_start_amount(token: &Token<'_>) -> bool {
    match token.kind {
        TokenKind::Number | TokenKind::Symbol => true,
        TokenKind::Word => match token.text.as_bytes() {
            // A range in one word: `10-20`.
            [first, ..] if first.is_ascii_digit() => true,
            // A code, alone or glued to its number (`CHF12,50`).
            [first, ..] if first.is_ascii_uppercase() && token.text.len() <= 4 => true,
            [a, b, c, d, ..]
                if [a, b, c].iter().all(|x| x.is_ascii_uppercase()) && d.is_ascii_digit() =>
            {
                true
            }
            // Short words: only these four start an amount (`de`, `que`, `ses` never do).
            [a, b] => matches!(
                [a.to_ascii_lowercase(), b.to_ascii_lowercase()],
                [b'u', b'n']
            ),
            [a, b, c] => matches!(
                [
                    a.to_ascii_lowercase(),
                    b.to_ascii_lowercase(),
                    c.to_ascii_lowercase()
                ],
                [b'u', b'n', b'e'] | [b's', b'i', b'x'] | [b'd', b'i', b'x']
            ),
            [first, second, ..] => {
                let (a, b) = (first.to_ascii_lowercase(), second.to_ascii_lowercase());
                !second.is_ascii()
                    || (a.is_ascii_lowercase()
                        && b.is_ascii_lowercase()
                        && AMOUNT_WORD_PAIRS[usize::from(a - b'a')] >> (b - b'a') & 1 == 1)
            }
            _ => false,
        },
        _ => false,
    }
}
const MULTIPLIER_FIRSTS: u32 = letter_mask(b"bcdm");

fn is_number_word(word: &str) -> bool {
    if !starts_with_any(word, NUMBER_WORD_FIRSTS) {
        return false;
    }
    let bytes = word.as_bytes();
    // A plain loop: `contains` calls memchr, slow on such short words.
    match bytes.iter().position(|&b| b == b'-') {
        None => is_number_word_part(bytes),
        Some(_) => bytes.split(|&b| b == b'-').all(is_number_word_part),
    }
}

/// The factor of a multiplier noun: `Some(Some(1000000))` for `millions`,
/// `Some(None)` for vague ones (`centaines`), and `None` for other words.
/// `demi-milliard` is half a milliard.
fn multiplier_noun(word: &str) -> Option<Option<Decimal>> {
    // From `mille` to `demi-milliards`.
    if !(5..=14).contains(&word.len()) || !starts_with_any(word, MULTIPLIER_FIRSTS) {
        return None;
    }
    let (word, half) = match word.get(..5).filter(|p| p.eq_ignore_ascii_case("demi-")) {
        Some(_) => (&word[5..], true),
        None => (word, false),
    };
    let &(_, exp) = MULTIPLIER_NOUNS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))?;
    Some(exp.map(|exp| {
        let factor = Decimal::new(10i64.pow(exp.unsigned_abs()), 0);
        let factor = if exp < 0 {
            Decimal::ONE / factor
        } else {
            factor
        };
        if half {
            factor / Decimal::TWO
        } else {
            factor
        }
    }))
}

/// `millions`, `milliards`: with no number before them, a vague amount.
fn is_plural_multiplier(word: &str) -> bool {
    matches!(
        word,
        "millions" | "milliards" | "billions" | "Millions" | "Milliards"
    )
}

/// Whether an approximator ends right before token `i`.
fn is_approximate(tokens: &[Token<'_>], i: usize) -> bool {
    APPROXIMATORS.iter().any(|words| {
        i >= words.len()
            && tokens[i - words.len()..i]
                .iter()
                .zip(words.iter())
                .all(|(t, w)| t.text.to_lowercase() == *w)
    })
}

/// Parses digits with French or English separators into an exact decimal.
///
/// Spaces are thousands separators. A comma is the decimal mark unless it
/// repeats (`1,000,000`); a single dot is a thousands separator when exactly
/// three digits follow it (`839.000`) and the decimal mark otherwise
/// (`299.99`); with both, the last one is the decimal mark.
pub(crate) fn parse_digits(s: &str) -> Option<Decimal> {
    let last_dot = s.rfind('.');
    let last_comma = s.rfind(',');
    let decimal_mark = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (None, Some(c)) => (s.matches(',').count() == 1).then_some(c),
        (Some(d), None) => {
            let digits_after = s[d + 1..].bytes().filter(u8::is_ascii_digit).count();
            (s.matches('.').count() == 1 && digits_after != 3).then_some(d)
        }
        (None, None) => None,
    };
    let mut mantissa: i128 = 0;
    let mut scale = 0u32;
    for (i, b) in s.bytes().enumerate() {
        if b.is_ascii_digit() {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(i128::from(b - b'0'))?;
            if decimal_mark.is_some_and(|m| i > m) {
                scale += 1;
            }
        }
    }
    Decimal::try_from_i128_with_scale(mantissa, scale)
        .ok()
        .map(|d| d.normalize())
}

/// Adds the numbers coordinated before an amount of `out[first_new..]`
/// (`20, 30, 40 centimes d'euros`, `45 et 35 centimes`): each is MONEY
/// with the amount's multiplier and no currency (the text only implies
/// it, `docs/annotation.md`). Numbers more than ten times apart, or a year
/// before an amount that is none (`En 2019, 500 euros`), are left alone.
fn add_coordinated(tokens: &[Token<'_>], first_new: usize, out: &mut Vec<MoneyMatch>) {
    let number = |k: usize| digits_value(&tokens[k]).filter(|v| !v.is_zero());
    let year = |k: usize| is_year(&tokens[k]);
    let mut added = Vec::new();
    for (m, previous_end) in out[first_new..]
        .iter()
        .zip(std::iter::once(0).chain(out[first_new..].iter().map(|m| m.tokens.end)))
    {
        let (Some(value), Some(lead)) = (m.money.value, number(m.tokens.start)) else {
            continue;
        };
        let Some(factor) = value.checked_div(lead) else {
            continue;
        };
        let mut j = m.tokens.start;
        while j >= previous_end + 2 && matches!(tokens[j - 1].text, "," | "et" | "ou") {
            let k = j - 2;
            let Some(v) = number(k) else { break };
            let (low, high) = if v < lead { (v, lead) } else { (lead, v) };
            if high > low * Decimal::TEN || year(k) && !year(m.tokens.start) {
                break;
            }
            added.push(MoneyMatch {
                tokens: k..k + 1,
                money: Money {
                    value: v.checked_mul(factor).map(|v| v.normalize()),
                    currency: None,
                    approximate: is_approximate(tokens, k),
                    minor_unit: m.money.minor_unit,
                },
            });
            j = k;
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out[first_new..].sort_by_key(|m| m.tokens.start);
    }
}

/// Whether a word is two numbers joined by a hyphen: `10-20`.
fn is_digit_range(word: &str) -> bool {
    let Some((a, b)) = word.split_once('-') else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 12 && s.bytes().all(|c| c.is_ascii_digit());
    digits(a) && digits(b)
}

/// Words that may follow a price in euros and cents without making the
/// number after the unit a count (`3 euros 50 le kilo`, but `3 euros 50
/// fois`).
const AFTER_HUNDREDTHS: &[&str] = &[
    "à",
    "au",
    "aux",
    "avant",
    "chacun",
    "chacune",
    "chaque",
    "contre",
    "de",
    "des",
    "du",
    "en",
    "et",
    "hier",
    "HT",
    "l'",
    "l’",
    "la",
    "le",
    "les",
    "net",
    "ou",
    "par",
    "pièce",
    "pour",
    "seulement",
    "soit",
    "sur",
    "TTC",
];

/// Words for hundredths after a number.
fn is_hundredths_word(word: &str) -> bool {
    matches!(
        word,
        "centime" | "centimes" | "cent" | "cents" | "ct" | "cts" | "pence" | "penny"
    )
}

/// The hundredths written after a currency unit at token `k` (`3 € 50`,
/// `3€50`, `deux euros cinquante`, `3 euros et 50 centimes`), as a
/// fraction of the unit, with the end of their tokens.
fn hundredths_after(tokens: &[Token<'_>], k: usize) -> Option<(Decimal, usize)> {
    let mut at = k;
    let with_et = tokens.get(at)?.text == "et";
    if with_et {
        at += 1;
    }
    let token = tokens.get(at)?;
    let (cents, mut end) = match token.kind {
        TokenKind::Number
            if token.text.len() <= 2 && token.text.bytes().all(|b| b.is_ascii_digit()) =>
        {
            (Decimal::from(token.text.parse::<u32>().ok()?), at + 1)
        }
        TokenKind::Word if is_number_word(token.text) => {
            let end = number_run_end(tokens, at);
            let words: Vec<&str> = tokens[at..end].iter().map(|t| t.text).collect();
            let cents: u32 = text2digits(&words.join(" "), &French::new())
                .ok()?
                .parse()
                .ok()?;
            (Decimal::from(cents), end)
        }
        _ => return None,
    };
    if cents >= Decimal::ONE_HUNDRED {
        return None;
    }
    let unit_word = tokens.get(end).is_some_and(|t| is_hundredths_word(t.text));
    if unit_word {
        end += 1;
    } else {
        // Without a unit word, only two digits make hundredths, and only
        // where no noun follows that they could count.
        let two_digits = token.kind == TokenKind::Number && token.text.len() == 2;
        let follows_well = match tokens.get(end) {
            None => true,
            Some(t) => match t.kind {
                TokenKind::Punct => true,
                TokenKind::Word | TokenKind::Elision => {
                    AFTER_HUNDREDTHS.contains(&t.text) || t.text.starts_with(char::is_uppercase)
                }
                _ => false,
            },
        };
        let words_ok = token.kind == TokenKind::Word && follows_well;
        if with_et || !(two_digits && follows_well || words_ok) {
            return None;
        }
    }
    Some((cents / Decimal::ONE_HUNDRED, end))
}

#[cfg(test)]
mod tests;
