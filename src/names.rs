//! Document rules that correct a tagger's names, for any tagger: common-noun
//! heads that belong to a name, surnames found again, sites told from
//! organisations by their context, known media outlets and platforms,
//! organisation nouns, seats of power, titles, demonyms, acronyms of
//! common nouns, handles, pseudonyms and named animals, works' titles,
//! and the labels of enumerations. Each is a [`NameRule`] that
//! [`PipelineBuilder::without_rule`](crate::PipelineBuilder::without_rule)
//! can switch off; `docs/training.md` says what each is worth.

mod acronyms;
mod demonyms;
mod enumerations;
mod heads;
mod org_nouns;
mod outlets;
mod persons;
mod places;
mod products;
mod seats;
mod sites;
mod surnames;
mod titles;
mod works;

pub(crate) use seats::is_seat;

use std::ops::Range;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};
use crate::tag::Lexicon;
use crate::text::{Token, TokenKind};
use crate::types::Label;

pub(crate) use heads::attach_heads;
pub(crate) use outlets::outlet_site_with_article;

/// A document rule that corrects the embedded tagger's names. All are on
/// by default; [`PipelineBuilder::without_rule`](crate::PipelineBuilder::without_rule) switches one off, to
/// measure what it is worth (`examples/evaluate.rs --without`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NameRule {
    /// A common-noun head joins the name after it (`tribunal correctionnel
    /// de Rennes`, `ministère de l'Intérieur`), not an office sought
    /// (`candidat à la mairie de Paris` names Paris), nor a government
    /// (`le gouvernement du Japon` names Japon); a motorway's number
    /// and a RER line are places (`l'autoroute A22`, `le RER B`).
    Heads,
    /// The last word of a person's full name is a person wherever it
    /// recurs alone, untagged or tagged as a place, an organisation or
    /// another name (`à Hollande` after `François Hollande`), with its
    /// particle where the full name has one (`le général de Gaulle` after
    /// `Charles de Gaulle`); not a word of a longer name (`Fisker Inc.`,
    /// `Crew Dragon`), nor a brand named after its founder that the
    /// document writes before a model (`la Bugatti Chiron` beside `Ettore
    /// Bugatti`).
    Surnames,
    /// An `ORG` or `MISC` name that a site noun introduces is a `SITE`
    /// (`le site T411`), and so is a name that an apposition or a
    /// parenthesis describes as an online service (`Leetchi, plateforme en
    /// ligne`, `Megavideo (streaming)`); a factory is no site (`le site
    /// BMW de Shenyang`, `le site de production Tesla`).
    SiteNoun,
    /// The other one-word mentions of a name found as a site are `SITE`,
    /// where the evidence for the site is strong and the company does not
    /// act (`Airbnb a déclaré`).
    SiteSpread,
    /// A capitalised word that spells a domain of the document is a `SITE`
    /// (`Quebectorrent` after `QuebecTorrent.com`), and so is a name made
    /// of a download or streaming site's word and more (`Papystreaming`,
    /// `Torrent9`).
    DomainName,
    /// A name whose whole text is a known media outlet is an `ORG`
    /// (`BFMTV`, `Le Parisien`), a known online platform a `SITE`
    /// (`Instagram`, `Mediapart`), unless a social network that is also a
    /// company acts (`le fondateur de Facebook`, `Facebook estime`: `ORG`);
    /// the source a video's credit names is an `ORG` (`?par 6MEDIAS`); a
    /// known platform the tagger missed is found (`OiNK`, `iStock`).
    KnownOutlets,
    /// A person, place or other name that a noun for an organisation
    /// introduces is an `ORG` (`le laboratoire Servier`, `le quotidien
    /// allemand Bild`), and so is one that opens with an acronym and `de`
    /// (`SPA de Bergerac`); one the tagger cut there takes the capitalised
    /// words after it (`le mouvement Black Lives Matter`). A person's full
    /// name after an office in the organisation stays a person's (`le
    /// président du parti Christian Jacob`, `son collègue de parti François
    /// Ruffin`), and so does a quote's speaker after a medium the text
    /// leaves unnamed (`", confie au quotidien Jérémy Frérot`).
    OrgNoun,
    /// `République de` after `procureur de la` is the title's, not the
    /// name's: `procureur de la République de Paris` names `Paris`, a
    /// place.
    Prosecutor,
    /// Acronyms of common nouns are not names (`ISF`, `JLD`, `NDLR`, or
    /// one the text defines by a lower-case phrase: `travaux d'intérêt
    /// général (TIG)`), nor is a noun for a kind of body alone (`selon la
    /// gendarmerie`, `le Parquet`) or any word in lower case alone (`la
    /// procureure`) but an outlet's or a handle, and one before a name stays outside it
    /// (`l'ONG Save the Children`); a widely known organisation's acronym
    /// or short name is an `ORG` (`le candidat EELV`, `l'Otan`, `le
    /// Hezbollah`).
    CommonAcronyms,
    /// A social-media handle is its owner's name, a person unless the
    /// tagger found an organisation or a site (`@caroreceveur`).
    Handles,
    /// A name that a noun for a work introduces is a work's title, `MISC`
    /// (`l'émission BFM Politique`, `le spectacle Le Mur`), and so is an
    /// event's (`Salon de l'Agriculture`, `Paris Motion Festival`, `Aïd
    /// el-Fitr`), a known show's (`TPMP`, `Koh-Lanta`), feast's or
    /// competition's (`l'Aïd`, `la Ligue 1`), a known product's
    /// (`Mediator`, `Linky`) and a known award's (`les César`).
    Works,
    /// A seat of power is an `ORG` where it acts and a `LOC` where named
    /// as a place (`selon l'Élysée`, `à l'Élysée`).
    Seats,
    /// The portfolio in a minister's title is no name (`la ministre de la
    /// Transition écologique`, `le commissaire européen au Marché
    /// intérieur`).
    Portfolios,
    /// An honorific stays outside a person's name (`Me Randall
    /// Schwerdorffer` names `Randall Schwerdorffer`), and is none alone
    /// (`Mgr`).
    Honorifics,
    /// A demonym is no place (`les Parisiens`, `l'Italien`), nor an
    /// adjective (`en région parisienne`), nor a movement's members an
    /// organisation (`les Insoumis`): `MISC`; a demonym in apposition
    /// stays outside the name it opens (`l'Américain Monsanto`).
    Demonyms,
    /// A one-word organisation tagged twice or more, and never otherwise,
    /// is an `ORG` where it recurs untagged and alone, in any case
    /// (`SACEM` after `Sacem`), not before a model's number (`la Brabus
    /// 125R`, `la Bentley 4.5 litres`).
    OrganisationsAgain,
    /// A named animal is a person (`son chien, Gribouille`).
    Animals,
    /// A name after a pseudonym word is a person (`sous le pseudo "Fly
    /// Rider"`, `un certain "Pokercroix"`).
    Pseudonyms,
    /// An organisation's name written out beside its acronym is one `ORG`,
    /// whole (`Institut de hautes études internationales et du
    /// développement (Iheid)`, `Sacem (Société des auteurs, compositeurs
    /// et éditeurs de musique)`).
    Expansions,
    /// A car model is a product, `MISC`, and the maker's name in it no
    /// organisation (`la Renault Clio`, `la McLaren Senna`), where a maker's
    /// company or division is one `ORG` (`McLaren Automotive`, `Aston Martin
    /// Lagonda`, `BMW M GmbH`); a maker's name
    /// alone is a car after a feminine determiner (`la Bugatti`: `MISC`),
    /// otherwise the company (`ORG`, not `PER`, `LOC` or `SITE`); a maker
    /// named by its town names a place (`le constructeur de Woking`).
    CarModels,
    /// A place the tagger cut short is the gazetteer's whole name (`les
    /// Emirats arabes unis`), and a former country is a place (`l'URSS`).
    Places,
    /// The one name of an enumeration of three or more whose label no
    /// other name there has takes the label they share (`Danone, Veolia,
    /// Renault ou Hermès`: all companies).
    Enumerations,
}

impl NameRule {
    /// Every rule, in a fixed order.
    pub const ALL: [NameRule; 22] = [
        NameRule::Heads,
        NameRule::Surnames,
        NameRule::SiteNoun,
        NameRule::SiteSpread,
        NameRule::DomainName,
        NameRule::KnownOutlets,
        NameRule::OrgNoun,
        NameRule::Prosecutor,
        NameRule::CommonAcronyms,
        NameRule::Handles,
        NameRule::Works,
        NameRule::Seats,
        NameRule::Portfolios,
        NameRule::Honorifics,
        NameRule::Demonyms,
        NameRule::OrganisationsAgain,
        NameRule::Animals,
        NameRule::Pseudonyms,
        NameRule::Expansions,
        NameRule::CarModels,
        NameRule::Places,
        NameRule::Enumerations,
    ];

    /// The rule's name on the command line: `heads`, `surnames`,
    /// `site-noun`, `site-spread`, `domain-name`, `known-outlets`,
    /// `org-noun`, `prosecutor`, `common-acronyms`, `handles`, `works`, `seats`,
    /// `portfolios`, `honorifics`, `demonyms`, `organisations-again`,
    /// `animals`, `pseudonyms`, `expansions`, `car-models`, `places`,
    /// `enumerations`.
    pub fn as_str(&self) -> &'static str {
        match self {
            NameRule::Heads => "heads",
            NameRule::Surnames => "surnames",
            NameRule::SiteNoun => "site-noun",
            NameRule::SiteSpread => "site-spread",
            NameRule::DomainName => "domain-name",
            NameRule::KnownOutlets => "known-outlets",
            NameRule::OrgNoun => "org-noun",
            NameRule::Prosecutor => "prosecutor",
            NameRule::CommonAcronyms => "common-acronyms",
            NameRule::Handles => "handles",
            NameRule::Works => "works",
            NameRule::Seats => "seats",
            NameRule::Portfolios => "portfolios",
            NameRule::Honorifics => "honorifics",
            NameRule::Demonyms => "demonyms",
            NameRule::OrganisationsAgain => "organisations-again",
            NameRule::Animals => "animals",
            NameRule::Pseudonyms => "pseudonyms",
            NameRule::Expansions => "expansions",
            NameRule::CarModels => "car-models",
            NameRule::Places => "places",
            NameRule::Enumerations => "enumerations",
        }
    }
}

impl FromStr for NameRule {
    type Err = Error;

    /// Parses a rule's name as [`NameRule::as_str`] writes it.
    fn from_str(s: &str) -> Result<NameRule, Error> {
        NameRule::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| Error::new(ErrorKind::Config, format!("unknown name rule {s:?}")))
    }
}

// One bit a rule in `NameRules`.
const _: () = assert!(NameRule::ALL.len() <= u32::BITS as usize);

/// The set of [`NameRule`]s a pipeline applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NameRules(u32);

impl NameRules {
    /// Every rule on.
    pub(crate) const ALL: NameRules = NameRules(u32::MAX);

    /// Whether `rule` is on.
    pub(crate) fn on(self, rule: NameRule) -> bool {
        self.0 & (1 << rule as u32) != 0
    }

    pub(crate) fn without(self, rule: NameRule) -> NameRules {
        NameRules(self.0 & !(1 << rule as u32))
    }
}

/// Applies the document rules after `heads` (which works sentence by
/// sentence) to one document's names: `spans` are token ranges into
/// `tokens`, sorted and not overlapping, and stay so; `marks` holds the
/// rules' marks (amounts, domains), one per token.
pub(crate) fn correct_names(
    lexicon: &Lexicon,
    text: &str,
    tokens: &[Token<'_>],
    marks: &[u8],
    rules: NameRules,
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    surnames::find_surnames(tokens, marks, rules, spans);
    if rules.on(NameRule::Enumerations) {
        enumerations::enumerations(tokens, spans);
    }
    if rules.on(NameRule::Heads) {
        heads::national_teams(lexicon, tokens, spans);
    }
    sites::site_contexts(lexicon, tokens, marks, rules, spans);
    if rules.on(NameRule::Handles) {
        persons::handles(tokens, marks, spans);
    }
    if rules.on(NameRule::Animals) {
        persons::animals(tokens, spans);
    }
    if rules.on(NameRule::Pseudonyms) {
        persons::pseudonyms(tokens, marks, spans);
    }
    if rules.on(NameRule::Works) {
        works::works(text, tokens, marks, spans);
    }
    if rules.on(NameRule::CarModels) {
        products::car_models(lexicon, tokens, spans);
    }
    if rules.on(NameRule::KnownOutlets) {
        outlets::credits(tokens, marks, spans);
        outlets::known_outlets(text, tokens, spans);
        outlets::untagged_platforms(text, tokens, marks, spans);
    }
    if rules.on(NameRule::OrgNoun) {
        org_nouns::org_nouns(lexicon, tokens, marks, spans);
    }
    if rules.on(NameRule::Seats) {
        seats::seats(text, tokens, spans);
    }
    if rules.on(NameRule::Prosecutor) {
        titles::prosecutors(tokens, spans);
    }
    if rules.on(NameRule::Portfolios) {
        titles::portfolios(lexicon, tokens, spans);
    }
    if rules.on(NameRule::Honorifics) {
        titles::honorifics(tokens, spans);
    }
    if rules.on(NameRule::Demonyms) {
        demonyms::demonyms(lexicon, tokens, spans);
    }
    if rules.on(NameRule::CommonAcronyms) {
        acronyms::common_acronyms(tokens, spans);
    }
    if rules.on(NameRule::Expansions) {
        acronyms::expansions(tokens, spans);
    }
    if rules.on(NameRule::Places) {
        places::places(lexicon, text, tokens, spans);
    }
    balance_brackets(tokens, spans);
    trim_quote_marks(tokens, spans);
    trim_function_words(tokens, spans);
}

/// The most tokens between the `+` marks of one quotation.
const MAX_QUOTATION: usize = 60;

/// Takes off a name's ends the `+` marks that open and close a quotation
/// inside a quotation in AFP copy (`comme +consultants de l'Unesco+`): an
/// opening `+` is glued to the word after it and not to the one before,
/// and the closing one, the next `+` within [`MAX_QUOTATION`] tokens, is
/// glued to the word before it and to no word after. A `+` that ends
/// a name with no opening one before it stays (`Canal+`, `Disney+`).
fn trim_quote_marks(tokens: &[Token<'_>], spans: &mut [(Range<usize>, Label)]) {
    let plus = |k: usize| tokens.get(k).is_some_and(|t| t.text == "+");
    let word = |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word);
    if !spans.iter().any(|(r, _)| plus(r.start) || plus(r.end - 1)) {
        return;
    }
    let mut marks = vec![false; tokens.len()];
    let mut k = 0;
    while k < tokens.len() {
        let opens = plus(k) && !glued(tokens, k) && glued(tokens, k + 1) && word(k + 1);
        let close = opens
            .then(|| (k + 1..tokens.len().min(k + MAX_QUOTATION)).find(|&c| plus(c)))
            .flatten()
            .filter(|&c| glued(tokens, c) && !(glued(tokens, c + 1) && word(c + 1)));
        if let Some(c) = close {
            marks[k] = true;
            marks[c] = true;
            k = c + 1;
        } else {
            k += 1;
        }
    }
    for (r, label) in spans.iter_mut() {
        if *label == Label::Money {
            continue;
        }
        while r.len() > 1 && marks[r.end - 1] {
            r.end -= 1;
        }
        while r.len() > 1 && marks[r.start] {
            r.start += 1;
        }
    }
}

/// Words that never end a name: prepositions, conjunctions and articles
/// (no gold span of the news, Wikipedia or historical data ends with one).
const FUNCTION_WORDS: &[&str] = &[
    "à", "au", "aux", "avec", "chez", "contre", "d'", "d’", "dans", "de", "des", "du", "en",
    "entre", "et", "l'", "l’", "la", "le", "les", "ou", "par", "pour", "selon", "sur", "un", "une",
    "vers",
];

/// Takes the function words off a name's end (`Conseil de sécurité pour`,
/// `le magazine Public sur`, `Office central de lutte contre`).
fn trim_function_words(tokens: &[Token<'_>], spans: &mut [(Range<usize>, Label)]) {
    for (r, label) in spans.iter_mut() {
        if *label == Label::Money {
            continue;
        }
        while r.len() > 1 && FUNCTION_WORDS.contains(&tokens[r.end - 1].text) {
            r.end -= 1;
        }
    }
}

/// Cuts each name at a bracket it does not close or open itself: after an
/// unmatched closing one (`(Christophe) Castaner` gives `Castaner`), before
/// an unmatched opening one (`Cour (constitutionnelle` gives `Cour`), or
/// after it where it opens the name (`« United Way`). A name left empty or
/// opening with a lower-case word is dropped.
fn balance_brackets(tokens: &[Token<'_>], spans: &mut Vec<(Range<usize>, Label)>) {
    let opener = |t: &str| matches!(t, "(" | "[" | "«");
    let closer = |t: &str| matches!(t, ")" | "]" | "»");
    for (r, _) in spans.iter_mut() {
        let mut open: Vec<usize> = Vec::new();
        let mut start = r.start;
        for k in r.clone() {
            let t = tokens[k].text;
            if opener(t) {
                open.push(k);
            } else if closer(t) && open.pop().is_none() {
                start = k + 1;
            }
        }
        // Every opening bracket left comes after the last unmatched closing
        // one: that one found none open.
        if open.first() == Some(&start) {
            // `« United Way for Southeastern Michigan`
            start += 1;
            open.remove(0);
        }
        let end = open.first().copied().unwrap_or(r.end);
        if start != r.start || end != r.end {
            // A name cut to its complement is none (`JIRS) de Paris`).
            let lower = !tokens[start..end.max(start)]
                .first()
                .is_some_and(|t| !t.text.starts_with(char::is_lowercase));
            *r = if lower { start..start } else { start..end };
        }
    }
    spans.retain(|(r, _)| !r.is_empty());
}

/// The text of the token `back` places before token `start`, or "" before
/// the first token.
fn word_before<'t>(tokens: &[Token<'t>], start: usize, back: usize) -> &'t str {
    start
        .checked_sub(back)
        .and_then(|k| tokens.get(k))
        .map_or("", |t| t.text)
}

/// Whether `tokens` are `words`, given in lower case with `'`, each written
/// in any case and with either apostrophe (`Marche` for `marche`, `l’` for
/// `l'`).
fn words_are(tokens: &[Token<'_>], words: &[&str]) -> bool {
    tokens.len() == words.len()
        && tokens.iter().zip(words).all(|(t, w)| {
            t.text.eq_ignore_ascii_case(w)
                || t.text
                    .chars()
                    .flat_map(char::to_lowercase)
                    .map(|c| if c == '’' { '\'' } else { c })
                    .eq(w.chars())
        })
}

/// Whether the token at `start` follows `M.` or `MM.`, which the tokenizer
/// writes as a word and a full stop.
fn after_mister(tokens: &[Token<'_>], start: usize) -> bool {
    word_before(tokens, start, 1) == "." && matches!(word_before(tokens, start, 2), "M" | "MM")
}

/// Writes into `key` the text of the name that token range `r` covers,
/// lower-cased, with `’` as `'` and any space as one space: the form the
/// name lists hold. Returns false where `r` is not in `tokens` or `text`.
fn name_key(text: &str, tokens: &[Token<'_>], r: &Range<usize>, key: &mut String) -> bool {
    let (Some(first), Some(last)) = (
        tokens.get(r.start),
        r.end.checked_sub(1).and_then(|e| tokens.get(e)),
    ) else {
        return false;
    };
    let Some(name) = text.get(first.span.byte_start..last.span.byte_end) else {
        return false;
    };
    key.clear();
    if name.is_ascii() {
        // Most names: no char to fold but ASCII letters.
        key.push_str(name);
        key.make_ascii_lowercase();
        if name.bytes().any(|b| b.is_ascii_whitespace() && b != b' ') {
            let spaced = key.replace(|c: char| c.is_ascii_whitespace(), " ");
            *key = spaced;
        }
    } else {
        key.extend(name.chars().flat_map(char::to_lowercase).map(|c| match c {
            '’' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
        }));
    }
    true
}

/// Lower-case words that join a noun to a name rather than qualify the
/// noun, besides [`FUNCTION_WORDS`]: prepositions, conjunctions and relative
/// pronouns (`une émission avec Joe Scarborough`, `des émissions auxquelles
/// Gilbert Rozon était associé`). Words of three letters or fewer are never
/// taken for an adjective. `comme` and `dont` introduce an instance of the
/// noun's kind (`des émissions comme « Nulle part ailleurs »`), so they are
/// not among them.
#[rustfmt::skip]
const NOT_ADJECTIVES: &[&str] = &[
    "après", "auquel", "auxquelles", "auxquels", "avant", "depuis", "duquel", "lequel",
    "laquelle", "lesquelles", "lesquels", "mais", "parmi", "pendant", "puis", "sans", "sous",
];

/// Determiners other than the definite article, lower-cased: indefinite,
/// possessive, demonstrative and of quantity. A noun after one describes a
/// thing rather than names it (`un hôpital de Goiania`), and is a noun, not
/// an adjective (`son quotidien`).
#[rustfmt::skip]
const OTHER_DETERMINERS: &[&str] = &[
    "un", "une", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "notre", "nos",
    "votre", "vos", "ce", "cet", "cette", "ces", "chaque", "plusieurs", "quelques",
];

/// The one of `nouns` that the span starting at token `start` follows, with
/// at most one lower-case word (`quotidien allemand`, not one of
/// [`FUNCTION_WORDS`] or [`NOT_ADJECTIVES`]) and an opening quote between:
/// its token index.
fn noun_before(tokens: &[Token<'_>], start: usize, nouns: &[&str]) -> Option<usize> {
    let mut k = start;
    if k > 0 && matches!(tokens[k - 1].text, "\"" | "«" | "“") {
        k -= 1;
    }
    for adjectives in 0..=1 {
        let p = k.checked_sub(1)?;
        let t = &tokens[p];
        if nouns.contains(&t.text) {
            return Some(p);
        }
        let lower_word = t.kind == TokenKind::Word
            && t.text.chars().next().is_some_and(char::is_lowercase)
            && t.text.chars().count() > 3
            && !FUNCTION_WORDS.contains(&t.text)
            && !NOT_ADJECTIVES.contains(&t.text);
        if adjectives == 1 || !lower_word {
            return None;
        }
        k -= 1;
    }
    None
}

/// The longest quoted name that a quote opening at token `open` holds:
/// capitalised first word, at most [`MAX_QUOTED`] tokens, each of them
/// [`free`].
fn quoted_name(
    tokens: &[Token<'_>],
    covered: &[bool],
    blocked: &[u8],
    open: usize,
) -> Option<Range<usize>> {
    quoted(tokens, open, MAX_QUOTED, |k| free(covered, blocked, k))
}

/// Adds as `label` the quoted names (see [`quoted_name`]) that no span
/// holds and that `introduced` says a word before them introduces; a quote
/// inside a name taken is not read again, so that the names added never
/// overlap. The result is sorted and does not overlap.
fn add_quoted_names(
    tokens: &[Token<'_>],
    blocked: &[u8],
    spans: &mut Vec<(Range<usize>, Label)>,
    label: Label,
    introduced: impl Fn(usize) -> bool,
) {
    let covered = covered(tokens, spans);
    let before = spans.len();
    let mut open = 1;
    while open < tokens.len() {
        match quoted_name(tokens, &covered, blocked, open).filter(|name| introduced(name.start)) {
            Some(name) => {
                open = name.end;
                spans.push((name, label));
            }
            None => open += 1,
        }
    }
    if spans.len() > before {
        spans.sort_by_key(|(r, _)| r.start);
    }
}

/// The tokens between a quote opening at token `open` and its closing
/// quote: a capitalised first word, at most `max` tokens, each of which
/// `fits`.
fn quoted(
    tokens: &[Token<'_>],
    open: usize,
    max: usize,
    fits: impl Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let close = match tokens[open].text {
        "\"" => "\"",
        "«" => "»",
        "“" => "”",
        _ => return None,
    };
    let first = open + 1;
    if !tokens.get(first)?.is_capitalised_word() {
        return None;
    }
    let end = (first..tokens.len().min(first + max + 1)).find(|&k| tokens[k].text == close)?;
    (end > first && (first..end).all(fits)).then_some(first..end)
}

/// The most tokens of a quoted name.
const MAX_QUOTED: usize = 6;

/// Whether token `k` follows the token before it with nothing between
/// (`6MEDIAS`, `3€50`).
fn glued(tokens: &[Token<'_>], k: usize) -> bool {
    k > 0
        && tokens
            .get(k)
            .is_some_and(|t| t.span.byte_start == tokens[k - 1].span.byte_end)
}

/// Whether token `k` may start a new span: no span or rule holds it.
fn free(covered: &[bool], blocked: &[u8], k: usize) -> bool {
    !covered[k] && blocked.get(k).is_some_and(|&b| b == 0)
}

/// Which tokens `spans` cover.
fn covered(tokens: &[Token<'_>], spans: &[(Range<usize>, Label)]) -> Vec<bool> {
    let mut covered = vec![false; tokens.len()];
    for (r, _) in spans {
        covered[r.clone()].iter_mut().for_each(|c| *c = true);
    }
    covered
}

/// Puts `names` (sorted, not overlapping) in place of the spans inside
/// them: the spans inside a name give way to it, and a name that a span
/// crosses the edge of is dropped (`Francis Ford Coppola` keeps `Ford
/// Coppola` from being a car). `spans` are sorted and do not overlap; they
/// stay so. One pass over both.
fn replace_inside(spans: &mut Vec<(Range<usize>, Label)>, mut names: Vec<(Range<usize>, Label)>) {
    let crosses = |at: usize| {
        let k = spans.partition_point(|(r, _)| r.end <= at);
        spans.get(k).is_some_and(|(r, _)| r.start < at)
    };
    names.retain(|(m, _)| !crosses(m.start) && !crosses(m.end));
    if names.is_empty() {
        return;
    }
    let mut out = Vec::with_capacity(spans.len() + names.len());
    let mut names = names.into_iter().peekable();
    for span in spans.drain(..) {
        while let Some(name) = names.next_if(|(m, _)| m.end <= span.0.start) {
            out.push(name);
        }
        let inside = names
            .peek()
            .is_some_and(|(m, _)| m.start <= span.0.start && span.0.end <= m.end);
        if !inside {
            out.push(span);
        }
    }
    out.extend(names);
    *spans = out;
}

#[cfg(test)]
mod rule_tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn names_are_cut_at_brackets_they_do_not_close() {
        let cases = [
            Case {
                name: "an unmatched closing or opening bracket",
                text: "Le ministre (Christophe) Castaner, la Cour (constitutionnelle) et « United Way.",
                tagged: &[
                    ("Christophe) Castaner", Label::Per),
                    ("Cour (constitutionnelle", Label::Org),
                    ("« United Way", Label::Org),
                ],
                expected: &[("Castaner", Label::Per), ("Cour", Label::Org), ("United Way", Label::Org)],
            },
            Case {
                name: "matched brackets stay, a complement alone goes",
                text: "La Juridiction (JIRS) de Paris et la JIRS) de Lyon.",
                tagged: &[("Juridiction (JIRS) de Paris", Label::Org), ("JIRS) de Lyon", Label::Org)],
                expected: &[("Juridiction (JIRS) de Paris", Label::Org)],
            },
        ];
        check(&cases, |_, tokens, spans| balance_brackets(tokens, spans));
    }

    #[test]
    fn names_lose_the_quote_marks_of_afp_copy() {
        let cases = [
            Case {
                name: "a closing mark after a name, an opening one before one",
                text: "Il parle de +consultants de l'Unesco+. Au président de la République +tout dire+. \
                       Le +Swan Upping+ a lieu.",
                tagged: &[
                    ("Unesco+", Label::Org),
                    ("République +", Label::Org),
                    ("+Swan Upping+", Label::Misc),
                ],
                expected: &[
                    ("Unesco", Label::Org),
                    ("République", Label::Org),
                    ("Swan Upping", Label::Misc),
                ],
            },
            Case {
                name: "a plus sign that ends a name with no quotation open stays",
                text: "Canal+ et Disney+, puis +Apple TV+ et Canal+.",
                tagged: &[
                    ("Canal+", Label::Org),
                    ("Disney+", Label::Org),
                    ("Apple TV", Label::Org),
                    ("Canal+", Label::Org),
                ],
                expected: &[
                    ("Canal+", Label::Org),
                    ("Disney+", Label::Org),
                    ("Apple TV", Label::Org),
                    ("Canal+", Label::Org),
                ],
            },
        ];
        check(&cases, |_, tokens, spans| trim_quote_marks(tokens, spans));
    }

    #[test]
    fn names_do_not_end_with_a_function_word() {
        let cases = [
            Case {
                name: "a preposition or an article off the end",
                text: "Le Conseil de sécurité pour ses intérêts, le magazine Public sur l'affaire, Paris et.",
                tagged: &[("Conseil de sécurité pour", Label::Org), ("Public sur l'", Label::Org), ("Paris et", Label::Loc)],
                expected: &[("Conseil de sécurité", Label::Org), ("Public", Label::Org), ("Paris", Label::Loc)],
            },
            Case {
                name: "inside a name, or a name of one word, they stay",
                text: "La Ligue des droits de l'homme et Sur.",
                tagged: &[("Ligue des droits de l'homme", Label::Org), ("Sur", Label::Loc)],
                expected: &[("Ligue des droits de l'homme", Label::Org), ("Sur", Label::Loc)],
            },
        ];
        check(&cases, |_, tokens, spans| {
            trim_function_words(tokens, spans)
        });
    }

    #[test]
    fn switching_a_rule_off_leaves_the_others_on() {
        for rule in NameRule::ALL {
            let rules = NameRules::ALL.without(rule);
            for other in NameRule::ALL {
                assert_eq!(
                    rules.on(other),
                    other != rule,
                    "{} without {}",
                    other.as_str(),
                    rule.as_str()
                );
            }
            assert_eq!(rule.as_str().parse::<NameRule>().ok(), Some(rule));
        }
    }
}

/// The harness of the document rules' table tests.
#[cfg(test)]
pub(crate) mod cases {
    use std::collections::HashMap;
    use std::ops::Range;

    use crate::tag::tests::{range_text, token_range};
    use crate::text::{tokenize, Token};
    use crate::types::Label;

    /// A text, the names a tagger found in it (each the next occurrence of
    /// its text), and the names a rule should leave.
    pub(crate) struct Case {
        pub(crate) name: &'static str,
        pub(crate) text: &'static str,
        pub(crate) tagged: &'static [(&'static str, Label)],
        pub(crate) expected: &'static [(&'static str, Label)],
    }

    /// Runs `rule` over each case's tokens and names, and checks the names
    /// it leaves, in order.
    pub(crate) fn check(
        cases: &[Case],
        rule: impl Fn(&Case, &[Token<'_>], &mut Vec<(Range<usize>, Label)>),
    ) {
        for c in cases {
            let tokens = tokenize(c.text);
            let mut seen = HashMap::<&str, usize>::new();
            let mut spans: Vec<(Range<usize>, Label)> = c
                .tagged
                .iter()
                .map(|&(name, label)| {
                    let nth = seen.entry(name).or_default();
                    *nth += 1;
                    (token_range(c.text, &tokens, name, *nth - 1), label)
                })
                .collect();
            rule(c, &tokens, &mut spans);
            let got: Vec<(&str, Label)> = spans
                .iter()
                .map(|(r, l)| (range_text(c.text, &tokens, r), *l))
                .collect();
            assert_eq!(got, c.expected, "{}", c.name);
        }
    }
}
