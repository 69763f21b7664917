//! Name folding: the one way names are compared (document entities,
//! knowledge-base keys).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The version of [`fold`]: knowledge-base files record the version that
/// folded their keys. Change it with any change to what `fold` returns.
pub const FOLD_VERSION: u32 = 1;

/// Case- and accent-folded text with single spaces, for comparing names:
/// lower case, no accents, `’` as `'`, runs of white space as one space.
/// The knowledge base's keys are folded names, so its format version covers
/// this function.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        for b in text.bytes() {
            if b.is_ascii_whitespace() {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            } else {
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
        return out;
    }
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() || c == '’' {
            let c = if c == '’' { '\'' } else { ' ' };
            if c == ' ' && out.ends_with(' ') {
                continue;
            }
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_and_spacing() {
        assert_eq!(fold("Société  Générale"), fold("SOCIETE generale"));
        assert_eq!(fold("l’ADISQ"), "l'adisq");
    }
}
