//! Sites versus organisations, by context (`docs/annotation.md`): "the service as
//! a place is SITE (`une vidéo publiée sur YouTube`, `le site T411`). A name
//! whose only identity is a web site is SITE wherever it appears."
//!
//! The tagger learns names mostly from Wikipedia, where sites are
//! organisations. This stage, on one document's tagger spans:
//!
//! 1. makes `SITE` an `ORG` or `MISC` name or a one-word `PER` name that
//!    a site noun introduces (`le site T411`, `la plateforme Megaupload`,
//!    `le site de covoiturage Blablacar`, `le tracker What.cd`, `les
//!    réseaux peer-to-peer Edonkey`), a run of up to three capitalised
//!    words that one introduces and no span holds, and an `ORG`, `MISC` or
//!    `PER` name (or a `LOC` unknown to the gazetteer as a country or a
//!    city, and not after `en`, `à`, `dans`) that an apposition or a
//!    parenthesis describes as an online service (`Leetchi, plateforme en
//!    ligne`, `Megavideo (streaming)`, `MegaChat (messagerie
//!    instantanée)`), and a capitalised word no span holds before such a
//!    parenthesis; not a `site` on the ground (`le site BMW de
//!    Shenyang`, `le site de production Tesla`, `le site Seveso`), nor a
//!    quote's last word (`"... vote au Parlement", l'application`); in an
//!    article that names car makers three times or more, `plateforme` is
//!    a car's chassis (`la plateforme MEB`), no site noun; and a one-word
//!    person's or other name listed with a site (`Footybite et
//!    Streameast`, `via Zoom, Skype ou WhatsApp`);
//! 2. then makes `SITE` the other one-word mentions of a name found as a
//!    site (tagged as anything but a place the gazetteer knows, or
//!    untagged), unless it is a known web platform (a site name of the
//!    gazetteer, such as `Twitter`): those are also companies, and a
//!    company that acts is `ORG`. Only where the evidence is strong: the
//!    text calls the name a site (rule 1's nouns and descriptions), a rule
//!    made one of its mentions a site, or the tagger took it for a site at
//!    least as often as for an organisation (not `Google`, once a site
//!    beside two organisations); and a mention where the company acts
//!    keeps its `ORG` (`Airbnb a déclaré`, `la cofondatrice de Replika`);
//! 3. makes `SITE` a capitalised word that spells the name of a domain
//!    written in the same document (`Quebectorrent` after
//!    `QuebecTorrent.com`), untagged or tagged `MISC` or `PER` (or `LOC`
//!    where the gazetteer knows no such place), unless it is a known
//!    platform. An `ORG` keeps its label: `la Hadopi` beside
//!    `hadopi.fr` is the authority. A capitalised word made of a download
//!    or streaming site's word and more (`Papystreaming`, `QuebecTorrent`,
//!    `Torrent9`) is a `SITE` whatever the tagger said.
//!
//! Known online platforms and media outlets by name are `known-outlets`'s
//! (`super::outlets`).
//!
//! `le site du Figaro` is not a site named `Figaro`: a name after `du`,
//! `de` or an article is the site's owner, and so is one after `par`
//! (`la plateforme proposée par Apple`).

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::{covered, free, noun_before, quoted_name, words_are, NameRule, NameRules};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::recognize::find_sites;
use crate::tag::{Gazetteer, Lexicon};
use crate::text::{Token, TokenKind, SENTENCE_OPENERS};
use crate::types::Label;

/// Nouns that introduce a site's name; the first two are a car's chassis
/// in an article about cars ([`site_nouns`]).
const SITE_NOUNS: &[&str] = &[
    "plateforme",
    "plate-forme",
    "site",
    "sites",
    "tracker",
    "application",
    "appli",
    "messagerie",
    "forum",
    "peer-to-peer",
];

/// Times an article names car makers from which it is about cars, and a
/// `plateforme` is a chassis (`la plateforme MEB de Volkswagen`).
const CAR_ARTICLE: usize = 3;

/// The site nouns of a document: [`SITE_NOUNS`], without `plateforme` in
/// an article about cars.
fn site_nouns(tokens: &[Token<'_>]) -> &'static [&'static str] {
    let platform = tokens.iter().any(|t| is_site_noun(&SITE_NOUNS[..2], t));
    if platform && super::products::makers_named(tokens) >= CAR_ARTICLE {
        &SITE_NOUNS[2..]
    } else {
        SITE_NOUNS
    }
}

fn is_site_noun(nouns: &[&str], token: &Token<'_>) -> bool {
    nouns.iter().any(|n| n.eq_ignore_ascii_case(token.text))
}

/// Words that make a `site` a place on the ground (`site de production`,
/// `site industriel`, `le site Seveso`).
const GROUND_SITE_WORDS: &[&str] = &[
    "production",
    "industriel",
    "industriels",
    "assemblage",
    "fabrication",
    "Seveso",
    "nucléaire",
    "archéologique",
];

/// Whether the name at `name` (token range), introduced by the site noun at
/// token `noun`, is a place on the ground: a word of [`GROUND_SITE_WORDS`]
/// between them, or a `site` named after its owner and its town (`le site
/// BMW de Shenyang`, `le site Audi d'Ingolstadt`, `les sites PSA de France`).
fn ground_site(tokens: &[Token<'_>], noun: usize, name: Range<usize>) -> bool {
    let of_a_town = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| matches!(t.text, "de" | "d'" | "d’" | "à"))
            && tokens.get(k + 1).is_some_and(Token::is_capitalised_word)
    };
    tokens[noun + 1..name.start]
        .iter()
        .any(|t| GROUND_SITE_WORDS.contains(&t.text))
        || is_site_noun(&["site", "sites"], &tokens[noun])
            && (name.clone().any(of_a_town) || of_a_town(name.end))
}

/// The site noun that introduces the name in token range `name`: among
/// the three tokens before, with only lower-case words between (`site
/// pirate`, `site de covoiturage`), unless the site is one on the ground
/// ([`ground_site`]).
fn site_noun_before(nouns: &[&str], tokens: &[Token<'_>], name: Range<usize>) -> Option<usize> {
    let start = name.start;
    // `le site du Figaro` is the newspaper's site: the name is its owner.
    let owner = start > 0
        && matches!(
            tokens[start - 1].text,
            "du" | "de" | "des" | "d'" | "d’" | "la" | "le" | "l'" | "l’"
        );
    if owner {
        return None;
    }
    for back in 1..=3 {
        let k = start.checked_sub(back)?;
        let t = &tokens[k];
        if is_site_noun(nouns, t) {
            return (!ground_site(tokens, k, name)).then_some(k);
        }
        let lower_word = matches!(t.kind, TokenKind::Word | TokenKind::Elision)
            && t.text.chars().next().is_some_and(char::is_lowercase);
        // `la plateforme proposée par Apple` names its owner.
        if !lower_word || t.text == "par" {
            return None;
        }
    }
    None
}

/// Descriptions of an online service, as lower-case token sequences, that
/// an apposition or a parenthesis gives after a name (`Leetchi, plateforme
/// en ligne`, `Megavideo (streaming)`); `site` only with what makes it a
/// web site (`Fessenheim, site de la centrale` is a place).
const SITE_DESCRIPTIONS: &[&[&str]] = &[
    &["plateforme"],
    &["plate-forme"],
    &["application"],
    &["appli"],
    &["web-télé"],
    &["webtélé"],
    &["web-tv"],
    &["messagerie"],
    &["tracker"],
    &["hébergeur"],
    &["streaming"],
    &["forum"],
    &["réseau", "social"],
    &["moteur", "de", "recherche"],
    &["site", "internet"],
    &["site", "web"],
    &["site", "en", "ligne"],
    &["service", "de", "streaming"],
    &["stockage", "en", "ligne"],
    &["cagnotte", "en", "ligne"],
    &["média", "en", "ligne"],
    &["journal", "en", "ligne"],
    &["téléchargement", "direct"],
    &["site", "de", "téléchargement"],
    &["site", "de", "streaming"],
    &["site", "de", "partage"],
    &["site", "de", "rencontre"],
    &["site", "de", "rencontres"],
    &["site", "de", "vente"],
    &["site", "pirate"],
    &["annuaire", "de", "liens"],
    &["réseau", "peer-to-peer"],
    &["réseau", "de", "partage"],
    &["service", "en", "ligne"],
];

/// Whether an apposition or a parenthesis right after the name in token
/// range `name` describes an online service: a comma or an opening
/// parenthesis (after the closing quote of a quoted name), an optional
/// determiner, then one of [`SITE_DESCRIPTIONS`] (not one that opens with
/// a noun outside `nouns`, `plateforme` in an article about cars).
fn site_described_after(nouns: &[&str], tokens: &[Token<'_>], name: Range<usize>) -> bool {
    let mut k = name.end;
    let quoted = name.start > 0 && matches!(tokens[name.start - 1].text, "\"" | "«" | "“" | "'");
    if quoted
        && tokens
            .get(k)
            .is_some_and(|t| matches!(t.text, "\"" | "»" | "”" | "'"))
    {
        k += 1;
    }
    if !tokens.get(k).is_some_and(|t| matches!(t.text, "," | "(")) {
        return false;
    }
    k += 1;
    let plural = tokens
        .get(k)
        .is_some_and(|t| matches!(t.text, "deux" | "trois" | "quatre" | "cinq"));
    if plural
        || tokens.get(k).is_some_and(|t| {
            matches!(
                t.text,
                "une" | "un" | "la" | "le" | "l'" | "l’" | "sa" | "son"
            )
        })
    {
        k += 1;
    }
    let Some(opening) = tokens.get(k) else {
        return false;
    };
    // The description's first word in lower case, or as written in the
    // plural after a number (`deux plateformes`); compared first, as most
    // names have no description.
    let first = if plural {
        opening.text.strip_suffix('s').map(str::to_owned)
    } else {
        Some(opening.text.to_lowercase())
    };
    let Some(first) = first else {
        return false;
    };
    SITE_DESCRIPTIONS.iter().any(|words| {
        let chassis = || SITE_NOUNS.contains(&words[0]) && !nouns.contains(&words[0]);
        first == words[0]
            && tokens
                .get(k + 1..k + words.len())
                .is_some_and(|ts| words_are(ts, &words[1..]))
            && !chassis()
    })
}

fn known_platform(lexicon: &Lexicon, tokens: &[Token<'_>]) -> bool {
    lexicon.has_name(tokens.iter().map(|t| t.text), Gazetteer::SiteName.bit())
}

/// The names of the domains written in `tokens`: the first label of each
/// registrable domain, lower-cased (`quebectorrent` for
/// `www.QuebecTorrent.com/forum`), when it has four characters or more.
fn domain_names(tokens: &[Token<'_>]) -> FxHashSet<String> {
    let mut sites = Vec::new();
    find_sites(tokens, &mut sites);
    sites
        .into_iter()
        .filter_map(|m| m.site.domain)
        .filter_map(|domain| {
            let name = domain.split('.').next()?;
            (name.chars().count() >= 4).then(|| name.to_owned())
        })
        .collect()
}

/// Relabels `spans` (token ranges into `tokens`, one document, sorted and
/// not overlapping) as the module documentation says, and adds the
/// mentions of domain names (rule 3) outside them and outside the tokens
/// `blocked` marks (the rules' amounts and domains). The result is sorted
/// and does not overlap.
pub(crate) fn site_contexts(
    lexicon: &Lexicon,
    tokens: &[Token<'_>],
    blocked: &[u8],
    rules: NameRules,
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    if rules.on(NameRule::DomainName) {
        named_domains(lexicon, tokens, blocked, spans);
    }
    relabel_by_context(lexicon, tokens, blocked, rules, spans);
}

/// Endings that make a common word of a `télécharg-` stem.
#[rustfmt::skip]
const DOWNLOAD_ENDINGS: &[&str] = &[
    "e", "es", "ent", "er", "ez", "ons", "é", "ée", "és", "ées", "ement", "ements", "eable",
    "eables", "eant", "eait", "eaient", "eons", "eur", "eurs", "euse", "euses", "era", "eront",
    "erait",
];

/// Parts of a word that make it a download or streaming site's name
/// (`QuebecTorrent`, `Papystreaming`, `Streamcomplet`, `ZoneTelechargement`),
/// matched in any ASCII case, each with the endings that make a common
/// word of it when it opens the word (`Streaming`, `Torrentielles`,
/// `Téléchargement`).
#[rustfmt::skip]
const SITE_WORD_PARTS: &[(&str, &[&str])] = &[
    ("torrent", &["", "s", "iel", "ielle", "iels", "ielles", "iellement", "ueux", "ueuse", "ueuses"]),
    ("stream", &[
        "", "s", "ing", "ings", "er", "ers", "eur", "eurs", "euse", "euses", "é", "ée", "és",
        "ées", "e", "es", "ent", "ez", "ait", "line", "lines", "liner", "liners", "lined",
    ]),
    ("warez", &[""]),
    ("download", &["", "s", "er", "ers", "ed", "ing", "é", "ée", "és", "ées"]),
    ("upload", &["", "s", "er", "ers", "ed", "ing", "é", "ée", "és", "ées", "e", "es", "ent"]),
    ("telecharg", DOWNLOAD_ENDINGS),
    ("télécharg", DOWNLOAD_ENDINGS),
    ("Télécharg", DOWNLOAD_ENDINGS),
];

/// [`SITE_WORD_PARTS`]' parts, searched in one pass over a word.
static SITE_WORD_SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(SITE_WORD_PARTS.iter().map(|(part, _)| part))
        .expect("a few short literal patterns")
});

/// Whether `word` is a site's name by its make-up: one of
/// [`SITE_WORD_PARTS`] after other letters (`Papystreaming`,
/// `Megaupload`), with a capital or a digit inside the word
/// (`QuebecTorrent`, `Torrent9`, `ZoneTelechargement`), or before letters
/// that make no common word of it (`Streamcomplet`, `Streameast`); not a
/// common word (`Téléchargement`, `Streaming`, `Torrentielles` opening a
/// sentence, `TÉLÉCHARGEMENT` in a heading), nor a protocol (`BitTorrent`).
fn site_word(word: &str) -> bool {
    // The shortest part and one more letter.
    if word.len() < 6 || NOT_SITE_NAMES.contains(&word) {
        return false;
    }
    let Some(found) = SITE_WORD_SEARCH.find(word) else {
        return false;
    };
    let lowercase = word.chars().any(char::is_lowercase);
    let capital_or_digit_inside = lowercase
        && word
            .chars()
            .skip(1)
            .any(|c| c.is_uppercase() || c.is_ascii_digit());
    let (_, endings) = SITE_WORD_PARTS[found.pattern().as_usize()];
    let rest = &word[found.end()..];
    found.start() > 0
        || capital_or_digit_inside
        || lowercase && !endings.iter().any(|e| rest.eq_ignore_ascii_case(e))
}

/// Rule 3.
fn named_domains(
    lexicon: &Lexicon,
    tokens: &[Token<'_>],
    blocked: &[u8],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let names = domain_names(tokens);
    let spells_a_domain = |k: usize| {
        let t = &tokens[k];
        !names.is_empty()
            && names.contains(
                &t.text
                    .chars()
                    .flat_map(char::to_lowercase)
                    .collect::<String>(),
            )
            && !known_platform(lexicon, &tokens[k..k + 1])
    };
    let mut found = Vec::new();
    let mut next = 0; // the first span not before token k
    for (k, token) in tokens.iter().enumerate() {
        while next < spans.len() && spans[next].0.end <= k {
            next += 1;
        }
        if !token.is_capitalised_word() || blocked.get(k).is_some_and(|&b| b != 0) {
            continue;
        }
        let made_of = site_word(token.text);
        if !made_of && !spells_a_domain(k) {
            continue;
        }
        match spans.get_mut(next) {
            Some((r, label)) if r.start <= k => {
                // An organisation keeps its label beside its domain (`la
                // Hadopi`, `hadopi.fr`), not where its name makes it a site.
                let relabelled = if made_of {
                    matches!(label, Label::Misc | Label::Per | Label::Org | Label::Loc)
                } else {
                    matches!(label, Label::Misc | Label::Per)
                        || *label == Label::Loc && !lexicon.is_place([token.text])
                };
                if r.len() == 1 && relabelled {
                    *label = Label::Site;
                }
            }
            _ => found.push((k..k + 1, Label::Site)),
        }
    }
    if !found.is_empty() {
        spans.extend(found);
        spans.sort_by_key(|(r, _)| r.start);
    }
}

/// The most capitalised words of an untagged site name after a site noun.
const MAX_UNTAGGED: usize = 3;

/// Capitalised words after a site noun that name no site: the network, a
/// protocol or a classification (`un site Internet`, `un tracker
/// BitTorrent`, `le site Seveso`).
const NOT_SITE_NAMES: &[&str] = &["Internet", "Web", "BitTorrent", "Torrent", "Seveso"];

/// Rule 1 for names the tagger missed: the capitalised words (up to
/// [`MAX_UNTAGGED`]) that no span holds right after a site noun, or after
/// a site noun and one adjective (`le site pirate T411`), or a quoted name
/// there, whole (`l'application "Dans ma rue"`); not after other words
/// (`l'application de ces ZNT`, `le site du magazine Elle`).
fn untagged_after_site_nouns(
    nouns: &[&str],
    tokens: &[Token<'_>],
    blocked: &[u8],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let covered = covered(tokens, spans);
    let name = |k: usize| {
        tokens[k].is_capitalised_word()
            && !NOT_SITE_NAMES.contains(&tokens[k].text)
            && free(&covered, blocked, k)
    };
    let before = spans.len();
    let mut k = 0;
    while k < tokens.len() {
        // A word a parenthesis describes as an online service
        // (`Megavideo (streaming)`).
        if name(k)
            && !SENTENCE_OPENERS.contains(&tokens[k].text)
            && tokens.get(k + 1).is_some_and(|t| t.text == "(")
            && site_described_after(nouns, tokens, k..k + 1)
        {
            spans.push((k..k + 1, Label::Site));
            k += 1;
            continue;
        }
        let Some(noun) = name(k).then(|| noun_before(tokens, k, nouns)).flatten() else {
            k += 1;
            continue;
        };
        // A quoted name is taken whole (`l'application "Dans ma rue"`).
        let quoted = k
            .checked_sub(1)
            .and_then(|open| quoted_name(tokens, &covered, blocked, open));
        // Unquoted, a sentence's first word glued after the noun is none
        // (`des sites visésEn France`).
        if quoted.is_none() && SENTENCE_OPENERS.contains(&tokens[k].text) {
            k += 1;
            continue;
        }
        let end = quoted.map_or_else(
            || {
                (k..tokens.len().min(k + MAX_UNTAGGED))
                    .take_while(|&e| name(e))
                    .last()
                    .map_or(k + 1, |e| e + 1)
            },
            |q| q.end,
        );
        if ground_site(tokens, noun, k..end) {
            k = end;
            continue;
        }
        spans.push((k..end, Label::Site));
        k = end;
    }
    if spans.len() > before {
        spans.sort_by_key(|(r, _)| r.start);
    }
}

/// Makes `SITE` the one-word names listed with a site (`Footybite et
/// Streameast`, `via Zoom, Skype ou WhatsApp`) that the tagger took for a
/// person or another name: a list's names are alike. An organisation
/// keeps its label (`Facebook et Google`: the company beside the
/// platform), and so does a place (`entre Chine et Occident`).
fn coordinated_sites(tokens: &[Token<'_>], spans: &mut [(Range<usize>, Label)]) {
    super::enumerations::for_each_run(tokens, spans, |run| {
        // A list ends with `et` or `ou` (`Sur son compte Twitter, Tex a
        // dit` is none).
        let listed = match run {
            [.., (before, _), (last, _)] => tokens[before.end..last.start]
                .iter()
                .any(|t| matches!(t.text, "et" | "ou")),
            _ => false,
        };
        if listed && run.iter().any(|(_, label)| *label == Label::Site) {
            for (r, label) in run.iter_mut() {
                if r.len() == 1 && matches!(label, Label::Per | Label::Misc) {
                    *label = Label::Site;
                }
            }
        }
    });
}

/// For each one-word name in `spans`, how many of its mentions are a
/// `SITE` and how many an `ORG`.
fn one_word_votes<'t>(
    tokens: &[Token<'t>],
    spans: &[(Range<usize>, Label)],
) -> FxHashMap<&'t str, (u32, u32)> {
    let mut votes: FxHashMap<&str, (u32, u32)> = FxHashMap::default();
    for (r, label) in spans {
        if r.len() == 1 && matches!(label, Label::Site | Label::Org) {
            let (site, org) = votes.entry(tokens[r.start].text).or_default();
            *if *label == Label::Site { site } else { org } += 1;
        }
    }
    votes
}

/// Rules 1 and 2.
fn relabel_by_context(
    lexicon: &Lexicon,
    tokens: &[Token<'_>],
    blocked: &[u8],
    rules: NameRules,
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let nouns = site_nouns(tokens);
    let tagged_sites = one_word_votes(tokens, spans);
    if rules.on(NameRule::SiteNoun) {
        untagged_after_site_nouns(nouns, tokens, blocked, spans);
        // The network, a protocol or a classification is no site's name,
        // whatever the tagger says (`le site Seveso`).
        spans.retain(|(r, label)| {
            !(*label == Label::Site
                && r.len() == 1
                && NOT_SITE_NAMES.contains(&tokens[r.start].text))
        });
    }
    // The one-word names that the text itself calls sites.
    let mut called_sites: FxHashSet<&str> = FxHashSet::default();
    for (r, label) in spans.iter_mut() {
        if !rules.on(NameRule::SiteNoun)
            || r.len() == 1 && NOT_SITE_NAMES.contains(&tokens[r.start].text)
        {
            continue;
        }
        let introduced = site_noun_before(nouns, tokens, r.clone()).is_some();
        let described = site_described_after(nouns, tokens, r.clone());
        if (matches!(label, Label::Org | Label::Misc) || *label == Label::Per && r.len() == 1)
            && introduced
            || (matches!(label, Label::Org | Label::Misc | Label::Per)
                || *label == Label::Loc
                    && !lexicon.is_place(tokens[r.clone()].iter().map(|t| t.text))
                    && !(r.start > 0
                        && matches!(
                            tokens[r.start - 1].text,
                            "en" | "En" | "à" | "À" | "au" | "Au" | "aux" | "Aux" | "dans" | "Dans"
                        )))
                && described
        {
            *label = Label::Site;
        }
        if *label == Label::Site && r.len() == 1 && (introduced || described) {
            called_sites.insert(tokens[r.start].text);
        }
    }
    if rules.on(NameRule::SiteNoun) {
        coordinated_sites(tokens, spans);
    }
    if !rules.on(NameRule::SiteSpread) {
        return;
    }
    // The one-word names found as sites, but known platforms, where the
    // evidence is strong: the text calls the name a site, a rule here made
    // one of its mentions a site, or the tagger took it for a site at least
    // as often as for an organisation (not `Google` twice an organisation,
    // once a site).
    let now_sites = one_word_votes(tokens, spans);
    let sites: FxHashSet<&str> = spans
        .iter()
        .filter(|(r, label)| {
            *label == Label::Site && r.len() == 1 && !known_platform(lexicon, &tokens[r.clone()])
        })
        .map(|(r, _)| tokens[r.start].text)
        .filter(|name| {
            let (site, org) = tagged_sites.get(name).copied().unwrap_or_default();
            called_sites.contains(name)
                || now_sites.get(name).is_some_and(|&(now, _)| now > site)
                || site >= org
        })
        .collect();
    if sites.is_empty() {
        return;
    }
    // One-word mentions only; a person's name is rarely a site's, so a
    // `PER` mention of a site's name is the tagger's mistake, and so is a
    // `LOC` one unless the gazetteer knows the place. The company that
    // acts keeps its `ORG` (`Airbnb a déclaré`), as the contract has it.
    for (r, label) in spans.iter_mut() {
        if r.len() == 1
            && sites.contains(&tokens[r.start].text)
            && (matches!(label, Label::Misc | Label::Per)
                || *label == Label::Org && !super::outlets::acts(tokens, r)
                || *label == Label::Loc && !lexicon.is_place([tokens[r.start].text]))
        {
            *label = Label::Site;
        }
    }
    // And the mentions the tagger missed.
    let covered = covered(tokens, spans);
    let before = spans.len();
    for (k, token) in tokens.iter().enumerate() {
        if free(&covered, blocked, k)
            && token.kind == TokenKind::Word
            && sites.contains(&token.text)
        {
            spans.push((k..k + 1, Label::Site));
        }
    }
    if spans.len() > before {
        spans.sort_by_key(|(r, _)| r.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn site_words() {
        for (word, expected) in [
            ("QuebecTorrent", true),
            ("Quebectorrent", true),
            ("Torrent411", true),
            ("Papystreaming", true),
            ("ZoneTelechargement", true),
            ("Megaupload", true),
            ("StreamElements", true),
            ("Streamcomplet", true),
            ("Streameast", true),
            ("Streamer", false),
            ("Torrentiel", false),
            ("Téléchargeable", false),
            ("Torrent", false),
            ("Torrents", false),
            ("Torrentielles", false),
            ("Streaming", false),
            ("Téléchargement", false),
            ("TÉLÉCHARGEMENT", false),
            ("BitTorrent", false),
            ("Paris", false),
        ] {
            assert_eq!(site_word(word), expected, "{word}");
        }
    }

    #[test]
    fn context_makes_sites() {
        let cases = [
            Case {
                name: "site noun",
                text: "Le site T411 a fermé. T411 comptait des millions de membres.",
                tagged: &[("T411", Label::Org)],
                expected: &[("T411", Label::Site), ("T411", Label::Site)],
            },
            Case {
                name: "a one-word person's name after a site noun, not a full name",
                text: "Selon le site internet Meduza et les réseaux peer-to-peer Edonkey, \
                       le site Jean Dupont, Meduza a écrit.",
                tagged: &[
                    ("Meduza", Label::Per),
                    ("Edonkey", Label::Per),
                    ("Jean Dupont", Label::Per),
                    ("Meduza", Label::Per),
                ],
                expected: &[
                    ("Meduza", Label::Site),
                    ("Edonkey", Label::Site),
                    ("Jean Dupont", Label::Per),
                    ("Meduza", Label::Site),
                ],
            },
            Case {
                name: "an untagged name after a site noun, then found again",
                text: "Le site T411 a fermé. T411 comptait des membres, comme le tracker Zone Telechargement. \
                       L'application de ces ZNT, selon le site du magazine Elle. \
                       L'application \"Dans ma rue\" marche.",
                tagged: &[],
                expected: &[
                    ("T411", Label::Site),
                    ("T411", Label::Site),
                    ("Zone Telechargement", Label::Site),
                    ("Dans ma rue", Label::Site),
                ],
            },
            Case {
                name: "an apposition or a parenthesis that describes an online service",
                text: "Leetchi, plateforme en ligne de collecte, et Mega (stockage en ligne). \
                       Leetchi a fermé la cagnotte. Fessenheim, site de la centrale. \
                       Airbus, le site industriel. MegaChat (messagerie) et Qatar (application Ehteraz). \
                       Lancée en Angleterre, l'application plaît.",
                tagged: &[
                    ("Leetchi", Label::Per),
                    ("Mega", Label::Misc),
                    ("Leetchi", Label::Per),
                    ("Fessenheim", Label::Loc),
                    ("Airbus", Label::Org),
                    ("MegaChat", Label::Loc),
                    ("Qatar", Label::Loc),
                    ("Angleterre", Label::Loc),
                ],
                expected: &[
                    ("Leetchi", Label::Site),
                    ("Mega", Label::Site),
                    ("Leetchi", Label::Site),
                    ("Fessenheim", Label::Loc),
                    ("Airbus", Label::Org),
                    ("MegaChat", Label::Site),
                    ("Qatar", Label::Loc),
                    ("Ehteraz", Label::Site),
                    ("Angleterre", Label::Loc),
                ],
            },
            Case {
                name: "site noun with words between, then the name alone",
                text: "Le site de covoiturage Blablacar grandit. Blablacar recrute.",
                tagged: &[("Blablacar", Label::Org), ("Blablacar", Label::Org)],
                expected: &[("Blablacar", Label::Site), ("Blablacar", Label::Site)],
            },
            Case {
                name: "a known platform as a site is not spread to the company",
                text: "Il a écrit sur Twitter. Twitter a annoncé des pertes.",
                tagged: &[("Twitter", Label::Site), ("Twitter", Label::Org)],
                expected: &[("Twitter", Label::Site), ("Twitter", Label::Org)],
            },
            Case {
                name: "the tagger's one site guess is not spread over an organisation",
                text: "Google a annoncé un accord. Selon Google, rien. Depuis Google, tout va.",
                tagged: &[
                    ("Google", Label::Org),
                    ("Google", Label::Org),
                    ("Google", Label::Site),
                ],
                expected: &[
                    ("Google", Label::Org),
                    ("Google", Label::Org),
                    ("Google", Label::Site),
                ],
            },
            Case {
                name: "a site the text calls one is spread, but not where the company acts",
                text: "Il a téléchargé l'application Replika. Replika séduit des millions \
                       d'inscrits. Selon Replika, tout va. Replika a déclaré qu'il ferme.",
                tagged: &[
                    ("Replika", Label::Site),
                    ("Replika", Label::Org),
                    ("Replika", Label::Org),
                    ("Replika", Label::Org),
                ],
                expected: &[
                    ("Replika", Label::Site),
                    ("Replika", Label::Site),
                    ("Replika", Label::Site),
                    ("Replika", Label::Org),
                ],
            },
            Case {
                name: "the owner of a site",
                text: "Selon le site du Figaro, rien. La plateforme proposée par Apple ferme.",
                tagged: &[("Figaro", Label::Org), ("Apple", Label::Org)],
                expected: &[("Figaro", Label::Org), ("Apple", Label::Org)],
            },
            Case {
                name: "an organisation stays one",
                text: "La Sacem a porté plainte.",
                tagged: &[("Sacem", Label::Org)],
                expected: &[("Sacem", Label::Org)],
            },
            Case {
                name: "the name of a domain of the document, untagged or mistagged",
                text: "Le site QuebecTorrent.com ferme. Quebectorrent a besoin de vous, \
                       dit Quebectorrent. Allez sur www.allofmp3.com : Allofmp3 baisse ses prix.",
                tagged: &[("Quebectorrent", Label::Per), ("Allofmp3", Label::Misc)],
                expected: &[
                    ("Quebectorrent", Label::Site),
                    ("Quebectorrent", Label::Site),
                    ("Allofmp3", Label::Site),
                ],
            },
            Case {
                name: "the name of a domain of the document tagged as a place the gazetteer does not know",
                text: "Allez sur wawacity.ec : Wawacity a rouvert. La mairie, sur paris.fr, dit que Paris a fermé.",
                tagged: &[("Wawacity", Label::Loc), ("Paris", Label::Loc)],
                expected: &[("Wawacity", Label::Site), ("Paris", Label::Loc)],
            },
            Case {
                name: "described sites: untagged before a parenthesis, spread to unknown places",
                text: "Megavideo (streaming) ferme. Wawacity, un annuaire de liens, aussi : \
                       Wawacity et Paris. Paris, site pirate ?",
                tagged: &[("Wawacity", Label::Loc), ("Wawacity", Label::Loc), ("Paris", Label::Loc), ("Paris", Label::Loc)],
                expected: &[
                    ("Megavideo", Label::Site),
                    ("Wawacity", Label::Site),
                    ("Wawacity", Label::Site),
                    ("Paris", Label::Loc),
                    ("Paris", Label::Loc),
                ],
            },
            Case {
                name: "names listed with a site, not an organisation, a place or a clause",
                text: "Via Zoom, Skype ou WhatsApp. Footybite et Streameast ferment. \
                       Facebook et Google, la Chine et Instagram. Sur Twitter, Tex a dit.",
                tagged: &[
                    ("Zoom", Label::Site),
                    ("Skype", Label::Misc),
                    ("WhatsApp", Label::Site),
                    ("Footybite", Label::Per),
                    ("Streameast", Label::Org),
                    ("Facebook", Label::Site),
                    ("Google", Label::Org),
                    ("Chine", Label::Loc),
                    ("Instagram", Label::Site),
                    ("Twitter", Label::Site),
                    ("Tex", Label::Per),
                ],
                expected: &[
                    ("Zoom", Label::Site),
                    ("Skype", Label::Site),
                    ("WhatsApp", Label::Site),
                    ("Footybite", Label::Site),
                    ("Streameast", Label::Site),
                    ("Facebook", Label::Site),
                    ("Google", Label::Org),
                    ("Chine", Label::Loc),
                    ("Instagram", Label::Site),
                    ("Twitter", Label::Site),
                    ("Tex", Label::Per),
                ],
            },
            Case {
                name: "a download or streaming site by its name's make-up",
                text: "TorrentFreak le dit : Papystreaming et Torrent9 ferment, \
                       Megaupload aussi. Téléchargement illégal : Gilberte Torrent et BitTorrent.",
                tagged: &[
                    ("TorrentFreak", Label::Org),
                    ("Torrent9", Label::Per),
                    ("Gilberte Torrent", Label::Per),
                ],
                expected: &[
                    ("TorrentFreak", Label::Site),
                    ("Papystreaming", Label::Site),
                    ("Torrent9", Label::Site),
                    ("Megaupload", Label::Site),
                    ("Gilberte Torrent", Label::Per),
                ],
            },
            Case {
                name:
                    "an organisation with a domain stays one, and a platform is not a site by name",
                text: "La Hadopi (hadopi.fr) écrit. Voir twitter.com, où Twitter a changé.",
                tagged: &[("Hadopi", Label::Org)],
                expected: &[("Hadopi", Label::Org)],
            },
            Case {
                name: "a site on the ground: a factory, a plant",
                text: "Le site BMW de Shenyang et le site de production Tesla ferment. \
                       Sur le site Audi d'Ingolstadt, le site Seveso et le site Lubrizol de Rouen. \
                       BMW a annoncé. Les sites PSA de France ferment, dit PSA.",
                tagged: &[
                    ("BMW", Label::Org),
                    ("Tesla", Label::Org),
                    ("Audi d'Ingolstadt", Label::Org),
                    ("Seveso", Label::Site),
                    ("BMW", Label::Org),
                    ("PSA", Label::Org),
                    ("PSA", Label::Org),
                ],
                expected: &[
                    ("BMW", Label::Org),
                    ("Tesla", Label::Org),
                    ("Audi d'Ingolstadt", Label::Org),
                    ("BMW", Label::Org),
                    ("PSA", Label::Org),
                    ("PSA", Label::Org),
                ],
            },
            Case {
                name: "a platform is a chassis in an article about cars",
                text: "Audi et Porsche suivent Volkswagen sur la plateforme MEB, \
                       mais le site Carwow et la plate-forme Leboncoin.",
                tagged: &[("Audi", Label::Org), ("Porsche", Label::Org), ("Volkswagen", Label::Org), ("MEB", Label::Org)],
                expected: &[
                    ("Audi", Label::Org),
                    ("Porsche", Label::Org),
                    ("Volkswagen", Label::Org),
                    ("MEB", Label::Org),
                    ("Carwow", Label::Site),
                ],
            },
            Case {
                name: "a quote closing after a name is not the name's",
                text: "\"Sous réserve du vote au Parlement\", l'application sera prête. \
                       Le site Web publie. Des sites visés\nEn France.",
                tagged: &[("Parlement", Label::Org), ("Web", Label::Misc)],
                expected: &[("Parlement", Label::Org), ("Web", Label::Misc)],
            },
            Case {
                name: "lower case, short names, the network and blocked tokens are left alone",
                text: "Le tracker what.cd ferme, c'est la what. Voir T.me et me.com sur un site Internet.",
                tagged: &[],
                expected: &[],
            },
        ];
        let lexicon = Lexicon::embedded();
        check(&cases, |_, tokens, spans| {
            site_contexts(
                &lexicon,
                tokens,
                &vec![0; tokens.len()],
                NameRules::ALL,
                spans,
            )
        });
    }
}
