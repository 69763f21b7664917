//! Coreference: grouping the mentions of a document into entities, the
//! mentions that name the same thing ([`Document::entities`](crate::Document::entities)).
//!
//! Two mentions (of `PER`, `ORG`, `LOC`, `MISC` or `SITE`) are merged when:
//!
//! - they are the same once case and accents are folded (`SACEM`, `Sacem`);
//! - one is a one-word person mention equal to the first or last word of a
//!   longer person mention, and only one such longer name fits
//!   (`Drouin` after `Solange Drouin`, `Dotcom` after `Kim Dotcom`);
//! - one is an acronym of the other's significant words
//!   (`SCPP`, `Société civile des producteurs phonographiques`), or follows it
//!   in brackets (`Association de lutte contre la piraterie audiovisuelle (Alpa)`);
//! - an alias cue joins them: `X, de son vrai nom Y`, `X alias Y`, `X, dit Y`,
//!   `X, né Y`, `X (ou auparavant Y)`, `X, anciennement Y`; and
//!   `X (de son vrai nom)` names the one other full name with X's first name;
//! - they differ only by spaces and hyphens (`ZoneTelechargement`);
//! - one is a domain and the other its name (`QuebecTorrent.com`,
//!   `Quebectorrent`).
//!
//! Merging is transitive. A group's name is its longest mention; a group
//! that holds a person's full name makes its one-word mentions persons too
//! (`Dotcom` tagged `ORG` beside `Kim Dotcom`). `ORG` and `SITE` mentions of
//! one group keep their own labels: the company acts, the site is a place.
//!
//! Each [`Mention`] gives its entity ([`Mention::entity`],
//! [`Document::entity_of`](crate::Document::entity_of)), and `annotate
//! --json` prints it as the `cluster` of each span.
//! [`Pipeline::group_mentions`](crate::Pipeline::group_mentions) groups
//! mentions you already have (from gold files or another tagger).

use rustc_hash::{FxHashMap, FxHashSet};

use crate::document::{Entity, EntityId, Mention, Value};
use crate::recognize::Site;
use crate::text::fold;
use crate::types::Label;

/// Words that acronyms leave out.
const SMALL_WORDS: &[&str] = &[
    "de", "des", "du", "d'", "la", "le", "les", "l'", "et", "en", "pour", "contre", "sur", "a",
    "au", "aux", "of", "the", "and", "for",
];

/// The initials of `name`'s significant words (`scpp` for `Société civile
/// des producteurs phonographiques`); `None` for fewer than two.
fn initials(folded: &str) -> Option<String> {
    let mut out = String::new();
    for word in folded.split([' ', '-']) {
        let word = word
            .strip_prefix("l'")
            .or_else(|| word.strip_prefix("d'"))
            .unwrap_or(word);
        if word.is_empty() || SMALL_WORDS.contains(&word) {
            continue;
        }
        out.extend(word.chars().next());
    }
    (out.chars().count() >= 2).then_some(out)
}

/// An acronym: two to eight letters or digits, mostly capitals, maybe dotted.
fn acronym(text: &str) -> Option<String> {
    let letters: String = text.chars().filter(|c| *c != '.').collect();
    let n = letters.chars().count();
    let capitals = letters.chars().filter(|c| c.is_uppercase()).count();
    let ok = (2..=8).contains(&n)
        && letters.chars().all(char::is_alphanumeric)
        && capitals * 2 > n
        && letters.chars().next().is_some_and(char::is_uppercase);
    ok.then(|| fold(&letters))
}

/// Text between two mentions that says they are one: an alias cue, or
/// brackets around a one-word name (`Association de lutte contre la
/// piraterie audiovisuelle (Alpa)`, but not `Franceinfo (France 3 Bretagne)`,
/// a source).
fn alias_between(between: &str, mention_after: &str, after: &str) -> bool {
    let b = fold(between);
    let cue = [
        ", de son vrai nom ",
        " de son vrai nom ",
        " alias ",
        ", alias ",
        ", dit ",
        ", dite ",
        ", ne ",
        ", nee ",
        " (ne ",
        " (nee ",
        ", anciennement ",
        " (anciennement ",
        " (ou ",
        " (ou auparavant ",
        " ou encore ",
        ", ex-",
        " (ex-",
    ];
    cue.contains(&b.as_str())
        || (b == " (" && after.starts_with(')') && !mention_after.contains(' '))
}

struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The earlier mention stays the root.
            let (root, child) = if a < b { (a, b) } else { (b, a) };
            self.parent[child] = root;
        }
    }
}

/// The first word of a folded name.
fn first_word(folded: &str) -> &str {
    folded.split(' ').next().unwrap_or("")
}

/// Joins mention `a` with the mentions in `others`, and `others` with each
/// other; `others` is then left as its first mention, as the rest are one
/// group with it from then on (so that every list is walked once).
fn join_all(groups: &mut Groups, a: usize, others: &mut Vec<usize>) {
    for &b in &others[1..] {
        groups.join(others[0], b);
    }
    others.truncate(1);
    if let Some(&b) = others.first() {
        groups.join(a, b);
    }
}

/// Groups the named mentions of `entities` (sorted by position) into
/// document entities, relabels mentions by their group where it holds a
/// full name, and returns the groups (entity index → group in `groups`).
pub(crate) fn group(text: &str, entities: &mut [Mention<'_>]) -> Vec<Entity> {
    let named: Vec<usize> = (0..entities.len())
        .filter(|&i| entities[i].label() != Label::Money)
        .collect();
    if named.is_empty() {
        return Vec::new();
    }
    let folded: Vec<String> = named.iter().map(|&i| fold(entities[i].text())).collect();
    let mut groups = Groups {
        parent: (0..named.len()).collect(),
    };

    // Same folded text.
    let mut first_of: FxHashMap<&str, usize> = FxHashMap::default();
    for (a, f) in folded.iter().enumerate() {
        match first_of.get(f.as_str()) {
            Some(&b) => groups.join(a, b),
            None => {
                first_of.insert(f, a);
            }
        }
    }

    // Names that differ only by spaces or hyphens: `Zone Téléchargement`
    // and `ZoneTelechargement`.
    let squeezed: Vec<String> = folded.iter().map(|f| f.replace([' ', '-'], "")).collect();
    let mut first_of: FxHashMap<&str, usize> = FxHashMap::default();
    for (a, sq) in squeezed.iter().enumerate() {
        if sq.chars().count() < 4 {
            continue;
        }
        match first_of.get(sq.as_str()) {
            Some(&b) => groups.join(a, b),
            None => {
                first_of.insert(sq, a);
            }
        }
    }

    // `Kim Schmitz (de son vrai nom)`: the real name of the one other full
    // name with the same first name (`Kim Dotcom`).
    let full_names =
        |a: &usize| entities[named[*a]].label() == Label::Per && folded[*a].contains(' ');
    let mut by_first_name: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for a in (0..named.len()).filter(full_names) {
        // One mention of each spelling: the same spellings are one group.
        let spellings = by_first_name.entry(first_word(&folded[a])).or_default();
        if spellings.len() < 3 && spellings.iter().all(|&b| folded[b] != folded[a]) {
            spellings.push(a);
        }
    }
    for a in (0..named.len()).filter(full_names) {
        let rest = &text[entities[named[a]].span().byte_end..];
        if !(rest.starts_with(" (") || rest.starts_with(", ")) {
            continue;
        }
        let after: String = rest.chars().take(24).collect();
        let after = fold(&after);
        if !(after.starts_with(" (de son vrai nom") || after.starts_with(", de son vrai nom")) {
            continue;
        }
        let spellings = &by_first_name[first_word(&folded[a])];
        let mut others = spellings.iter().filter(|&&b| folded[b] != folded[a]);
        if let (Some(&b), None) = (others.next(), others.next()) {
            groups.join(a, b);
        }
    }

    // A site's domain and its name: `quebectorrent.com` and `Quebectorrent`.
    let mut by_squeezed: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (b, name) in squeezed.iter().enumerate() {
        by_squeezed.entry(name).or_default().push(b);
    }
    for a in 0..named.len() {
        let Some(domain) = entities[named[a]].site().and_then(|s| s.domain.as_deref()) else {
            continue;
        };
        let Some(label) = domain.split('.').next().filter(|l| l.len() >= 3) else {
            continue;
        };
        if let Some(names) = by_squeezed.get_mut(label) {
            join_all(&mut groups, a, names);
        }
    }

    // Acronyms and their expansions; a one-word name that spells the
    // initials of a longer one counts too (`Sacem`, `Scpp`, `Alpa`).
    let mut by_initials: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (b, f) in folded.iter().enumerate() {
        if let Some(initials) = f.contains(' ').then(|| initials(f)).flatten() {
            by_initials.entry(initials).or_default().push(b);
        }
    }
    for (a, f) in folded.iter().enumerate() {
        let short = acronym(entities[named[a]].text()).or_else(|| {
            let n = f.chars().count();
            (!f.contains(' ') && (3..=8).contains(&n) && f.chars().all(char::is_alphanumeric))
                .then(|| f.clone())
        });
        if let Some(long) = short.and_then(|short| by_initials.get_mut(&short)) {
            join_all(&mut groups, a, long);
        }
    }

    // Alias cues and brackets between neighbouring mentions.
    for k in 1..named.len() {
        let (a, b) = (&entities[named[k - 1]], &entities[named[k]]);
        let (end, start) = (a.span().byte_end, b.span().byte_start);
        if start >= end && start - end <= 24 {
            let between = &text[end..start];
            let after = &text[b.span().byte_end..];
            // `Caen (Calvados)` qualifies a place; it does not rename it.
            let places = a.label() == Label::Loc || b.label() == Label::Loc;
            if alias_between(between, b.text(), after) && !(places && between.trim() == "(") {
                groups.join(k - 1, k);
            }
        }
    }

    // One-word person mentions: the first or last word of one full name.
    // Person full names by their first and by their last word.
    let mut by_first: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut by_last: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for b in 0..named.len() {
        let mut words = folded[b].split(' ');
        if let (Some(first), Some(last)) = (words.next(), words.next_back()) {
            if entities[named[b]].label() == Label::Per {
                by_first.entry(first).or_default().push(b);
                by_last.entry(last).or_default().push(b);
            }
        }
    }
    // Each one-word name is decided once for persons and once for
    // organisations: its mentions are one group already.
    let mut decided: FxHashSet<(&str, bool)> = FxHashSet::default();
    for a in 0..named.len() {
        let word = folded[a].as_str();
        let label = entities[named[a]].label();
        if word.contains(' ') || !matches!(label, Label::Per | Label::Org) {
            continue;
        }
        // A person may be named by first name or surname; an `ORG` mention
        // only joins by surname (`Dotcom`, not `France` for `France Gall`).
        let person = label == Label::Per;
        if !decided.insert((word, person)) {
            continue;
        }
        let none: &[usize] = &[];
        let surnames = by_last.get(word).map_or(none, Vec::as_slice);
        let first_names = by_first
            .get(word)
            .filter(|_| person)
            .map_or(none, Vec::as_slice);
        // The full names that fit, each once (`Martin Martin` is in both
        // lists); two are enough to know there is more than one.
        let mut fits = surnames.iter().chain(first_names).copied();
        let one = fits.next();
        let two = one.and_then(|one| fits.find(|&b| b != one));
        if let (Some(b), None) = (one, two) {
            // One full name fits.
            groups.join(a, b);
        } else if let Some(&first) = surnames.first() {
            // Several spellings of one surname's full name, grouped already.
            let root = groups.find(first);
            if surnames.iter().all(|&b| groups.find(b) == root) {
                groups.join(a, root);
            }
        }
    }

    // Number the groups in order of first mention; name and label them.
    let mut ids = vec![usize::MAX; named.len()];
    let mut out: Vec<Entity> = Vec::new();
    for k in 0..named.len() {
        let root = groups.find(k);
        if ids[root] == usize::MAX {
            ids[root] = out.len();
            out.push(Entity {
                id: EntityId(out.len()),
                label: entities[named[k]].label(),
                name: String::new(),
                mentions: Vec::new(),
                kb_id: None,
                kb_score: None,
            });
        }
        out[ids[root]].mentions.push(named[k]);
    }
    for group in &mut out {
        group.label = majority_label(entities, &group.mentions);
        let longest = group
            .mentions
            .iter()
            .copied()
            .filter(|&i| entities[i].label() == group.label)
            .max_by_key(|&i| (entities[i].text().chars().count(), std::cmp::Reverse(i)))
            .expect("a group has a mention of its label");
        group.name = entities[longest].text().to_owned();
        let domain = group
            .mentions
            .iter()
            .find_map(|&i| entities[i].site().and_then(|s| s.domain.clone()));
        for &i in &group.mentions {
            entities[i].set_entity(group.id);
            // A site named again without its domain (`Quebectorrent` after
            // `QuebecTorrent.com`) is the same site.
            if let (Some(domain), Label::Site) = (&domain, entities[i].label()) {
                if !entities[i].site().is_some_and(|s| s.domain.is_some()) {
                    entities[i].value = Value::Site(Site {
                        domain: Some(domain.clone()),
                    });
                }
            }
        }
    }
    out
}

/// The label most of `mentions` have. A tie goes to the label of the
/// longest of the tied mentions, except that `SITE` wins a tie only on
/// evidence: one of its mentions written as a domain.
fn majority_label(entities: &[Mention<'_>], mentions: &[usize]) -> Label {
    let mut counts = [0usize; Label::ALL.len()];
    let index = |label: Label| Label::ALL.iter().position(|&l| l == label).unwrap_or(0);
    for &i in mentions {
        counts[index(entities[i].label())] += 1;
    }
    let top = counts.iter().copied().max().unwrap_or(0);
    let tied = |label: Label| counts[index(label)] == top;
    let site_evidence = mentions.iter().any(|&i| {
        entities[i].label() == Label::Site && entities[i].site().is_some_and(|s| s.domain.is_some())
    });
    let several = counts.iter().filter(|&&c| c == top).count() > 1;
    mentions
        .iter()
        .copied()
        .filter(|&i| tied(entities[i].label()))
        .filter(|&i| !several || entities[i].label() != Label::Site || site_evidence)
        .max_by_key(|&i| (entities[i].text().chars().count(), std::cmp::Reverse(i)))
        .map_or_else(|| entities[mentions[0]].label(), |i| entities[i].label())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;

    #[test]
    fn initials_skip_small_words() {
        let f = fold("Société civile des producteurs phonographiques");
        assert_eq!(initials(&f).as_deref(), Some("scpp"));
        assert_eq!(acronym("SCPP").as_deref(), Some("scpp"));
        assert_eq!(acronym("P.T.T").as_deref(), Some("ptt"));
        assert_eq!(acronym("Paris"), None);
    }

    struct Case {
        name: &'static str,
        text: &'static str,
        /// Mentions a tagger would give: (text, occurrence, label).
        mentions: &'static [(&'static str, usize, Label)],
        same: &'static [(&'static str, &'static str)],
        different: &'static [(&'static str, &'static str)],
    }

    #[test]
    fn mentions_group_into_document_entities() {
        let cases = [
            Case {
                name: "full name and surname",
                text: "Solange Drouin, directrice de l'ADISQ, a parlé. Selon Mme Drouin, c'est grave.",
                mentions: &[("Solange Drouin", 0, Label::Per), ("ADISQ", 0, Label::Org), ("Drouin", 1, Label::Per)],
                same: &[("Solange Drouin", "Drouin")],
                different: &[("Solange Drouin", "ADISQ")],
            },
            Case {
                name: "acronym and expansion",
                text: "La Société civile des producteurs phonographiques (SCPP) a porté plainte. La SCPP insiste.",
                mentions: &[
                    ("Société civile des producteurs phonographiques", 0, Label::Org),
                    ("SCPP", 0, Label::Org),
                    ("SCPP", 1, Label::Org),
                ],
                same: &[("Société civile des producteurs phonographiques", "SCPP")],
                different: &[],
            },
            Case {
                name: "acronym in brackets that its initials do not give",
                text: "L'Association de lutte contre la piraterie audiovisuelle (Alpa) et la Sacem.",
                mentions: &[
                    ("Association de lutte contre la piraterie audiovisuelle", 0, Label::Org),
                    ("Alpa", 0, Label::Org),
                    ("Sacem", 0, Label::Org),
                ],
                same: &[("Association de lutte contre la piraterie audiovisuelle", "Alpa")],
                different: &[("Alpa", "Sacem")],
            },
            Case {
                name: "domain and site name",
                text: "Le site QuebecTorrent.com a fermé. Les administrateurs de Quebectorrent sont poursuivis.",
                mentions: &[("Quebectorrent", 0, Label::Site)],
                same: &[("QuebecTorrent.com", "Quebectorrent")],
                different: &[],
            },
            Case {
                name: "alias cue",
                text: "Kim Dotcom, de son vrai nom Kim Schmitz, est arrêté.",
                mentions: &[("Kim Dotcom", 0, Label::Per), ("Kim Schmitz", 0, Label::Per)],
                same: &[("Kim Dotcom", "Kim Schmitz")],
                different: &[],
            },
            Case {
                name: "real name, then text in any script",
                text: "Kim Schmitz (de son vrai nom) 😀😀😀😀😀 est Kim Dotcom, pas Kim Jong-un.",
                mentions: &[
                    ("Kim Schmitz", 0, Label::Per),
                    ("Kim Dotcom", 0, Label::Per),
                ],
                same: &[("Kim Schmitz", "Kim Dotcom")],
                different: &[],
            },
            Case {
                name: "former name in brackets",
                text: "T411 (ou auparavant Torrent411) a fermé.",
                mentions: &[("T411", 0, Label::Site), ("Torrent411", 0, Label::Site)],
                same: &[("T411", "Torrent411")],
                different: &[],
            },
            Case {
                name: "expansion in brackets after a one-word name",
                text: "La Sacem (Société des auteurs, compositeurs et éditeurs de musique) et la Scpp (Société civile des producteurs phonographiques).",
                mentions: &[
                    ("Sacem", 0, Label::Org),
                    ("Société des auteurs, compositeurs et éditeurs de musique", 0, Label::Org),
                    ("Scpp", 0, Label::Org),
                    ("Société civile des producteurs phonographiques", 0, Label::Org),
                ],
                same: &[
                    ("Sacem", "Société des auteurs, compositeurs et éditeurs de musique"),
                    ("Scpp", "Société civile des producteurs phonographiques"),
                ],
                different: &[("Sacem", "Scpp")],
            },
            Case {
                name: "a place in brackets qualifies another",
                text: "À Caen (Calvados), il pleut.",
                mentions: &[("Caen", 0, Label::Loc), ("Calvados", 0, Label::Loc)],
                same: &[],
                different: &[("Caen", "Calvados")],
            },
            Case {
                name: "a source in brackets is another entity",
                text: "Franceinfo (France 3 Bretagne) rapporte que ZoneTelechargement et Zone Téléchargement ont fermé.",
                mentions: &[
                    ("Franceinfo", 0, Label::Org),
                    ("France 3 Bretagne", 0, Label::Org),
                    ("ZoneTelechargement", 0, Label::Site),
                    ("Zone Téléchargement", 0, Label::Site),
                ],
                same: &[("ZoneTelechargement", "Zone Téléchargement")],
                different: &[("Franceinfo", "France 3 Bretagne")],
            },
            Case {
                name: "case and accents",
                text: "La SACEM et la Sacem, puis l'Elysée et l'Élysée.",
                mentions: &[
                    ("SACEM", 0, Label::Org),
                    ("Sacem", 0, Label::Org),
                    ("Elysée", 0, Label::Org),
                    ("Élysée", 0, Label::Org),
                ],
                same: &[("SACEM", "Sacem"), ("Elysée", "Élysée")],
                different: &[("Sacem", "Elysée")],
            },
        ];
        let rules = Pipeline::builder().tagger(false).build().unwrap();
        for c in cases {
            let mut doc = rules.annotate(c.text);
            doc.add_test_mentions(c.mentions);
            let id = |mention: &str| {
                doc.mentions()
                    .iter()
                    .find(|e| e.text() == mention)
                    .unwrap_or_else(|| panic!("{}: no mention {mention:?}", c.name))
                    .entity()
            };
            for (a, b) in c.same {
                assert!(id(a).is_some(), "{}: {a} has an entity", c.name);
                assert_eq!(id(a), id(b), "{}: {a} = {b}", c.name);
            }
            for (a, b) in c.different {
                assert_ne!(id(a), id(b), "{}: {a} != {b}", c.name);
            }
            for (k, e) in doc.mentions().iter().enumerate() {
                if let Some(g) = e.entity() {
                    assert_eq!(doc.entities()[g.index()].id, g);
                    assert!(doc.entities()[g.index()].mentions.contains(&k));
                }
            }
        }
    }

    #[test]
    fn a_surname_joins_its_full_name_and_keeps_its_label() {
        let rules = Pipeline::builder().tagger(false).build().unwrap();
        let mut doc = rules.annotate("Kim Dotcom est arrêté. Dotcom nie.");
        doc.add_test_mentions(&[("Kim Dotcom", 0, Label::Per), ("Dotcom", 1, Label::Org)]);
        assert_eq!(doc.mentions()[1].label(), Label::Org);
        assert_eq!(doc.mentions()[0].entity(), doc.mentions()[1].entity());
        assert_eq!(doc.entities()[0].name, "Kim Dotcom");
        assert_eq!(doc.entities()[0].label, Label::Per);
    }
}
