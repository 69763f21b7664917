//! Rule-based recognizers for entities with a fixed form: amounts of money
//! and web sites given by URL or domain.

mod currency;
mod currency_forms;
pub(crate) mod money;
pub(crate) mod site;

/// The marks that rules leave on the tokens they cover, which the tagger
/// reads as features.
pub(crate) mod mark {
    /// Inside an amount of money found by the MONEY rules.
    pub(crate) const MONEY: u8 = 1;
    /// Inside a domain or URL found by the SITE rules.
    pub(crate) const SITE: u8 = 2;
}

pub use currency::Currency;
pub use money::Money;
pub(crate) use money::{MoneyMatch, MoneyRecognizer};
pub use site::Site;
pub(crate) use site::{find_sites, url_host, SiteMatch};

/// What the rules find in a text: amounts of money, sites written as
/// domains or URLs, and a [`mark`] a token saying which rule covers it.
pub(crate) struct RuleMatches {
    pub(crate) money: Vec<MoneyMatch>,
    pub(crate) sites: Vec<SiteMatch>,
    pub(crate) marks: Vec<u8>,
}

/// Runs the money rules (when given) and the site rules (when `sites`) over
/// a text's tokens.
pub(crate) fn find_rules(
    text: &str,
    tokens: &[crate::text::Token<'_>],
    money: Option<&MoneyRecognizer>,
    sites: bool,
) -> RuleMatches {
    let mut found = RuleMatches {
        money: Vec::new(),
        sites: Vec::new(),
        marks: vec![0; tokens.len()],
    };
    if let Some(money) = money {
        money.find(text, tokens, &mut found.money);
        for m in &found.money {
            found.marks[m.tokens.clone()].fill(mark::MONEY);
        }
    }
    if sites {
        find_sites(tokens, &mut found.sites);
        for s in &found.sites {
            found.marks[s.tokens.clone()].fill(mark::SITE);
        }
    }
    found
}
