//! Works and shows are not annotated in the news gold (`docs/annotation.md`):
//! in `l'émission BFM Politique`, `le spectacle Le Mur` or `le documentaire
//! « I Am Paul Walker »` the name is a work's title, whatever names it holds.
//! The tagger, seeing capitals, takes it for an organisation or a person.
//! Events are not annotated either: `Salon de l'Agriculture`, `Coupe du
//! monde`, `Paris Motion Festival`, `Aïd el-Fitr`, storms (`l'ouragan
//! Irma`). Nor are shows the text
//! names without a work noun (`TPMP`, `Quotidien`, `Koh-Lanta`), feasts and
//! competitions named alone (`l'Aïd`, `la Ligue 1`), nor products
//! (`Mediator`, `Linky`), nor awards (`les César`, `l'Oscar de la meilleure
//! actrice`): lists of widely known ones make them `MISC`.

use std::ops::Range;

use super::{name_key, noun_before, quoted, word_before};
use crate::text::Token;
use crate::types::Label;

/// Nouns that name a kind of work whose title follows them, laws among
/// them (`la loi Macron`: the contract annotates no law, nor a name in
/// one). `magazine` and `programme` are not: they introduce a publisher or
/// a plan as often.
const WORK_NOUNS: &[&str] = &[
    "album",
    "chanson",
    "documentaire",
    "émission",
    "émissions",
    "feuilleton",
    "film",
    "films",
    "jeu",
    "livre",
    "loi",
    "lois",
    "roman",
    "saga",
    "série",
    "sitcom",
    "spectacle",
    "téléfilm",
    "tube",
];

/// Words that open the name of an event (`Salon de l'Agriculture`, `Coupe
/// du monde`, `Fête de la musique`).
const EVENT_HEADS: &[&str] = &[
    "Aïd",
    "Biennale",
    "Carnaval",
    "Championnat",
    "Championnats",
    "Concours",
    "Coupe",
    "Euro",
    "Exposition",
    "Festival",
    "Fête",
    "Jeux",
    "Journée",
    "Journées",
    "Marathon",
    "Marche",
    "Mondial",
    "Prix",
    "Rallye",
    "Salon",
    "Sommet",
    "Tournoi",
];

/// Words that close the name of an event or a law (`Paris Motion
/// Festival`, `Communications Decency Act`).
const EVENT_TAILS: &[&str] = &["Act", "Festival", "Show"];

/// Nouns for a storm, whose one-word name is an event's (`l'ouragan
/// Irma`, `la tempête Ciara`: the news gold leaves both unannotated).
const STORM_NOUNS: &[&str] = &[
    "tempête", "ouragan", "cyclone", "typhon", "Tempête", "Ouragan", "Cyclone", "Typhon",
];

/// Whether the name at token range `r` is a storm's: one word after a
/// storm noun, or a storm noun and that word.
fn is_storm(tokens: &[Token<'_>], r: &Range<usize>) -> bool {
    match r.len() {
        1 => STORM_NOUNS.contains(&word_before(tokens, r.start, 1)),
        2 => STORM_NOUNS.contains(&tokens[r.start].text),
        _ => false,
    }
}

/// Whether `name` is an event's: it opens with an event head or closes
/// with an event tail (not `En Marche`, a party).
fn is_event(name: &[Token<'_>]) -> bool {
    name.len() > 1
        && (name.first().is_some_and(|t| EVENT_HEADS.contains(&t.text))
            || name.last().is_some_and(|t| EVENT_TAILS.contains(&t.text)))
}

/// Television shows and series that French news names without a work
/// noun, lower-cased; a name's whole text must match. Widely known titles,
/// written from general knowledge, none that is also a common name of an
/// organisation or a place.
#[rustfmt::skip]
const SHOWS: &[&str] = &[
    "tpmp", "touche pas à mon poste", "quotidien", "koh-lanta", "koh lanta", "the voice",
    "danse avec les stars", "dals", "star academy", "top chef", "l'amour est dans le pré",
    "fort boyard", "questions pour un champion", "les 12 coups de midi",
    "n'oubliez pas les paroles", "plus belle la vie", "demain nous appartient",
    "ici tout commence", "un si grand soleil", "c à vous", "c dans l'air", "envoyé spécial",
    "complément d'enquête", "cash investigation", "sept à huit", "zone interdite", "66 minutes",
    "loft story", "secret story", "pékin express", "nouvelle star", "on n'est pas couché", "onpc",
    "money drop", "télématin", "le grand journal", "le petit journal", "les guignols",
    "les guignols de l'info", "burger quiz", "mariés au premier regard",
    "la france a un incroyable talent", "les marseillais", "les anges", "game of thrones",
    "the walking dead", "stranger things", "the crown", "la casa de papel", "dix pour cent",
    "camping paradis", "section de recherches", "capitaine marleau", "le bureau des légendes",
    "kaamelott", "scènes de ménages", "faites entrer l'accusé", "rendez-vous en terre inconnue",
    "vendredi tout est permis", "les grandes gueules", "tout le monde veut prendre sa place",
    "affaire conclue", "les feux de l'amour", "the young and the restless", "miss france",
    "eurovision",
];

/// Feasts and sports competitions that French news names alone, lower-cased
/// (not `Noël` nor `Toussaint`, also a first name and a surname);
/// a name's whole text must match (`l'Aïd`, `la Ligue 1`, but not the `Ligue
/// des droits de l'homme`).
#[rustfmt::skip]
const EVENTS: &[&str] = &[
    "aïd", "ramadan", "hanouka", "yom kippour", "carême", "ascension", "assomption", "pentecôte",
    "pâques", "épiphanie", "halloween", "saint-valentin", "nouvel an",
    "ligue 1", "ligue 2", "ligue des champions", "ligue europa",
    "ligue des nations", "tour de france", "roland-garros", "vendée globe", "super bowl",
];

/// Medicines and devices that French news names as products, lower-cased;
/// a name's whole text must match. Brand names widely known from health
/// scandals and campaigns.
#[rustfmt::skip]
const PRODUCTS: &[&str] = &[
    "mediator", "dépakine", "depakine", "levothyrox", "lévothyrox", "doliprane", "efferalgan",
    "dafalgan", "isoméride", "androcur", "viagra", "xanax", "lexomil", "subutex", "lyrica",
    "oxycontin", "diane 35", "distilbène", "vioxx", "essure", "linky", "remdesivir",
    "plaquenil", "gardasil",
];

/// Awards and decorations that French news names alone, lower-cased; a name's whole text
/// must match, and a singular one is an award's only after a determiner
/// or before its category or year (`les César`, `l'Oscar de la meilleure actrice`,
/// `un César d'honneur`; `Molière` alone is the playwright).
#[rustfmt::skip]
const AWARDS: &[&str] = &[
    "césar", "césars", "oscar", "oscars", "molière", "molières", "emmy", "emmys", "emmy awards",
    "grammy", "grammys", "grammy awards", "golden globe", "golden globes", "palme d'or",
    "ballon d'or", "victoires de la musique", "nrj music awards",
    // Decorations.
    "légion d'honneur", "ordre national du mérite", "croix de guerre", "croix-de-guerre",
];

/// Whether the name at token range `r`, whose key is in [`AWARDS`], is an
/// award's: plural, or after a determiner, or before `du`, `de`, `d'` or
/// a year (`César 2018`).
fn is_award(key: &str, tokens: &[Token<'_>], r: &Range<usize>) -> bool {
    let determiner = matches!(
        word_before(tokens, r.start, 1).to_lowercase().as_str(),
        "le" | "la"
            | "les"
            | "l'"
            | "l’"
            | "un"
            | "une"
            | "des"
            | "du"
            | "au"
            | "aux"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "deux"
            | "trois"
            | "quatre"
            | "cinq"
    );
    let category = tokens.get(r.end).is_some_and(|t| {
        matches!(t.text, "du" | "de" | "d'" | "d’")
            || t.text.len() == 4 && matches!(t.text.parse::<u32>(), Ok(1900..=2099))
    });
    key.ends_with('s') || key.contains(' ') || determiner || category
}

/// Makes `MISC` the names that a work noun introduces (`l'émission BFM
/// Politique`), and makes one `MISC` span of a quoted title it introduces
/// (`le film "Leto"`, `le documentaire « I Am Paul Walker »`, the names
/// inside it dropped); a work's owner after `de` is left alone (`le jeu de
/// TF1`); and makes `MISC` the names of known shows and products. The
/// result is sorted and does not overlap.
pub(crate) fn works(
    text: &str,
    tokens: &[Token<'_>],
    blocked: &[u8],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let mut key = String::new();
    for (r, label) in spans.iter_mut() {
        if *label != Label::Money
            && (noun_before(tokens, r.start, WORK_NOUNS).is_some()
                || is_event(&tokens[r.clone()])
                || is_storm(tokens, r)
                || name_key(text, tokens, r, &mut key)
                    && ([SHOWS, EVENTS, PRODUCTS]
                        .iter()
                        .any(|list| list.contains(&key.as_str()))
                        || AWARDS.contains(&key.as_str()) && is_award(&key, tokens, r)))
        {
            *label = Label::Misc;
        }
    }
    let mut titles = Vec::new();
    for open in 1..tokens.len() {
        if let Some(title) = quoted_title(tokens, blocked, open) {
            if noun_before(tokens, title.start, WORK_NOUNS).is_some() {
                titles.push(title);
            }
        }
    }
    if titles.is_empty() {
        return;
    }
    // A title replaces the names inside it (`« I Am Paul Walker »`), and
    // is left alone where a name crosses its quotes or it lies inside a
    // title already taken (nested quotes). `spans` are sorted and do not
    // overlap, so they are sorted by end too: each title finds the names
    // it overlaps by binary search, and one pass drops the names inside
    // the titles taken, in time linear in the document.
    let mut taken: Vec<Range<usize>> = Vec::new();
    for title in titles {
        if taken.last().is_some_and(|t| t.end > title.start) {
            continue;
        }
        let first = spans.partition_point(|(r, _)| r.end <= title.start);
        let crossing = spans[first..]
            .iter()
            .take_while(|(r, _)| r.start < title.end)
            .any(|(r, _)| r.start < title.start || r.end > title.end);
        if !crossing {
            taken.push(title);
        }
    }
    let mut t = 0;
    spans.retain(|(r, _)| {
        while taken.get(t).is_some_and(|title| title.end <= r.start) {
            t += 1;
        }
        !taken.get(t).is_some_and(|title| title.start < r.end)
    });
    spans.extend(taken.into_iter().map(|title| (title, Label::Misc)));
    spans.sort_by_key(|(r, _)| r.start);
}

/// The most tokens of a quoted title.
const MAX_TITLE: usize = 12;

/// The quoted title that a quote opening at token `open` holds: a
/// capitalised first word, at most [`MAX_TITLE`] tokens, none of them
/// `blocked` (amounts, domains).
fn quoted_title(tokens: &[Token<'_>], blocked: &[u8], open: usize) -> Option<Range<usize>> {
    quoted(tokens, open, MAX_TITLE, |k| blocked.get(k) == Some(&0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn works_are_not_organisations() {
        let cases = [
            Case {
                name: "titles after work nouns",
                text: "Invitée de l'émission BFM Politique, elle joue le spectacle Le Mur et le documentaire « I Am Paul Walker ».",
                tagged: &[("BFM Politique", Label::Org), ("Le Mur", Label::Per), ("Paul Walker", Label::Per)],
                expected: &[("BFM Politique", Label::Misc), ("Le Mur", Label::Misc), ("I Am Paul Walker", Label::Misc)],
            },
            Case {
                name: "events, not a party",
                text: "Au Salon de l'Agriculture, au Paris Motion Festival et chez En Marche.",
                tagged: &[("Salon de l'Agriculture", Label::Org), ("Paris Motion Festival", Label::Org), ("En Marche", Label::Org)],
                expected: &[("Salon de l'Agriculture", Label::Misc), ("Paris Motion Festival", Label::Misc), ("En Marche", Label::Org)],
            },
            Case {
                name: "an untagged quoted title",
                text: "Le film \"Leto\" sort à Paris.",
                tagged: &[("Paris", Label::Loc)],
                expected: &[("Leto", Label::Misc), ("Paris", Label::Loc)],
            },
            Case {
                name: "a name across the quotes keeps them, nested quotes give one title",
                text: "Le film \"Paris\" Texas sort, le film « Un « Deux » Trois » aussi.",
                tagged: &[("Paris\" Texas", Label::Loc), ("Deux", Label::Per)],
                expected: &[("Paris\" Texas", Label::Misc), ("Un « Deux", Label::Misc)],
            },
            Case {
                name: "known shows without a work noun, whatever their case",
                text: "Chroniqueur de TPMP, il est passé dans Quotidien et Koh-Lanta, pas au Quotidien de Paris.",
                tagged: &[("TPMP", Label::Org), ("Quotidien", Label::Org), ("Koh-Lanta", Label::Loc), ("Quotidien de Paris", Label::Org)],
                expected: &[("TPMP", Label::Misc), ("Quotidien", Label::Misc), ("Koh-Lanta", Label::Misc), ("Quotidien de Paris", Label::Org)],
            },
            Case {
                name: "feasts and competitions, not a league",
                text: "Après l'Aïd el-Fitr et l'Aïd, la Ligue 1 et le Rallye Dakar, la Ligue des droits de l'homme. \
                       Le pont de l'Ascension, le Patriot Act.",
                tagged: &[("Aïd el-Fitr", Label::Per), ("Aïd", Label::Loc), ("Ligue 1", Label::Org), ("Rallye Dakar", Label::Org), ("Ligue des droits de l'homme", Label::Org), ("Ascension", Label::Org), ("Patriot Act", Label::Org)],
                expected: &[("Aïd el-Fitr", Label::Misc), ("Aïd", Label::Misc), ("Ligue 1", Label::Misc), ("Rallye Dakar", Label::Misc), ("Ligue des droits de l'homme", Label::Org), ("Ascension", Label::Misc), ("Patriot Act", Label::Misc)],
            },
            Case {
                name: "known products",
                text: "Les victimes du Mediator et les compteurs Linky.",
                tagged: &[("Mediator", Label::Org), ("Linky", Label::Loc)],
                expected: &[("Mediator", Label::Misc), ("Linky", Label::Misc)],
            },
            Case {
                name: "awards, not the playwright nor a first name",
                text: "Aux César, le César d'honneur et deux Oscars, pas L'Avare de Molière ni Oscar Wilde. La Légion d'honneur.",
                tagged: &[("César", Label::Per), ("César", Label::Per), ("Oscars", Label::Org), ("Molière", Label::Per), ("Oscar Wilde", Label::Per), ("Légion d'honneur", Label::Org)],
                expected: &[("César", Label::Misc), ("César", Label::Misc), ("Oscars", Label::Misc), ("Molière", Label::Per), ("Oscar Wilde", Label::Per), ("Légion d'honneur", Label::Misc)],
            },
            Case {
                name: "storms, not a person after one",
                text: "L'ouragan Irma, la tempête Ciara et après la tempête Pierre Aubé.",
                tagged: &[("ouragan Irma", Label::Loc), ("Ciara", Label::Loc), ("Pierre Aubé", Label::Per)],
                expected: &[("ouragan Irma", Label::Misc), ("Ciara", Label::Misc), ("Pierre Aubé", Label::Per)],
            },
            Case {
                name: "a person after a preposition or a pronoun, but a title after an adjective",
                text: "Une émission avec Joe Scarborough, des émissions auxquelles Gilbert Rozon était associé, la série culte Mannix.",
                tagged: &[("Joe Scarborough", Label::Per), ("Gilbert Rozon", Label::Per), ("Mannix", Label::Per)],
                expected: &[("Joe Scarborough", Label::Per), ("Gilbert Rozon", Label::Per), ("Mannix", Label::Misc)],
            },
            Case {
                name: "an owner after de stays",
                text: "Le jeu de TF1 et le film de François Ozon.",
                tagged: &[("TF1", Label::Org), ("François Ozon", Label::Per)],
                expected: &[("TF1", Label::Org), ("François Ozon", Label::Per)],
            },
        ];
        check(&cases, |c, tokens, spans| {
            works(c.text, tokens, &vec![0; tokens.len()], spans)
        });
    }
}
