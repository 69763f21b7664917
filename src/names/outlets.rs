//! Media outlets and online platforms known by name (`docs/annotation.md`):
//! broadcasters, newspapers and news agencies are `ORG`, and online-only
//! services and platforms are `SITE`, wherever they appear. The tagger
//! learns names mostly from Wikipedia, where both are organisations, and
//! the site rules' known platforms are the names of domains seen in the
//! news, broadcasters' among them (`bfmtv.com`); so a name the tagger found
//! whose whole text is in one of these lists takes that list's label.
//!
//! A social network or an app is also its company's name: where it acts
//! (`Facebook estime`, `le fondateur de Facebook`) it is an `ORG`, as the
//! contract has `Google a annoncé`; online-only sites stay `SITE`.
//!
//! A known platform the tagger missed is found by its name alone (`OiNK`,
//! `iStock`), unless the name is also a word (`Mega`, `Brut`).
//!
//! A video's credit glued to its caption (`?par 6MEDIAS`) names its
//! source, an `ORG` whether the lists know it or not.
//!
//! The lists hold widely known names only, French national and the larger
//! foreign ones; they are not read off the gold articles.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::{covered, free, glued, name_key};
use crate::text::{Token, TokenKind};
use crate::types::Label;

/// Broadcasters, newspapers, magazines and news agencies, lower-cased, as
/// written with and without their article.
#[rustfmt::skip]
const MEDIA: &[&str] = &[
    // Television.
    "tf1", "france 2", "france 3", "france 4", "france 5", "france ô", "france télévisions",
    "france televisions", "arte", "m6", "w9", "6ter", "c8", "cnews", "cstar", "tmc", "tfx",
    "nrj 12", "lcp", "public sénat", "bfmtv", "bfm tv", "bfm business", "bfm paris", "lci",
    "franceinfo", "france info", "franceinfo tv", "france 24", "tv5monde", "tv5 monde", "canal+",
    "canal plus", "rmc", "rmc story", "rmc découverte", "gulli", "paris première", "euronews",
    "i24news", "eurosport", "chérie 25", "cnn", "bbc", "nbc", "cbs", "abc", "fox news", "msnbc",
    "al jazeera", "al-jazeera", "hbo", "radio-canada", "al-arabiya", "al arabiya",
    // Radio.
    "rtl", "rtl2", "europe 1", "france inter", "france culture", "france bleu", "france musique",
    "fip", "rfi", "radio france", "sud radio", "radio classique", "nrj", "nostalgie", "fun radio",
    "skyrock", "virgin radio", "rfm", "chérie fm", "bfm radio",
    // Press.
    "le monde", "monde", "le figaro", "figaro", "libération", "liberation", "le parisien",
    "parisien", "aujourd'hui en france", "les échos", "les echos", "échos", "echos", "la croix",
    "l'humanité", "humanité", "l'opinion", "le canard enchaîné", "canard enchaîné",
    "le journal du dimanche", "journal du dimanche", "jdd", "l'express", "express",
    "le point", "l'obs", "obs", "le nouvel observateur", "nouvel observateur", "marianne",
    "valeurs actuelles", "paris match", "closer", "gala", "télérama", "le monde diplomatique",
    "charlie hebdo", "ouest-france", "ouest france", "sud ouest", "sud-ouest", "la voix du nord",
    "voix du nord", "le progrès", "le dauphiné libéré", "dauphiné libéré", "la dépêche du midi",
    "la dépêche", "nice-matin", "nice matin", "var-matin", "corse-matin", "la provence",
    "midi libre", "le télégramme", "télégramme", "l'est républicain", "est républicain",
    "les dernières nouvelles d'alsace", "dernières nouvelles d'alsace", "dna",
    "le républicain lorrain", "républicain lorrain", "le courrier picard", "courrier picard",
    "paris-normandie", "la nouvelle république", "l'équipe", "l'equipe", "équipe", "20 minutes",
    "the new york times", "new york times", "the washington post", "washington post",
    "the guardian", "guardian", "the times", "the sun", "daily mail", "the daily telegraph",
    "the telegraph", "financial times", "the wall street journal", "wall street journal", "el país",
    "el pais", "el mundo", "la repubblica", "corriere della sera", "der spiegel", "spiegel", "bild",
    "die welt", "süddeutsche zeitung", "le soir", "le devoir", "newsweek", "the economist",
    "usa today", "politico", "la stampa", "stampa", "daily mirror", "mirror", "the independent",
    "variety", "forbes", "jeune afrique", "france-antilles", "france antilles", "paris-match",
    "nord éclair", "nord eclair", "sciences et avenir", "science et avenir",
    // Magazines and regional dailies named without their article, and
    // abbreviations (`au Point`, `selon Libé`).
    "point", "libé", "voici", "marie claire", "télé star", "télé loisirs", "télé 7 jours",
    "le dauphiné", "dauphiné", "le bien public", "bien public",
    // Agencies.
    "afp", "agence france-presse", "reuters", "associated press", "bloomberg", "belga", "ansa",
];

/// Online-only services, social networks, apps and news sites, lower-cased.
#[rustfmt::skip]
const PLATFORMS: &[&str] = &[
    "twitter", "facebook", "instagram", "youtube", "tiktok", "snapchat", "whatsapp", "telegram",
    "messenger", "facebook messenger", "linkedin", "pinterest", "reddit", "tumblr", "twitch",
    "dailymotion", "vimeo", "periscope", "myspace", "discord", "wikipédia", "wikipedia",
    "wikileaks", "mediapart", "huffpost", "le huffpost", "huffington post", "the huffington post",
    "rue89", "konbini", "buzzfeed", "leboncoin", "le bon coin", "tripadvisor", "blablacar",
    "doctolib", "parcoursup", "change.org", "gofundme", "kickstarter", "tinder", "megaupload",
    "the pirate bay", "pirate bay",
    // Online-only news and gossip sites.
    "huff post", "le huff post", "tmz", "brut", "loopsider", "streetpress", "atlantico",
    "numerama", "the verge", "techcrunch", "reporterre", "arrêt sur images", "torrentfreak",
    "zataz", "purepeople", "pure people", "puremedias", "slate", "melty", "mashable", "axios",
    "breitbart", "the intercept",
    // Crowdfunding, betting, dating, classified ads, search.
    "leetchi", "ulule", "kisskissbankbank", "helloasso", "indiegogo", "winamax", "betclic",
    "unibet", "meetic", "happn", "grindr", "badoo", "vinted", "seloger", "doctissimo",
    "allociné", "allocine", "qwant", "4chan", "8chan", "onlyfans", "pornhub",
    // File sharing, download and streaming sites, peer-to-peer networks, image banks.
    "t411", "torrent411", "zone téléchargement", "zone telechargement", "zonetelechargement",
    "megavideo", "mega", "what.cd", "oink", "edonkey", "emule", "kazaa", "napster", "limewire",
    "directconnect", "direct connect", "gnutella", "soulseek",
    "cpasbien", "yggtorrent", "sci-hub", "popcorn time", "grooveshark", "rapidshare", "uptobox",
    "1fichier", "quebectorrent", "istock", "thinkstock", "shutterstock", "wawacity",
    "zone-annuaire", "zone annuaire", "extreme down", "extreme-down", "libertyland", "torrent9",
    "1337x", "rarbg", "kickass torrents", "isohunt", "eztv", "demonoid", "nyaa", "allostreaming",
    "dpstream", "french stream", "french-stream", "papystreaming", "streamcomplet", "voirfilms",
];

/// [`MEDIA`] and [`PLATFORMS`] as sets: a name is looked up once or more
/// for each capitalised word of a document.
static MEDIA_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| MEDIA.iter().copied().collect());
static PLATFORM_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| PLATFORMS.iter().copied().collect());

/// Whether `key` (lower-cased) is a known outlet's or platform's name.
pub(super) fn is_known_outlet(key: &str) -> bool {
    MEDIA_SET.contains(key) || PLATFORM_SET.contains(key)
}

/// The platforms of `PLATFORMS` that are also a company's name, lower-cased:
/// an `ORG` where they act.
#[rustfmt::skip]
const COMPANY_PLATFORMS: &[&str] = &[
    "twitter", "facebook", "instagram", "youtube", "tiktok", "snapchat", "whatsapp", "telegram",
    "linkedin", "pinterest", "reddit", "tumblr", "twitch", "dailymotion", "vimeo", "discord",
    "blablacar",
];

/// Nouns whose complement is a company: `le fondateur de Facebook`.
#[rustfmt::skip]
const NOUNS_OF_A_COMPANY: &[&str] = &[
    "fondateur", "fondatrice", "cofondateur", "cofondatrice", "co-fondateur", "co-fondatrice",
    "patron", "patronne", "PDG", "CEO", "dirigeant", "dirigeante", "dirigeants", "porte-parole",
    "actionnaires", "salariés", "employés", "ingénieurs", "avocats", "rachat",
];

/// Verbs after which `par` names the one who acts: `contacté par Facebook`.
const CONTACTED: &[&str] = &["contacté", "contactée", "contactés", "contactées"];

/// Verbs (third person) that make the name before them the one who acts:
/// `Facebook estime`, `LinkedIn a subi`.
#[rustfmt::skip]
const ACTS: &[&str] = &[
    "a", "avait", "aurait", "va", "vient", "doit", "estime", "indique", "explique", "annonce",
    "affirme", "assure", "précise", "confirme", "dément", "reconnaît", "souligne", "répond",
    "rappelle", "prévoit", "compte", "souhaite", "veut", "propose", "lance", "teste", "interdit",
    "supprime", "bloque", "suspend", "retire", "justifie", "revendique", "emploie", "rachète",
];

/// Words before a name that make it no subject: `sur Twitter a été vu`.
#[rustfmt::skip]
const NOT_SUBJECT: &[&str] = &[
    "sur", "Sur", "via", "de", "d'", "d’", "du", "des", "à", "au", "aux", "dans", "par", "avec",
    "pour", "en", "et", "ou", "comme", "contre", "chez",
];

/// Whether the name starting at token `start` is the complement of one of
/// [`NOUNS_OF_A_COMPANY`]: `le fondateur de Facebook`, `le patron de
/// Surgisphere`.
pub(super) fn of_a_company(tokens: &[Token<'_>], start: usize) -> bool {
    let before = |back: usize| super::word_before(tokens, start, back);
    matches!(before(1), "de" | "d'" | "d’") && NOUNS_OF_A_COMPANY.contains(&before(2))
}

/// Whether the platform that token range `r` names acts as a company.
pub(super) fn acts(tokens: &[Token<'_>], r: &Range<usize>) -> bool {
    let before = |back: usize| super::word_before(tokens, r.start, back);
    if of_a_company(tokens, r.start) {
        return true;
    }
    if before(1) == "par" && CONTACTED.contains(&before(2)) {
        return true;
    }
    !NOT_SUBJECT.contains(&before(1)) && tokens.get(r.end).is_some_and(|t| ACTS.contains(&t.text))
}

/// Companies whose online service is a place after `sur`, lower-cased
/// (`les recettes les plus recherchées sur Google`, `disponible sur
/// Netflix`: the contract's `une vidéo publiée sur YouTube`); elsewhere
/// they name the company.
#[rustfmt::skip]
const SERVICE_COMPANIES: &[&str] = &[
    "google", "google maps", "google play", "google play store", "netflix", "amazon",
    "amazon prime video", "prime video", "disney+", "apple tv+", "apple music", "app store",
    "spotify", "deezer", "airbnb", "skype", "zoom",
];

/// Words before `sur` that make it `about` or `upon`: `la pression sur
/// Google`, `la pression s'accroît sur Google`.
#[rustfmt::skip]
const ABOUT_WORDS: &[&str] = &[
    "pression", "pressions", "enquête", "enquêtes", "article", "articles", "livre", "documentaire",
    "rapport", "plainte", "mainmise", "emprise", "contrôle", "regard", "débat", "taxe", "accroît",
    "accroit", "pèse", "pèsent",
];

/// Whether the name at token range `r` follows `sur` as a place, not as
/// `about` (`ABOUT_WORDS`).
fn on_service(tokens: &[Token<'_>], r: &Range<usize>) -> bool {
    let before = |back: usize| super::word_before(tokens, r.start, back);
    matches!(before(1), "sur" | "Sur") && !ABOUT_WORDS.contains(&before(2))
}

/// Titles that are also a region's name, lower-cased: after a definite
/// article they name the region (`dans le Sud-Ouest`, `les Etats arides du
/// Sud-Ouest`), since the newspaper's title has none (`selon Sud Ouest`).
const REGION_TITLES: &[&str] = &["sud ouest", "sud-ouest"];

/// Whether the title at token range `r` (its key `key`) names a region.
fn names_region(tokens: &[Token<'_>], r: &Range<usize>, key: &str) -> bool {
    REGION_TITLES.contains(&key)
        && matches!(
            super::word_before(tokens, r.start, 1),
            "le" | "Le" | "du" | "Du" | "au" | "Au"
        )
}

/// Capitalised articles that open an outlet's title (`Le Parisien raconte`).
const ARTICLES: &[&str] = &["Le", "La", "Les", "L'", "L’"];

/// Punctuation that ends a caption a credit is glued to: `?par 6MEDIAS`,
/// `(vidéo)par Non Stop Zapping`.
const CAPTION_ENDS: &[&str] = &["?", "!", ")", "\"", "»", "”"];

/// The most words of a credited name.
const MAX_CREDIT: usize = 4;

/// Adds the source that a video's credit names, an `ORG` (a broadcaster,
/// a magazine, a producer): `par` glued to the end of a caption, then the
/// name up to where the next sentence starts, glued to it (`?par Sport
/// AutoPour réaliser`) or opening with a capital before a lower-case word
/// (`?par 6MEDIAS Après les 17 dates`). A domain there (`par Le
/// Monde.fr`) is the site rules'; a name the tagger found stays its.
pub(crate) fn credits(
    tokens: &[Token<'_>],
    blocked: &[u8],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let covered = covered(tokens, spans);
    let word = |k: usize| {
        tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word) && free(&covered, blocked, k)
    };
    let mut found = Vec::new();
    for k in 1..tokens.len() {
        // A closing quote is glued to the caption; `"par amour"` opens one.
        let caption_end = CAPTION_ENDS.contains(&tokens[k - 1].text)
            && (!matches!(tokens[k - 1].text, "\"" | "»" | "”") || glued(tokens, k - 1));
        // `6MEDIAS` is a number and a word, glued.
        let digits_first = tokens
            .get(k + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
            && free(&covered, blocked, k + 1)
            && word(k + 2)
            && glued(tokens, k + 2);
        let credit = tokens[k].text == "par"
            && glued(tokens, k)
            && caption_end
            && (digits_first || word(k + 1))
            && !glued(tokens, k + 1)
            && tokens[k + 1]
                .text
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if !credit {
            continue;
        }
        let start = k + 1;
        let mut end = start + 1 + usize::from(digits_first);
        while end < tokens.len().min(start + MAX_CREDIT)
            && word(end)
            && !glued(tokens, end)
            && tokens[end].is_capitalised_word()
            && !tokens.get(end + 1).is_some_and(|n| {
                n.kind == TokenKind::Word && n.text.starts_with(char::is_lowercase)
            })
        {
            end += 1;
        }
        if blocked.get(end).is_some_and(|&b| b != 0) {
            continue;
        }
        found.push((start..end, Label::Org));
    }
    if !found.is_empty() {
        spans.extend(found);
        spans.sort_by_key(|(r, _)| r.start);
    }
}

/// Platforms of [`PLATFORMS`] whose name is also a word or a common name
/// (`mega`, `brut`): found only where the tagger found a name.
const AMBIGUOUS_PLATFORMS: &[&str] = &["mega", "brut", "periscope", "messenger"];

/// The most tokens of a platform's name.
const MAX_PLATFORM: usize = 3;

/// The first tokens of [`PLATFORMS`]' names, as the tokenizer cuts them:
/// a word that is none opens no platform's name.
static PLATFORM_FIRST_TOKENS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    PLATFORMS
        .iter()
        .filter_map(|p| crate::text::tokenize(p).first().map(|t| t.text))
        .collect()
});

/// Adds the known platforms that the tagger left untagged (`OiNK`,
/// `iStock`, `Zone Téléchargement`): a run of one to [`MAX_PLATFORM`]
/// tokens that no span or rule holds, whose whole text is in [`PLATFORMS`]
/// and not in [`AMBIGUOUS_PLATFORMS`], opening with a capital (`iStock`
/// has its second letter), with no capitalised word next to either end
/// of it on the same line (`Twitter France`). A `SITE`, or an `ORG` where the company acts.
pub(crate) fn untagged_platforms(
    text: &str,
    tokens: &[Token<'_>],
    blocked: &[u8],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let covered = covered(tokens, spans);
    // A capital, also second (`iStock`), or the number that opens `4chan`.
    let capital = |t: &Token<'_>| {
        let mut chars = t.text.chars();
        t.kind == TokenKind::Number
            || match (chars.next(), chars.next()) {
                (Some(a), Some(b)) => a.is_uppercase() || a.is_lowercase() && b.is_uppercase(),
                _ => false,
            }
    };
    // Whether no line break separates tokens `a` and `b` (`Thinkstock`,
    // then `Mise à jour` on the next line).
    let same_line = |a: usize, b: usize| {
        text.get(tokens[a].span.byte_end..tokens[b].span.byte_start)
            .is_some_and(|between| !between.contains('\n'))
    };
    let mut key = String::new();
    let mut found = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let may_open = capital(&tokens[k])
            && free(&covered, blocked, k)
            && name_key(text, tokens, &(k..k + 1), &mut key)
            && PLATFORM_FIRST_TOKENS.contains(key.as_str());
        if !may_open {
            k += 1;
            continue;
        }
        let name = (1..=MAX_PLATFORM).rev().find_map(|n| {
            let r = k..k + n;
            let fits = r.end <= tokens.len()
                && r.clone().all(|i| free(&covered, blocked, i))
                && !(k > 0
                    && tokens[k - 1].is_capitalised_word()
                    && !ARTICLES.contains(&tokens[k - 1].text)
                    && same_line(k - 1, k))
                && !(tokens.get(r.end).is_some_and(Token::is_capitalised_word)
                    && same_line(r.end - 1, r.end))
                && name_key(text, tokens, &r, &mut key)
                && PLATFORM_SET.contains(key.as_str())
                && !AMBIGUOUS_PLATFORMS.contains(&key.as_str());
            fits.then(|| {
                let company = COMPANY_PLATFORMS.contains(&key.as_str()) && acts(tokens, &r);
                (r, if company { Label::Org } else { Label::Site })
            })
        });
        match name {
            Some((r, label)) => {
                k = r.end;
                found.push((r, label));
            }
            None => k += 1,
        }
    }
    if !found.is_empty() {
        spans.extend(found);
        spans.sort_by_key(|(r, _)| r.start);
    }
}

/// The token range of a domain (`Monde.fr`, token range `domain`) with
/// the capitalised article before it where the two spell a known outlet's
/// title and a web ending: the outlet's site, named as its title is
/// (`Le Monde.fr`; the contract keeps an article that is part of a title).
pub(crate) fn outlet_site_with_article(
    text: &str,
    tokens: &[Token<'_>],
    domain: Range<usize>,
) -> Range<usize> {
    let Some(article) = domain.start.checked_sub(1) else {
        return domain;
    };
    let mut key = String::new();
    let titled = ARTICLES.contains(&tokens[article].text)
        && name_key(text, tokens, &(article..domain.end), &mut key)
        && key.rsplit_once('.').is_some_and(|(title, ending)| {
            matches!(ending, "fr" | "com" | "be" | "ch" | "ca" | "net" | "info")
                && is_known_outlet(title)
        });
    if titled {
        article..domain.end
    } else {
        domain
    }
}

/// Gives a name the label of the list its whole text is in. A capitalised
/// article before it that no span holds joins it when the list has the
/// title with its article (`Le Parisien` at a sentence's start; the
/// contract keeps an article that is part of a title, capital and all).
pub(crate) fn known_outlets(text: &str, tokens: &[Token<'_>], spans: &mut [(Range<usize>, Label)]) {
    let mut key = String::new();
    let known = |r: &Range<usize>, key: &mut String| {
        if !name_key(text, tokens, r, key) {
            None
        } else if MEDIA_SET.contains(key.as_str()) {
            (!names_region(tokens, r, key)).then_some(Label::Org)
        } else if PLATFORM_SET.contains(key.as_str()) {
            Some(
                if COMPANY_PLATFORMS.contains(&key.as_str()) && acts(tokens, r) {
                    Label::Org
                } else {
                    Label::Site
                },
            )
        } else if SERVICE_COMPANIES.contains(&key.as_str()) && on_service(tokens, r) {
            Some(Label::Site)
        } else {
            None
        }
    };
    let mut free_from = 0; // the first token after the previous span
    for (r, label) in spans.iter_mut() {
        let with_article = (r.start > free_from && ARTICLES.contains(&tokens[r.start - 1].text))
            .then(|| r.start - 1..r.end);
        if let Some((longer, known)) =
            with_article.and_then(|a| known(&a, &mut key).map(|l| (a, l)))
        {
            *r = longer;
            *label = known;
        } else if let Some(known) = known(r, &mut key) {
            *label = known;
        }
        free_from = r.end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn an_outlets_site_keeps_its_titles_article() {
        for (text, expected) in [
            ("sur le site du quotidien Le Monde.fr, lu", "Le Monde.fr"),
            ("selon Le Figaro.fr.", "Le Figaro.fr"),
            ("sur le Monde.fr, lu", "Monde.fr"),
            ("Le Dupont.fr est fermé", "Dupont.fr"),
            ("Monde.fr est lu", "Monde.fr"),
        ] {
            let tokens = crate::text::tokenize(text);
            let domain = tokens
                .iter()
                .position(|t| t.kind == TokenKind::Domain)
                .expect(text);
            let r = outlet_site_with_article(text, &tokens, domain..domain + 1);
            let found = &text[tokens[r.start].span.byte_start..tokens[r.end - 1].span.byte_end];
            assert_eq!(found, expected, "{text}");
        }
    }

    #[test]
    fn outlets_take_their_label() {
        let cases = [
            Case {
                name: "a capitalised article joins a title that has it, not a lower-case one",
                text: "Le Parisien raconte, selon le Parisien et La Croix, que Le Monde.",
                tagged: &[
                    ("Parisien", Label::Loc),
                    ("Parisien", Label::Org),
                    ("Croix", Label::Per),
                    ("Monde", Label::Org),
                ],
                expected: &[
                    ("Le Parisien", Label::Org),
                    ("Parisien", Label::Org),
                    ("La Croix", Label::Org),
                    ("Le Monde", Label::Org),
                ],
            },
            Case {
                name: "a broadcaster after sur is an organisation",
                text: "Il l'a dit sur BFMTV puis sur France Inter.",
                tagged: &[("BFMTV", Label::Site), ("France Inter", Label::Loc)],
                expected: &[("BFMTV", Label::Org), ("France Inter", Label::Org)],
            },
            Case {
                name: "a region's name is the newspaper's title only without an article",
                text: "Il pleut dans le Sud-Ouest et au Sud-Ouest de Paris, selon Sud-Ouest.",
                tagged: &[
                    ("Sud-Ouest", Label::Loc),
                    ("Sud-Ouest", Label::Loc),
                    ("Sud-Ouest", Label::Loc),
                ],
                expected: &[
                    ("Sud-Ouest", Label::Loc),
                    ("Sud-Ouest", Label::Loc),
                    ("Sud-Ouest", Label::Org),
                ],
            },
            Case {
                name: "a company's online service after sur, the company elsewhere",
                text: "Recherché sur Google, disponible sur Netflix ; Google a annoncé une enquête sur Netflix.",
                tagged: &[
                    ("Google", Label::Org),
                    ("Netflix", Label::Org),
                    ("Google", Label::Org),
                    ("Netflix", Label::Org),
                ],
                expected: &[
                    ("Google", Label::Site),
                    ("Netflix", Label::Site),
                    ("Google", Label::Org),
                    ("Netflix", Label::Org),
                ],
            },
            Case {
                name: "a magazine after a contraction, an online-only gossip site",
                text: "Il l'a dit au Point, selon Libé et le site Purepeople.",
                tagged: &[
                    ("Point", Label::Loc),
                    ("Libé", Label::Per),
                    ("Purepeople", Label::Org),
                ],
                expected: &[
                    ("Point", Label::Org),
                    ("Libé", Label::Org),
                    ("Purepeople", Label::Site),
                ],
            },
            Case {
                name: "a newspaper with its article, whatever the case and apostrophe",
                text: "LE PARISIEN et L’Humanité le racontent.",
                tagged: &[("LE PARISIEN", Label::Loc), ("L’Humanité", Label::Per)],
                expected: &[("LE PARISIEN", Label::Org), ("L’Humanité", Label::Org)],
            },
            Case {
                name: "a platform is a site where it does not act",
                text: "Sur Instagram, le compte est supprimé. Mediapart l'a révélé.",
                tagged: &[("Instagram", Label::Org), ("Mediapart", Label::Per)],
                expected: &[("Instagram", Label::Site), ("Mediapart", Label::Site)],
            },
            Case {
                name: "a social network that acts is its company",
                text: "Facebook estime le nombre. Le fondateur de Twitter, contacté par LinkedIn, publie sur YouTube a minuit.",
                tagged: &[
                    ("Facebook", Label::Site),
                    ("Twitter", Label::Site),
                    ("LinkedIn", Label::Site),
                    ("YouTube", Label::Org),
                ],
                expected: &[
                    ("Facebook", Label::Org),
                    ("Twitter", Label::Org),
                    ("LinkedIn", Label::Org),
                    ("YouTube", Label::Site),
                ],
            },
            Case {
                name: "an online-only site stays a site when it acts",
                text: "Mediapart a révélé l'affaire.",
                tagged: &[("Mediapart", Label::Org)],
                expected: &[("Mediapart", Label::Site)],
            },
            Case {
                name: "only a name's whole text counts",
                text: "Le Monde Arabe et le groupe France Télévisions Publicité.",
                tagged: &[
                    ("Monde Arabe", Label::Loc),
                    ("France Télévisions Publicité", Label::Misc),
                ],
                expected: &[
                    ("Monde Arabe", Label::Loc),
                    ("France Télévisions Publicité", Label::Misc),
                ],
            },
        ];
        check(&cases, |c, tokens, spans| {
            known_outlets(c.text, tokens, spans)
        });
    }

    #[test]
    fn untagged_platforms_are_found() {
        let cases = [
            Case {
                name: "a platform the tagger missed, camel case and two words too",
                text:
                    "Photo jmiks/iStock/Thinkstock\nMise à jour. Le tracker OiNK et Zone Téléchargement. Twitter a annoncé.",
                tagged: &[],
                expected: &[
                    ("iStock", Label::Site),
                    ("Thinkstock", Label::Site),
                    ("OiNK", Label::Site),
                    ("Zone Téléchargement", Label::Site),
                    ("Twitter", Label::Org),
                ],
            },
            Case {
                name: "a name that opens with a number, piracy sites",
                text: "Selon l'Arcom, 1337x, Extreme Down et 4chan restent visités, pas 1337 x.",
                tagged: &[],
                expected: &[("1337x", Label::Site), ("Extreme Down", Label::Site), ("4chan", Label::Site)],
            },
            Case {
                name: "not a word, a longer name, a lower-case word or a name found",
                text:
                    "Le Mega Drive, Twitter France, la mega fête, Brut de décoffrage, sur YouTube.",
                tagged: &[("YouTube", Label::Org)],
                expected: &[("YouTube", Label::Org)],
            },
        ];
        check(&cases, |c, tokens, spans| {
            untagged_platforms(c.text, tokens, &vec![0; tokens.len()], spans)
        });
    }

    #[test]
    fn credits_name_their_source() {
        let cases = [
            Case {
                name: "glued to the next sentence, after a number, before a sentence",
                text: "Un ballet (vidéo)par Non Stop ZappingElle chante. Va-t-il partir ?par 6MEDIASParmi eux. \
                       Est-il là ?par 6MEDIAS Après les dates.",
                tagged: &[],
                expected: &[
                    ("Non Stop Zapping", Label::Org),
                    ("6MEDIAS", Label::Org),
                    ("6MEDIAS", Label::Org),
                ],
            },
            Case {
                name: "no credit: an opening quote, a space before par, a name found, a domain",
                text: "Il l'a fait \"par Amour\" et par Jean. Un test ?par Sport Auto. La vidéo ?par Le Monde.fr ici.",
                tagged: &[("Sport Auto", Label::Misc)],
                expected: &[("Sport Auto", Label::Misc)],
            },
        ];
        check(&cases, |_, tokens, spans| {
            let blocked: Vec<u8> = tokens
                .iter()
                .map(|t| u8::from(t.kind == crate::text::TokenKind::Domain) * 2)
                .collect();
            credits(tokens, &blocked, spans)
        });
    }
}
