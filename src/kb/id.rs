//! Knowledge-base ids.

use std::fmt;

use std::str::FromStr;

use crate::error::{Error, ErrorKind};

/// The id of a knowledge-base entity: a Wikidata item (`Q90`) or, for places
/// that have no QID in the starter base, a GeoNames feature
/// (`geonames:2988507`). Cheap to copy; parses from and prints as those
/// strings.
///
/// ```
/// use quidam::kb::KbId;
/// let paris: KbId = "Q90".parse().unwrap();
/// assert_eq!(paris.to_string(), "Q90");
/// assert_eq!(paris.wikidata(), Some(90));
/// assert_eq!("geonames:2988507".parse::<KbId>().unwrap().wikidata(), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KbId(pub(super) u64);

const GEONAMES: u64 = 1 << 63;

impl KbId {
    /// A Wikidata item id.
    pub fn from_wikidata(number: u64) -> KbId {
        KbId(number & !GEONAMES)
    }

    /// A GeoNames feature id.
    pub fn from_geonames(number: u64) -> KbId {
        KbId(number | GEONAMES)
    }

    /// The Wikidata item number (90 for `Q90`), if this is a Wikidata id.
    pub fn wikidata(self) -> Option<u64> {
        (self.0 & GEONAMES == 0).then_some(self.0)
    }
}

/// As it prints: `Q90`, `geonames:2988507`.
impl fmt::Debug for KbId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for KbId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.wikidata() {
            Some(n) => write!(f, "Q{n}"),
            None => write!(f, "geonames:{}", self.0 & !GEONAMES),
        }
    }
}

impl FromStr for KbId {
    type Err = Error;

    fn from_str(s: &str) -> Result<KbId, Error> {
        let number = |digits: &str| {
            (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| digits.parse::<u64>().ok())
                .flatten()
                .filter(|n| n & GEONAMES == 0)
        };
        if let Some(n) = s.strip_prefix('Q').and_then(number) {
            return Ok(KbId::from_wikidata(n));
        }
        if let Some(n) = s.strip_prefix("geonames:").and_then(number) {
            return Ok(KbId::from_geonames(n));
        }
        Err(Error::new(
            ErrorKind::Format,
            format!("not a knowledge-base id (Q123 or geonames:123): {s:?}"),
        ))
    }
}

// As it prints: `"Q90"`, `"geonames:2988507"`.
crate::util::serde_as_string!(KbId);
