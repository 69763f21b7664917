//! Links document entities to a [`KnowledgeBase`].
//!
//! For each document entity (all its mentions together), candidates come
//! from the knowledge base's folded names: each mention as written, then its
//! core name (`M. Berteaux, président de la commission` → `Berteaux`, `le
//! Gothard` → `Gothard`) and its other spellings (`Costa-Rica`, `St-Gall`),
//! then, when nothing matched and the name has a word unknown to the
//! word-cluster vocabulary (an OCR error, most likely), names one or two
//! edits away. Each candidate is scored by
//!
//! - how it matched: a full name, a person's last name only, one edit away;
//! - its prior: its popularity against the other candidates';
//! - type agreement between its type and the entity's label;
//! - context: how many words of its description the document contains;
//! - coherence: whether its description names another entity of the
//!   document (`ville, Suisse` where `Suisse` is mentioned);
//!
//! and the best one is kept if its score reaches the NIL threshold.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::document::{Entity, Mention};
use crate::kb::{Candidate, KbId, KnowledgeBase, NameMatch};
use crate::names::is_seat;
use crate::tag::Lexicon;
use crate::text::{fold, Token};
use crate::types::Label;

/// Default score below which an entity is left unlinked (NIL). Calibrated by
/// four-fold cross-validation on HIPE-2020 French training data (knowledge
/// base from three quarters of the documents, scored on the fourth): scores
/// from 2.0 to 2.3 gave the same accuracy and the best NIL recall.
pub const DEFAULT_NIL_THRESHOLD: f32 = 2.2;

const W_MATCH: f32 = 1.0;
const W_PRIOR: f32 = 1.0;
const W_TYPE: f32 = 1.0;
const W_CONTEXT: f32 = 0.5;
const W_COHERENCE: f32 = 0.5;

/// How a candidate's name matched a mention, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    Full,
    Core,
    Variant,
    Partial,
    Fuzzy,
}

impl Match {
    fn score(self) -> f32 {
        match self {
            Match::Full => 1.0,
            Match::Core => 0.7,
            Match::Variant => 0.6,
            Match::Partial => 0.5,
            Match::Fuzzy => 0.4,
        }
    }
}

/// Titles that precede a person's name.
const TITLES: &[&str] = &[
    "m",
    "mm",
    "mme",
    "mmes",
    "mlle",
    "mlles",
    "me",
    "mgr",
    "dr",
    "pr",
    "monsieur",
    "madame",
    "mademoiselle",
    "messieurs",
    "sir",
    "saint",
    "sainte",
    "mr",
    "mrs",
];

/// Words after which a capital does not start the name (`parti des
/// Sudètes` names a party, not the Sudetes).
const SMALL: &[&str] = &["de", "des", "du", "d'", "la", "le", "les", "l'", "et", "en"];

/// A mention without OCR noise: only letters, digits, spaces, hyphens,
/// apostrophes and full stops, single-spaced (`Neu » châtel` → `Neu
/// châtel`). Borrowed when already clean.
fn clean(mention: &str) -> std::borrow::Cow<'_, str> {
    let keep = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '’' | '.');
    if mention.chars().all(keep) && !mention.contains("  ") {
        return mention.trim().into();
    }
    let kept: String = mention
        .chars()
        .map(|c| if keep(c) { c } else { ' ' })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ").into()
}

/// The name inside a mention: without a title, a role before it, or an
/// apposition after it; without a leading article.
fn core_name(mention: &str, label: Label) -> &str {
    let mut m = mention.trim();
    if label == Label::Per {
        if let Some(cut) = [m.find(", "), m.find(" (")].into_iter().flatten().min() {
            m = &m[..cut];
        }
        // Leading titles and lower-case words (`l'ingénieur Ilg`).
        while let Some((first, rest)) = m.split_once(' ') {
            let bare = first.trim_end_matches('.').to_lowercase();
            let lower = first.chars().next().is_some_and(|c| !c.is_uppercase());
            if TITLES.contains(&bare.as_str()) || lower || first.chars().all(|c| c == '.') {
                m = rest.trim_start();
            } else {
                break;
            }
        }
    } else {
        for article in [
            "le ", "la ", "les ", "l'", "l’", "Le ", "La ", "Les ", "L'", "L’",
        ] {
            if let Some(rest) = m.strip_prefix(article) {
                if !rest.is_empty() {
                    m = rest;
                }
                break;
            }
        }
        // Places: `ville de Cracovie`, `royaume de Pologne`, `canton des
        // Grisons`: lower-case words, then `de` and a name (not so for
        // organisations: `parti des Sudètes`); `agence Havas`: lower-case
        // words, then a name.
        if m.chars().next().is_some_and(char::is_lowercase) {
            let cuts = [" de ", " d'", " d’", " des ", " du "]
                .into_iter()
                .filter(|_| label == Label::Loc)
                .flat_map(|p| m.match_indices(p))
                .map(|(at, p)| (at, at + p.len()));
            for (at, end) in cuts {
                let name = m[end..].trim_start();
                let lower_before = m[..at]
                    .split([' ', '-'])
                    .all(|w| w.chars().next().is_some_and(char::is_lowercase));
                if lower_before && name.chars().next().is_some_and(char::is_uppercase) {
                    m = name;
                    break;
                }
            }
            if let Some(at) = m.find(|c: char| c.is_uppercase()) {
                let before = &m[..at];
                if before.ends_with(' ') && before.split_whitespace().all(|w| !SMALL.contains(&w)) {
                    m = &m[at..];
                }
            }
        }
    }
    m.trim_end_matches([' ', '.', ',', ';', ':'])
}

/// Description words too common to tell namesakes apart.
const GENERIC: &[&str] = &[
    "ville",
    "pays",
    "territoire",
    "commune",
    "personne",
    "entreprise",
    "organisation",
];

/// Other spellings of a name: hyphens for spaces and back (`Costa-Rica`,
/// `Viêt-nam`), no spaces (`Neu châtel`), `Saint` for `St` (`St-Gall`).
fn spellings(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    if name.contains('-') {
        out.push(name.replace('-', " "));
    }
    if name.contains(' ') {
        out.push(name.replace(' ', "-"));
        out.push(name.replace(' ', ""));
    }
    for (short, long) in [("St-", "Saint-"), ("Ste-", "Sainte-"), ("St ", "Saint-")] {
        if let Some(rest) = name.strip_prefix(short) {
            out.push(format!("{long}{rest}"));
        }
    }
    out
}

/// Content words of a folded text (four letters or more).
fn content_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4)
}

/// Adds a candidate found by `how`, keeping its best match.
fn add<'k>(found: &mut FxHashMap<KbId, Scored<'k>>, c: Candidate<'k>, how: Match) {
    let how = match c.matched {
        NameMatch::Name => how,
        NameMatch::Variant => how.max(Match::Variant),
        _ => how.max(Match::Partial),
    };
    let e = c.entity;
    let s = found.entry(e.id()).or_insert_with(|| Scored {
        id: e.id(),
        label: e.label(),
        popularity: e.popularity(),
        best: how,
        description: e.description(),
    });
    if how < s.best {
        s.best = how;
    }
}

struct Scored<'k> {
    id: KbId,
    label: Label,
    popularity: f32,
    best: Match,
    /// As written; folded only when the context is scored.
    description: &'k str,
}

/// Links each document entity of `label` PER, ORG, LOC or SITE.
///
/// `vocabulary` tells misspelt names, which are looked for among near names;
/// `None` turns that search off.
pub(crate) fn link(
    kb: &KnowledgeBase,
    vocabulary: Option<&Lexicon>,
    nil_threshold: f32,
    tokens: &[Token<'_>],
    entities: &[Mention<'_>],
    doc_entities: &mut [Entity],
) {
    if doc_entities.is_empty() {
        return;
    }
    // Folded words and entity names of the document, for context and
    // coherence: computed the first time a choice needs them.
    let mut doc_words: Option<FxHashSet<String>> = None;
    let mut names: Option<Vec<String>> = None;
    for g in 0..doc_entities.len() {
        let group = &doc_entities[g];
        if !matches!(
            group.label,
            Label::Per | Label::Org | Label::Loc | Label::Site
        ) {
            continue;
        }
        let mut found: FxHashMap<KbId, Scored<'_>> = FxHashMap::default();
        // Each distinct (name, label) once, in order of first mention: a
        // group often repeats a name, and a name's candidates do not change.
        let mut seen: FxHashSet<(&str, Label)> = FxHashSet::default();
        let mentions: Vec<_> = group
            .mentions
            .iter()
            .filter(|&&i| seen.insert((entities[i].text(), entities[i].label())))
            .map(|&i| (clean(entities[i].text()), entities[i].label()))
            .collect();
        for (mention, label) in &mentions {
            for c in kb.candidates(mention) {
                add(&mut found, c, Match::Full);
            }
            let core = core_name(mention, *label);
            if core != mention && !core.is_empty() {
                for c in kb.candidates(core) {
                    add(&mut found, c, Match::Core);
                }
            }
            for variant in spellings(core) {
                for c in kb.candidates(&variant) {
                    add(&mut found, c, Match::Core);
                }
            }
        }
        let agrees = |s: &Scored| (s.label == Label::Per) == (group.label == Label::Per);
        if let (Some(vocabulary), false) = (vocabulary, found.values().any(agrees)) {
            // Each distinct core name once (a group often repeats a name).
            let mut searched: Vec<String> = Vec::new();
            for (mention, label) in &mentions {
                let core = core_name(mention, *label);
                let key = fold(core);
                if searched.contains(&key) {
                    continue;
                }
                searched.push(key);
                // Only a name with a word that no French text has (an OCR
                // error, most likely) is looked for among near names.
                let misspelt = core
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.chars().count() >= 3 && !vocabulary.knows(w));
                if !misspelt {
                    continue;
                }
                for (_, candidates) in kb.fuzzy_candidates(core) {
                    for c in candidates {
                        add(&mut found, c, Match::Fuzzy);
                    }
                }
            }
        }
        // A person is never a place, nor a place a person.
        found.retain(|_, s| agrees(s));
        // A name written out in full beats names found inside it
        // (`canton de Berne` the canton, not `Berne` the city).
        if found.values().any(|s| s.best == Match::Full) {
            found.retain(|_, s| s.best == Match::Full);
        }
        // Popularity against the most popular candidate's, smoothed so that
        // a lone candidate with no popularity has the full prior.
        let max_prior = found.values().map(|s| s.popularity).fold(0.0f32, f32::max) + 1.0;
        let needs_context = found.len() > 1 && found.values().any(|s| !s.description.is_empty());
        if needs_context && doc_words.is_none() {
            doc_words = Some(
                tokens
                    .iter()
                    .filter(|t| t.text.len() >= 4 && t.text.chars().all(char::is_alphanumeric))
                    .map(|t| fold(t.text))
                    .collect(),
            );
            names = Some(doc_entities.iter().map(|d| fold(&d.name)).collect());
        }
        // An organisation is not the place it is named after (`Orange`,
        // `Toyota`, `Lyon` the club), except a seat of power that acts
        // (`le Kremlin a démenti`: the building's entity stands for it).
        let seat = mentions.iter().any(|(m, _)| is_seat(m));
        let mut best: Option<(f32, KbId)> = None;
        for s in found.values() {
            let type_agreement = match (s.label, group.label) {
                (a, b) if a == b => 1.0,
                (Label::Org, Label::Site) | (Label::Site, Label::Org) => 0.5,
                (Label::Org, Label::Loc) | (Label::Loc, Label::Org) if seat => 0.3,
                _ => 0.0,
            };
            let (mut context, mut coherence) = (0.0, 0.0);
            if let (true, Some(words), Some(names)) = (needs_context, &doc_words, &names) {
                let description = fold(s.description);
                let described: Vec<&str> = content_words(&description)
                    .filter(|w| !GENERIC.contains(w))
                    .collect();
                if !described.is_empty() {
                    let seen = described.iter().filter(|w| words.contains(**w)).count();
                    context = seen as f32 / described.len() as f32;
                }
                coherence = names
                    .iter()
                    .enumerate()
                    .filter(|&(h, n)| h != g && n.len() >= 4)
                    .any(|(_, n)| description.contains(n.as_str()))
                    as u8 as f32;
            }
            let score = W_MATCH * s.best.score()
                + W_PRIOR * (s.popularity + 1.0) / max_prior
                + W_TYPE * type_agreement
                + W_CONTEXT * context
                + W_COHERENCE * coherence;
            // Ties go to the smaller id, so results do not depend on hashing.
            let better = match best {
                None => true,
                Some((b, id)) => score > b || (score == b && s.id < id),
            };
            if better {
                best = Some((score, s.id));
            }
        }
        if let Some((score, id)) = best {
            let group = &mut doc_entities[g];
            group.kb_score = Some(score);
            if score >= nil_threshold {
                group.kb_id = Some(id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_spellings() {
        let cases: [(&str, &[&str]); 4] = [
            ("Costa-Rica", &["Costa Rica"]),
            ("Neu châtel", &["Neu-châtel", "Neuchâtel"]),
            ("St-Gall", &["St Gall", "Saint-Gall"]),
            ("Berne", &[]),
        ];
        for (name, expected) in cases {
            assert_eq!(spellings(name), expected, "{name}");
        }
    }

    #[test]
    fn cleaning() {
        let cases = [
            ("Neu » châtel", "Neu châtel"),
            ("_BELSTNGFORS", "BELSTNGFORS"),
            ("Angle * terre", "Angle terre"),
            ("M. Ilg", "M. Ilg"),
            ("L’Élysée", "L’Élysée"),
            ("", ""),
            ("£ ?", ""),
        ];
        for (mention, expected) in cases {
            assert_eq!(clean(mention), expected, "{mention}");
        }
    }

    #[test]
    fn core_names() {
        let cases = [
            ("M. Ilg", Label::Per, "Ilg"),
            ("M .. l'ingénieur Ilg", Label::Per, "Ilg"),
            (
                "M. Berteaux, président de la commission",
                Label::Per,
                "Berteaux",
            ),
            ("genéral Picqu art", Label::Per, "Picqu art"),
            ("MM. Brenner", Label::Per, "Brenner"),
            ("Joseph Reinach", Label::Per, "Joseph Reinach"),
            ("le Gothard", Label::Loc, "Gothard"),
            ("L'Élysée", Label::Org, "Élysée"),
            ("agence Havas", Label::Org, "Havas"),
            ("parti des Sudètes", Label::Org, "parti des Sudètes"),
            ("canton des Grisons", Label::Loc, "Grisons"),
            ("Mr. le maréchal Soult", Label::Per, "Soult"),
            ("ville même de Cracovie", Label::Loc, "Cracovie"),
            ("royaume d'Italie", Label::Loc, "Italie"),
            ("canton de Berne", Label::Loc, "Berne"),
            ("Le", Label::Org, "Le"),
            ("", Label::Per, ""),
        ];
        for (mention, label, expected) in cases {
            assert_eq!(core_name(mention, label), expected, "{mention}");
        }
    }
}
