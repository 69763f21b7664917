//! Acronyms of common nouns are not names (`ISF`, `APL`, `JLD`, `NDLR`):
//! the tagger takes most words in capitals for organisations. A name whose
//! whole text is such an acronym is dropped, with every other mention of
//! it in the document, when
//!
//! 1. it is a widely used acronym of a common noun (a list, written from
//!    general knowledge: taxes, allowances, contracts, diplomas, school
//!    years, transport, medicine, newsroom abbreviations); or
//! 2. the text defines it as a common noun: in parentheses right after a
//!    lower-case phrase whose words' initials spell it and whose head is
//!    not a noun for an organisation (`travaux d'intérêt général (TIG)`,
//!    but not `agence russe d'assurance des dépôts (ASV)`).

use std::ops::Range;

use crate::text::Token;
use crate::types::Label;

/// Acronyms of common nouns, as written.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    // Newsroom and media.
    "NDLR", "JT", "PAF", "VOD",
    // Taxes, allowances and pay.
    "TVA", "CSG", "CRDS", "ISF", "IFI", "IR", "RSA", "APL", "AAH", "SMIC", "Smic", "RTT", "PIB",
    "ASS", "AER",
    // Work and business.
    "CDI", "CDD", "PME", "TPE", "ETI", "PDG", "DRH", "DG", "CA", "BTP", "SDF", "CSE", "CHSCT",
    "RH", "QG", "VTC",
    // Justice and police.
    "JLD", "TIG", "GAV", "OQTF", "PV", "LBD",
    // Housing, health and society.
    "HLM", "IVG", "PMA", "GPA", "Ehpad", "EHPAD", "IRM", "AVC", "VIH", "ADN", "OGM", "QI", "SUV",
    "PMR",
    // Schools and diplomas.
    "CP", "CE1", "CE2", "CM1", "CM2", "BTS", "CAP", "DUT", "BEP", "REP", "ZEP", "IUT",
    // Transport.
    "RER", "TGV", "TER", "TEE", "ZFE",
];

/// Nouns for organisations: a phrase they head names one.
#[rustfmt::skip]
const ORGANISATION_HEADS: &[&str] = &[
    "académie", "agence", "assemblée", "association", "autorité", "banque", "brigade", "bureau",
    "caisse", "cellule", "centre", "chambre", "collectif", "comité", "commission", "compagnie",
    "confédération", "conseil", "cour", "délégation", "direction", "division", "établissement",
    "fédération", "fondation", "gendarmerie", "groupe", "groupement", "haut", "haute",
    "inspection", "institut", "ministère", "mission", "mouvement", "observatoire", "office",
    "organisation", "parquet", "parti", "police", "préfecture", "régie", "section", "service",
    "société", "sûreté", "sureté", "syndicat", "tribunal", "union", "unité",
];

/// Function words that an acronym skips.
#[rustfmt::skip]
const SKIPPED: &[&str] = &[
    "de", "d'", "d’", "du", "des", "la", "le", "l'", "l’", "les", "et", "à", "au", "aux", "en",
    "pour", "sur",
];

/// Whether the single token at `k`, between parentheses, is spelt by the
/// lower-case phrase before them, not headed by an organisation noun.
fn defined_as_common_noun(tokens: &[Token<'_>], k: usize) -> bool {
    let acronym = tokens[k].text;
    let letters = acronym.chars().count();
    if !(2..=6).contains(&letters) || k < 2 || tokens[k - 1].text != "(" {
        return false;
    }
    if tokens.get(k + 1).map(|t| t.text) != Some(")") {
        return false;
    }
    let mut initials: Vec<char> = acronym.chars().flat_map(char::to_lowercase).collect();
    let mut head = None;
    let mut j = k - 1;
    while !initials.is_empty() {
        let Some(p) = j.checked_sub(1) else {
            return false;
        };
        j = p;
        let word = tokens[j].text;
        if SKIPPED.contains(&word) {
            continue;
        }
        let first = word.chars().next();
        if !word.chars().all(|c| c.is_lowercase() || c == '-') {
            return false;
        }
        if first.is_some_and(|c| Some(&c) == initials.last()) {
            initials.pop();
            head = Some(word);
        } else {
            return false;
        }
    }
    head.is_some_and(|h| !ORGANISATION_HEADS.contains(&h))
}

/// Drops the names that are acronyms of common nouns, and every mention of
/// an acronym the text defines as one.
pub(crate) fn common_acronyms(tokens: &[Token<'_>], spans: &mut Vec<(Range<usize>, Label)>) {
    let mut defined: Vec<&str> = Vec::new();
    for (r, _) in spans.iter() {
        if r.len() == 1 && defined_as_common_noun(tokens, r.start) {
            defined.push(tokens[r.start].text);
        }
    }
    spans.retain(|(r, _)| {
        let text = (r.len() == 1).then(|| tokens[r.start].text);
        !text.is_some_and(|t| COMMON.contains(&t) || defined.contains(&t))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::cases::{check, Case};

    #[test]
    fn common_acronyms_are_dropped() {
        let cases = [
            Case {
                name: "a known acronym of a common noun",
                text: "Le JLD a refusé (Emmanuel Macron, NDLR) la demande.",
                tagged: &[("JLD", Label::Org), ("Emmanuel Macron", Label::Per), ("NDLR", Label::Org)],
                expected: &[("Emmanuel Macron", Label::Per)],
            },
            Case {
                name: "defined as a common noun, then named again",
                text: "Il fera des travaux d'intérêt général (TIG). Les TIG commencent lundi.",
                tagged: &[("TIG", Label::Org), ("TIG", Label::Org)],
                expected: &[],
            },
            Case {
                name: "defined as an organisation, or by capitalised words",
                text: "L'agence russe d'assurance des dépôts (ASV) et la Société civile des producteurs (SCP), la sureté départementale (SD).",
                tagged: &[("ASV", Label::Org), ("Société civile des producteurs", Label::Org), ("SCP", Label::Org), ("SD", Label::Org)],
                expected: &[("ASV", Label::Org), ("Société civile des producteurs", Label::Org), ("SCP", Label::Org), ("SD", Label::Org)],
            },
        ];
        check(&cases, |_, tokens, spans| common_acronyms(tokens, spans));
    }
}
