//! Demonyms are not places (`docs/annotation.md`: nationalities are not
//! annotated in the news gold): `les Parisiens`, `des Iraniens`, `le
//! Nantais`, `l'Italien`. WikiNEuRal, where the tagger learns most names,
//! often files them as places, and the tagger follows it.
//!
//! A demonym is told by its determiner and its ending, not by a list: a
//! capitalised word in `-iens`, `-ais`, `-ois`, `-ains`, `-ards`, `-is`,
//! `-éens`, `-ands`, `-ols`, `-iotes`, `-ènes` (and their feminines) after `les`,
//! `des`, `aux`, a number or a quantity (`des milliers de Libanais`), or
//! in `-ien`, `-ienne`, `-aise`, `-icaine`, `-oise` after `le`, `la`,
//! `l'`, `un` or `une`, or with any of these endings after `ce`, `cet` or
//! `cette` (`ce Lyonnais`); unless the gazetteer knows it (or its last part)
//! as a country or a city (`la Vienne`, `la Haute-Vienne`, `les Blois`),
//! or it names a place the gazetteer lacks (`les Landes`) or a party (`les
//! Républicains`).

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::tag::{Gazetteer, Lexicon};
use crate::text::{Token, TokenKind};
use crate::types::Label;

/// Endings of plural demonyms.
const PLURAL_ENDINGS: &[&str] = &[
    "iens", "iennes", "ais", "aises", "ois", "oises", "ains", "aines", "ards", "ardes", "is",
    "éens", "éennes", "ands", "andes", "ols", "oles", "iotes", "ènes",
];

/// Endings of singular demonyms that no common place name has.
const SINGULAR_ENDINGS: &[&str] = &["ien", "ienne", "aise", "icaine", "oise"];

/// Plural names with a demonym's ending that name organisations.
const PARTIES: &[&str] = &["Républicains", "Démocrates"];

/// Plural names with a demonym's ending that name places the gazetteer
/// (countries and cities) lacks: a département, mountains, a monument.
const PLACES: &[&str] = &["Landes", "Andes", "Arènes"];

/// Nouns for a movement's members, capitalised like demonyms (`les
/// Insoumis`, `les Marcheurs`): no organisation, whatever the tagger says.
#[rustfmt::skip]
const MEMBERS: &[&str] = &[
    "Insoumis", "Insoumise", "Insoumises", "Marcheur", "Marcheurs", "Marcheuse", "Marcheuses",
];

/// Whether the one-word name `word`, after `determiner`, is a demonym.
fn is_demonym(lexicon: &Lexicon, determiner: &str, word: &str) -> bool {
    let plural = matches!(determiner, "les" | "des" | "aux" | "Les" | "Des" | "Aux");
    let singular = matches!(
        determiner,
        "le" | "la"
            | "l'"
            | "l’"
            | "un"
            | "une"
            | "chaque"
            | "Le"
            | "La"
            | "L'"
            | "L’"
            | "Un"
            | "Une"
            | "Chaque"
    );
    // `ce Lyonnais`, `cette Parisienne`: a demonstrative takes a person.
    let demonstrative = matches!(determiner, "ce" | "cet" | "cette" | "Ce" | "Cet" | "Cette");
    let endings: &[&[&str]] = if plural {
        &[PLURAL_ENDINGS]
    } else if singular {
        &[SINGULAR_ENDINGS]
    } else if demonstrative {
        &[PLURAL_ENDINGS, SINGULAR_ENDINGS]
    } else {
        return false;
    };
    let known_place = |name: &str| lexicon.is_place([name]);
    word.starts_with(char::is_uppercase)
        && endings
            .iter()
            .flat_map(|e| e.iter())
            .any(|e| word.ends_with(e))
        && !PARTIES.contains(&word)
        && !PLACES.contains(&word)
        && !known_place(word)
        && !word.rsplit('-').next().is_some_and(known_place)
        && compound_of_demonyms(word)
}

/// Whether the words a hyphen joins before the last one are a demonym's
/// first parts: a combining form (`Franco-Syrienne`, `Italo-Américain`),
/// a point of the compass (`Sud-Africaine`, `Nord-Coréen`), `New`
/// (`New-Yorkais`) or a saint's town's (`les Saint-Joriens`); not a
/// name's (`la Comédie-Française`, `la Haute-Maurienne`). A word without
/// a hyphen is one.
fn compound_of_demonyms(word: &str) -> bool {
    let mut parts = word.split('-');
    parts.next_back();
    parts.all(|p| {
        p.ends_with('o')
            || matches!(
                p,
                "Sud" | "Nord" | "Est" | "Ouest" | "New" | "Saint" | "Sainte"
            )
    })
}

/// Nouns of quantity whose complement is a plural (`des milliers de
/// Libanais`, `une cinquantaine de Tchétchènes`, `nombre de Hongkongais`).
#[rustfmt::skip]
const QUANTITIES: &[&str] = &[
    "dizaine", "dizaines", "douzaine", "douzaines", "quinzaine", "vingtaine", "trentaine",
    "quarantaine", "cinquantaine", "soixantaine", "centaine", "centaines", "millier", "milliers",
    "millions", "milliards", "nombre", "Nombre", "majorité",
];

/// The determiner of the name at token `start`, `les` for a number or a
/// quantity (`1.200 Libanais`, `des milliers de Libanais`).
fn determiner<'t>(tokens: &[Token<'t>], start: usize) -> &'t str {
    let before = &tokens[start - 1];
    let quantity = matches!(before.text, "de" | "d'" | "d’")
        && start > 1
        && QUANTITIES.contains(&tokens[start - 2].text);
    if before.kind == TokenKind::Number || quantity {
        "les"
    } else {
        before.text
    }
}

/// Singular demonyms of countries and regions, both genders, that open a
/// name in apposition after a determiner (`l'Américain Monsanto`, `le
/// Suédois Astra`, `l'Algérien Abdelmalek Droukdal`). A list, not endings:
/// `le Grand Est`, `le Palais Bourbon` end like demonyms.
#[rustfmt::skip]
const APPOSED_DEMONYMS: &[&str] = &[
    "Afghan", "Afghane", "Africain", "Africaine", "Albanais", "Albanaise", "Algérien",
    "Algérienne", "Allemand", "Allemande", "Américain", "Américaine", "Andorran", "Andorrane",
    "Anglais", "Anglaise", "Angolais", "Angolaise", "Argentin", "Argentine", "Arménien",
    "Arménienne", "Australien", "Australienne", "Autrichien", "Autrichienne", "Bahreïni",
    "Bahreïnie", "Bangladais", "Bangladaise", "Belge", "Birman", "Birmane", "Biélorusse",
    "Bolivien", "Bolivienne", "Bosnien", "Bosnienne", "Britannique", "Brésilien", "Brésilienne",
    "Bulgare", "Burkinabé", "Burkinabée", "Cambodgien", "Cambodgienne", "Camerounais",
    "Camerounaise", "Canadien", "Canadienne", "Catalan", "Catalane", "Chilien", "Chilienne",
    "Chinois", "Chinoise", "Chypriote", "Colombien", "Colombienne", "Congolais", "Congolaise",
    "Coréen", "Coréenne", "Croate", "Cubain", "Cubaine", "Danois", "Danoise", "Espagnol",
    "Espagnole", "Estonien", "Estonienne", "Européen", "Européenne", "Finlandais", "Finlandaise",
    "Français", "Française", "Gabonais", "Gabonaise", "Gallois", "Galloise", "Ghanéen",
    "Ghanéenne", "Grec", "Grecque", "Géorgien", "Géorgienne", "Haïtien", "Haïtienne",
    "Hongkongais", "Hongkongaise", "Hongrois", "Hongroise", "Indien", "Indienne", "Indonésien",
    "Indonésienne", "Irakien", "Irakienne", "Iranien", "Iranienne", "Irlandais", "Irlandaise",
    "Islandais", "Islandaise", "Israélien", "Israélienne", "Italien", "Italienne", "Ivoirien",
    "Ivoirienne", "Japonais", "Japonaise", "Jordanien", "Jordanienne", "Kazakh", "Kazakhe",
    "Kosovar", "Kosovare", "Koweïtien", "Koweïtienne", "Kurde", "Kényan", "Kényane", "Letton",
    "Lettonne", "Libanais", "Libanaise", "Libyen", "Libyene", "Lituanien", "Lituanienne",
    "Luxembourgeois", "Luxembourgeoise", "Macédonien", "Macédonienne", "Malaisien", "Malaisienne",
    "Malien", "Malienne", "Maltais", "Maltaise", "Marocain", "Marocaine", "Mexicain", "Mexicaine",
    "Moldave", "Monégasque", "Mozambicain", "Mozambicaine", "Nigérian", "Nigériane", "Nigérien",
    "Nigérienne", "Nord-Coréen", "Nord-Coréenne", "Norvégien", "Norvégienne", "Néerlandais",
    "Néerlandaise", "Néo-Zélandais", "Néo-Zélandaise", "Népalais", "Népalaise", "Omanais",
    "Omanaise", "Ouïghour", "Ouïghoure", "Ouzbek", "Ouzbeke", "Pakistanais", "Pakistanaise",
    "Palestinien", "Palestinienne", "Paraguayen", "Paraguayene", "Philippin", "Philippine",
    "Polonais", "Polonaise", "Portugais", "Portugaise", "Péruvien", "Péruvienne", "Qatari",
    "Qatarie", "Québécois", "Québécoise", "Roumain", "Roumaine", "Russe", "Rwandais", "Rwandaise",
    "Saoudien", "Saoudienne", "Serbe", "Singapourien", "Singapourienne", "Slovaque", "Slovène",
    "Soudanais", "Soudanaise", "Sri-Lankais", "Sri-Lankaise", "Sud-Africain", "Sud-Africaine",
    "Sud-Coréen", "Sud-Coréenne", "Suisse", "Suédois", "Suédoise", "Syrien", "Syrienne",
    "Sénégalais", "Sénégalaise", "Taïwanais", "Taïwanaise", "Tchadien", "Tchadienne", "Tchèque",
    "Tchétchène", "Thaïlandais", "Thaïlandaise", "Tunisien", "Tunisienne", "Turc", "Turque",
    "Ukrainien", "Ukrainienne", "Uruguayen", "Uruguayene", "Vietnamien", "Vietnamienne",
    "Vénézuélien", "Vénézuélienne", "Yéménite", "Zimbabwéen", "Zimbabwéenne", "Écossais",
    "Écossaise", "Égyptien", "Égyptienne", "Émirati", "Émiratie", "Équatorien", "Équatorienne",
    "Éthiopien", "Éthiopienne",
];

/// Whether `word` is a demonym of [`APPOSED_DEMONYMS`] or its plural
/// (`Danois`, `Iraniens`, `Françaises`) and no country the gazetteer knows
/// (`Argentine`, `Suisse`). A city does not count: GeoNames gives `Russe`
/// as another name of Ruse, in Bulgaria.
fn is_listed_demonym(lexicon: &Lexicon, word: &str) -> bool {
    static LISTED: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| APPOSED_DEMONYMS.iter().copied().collect());
    let singular = word.strip_suffix('s').unwrap_or(word);
    (LISTED.contains(word) || LISTED.contains(singular))
        && !lexicon.has_name([word], Gazetteer::Country.bit())
}

/// Determiners before which a listed demonym alone is a noun for people
/// (`le Russe a agi seul`, `chaque Français`), whatever label the tagger
/// gave it.
const NOUN_DETERMINERS: &[&str] = &[
    "le", "la", "l'", "l’", "les", "un", "une", "des", "ce", "cet", "cette", "ces", "chaque", "Le",
    "La", "L'", "L’", "Les", "Un", "Une", "Des", "Ce", "Cet", "Cette", "Ces", "Chaque",
];

/// Whether the name in token range `r` opens with a singular demonym in
/// apposition to the name after it: a determiner before, a capitalised
/// word after, and not a known place (`l'Argentine`).
fn apposed_demonym(lexicon: &Lexicon, tokens: &[Token<'_>], r: &Range<usize>) -> bool {
    let word = tokens[r.start].text;
    r.len() > 1
        && r.start > 0
        && matches!(
            tokens[r.start - 1].text,
            "le" | "la" | "l'" | "l’" | "du" | "au" | "Le" | "La" | "L'" | "L’"
        )
        && tokens[r.start + 1].is_capitalised_word()
        && APPOSED_DEMONYMS.contains(&word)
        && !lexicon.is_place([word])
}

/// Makes `MISC` the one-word places that are demonyms or adjectives of
/// place (no capital: `en région parisienne`), and the one-word names of a
/// movement's members; cuts a demonym in apposition off the name it opens
/// (`l'Américain Monsanto`).
pub(crate) fn demonyms(
    lexicon: &Lexicon,
    tokens: &[Token<'_>],
    spans: &mut [(Range<usize>, Label)],
) {
    for (r, label) in spans.iter_mut() {
        if apposed_demonym(lexicon, tokens, r) {
            r.start += 1;
        }
        let demonym = *label == Label::Loc
            && r.len() == 1
            && r.start > 0
            && is_demonym(lexicon, determiner(tokens, r.start), tokens[r.start].text);
        // A demonym of the list is no place anywhere (`entre Français et
        // Danois`), and no person or organisation after a determiner.
        let listed = r.len() == 1
            && r.start > 0
            && is_listed_demonym(lexicon, tokens[r.start].text)
            && (*label == Label::Loc
                || matches!(label, Label::Per | Label::Org)
                    && NOUN_DETERMINERS.contains(&tokens[r.start - 1].text));
        let member = matches!(label, Label::Loc | Label::Org | Label::Per)
            && r.len() == 1
            && MEMBERS.contains(&tokens[r.start].text);
        // An adjective of place is no name (`en région parisienne`).
        let adjective = *label == Label::Loc
            && r.len() == 1
            && !tokens[r.start].text.chars().any(char::is_uppercase);
        if demonym || listed || member || adjective {
            *label = Label::Misc;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn demonyms_are_not_places() {
        let cases = [
            Case {
                name: "plural and singular demonyms",
                text: "Les Parisiens et des Iraniens saluent l'Italien et le Nancéien. \
                       1.200 Libanais et des milliers de Palestiniens, à Calais. \
                       Une cinquantaine de Tchétchènes et nombre de Hongkongais.",
                tagged: &[
                    ("Parisiens", Label::Loc),
                    ("Iraniens", Label::Loc),
                    ("Italien", Label::Loc),
                    ("Nancéien", Label::Loc),
                    ("Libanais", Label::Loc),
                    ("Palestiniens", Label::Loc),
                    ("Calais", Label::Loc),
                    ("Tchétchènes", Label::Loc),
                    ("Hongkongais", Label::Loc),
                ],
                expected: &[
                    ("Parisiens", Label::Misc),
                    ("Iraniens", Label::Misc),
                    ("Italien", Label::Misc),
                    ("Nancéien", Label::Misc),
                    ("Libanais", Label::Misc),
                    ("Palestiniens", Label::Misc),
                    ("Calais", Label::Loc),
                    ("Tchétchènes", Label::Misc),
                    ("Hongkongais", Label::Misc),
                ],
            },
            Case {
                name: "more endings: -is, -éens, -ands, -ols, -iotes; -aise, -icaine, -oise",
                text: "Les Qataris, des Européens, les Allemands, aux Espagnols, les Chypriotes, la Lyonnaise, l'Américaine, une Chinoise et ce Nantais.",
                tagged: &[
                    ("Qataris", Label::Loc),
                    ("Européens", Label::Loc),
                    ("Allemands", Label::Loc),
                    ("Espagnols", Label::Loc),
                    ("Chypriotes", Label::Loc),
                    ("Lyonnaise", Label::Loc),
                    ("Américaine", Label::Loc),
                    ("Chinoise", Label::Loc),
                    ("Nantais", Label::Loc),
                ],
                expected: &[
                    ("Qataris", Label::Misc),
                    ("Européens", Label::Misc),
                    ("Allemands", Label::Misc),
                    ("Espagnols", Label::Misc),
                    ("Chypriotes", Label::Misc),
                    ("Lyonnaise", Label::Misc),
                    ("Américaine", Label::Misc),
                    ("Chinoise", Label::Misc),
                    ("Nantais", Label::Misc),
                ],
            },
            Case {
                name: "a listed demonym alone, whatever its label",
                text: "Entre Français et Danois, le Libanais a agi seul avec l'Allemand, pour chaque Francilien. Yan Suisse vit en Suisse. Le Russe a agi seul.",
                tagged: &[
                    ("Français", Label::Loc),
                    ("Danois", Label::Loc),
                    ("Libanais", Label::Per),
                    ("Allemand", Label::Org),
                    ("Francilien", Label::Loc),
                    ("Yan Suisse", Label::Per),
                    ("Suisse", Label::Loc),
                    ("Russe", Label::Loc),
                ],
                expected: &[
                    ("Français", Label::Misc),
                    ("Danois", Label::Misc),
                    ("Libanais", Label::Misc),
                    ("Allemand", Label::Misc),
                    ("Francilien", Label::Misc),
                    ("Yan Suisse", Label::Per),
                    ("Suisse", Label::Loc),
                    ("Russe", Label::Misc),
                ],
            },
            Case {
                name: "a movement's members, not the movement",
                text: "Les Insoumis et cette Marcheuse quittent La France insoumise.",
                tagged: &[("Insoumis", Label::Org), ("Marcheuse", Label::Per), ("France insoumise", Label::Org)],
                expected: &[("Insoumis", Label::Misc), ("Marcheuse", Label::Misc), ("France insoumise", Label::Org)],
            },
            Case {
                name: "an adjective of place, not a place spelt with a capital inside",
                text: "En région parisienne et dans le sud-Finistère.",
                tagged: &[("parisienne", Label::Loc), ("sud-Finistère", Label::Loc)],
                expected: &[("parisienne", Label::Misc), ("sud-Finistère", Label::Loc)],
            },
            Case {
                name: "a demonym in apposition stays outside the name",
                text: "L'Américain Monsanto, l'Algérien Abdelmalek Droukdal, le Suédois Astra, la Française des Jeux, le Grand Est et le Palais Bourbon.",
                tagged: &[("Américain Monsanto", Label::Org), ("Algérien Abdelmalek Droukdal", Label::Per), ("Suédois Astra", Label::Org), ("Française des Jeux", Label::Org), ("Grand Est", Label::Loc), ("Palais Bourbon", Label::Loc)],
                expected: &[("Monsanto", Label::Org), ("Abdelmalek Droukdal", Label::Per), ("Astra", Label::Org), ("Française des Jeux", Label::Org), ("Grand Est", Label::Loc), ("Palais Bourbon", Label::Loc)],
            },
            Case {
                name: "a compound demonym, not a compound name",
                text: "La Franco-Syrienne, les New-Yorkais et la Sud-Africaine; la Comédie-Française et la Haute-Maurienne.",
                tagged: &[
                    ("Franco-Syrienne", Label::Loc),
                    ("New-Yorkais", Label::Loc),
                    ("Sud-Africaine", Label::Loc),
                    ("Comédie-Française", Label::Loc),
                    ("Haute-Maurienne", Label::Loc),
                ],
                expected: &[
                    ("Franco-Syrienne", Label::Misc),
                    ("New-Yorkais", Label::Misc),
                    ("Sud-Africaine", Label::Misc),
                    ("Comédie-Française", Label::Loc),
                    ("Haute-Maurienne", Label::Loc),
                ],
            },
            Case {
                name: "places, parties and names after other words stay",
                text: "La Vienne et la Haute-Vienne, les Républicains, à Blois et chez Julien, dans les Landes.",
                tagged: &[
                    ("Vienne", Label::Loc),
                    ("Haute-Vienne", Label::Loc),
                    ("Républicains", Label::Org),
                    ("Blois", Label::Loc),
                    ("Julien", Label::Per),
                    ("Landes", Label::Loc),
                ],
                expected: &[
                    ("Vienne", Label::Loc),
                    ("Haute-Vienne", Label::Loc),
                    ("Républicains", Label::Org),
                    ("Blois", Label::Loc),
                    ("Julien", Label::Per),
                    ("Landes", Label::Loc),
                ],
            },
        ];
        let lexicon = Lexicon::embedded();
        check(&cases, |_, tokens, spans| demonyms(&lexicon, tokens, spans));
    }
}
