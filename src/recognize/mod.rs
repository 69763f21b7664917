//! Rule-based recognizers for entities with a fixed form: amounts of money
//! and web sites given by URL or domain.

mod currency;
mod currency_forms;
pub(crate) mod money;
pub(crate) mod site;

pub use currency::Currency;
pub use money::Money;
pub(crate) use money::{MoneyMatch, MoneyRecognizer};
pub use site::Site;
pub(crate) use site::{find_sites, url_host, SiteMatch};
