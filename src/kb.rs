//! The knowledge base: entities that mentions can be linked to, and an
//! index from their folded names to them.
//!
//! A knowledge base is compiled ([`KbBuilder`]) from [`KbRecord`]s, one
//! JSON object a line:
//!
//! ```json
//! {"id": "Q90", "label": "Paris", "aliases": ["Lutèce"], "type": "LOC",
//!  "description": "capitale de la France", "popularity": 250}
//! ```
//!
//! and read back ([`KnowledgeBase`]) from bytes, from a memory-mapped file or
//! from the embedded starter base. The binary format, little-endian:
//!
//! | bytes | what |
//! |---|---|
//! | 8 | magic `QUIDAMKB` |
//! | 4 | format version (2) |
//! | 4 | version of the name folding that made the keys ([`fold`]) |
//! | 4 | CRC-32 of everything after the header |
//! | 4 × 8 | byte lengths of the four sections |
//! | entities | one 24-byte row per entity, sorted by id: id `u64`, popularity `f32`, text offset `u32`, label length `u16`, description length `u16`, type `u8`, 3 zero bytes |
//! | text | labels and descriptions, UTF-8, back to back |
//! | postings | candidate lists: `u32` entity rows, names before variants before last names, then most popular first; bit 31 set for a last-name key, bit 30 for a variant |
//! | aliases | an `fst` map from folded alias to (posting offset << 16 \| count) |
//!
//! Keys are folded as document entities compare names ([`fold`]): lower
//! case, no accents, single spaces. A base whose keys were folded by
//! another version of [`fold`] is refused: rebuild it. A person's last name is also a key, marked
//! as partial, so that `M. Reinach` finds `Joseph Reinach`.

mod fst_check;
mod wikidata;

use std::collections::BTreeMap;
use std::fmt;
use std::io::{BufRead, Read, Write};
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;
use std::sync::{Arc, LazyLock};

use fst::{IntoStreamer, Map, MapBuilder, Streamer};
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::text::{fold, FOLD_VERSION};
use crate::types::Label;

pub use wikidata::{ClassMap, ImportStats, WikidataImporter, DEFAULT_MAX_LINE_BYTES};

const MAGIC: &[u8; 8] = b"QUIDAMKB";
const VERSION: u32 = 2;
const HEADER: usize = 8 + 4 + 4 + 4 + 4 * 8;
/// Where the CRC-32 sits in the header.
const CRC_AT: usize = 16;
/// Where the section lengths start in the header.
const LENGTHS_AT: usize = 20;
const ROW: usize = 24;
/// Bit of a posting that marks a match on a person's last name only.
const PARTIAL: u32 = 1 << 31;
/// Bit of a posting that marks a match on a variant name.
const VARIANT: u32 = 1 << 30;
/// Both flag bits.
const FLAGS: u32 = PARTIAL | VARIANT;
/// The most candidates kept for one key (the most popular ones).
const MAX_CANDIDATES: usize = 64;
/// Longest folded name kept as a key, in bytes (longer names are not
/// indexed).
const MAX_KEY_BYTES: usize = 512;
/// Longest description kept, in bytes.
const MAX_DESCRIPTION: usize = 400;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KbId(u64);

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

impl Serialize for KbId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for KbId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<KbId, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// One entity of a knowledge base, as written in the JSONL records that
/// [`KbBuilder`] compiles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KbRecord {
    /// Its id.
    pub id: KbId,
    /// Its French name.
    pub label: String,
    /// Other names it goes by in French.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Names in other languages, transliterations and old spellings: found
    /// too, but trusted less than the label and aliases.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    /// `PER`, `ORG`, `LOC` or `SITE`.
    #[serde(rename = "type", with = "label_str")]
    pub kind: Label,
    /// A short French description (`capitale de la France`).
    #[serde(default)]
    pub description: String,
    /// How well known it is: Wikipedia sitelinks, or the equivalent (see the
    /// starter base's build script). Sets the prior between namesakes.
    #[serde(default)]
    pub popularity: f32,
}

impl KbRecord {
    /// A record with no aliases, description or popularity.
    pub fn new(id: KbId, label: impl Into<String>, kind: Label) -> KbRecord {
        KbRecord {
            id,
            label: label.into(),
            aliases: Vec::new(),
            variants: Vec::new(),
            kind,
            description: String::new(),
            popularity: 0.0,
        }
    }
}

mod label_str {
    use super::Label;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(label: &Label, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(label.as_str())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Label, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Compiles [`KbRecord`]s into the binary knowledge base that
/// [`KnowledgeBase`] reads.
///
/// ```
/// use quidam::kb::{KbBuilder, KbId, KbRecord, KnowledgeBase};
/// use quidam::Label;
///
/// let mut builder = KbBuilder::new();
/// let mut paris = KbRecord::new("Q90".parse().unwrap(), "Paris", Label::Loc);
/// paris.aliases.push("Lutèce".into());
/// builder.add(paris);
/// let mut bytes = Vec::new();
/// builder.write(&mut bytes).unwrap();
///
/// let kb = KnowledgeBase::from_bytes(bytes).unwrap();
/// let found: Vec<_> = kb.candidates("LUTECE").map(|c| c.entity.id()).collect();
/// assert_eq!(found, ["Q90".parse::<KbId>().unwrap()]);
/// ```
#[derive(Debug, Default)]
pub struct KbBuilder {
    records: BTreeMap<KbId, KbRecord>,
}

impl KbBuilder {
    /// An empty builder.
    pub fn new() -> KbBuilder {
        KbBuilder::default()
    }

    /// Adds a record. A second record with the same id is merged into the
    /// first: its aliases are added and the higher popularity kept.
    pub fn add(&mut self, record: KbRecord) {
        match self.records.get_mut(&record.id) {
            Some(old) => {
                if record.label != old.label {
                    old.aliases.push(record.label);
                }
                old.aliases.extend(record.aliases);
                old.variants.extend(record.variants);
                old.popularity = old.popularity.max(record.popularity);
                if old.description.is_empty() {
                    old.description = record.description;
                }
            }
            None => {
                self.records.insert(record.id, record);
            }
        }
    }

    /// Adds the records of a JSONL stream, one a line (blank lines skipped).
    /// Returns how many were read; a malformed line is an error naming it.
    pub fn add_jsonl(&mut self, reader: impl BufRead) -> Result<usize, Error> {
        let mut n = 0;
        crate::util::for_each_line(reader, "record", |_, record: KbRecord| {
            self.add(record);
            n += 1;
            Ok(())
        })?;
        Ok(n)
    }

    /// The number of distinct entities added.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether no entity was added.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Writes the binary knowledge base.
    pub fn write(&self, mut writer: impl Write) -> Result<(), Error> {
        let mut rows = Vec::with_capacity(self.records.len() * ROW);
        let mut text = Vec::new();
        // Folded key → (row, partial) pairs.
        let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (row, record) in self.records.values().enumerate() {
            let row = u32::try_from(row)
                .ok()
                .filter(|r| r & FLAGS == 0)
                .ok_or_else(|| Error::new(ErrorKind::Config, "too many entities"))?;
            let label = truncate(&record.label, usize::from(u16::MAX));
            let description = truncate(record.description.trim(), MAX_DESCRIPTION);
            let offset = u32::try_from(text.len())
                .map_err(|_| Error::new(ErrorKind::Config, "entity texts over 4 GiB"))?;
            text.extend_from_slice(label.as_bytes());
            text.extend_from_slice(description.as_bytes());
            rows.extend_from_slice(&record.id.0.to_le_bytes());
            rows.extend_from_slice(&record.popularity.max(0.0).to_le_bytes());
            rows.extend_from_slice(&offset.to_le_bytes());
            rows.extend_from_slice(&(label.len() as u16).to_le_bytes());
            rows.extend_from_slice(&(description.len() as u16).to_le_bytes());
            rows.extend_from_slice(&[label_code(record.kind), 0, 0, 0]);

            let names = std::iter::once(&record.label)
                .chain(&record.aliases)
                .map(|n| (n, 0))
                .chain(record.variants.iter().map(|n| (n, VARIANT)));
            let mut mine: Vec<(String, u32)> = Vec::new();
            for (name, flag) in names {
                let key = fold(name.trim());
                if key.is_empty() || key.len() > MAX_KEY_BYTES {
                    continue;
                }
                if record.kind == Label::Per {
                    if let Some((_, last)) = key.rsplit_once(' ') {
                        if last.chars().count() >= 3 {
                            mine.push((last.to_owned(), row | PARTIAL));
                        }
                    }
                }
                mine.push((key, row | flag));
            }
            // A name wins over a variant, a variant over a last name, on the
            // same key.
            mine.sort_unstable();
            mine.dedup_by(|b, a| a.0 == b.0);
            for (key, posting) in mine {
                keys.entry(key).or_default().push(posting);
            }
        }

        let popularities: Vec<f32> = self.records.values().map(|r| r.popularity).collect();
        let popularity = |posting: u32| popularities[(posting & !FLAGS) as usize];
        let mut postings = Vec::new();
        let mut map = MapBuilder::memory();
        for (key, mut list) in keys {
            // Names first, then variants, then last names; then the most
            // popular.
            list.sort_by(|&a, &b| {
                (a & FLAGS)
                    .cmp(&(b & FLAGS))
                    .then(popularity(b).total_cmp(&popularity(a)))
                    .then(a.cmp(&b))
            });
            list.truncate(MAX_CANDIDATES);
            let offset = (postings.len() / 4) as u64;
            if offset >= 1 << 32 {
                return Err(Error::new(ErrorKind::Config, "too many aliases"));
            }
            for p in &list {
                postings.extend_from_slice(&p.to_le_bytes());
            }
            map.insert(key.as_bytes(), offset << 16 | list.len() as u64)
                .map_err(|e| Error::with_source(ErrorKind::Config, "alias index", e))?;
        }
        let aliases = map
            .into_inner()
            .map_err(|e| Error::with_source(ErrorKind::Config, "alias index", e))?;

        let mut body = Vec::with_capacity(rows.len() + text.len() + postings.len() + aliases.len());
        for section in [&rows, &text, &postings, &aliases] {
            body.extend_from_slice(section);
        }
        let mut header = Vec::with_capacity(HEADER);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&VERSION.to_le_bytes());
        header.extend_from_slice(&FOLD_VERSION.to_le_bytes());
        header.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
        for section in [&rows, &text, &postings, &aliases] {
            header.extend_from_slice(&(section.len() as u64).to_le_bytes());
        }
        writer.write_all(&header)?;
        writer.write_all(&body)?;
        writer.flush()?;
        Ok(())
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char
/// boundary.
fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn label_code(label: Label) -> u8 {
    Label::ALL.iter().position(|&l| l == label).unwrap_or(0) as u8
}

/// An automaton matching the keys within `edits` (at most [`MAX_EDITS`])
/// byte edits (insertions, deletions, substitutions) of `key`. Its state is
/// the band of the edit-distance table around the diagonal, computed as the
/// `fst` is walked: nothing is built up front, and a step costs a few byte
/// operations (`fst`'s own Levenshtein automaton builds a DFA per query,
/// which costs milliseconds for long names). Folded keys are mostly ASCII,
/// where bytes are chars.
struct WithinEdits<'a> {
    key: &'a [u8],
    edits: u8,
    /// Whether the first byte must be right (two-edit searches: with it
    /// free, most of the index's short prefixes stay live).
    keep_first: bool,
}

const MAX_EDITS: u8 = 2;
const BAND: usize = 2 * MAX_EDITS as usize + 1;

/// How many input bytes were read, and the distances between them and
/// `key[..j]` for `j` from `depth - MAX_EDITS` to `depth + MAX_EDITS`
/// (capped at `edits + 1`; out of range is `edits + 1`).
#[derive(Clone, Copy)]
struct Band {
    depth: usize,
    cells: [u8; BAND],
}

impl WithinEdits<'_> {
    /// `j` of band cell `t` at `depth`, if in the table.
    fn column(&self, depth: usize, t: usize) -> Option<usize> {
        (depth + t)
            .checked_sub(MAX_EDITS as usize)
            .filter(|&j| j <= self.key.len())
    }
}

impl fst::Automaton for WithinEdits<'_> {
    type State = Band;

    fn start(&self) -> Band {
        let dead = self.edits + 1;
        let mut cells = [dead; BAND];
        for (t, cell) in cells.iter_mut().enumerate() {
            if let Some(j) = self.column(0, t) {
                *cell = (j as u8).min(dead);
            }
        }
        Band { depth: 0, cells }
    }

    fn is_match(&self, band: &Band) -> bool {
        let t = (self.key.len() + MAX_EDITS as usize).checked_sub(band.depth);
        t.and_then(|t| band.cells.get(t))
            .is_some_and(|&d| d <= self.edits)
    }

    fn can_match(&self, band: &Band) -> bool {
        band.cells.iter().any(|&d| d <= self.edits)
    }

    fn accept(&self, band: &Band, byte: u8) -> Band {
        let dead = self.edits + 1;
        if band.depth == 0 && self.keep_first && self.key.first() != Some(&byte) {
            return Band {
                depth: 1,
                cells: [dead; BAND],
            };
        }
        let depth = band.depth + 1;
        let mut cells = [dead; BAND];
        for t in 0..BAND {
            let Some(j) = self.column(depth, t) else {
                continue;
            };
            if j == 0 {
                cells[t] = depth.min(usize::from(dead)) as u8;
                continue;
            }
            // D[depth-1][j-1] is old cell t, D[depth-1][j] old cell t+1,
            // D[depth][j-1] new cell t-1.
            let substitute = band.cells[t].saturating_add(u8::from(self.key[j - 1] != byte));
            let delete = band.cells.get(t + 1).map_or(dead, |d| d.saturating_add(1));
            let insert = if t > 0 {
                cells[t - 1].saturating_add(1)
            } else {
                dead
            };
            cells[t] = substitute.min(delete).min(insert).min(dead);
        }
        Band { depth, cells }
    }
}

/// The bytes of a knowledge base: embedded, owned or memory-mapped.
enum Bytes {
    Static(&'static [u8]),
    Owned(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            Bytes::Static(b) => b,
            Bytes::Owned(b) => b,
            Bytes::Mapped(m) => m,
        }
    }
}

/// A section of shared knowledge-base bytes, for the `fst` map.
#[derive(Clone)]
struct Section {
    bytes: Arc<Bytes>,
    range: Range<usize>,
}

impl AsRef<[u8]> for Section {
    fn as_ref(&self) -> &[u8] {
        &self.bytes.as_ref().as_ref()[self.range.clone()]
    }
}

/// A compiled knowledge base: immutable, `Send + Sync`, cheap to share.
///
/// Look names up with [`candidates`](Self::candidates) and ids with
/// [`get`](Self::get); link a document's entities with the pipeline
/// ([`PipelineBuilder::knowledge_base`](crate::PipelineBuilder::knowledge_base)).
pub struct KnowledgeBase {
    bytes: Arc<Bytes>,
    rows: Range<usize>,
    text: Range<usize>,
    postings: Range<usize>,
    aliases: Map<Section>,
}

impl fmt::Debug for KnowledgeBase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KnowledgeBase")
            .field("entities", &self.len())
            .field("aliases", &self.aliases.len())
            .finish()
    }
}

static EMBEDDED_BYTES: &[u8] = include_bytes!("../models/kb.bin");

static EMBEDDED: LazyLock<Arc<KnowledgeBase>> = LazyLock::new(|| {
    Arc::new(
        KnowledgeBase::parse(Bytes::Static(EMBEDDED_BYTES), true)
            .expect("the embedded knowledge base is valid"),
    )
});

/// One entity of a [`KnowledgeBase`].
#[derive(Clone, Copy)]
pub struct KbEntity<'k> {
    row: &'k [u8],
    text: &'k [u8],
}

impl fmt::Debug for KbEntity<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KbEntity")
            .field("id", &self.id())
            .field("label", &self.label())
            .field("kind", &self.kind())
            .field("popularity", &self.popularity())
            .finish()
    }
}

impl<'k> KbEntity<'k> {
    /// Its id.
    pub fn id(&self) -> KbId {
        KbId(u64::from_le_bytes(self.row[..8].try_into().unwrap()))
    }

    /// Its popularity (see [`KbRecord::popularity`]).
    pub fn popularity(&self) -> f32 {
        f32::from_le_bytes(self.row[8..12].try_into().unwrap())
    }

    fn text_range(&self, which: usize) -> Range<usize> {
        let offset = u32::from_le_bytes(self.row[12..16].try_into().unwrap()) as usize;
        let label = u16::from_le_bytes([self.row[16], self.row[17]]) as usize;
        let description = u16::from_le_bytes([self.row[18], self.row[19]]) as usize;
        if which == 0 {
            offset..offset + label
        } else {
            offset + label..offset + label + description
        }
    }

    fn str_at(&self, which: usize) -> &'k str {
        let range = self.text_range(which);
        // Checked at load.
        self.text
            .get(range)
            .and_then(|t| std::str::from_utf8(t).ok())
            .unwrap_or("")
    }

    /// Its French name.
    pub fn label(&self) -> &'k str {
        self.str_at(0)
    }

    /// Its description (may be empty).
    pub fn description(&self) -> &'k str {
        self.str_at(1)
    }

    /// What it is: `PER`, `ORG`, `LOC` or `SITE`.
    pub fn kind(&self) -> Label {
        Label::ALL
            .get(usize::from(self.row[20]))
            .copied()
            .unwrap_or(Label::Misc)
    }
}

/// Which of an entity's names matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum NameMatch {
    /// Its label or one of its aliases.
    Name,
    /// One of its variants (see [`KbRecord::variants`]).
    Variant,
    /// A person's last name only (`Reinach` for `Joseph Reinach`).
    LastName,
}

/// A candidate entity for a name, from [`KnowledgeBase::candidates`].
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Candidate<'k> {
    /// The entity.
    pub entity: KbEntity<'k>,
    /// Which of its names matched.
    pub matched: NameMatch,
}

impl KnowledgeBase {
    /// The starter knowledge base embedded in the crate (countries, cities
    /// of over 15,000 inhabitants, and the entities of the HIPE-2020 French
    /// training data; see `models/README.md`).
    pub fn embedded() -> Arc<KnowledgeBase> {
        Arc::clone(&EMBEDDED)
    }

    /// Reads a knowledge base written by [`KbBuilder::write`] from bytes.
    ///
    /// Fails with [`ErrorKind::Model`] when the bytes are not a quidam
    /// knowledge base of this version, or are corrupt.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<KnowledgeBase, Error> {
        KnowledgeBase::parse(Bytes::Owned(bytes), false)
    }

    /// Reads a knowledge base from static bytes without copying them.
    pub fn from_static(bytes: &'static [u8]) -> Result<KnowledgeBase, Error> {
        KnowledgeBase::parse(Bytes::Static(bytes), false)
    }

    /// Reads a knowledge base from a stream.
    pub fn read(mut reader: impl Read) -> Result<KnowledgeBase, Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes)?;
        KnowledgeBase::from_bytes(bytes)
    }

    /// Opens a knowledge base file by memory-mapping it: the file's pages are
    /// shared between processes and read on demand.
    ///
    /// The file must not be modified while it is open (a replaced file is
    /// fine: write the new one beside it and rename it over).
    pub fn open(path: impl AsRef<Path>) -> Result<KnowledgeBase, Error> {
        let path = path.as_ref();
        let context = |e: Error| {
            let kind = e.kind().clone();
            Error::with_source(kind, format!("knowledge base {}", path.display()), e)
        };
        let file = crate::util::open_regular_file(path, "knowledge base")?;
        // SAFETY: the map is read-only; the documented contract above is
        // that the file is not modified while mapped, as with any mmap-based
        // index (memmap2 cannot enforce it).
        #[allow(unsafe_code)]
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| context(e.into()))?;
        KnowledgeBase::parse(Bytes::Mapped(map), false).map_err(context)
    }

    fn parse(bytes: Bytes, trusted: bool) -> Result<KnowledgeBase, Error> {
        let bad = |m: &str| Error::new(ErrorKind::Model, format!("knowledge base: {m}"));
        let b = bytes.as_ref();
        if b.len() < 8 || &b[..8] != MAGIC {
            return Err(bad("not a quidam knowledge base (bad magic)"));
        }
        if b.len() < HEADER {
            return Err(bad("truncated header"));
        }
        let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap());
        let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap());
        let version = u32_at(8);
        if version != VERSION {
            return Err(bad(&format!(
                "format version {version}, this build reads {VERSION} (rebuild it with build_kb)"
            )));
        }
        let folding = u32_at(12);
        if folding != FOLD_VERSION {
            return Err(bad(&format!(
                "names folded by version {folding}, this build folds by {FOLD_VERSION} (rebuild it with build_kb)"
            )));
        }
        let mut start = HEADER;
        let mut sections = [0..0, 0..0, 0..0, 0..0];
        for (i, section) in sections.iter_mut().enumerate() {
            let len = usize::try_from(u64_at(LENGTHS_AT + 8 * i)).map_err(|_| bad("truncated"))?;
            let end = start.checked_add(len).ok_or_else(|| bad("truncated"))?;
            *section = start..end;
            start = end;
        }
        if start != b.len() {
            return Err(bad("truncated or trailing bytes"));
        }
        if crc32fast::hash(&b[HEADER..]) != u32_at(CRC_AT) {
            return Err(bad("checksum mismatch (corrupt file)"));
        }
        let [rows, text, postings, aliases] = sections;
        if rows.len() % ROW != 0 || postings.len() % 4 != 0 {
            return Err(bad("bad section sizes"));
        }
        let n_rows = (rows.len() / ROW) as u32;
        let text_bytes = &b[text.clone()];
        let mut last_id = None;
        for row in b[rows.clone()].chunks_exact(ROW) {
            let entity = KbEntity {
                row,
                text: text_bytes,
            };
            // Sorted by id, for `get`.
            if last_id.is_some_and(|last| last >= entity.id()) {
                return Err(bad("entities out of order"));
            }
            last_id = Some(entity.id());
            for which in [0, 1] {
                let range = entity.text_range(which);
                if !matches!(text_bytes.get(range).map(std::str::from_utf8), Some(Ok(_))) {
                    return Err(bad("entity text out of bounds"));
                }
            }
        }
        for p in b[postings.clone()].chunks_exact(4) {
            if u32::from_le_bytes(p.try_into().unwrap()) & !FLAGS >= n_rows {
                return Err(bad("posting out of bounds"));
            }
        }
        // The alias index is walked once, so that no lookup in it can panic
        // or run away (the embedded base is part of the program, and checked
        // by a test).
        if !trusted {
            fst_check::check(&b[aliases.clone()], MAX_KEY_BYTES)
                .map_err(|m| bad(&format!("alias index: {m}")))?;
        }
        let bytes = Arc::new(bytes);
        let map = Map::new(Section {
            bytes: Arc::clone(&bytes),
            range: aliases,
        })
        .map_err(|e| Error::with_source(ErrorKind::Model, "knowledge base: alias index", e))?;
        Ok(KnowledgeBase {
            bytes,
            rows,
            text,
            postings,
            aliases: map,
        })
    }

    fn data(&self) -> &[u8] {
        self.bytes.as_ref().as_ref()
    }

    /// The number of entities.
    pub fn len(&self) -> usize {
        self.rows.len() / ROW
    }

    /// Whether it holds no entity.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The number of distinct folded names.
    pub fn alias_count(&self) -> usize {
        self.aliases.len()
    }

    fn entity_at(&self, row: usize) -> KbEntity<'_> {
        let start = self.rows.start + row * ROW;
        KbEntity {
            row: &self.data()[start..start + ROW],
            text: &self.data()[self.text.clone()],
        }
    }

    /// The entity with this id.
    pub fn get(&self, id: KbId) -> Option<KbEntity<'_>> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.entity_at(mid).id().cmp(&id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(self.entity_at(mid)),
            }
        }
        None
    }

    /// The entities that go by `name` (folded: case, accents and spacing do
    /// not matter): those it names, then those it is a variant or last name
    /// of, each most popular first.
    pub fn candidates(&self, name: &str) -> impl Iterator<Item = Candidate<'_>> + '_ {
        let value = self.aliases.get(fold(name.trim()).as_bytes());
        self.postings_of(value.unwrap_or(0))
    }

    /// The entities whose folded names are near `name`'s (for OCR errors:
    /// `Picqu art`, `Iiondres`), as (folded name, candidates) pairs: within
    /// one edit for names of five to eight chars; from nine chars on, within
    /// two edits that leave the first char alone; none for shorter names.
    pub fn fuzzy_candidates(&self, name: &str) -> Vec<(String, Vec<Candidate<'_>>)> {
        let key = fold(name.trim());
        let edits = match key.chars().count() {
            0..=4 => return Vec::new(),
            5..=8 => 1,
            _ => MAX_EDITS,
        };
        let automaton = WithinEdits {
            key: key.as_bytes(),
            edits,
            keep_first: edits == MAX_EDITS,
        };
        let mut stream = self.aliases.search(automaton).into_stream();
        let mut out = Vec::new();
        while let Some((k, value)) = stream.next() {
            let k = String::from_utf8_lossy(k).into_owned();
            out.push((k, self.postings_of(value).collect()));
        }
        out
    }

    fn postings_of(&self, value: u64) -> impl Iterator<Item = Candidate<'_>> + '_ {
        // Alias values are not checked at load (that would enumerate every
        // key): one out of the postings gives no candidate.
        let start = usize::try_from(value >> 16)
            .ok()
            .and_then(|offset| offset.checked_mul(4))
            .and_then(|offset| offset.checked_add(self.postings.start));
        let end = start.and_then(|start| start.checked_add(4 * (value & 0xffff) as usize));
        let list = match (start, end) {
            (Some(start), Some(end)) if end <= self.postings.end => &self.data()[start..end],
            _ => &[],
        };
        list.chunks_exact(4).map(move |p| {
            let p = u32::from_le_bytes(p.try_into().unwrap());
            Candidate {
                entity: self.entity_at((p & !FLAGS) as usize),
                matched: if p & PARTIAL != 0 {
                    NameMatch::LastName
                } else if p & VARIANT != 0 {
                    NameMatch::Variant
                } else {
                    NameMatch::Name
                },
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, label: &str, aliases: &[&str], kind: Label, popularity: f32) -> KbRecord {
        KbRecord {
            id: id.parse().unwrap(),
            label: label.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            variants: Vec::new(),
            kind,
            description: format!("description de {label}"),
            popularity,
        }
    }

    fn sample() -> Vec<u8> {
        let mut b = KbBuilder::new();
        b.add(record("Q90", "Paris", &["Lutèce"], Label::Loc, 300.0));
        b.add(record("Q167646", "Paris", &[], Label::Per, 20.0));
        b.add(record("Q172161", "Joseph Reinach", &[], Label::Per, 30.0));
        b.add(record("geonames:4717560", "Paris", &[], Label::Loc, 2.5));
        b.add(record(
            "Q23",
            "Société générale",
            &["SocGen"],
            Label::Org,
            50.0,
        ));
        let mut vienna = record("Q1741", "Vienne", &[], Label::Loc, 200.0);
        vienna.variants.push("Wien".into());
        b.add(vienna);
        b.add(record("Q2", "Wien", &[], Label::Org, 1.0));
        let mut bytes = Vec::new();
        b.write(&mut bytes).unwrap();
        bytes
    }

    fn ids<'k>(c: impl Iterator<Item = Candidate<'k>>) -> Vec<String> {
        c.map(|c| c.entity.id().to_string()).collect()
    }

    #[test]
    fn ids_round_trip() {
        for s in ["Q1", "Q90", "Q123456789", "geonames:2988507", "geonames:0"] {
            assert_eq!(s.parse::<KbId>().unwrap().to_string(), s);
        }
        for s in [
            "",
            "Q",
            "q90",
            "Q-1",
            "Q9x",
            "geonames:",
            "P31",
            "Q99999999999999999999",
        ] {
            assert!(s.parse::<KbId>().is_err(), "{s}");
        }
    }

    #[test]
    fn candidates_by_folded_name_most_popular_first() {
        let kb = KnowledgeBase::from_bytes(sample()).unwrap();
        assert_eq!(kb.len(), 7);
        let cases: &[(&str, &[&str])] = &[
            ("Paris", &["Q90", "Q167646", "geonames:4717560"]),
            ("  PARIS ", &["Q90", "Q167646", "geonames:4717560"]),
            ("lutece", &["Q90"]),
            ("Reinach", &["Q172161"]),
            ("socgen", &["Q23"]),
            ("Société  Générale", &["Q23"]),
            ("Londres", &[]),
            ("", &[]),
        ];
        for (name, expected) in cases {
            assert_eq!(ids(kb.candidates(name)), *expected, "{name}");
        }
        assert!(kb
            .candidates("Reinach")
            .all(|c| c.matched == NameMatch::LastName));
        assert!(kb
            .candidates("Joseph Reinach")
            .all(|c| c.matched == NameMatch::Name));
        let wien: Vec<_> = kb
            .candidates("Wien")
            .map(|c| (c.entity.id().to_string(), c.matched))
            .collect();
        assert_eq!(
            wien,
            [
                ("Q2".to_string(), NameMatch::Name),
                ("Q1741".to_string(), NameMatch::Variant)
            ]
        );
    }

    #[test]
    fn alias_values_out_of_the_postings_give_no_candidate() {
        let kb = KnowledgeBase::from_bytes(sample()).unwrap();
        for value in [u64::MAX, 1 << 40, (1 << 16) * 1000 + 3, 0xffff] {
            assert_eq!(kb.postings_of(value).count(), 0, "{value:#x}");
        }
    }

    #[test]
    fn entities_by_id() {
        let kb = KnowledgeBase::from_bytes(sample()).unwrap();
        let paris = kb.get("Q90".parse().unwrap()).unwrap();
        assert_eq!(paris.label(), "Paris");
        assert_eq!(paris.kind(), Label::Loc);
        assert_eq!(paris.description(), "description de Paris");
        assert_eq!(paris.popularity(), 300.0);
        assert!(kb.get("Q91".parse().unwrap()).is_none());
    }

    #[test]
    fn fuzzy_candidates_within_one_or_two_edits() {
        let kb = KnowledgeBase::from_bytes(sample()).unwrap();
        let found = kb.fuzzy_candidates("Reinacb");
        assert_eq!(found.len(), 1);
        assert_eq!(ids(found[0].1.iter().copied()), ["Q172161"]);
        assert!(kb.fuzzy_candidates("Pari").is_empty());
        let found = kb.fuzzy_candidates("Josepb Reinacb");
        assert_eq!(ids(found[0].1.iter().copied()), ["Q172161"]);
        assert!(kb.fuzzy_candidates("Iosepb Reinach").is_empty());
    }

    /// Edit distance between two byte strings.
    fn distance(a: &[u8], b: &[u8]) -> usize {
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, &x) in a.iter().enumerate() {
            let mut next = vec![i + 1];
            for (j, &y) in b.iter().enumerate() {
                next.push(
                    (row[j] + usize::from(x != y))
                        .min(row[j + 1] + 1)
                        .min(next[j] + 1),
                );
            }
            row = next;
        }
        row[b.len()]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        #[test]
        fn fuzzy_candidates_are_the_names_within_the_edits(
            names in proptest::collection::vec("[abc ]{1,12}", 1..30),
            query in "[abc]{5,12}",
        ) {
            let mut b = KbBuilder::new();
            for (i, name) in names.iter().enumerate() {
                b.add(KbRecord::new(KbId::from_wikidata(i as u64 + 1), name.clone(), Label::Loc));
            }
            let mut bytes = Vec::new();
            b.write(&mut bytes).unwrap();
            let kb = KnowledgeBase::from_bytes(bytes).unwrap();
            let found: std::collections::BTreeSet<String> =
                kb.fuzzy_candidates(&query).into_iter().map(|(k, _)| k).collect();
            let edits = if query.len() <= 8 { 1 } else { 2 };
            let expected: std::collections::BTreeSet<String> = names
                .iter()
                .map(|n| fold(n.trim()))
                .filter(|k| !k.is_empty())
                .filter(|k| distance(k.as_bytes(), query.as_bytes()) <= edits)
                .filter(|k| edits == 1 || k.as_bytes()[0] == query.as_bytes()[0])
                .collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn same_id_merges() {
        let mut b = KbBuilder::new();
        b.add(record("Q90", "Paris", &[], Label::Loc, 3.0));
        b.add(record("Q90", "Ville Lumière", &["Paname"], Label::Loc, 9.0));
        assert_eq!(b.len(), 1);
        let mut bytes = Vec::new();
        b.write(&mut bytes).unwrap();
        let kb = KnowledgeBase::from_bytes(bytes).unwrap();
        for name in ["paris", "ville lumiere", "paname"] {
            assert_eq!(ids(kb.candidates(name)), ["Q90"], "{name}");
        }
        assert_eq!(kb.get("Q90".parse().unwrap()).unwrap().popularity(), 9.0);
    }

    #[test]
    fn records_read_from_jsonl() {
        let jsonl = concat!(
            r#"{"id":"Q90","label":"Paris","aliases":["Lutèce"],"type":"LOC","description":"capitale de la France","popularity":250}"#,
            "\n\n",
            r#"{"id":"geonames:2995469","label":"Marseille","type":"LOC"}"#,
            "\n"
        );
        let mut b = KbBuilder::new();
        assert_eq!(b.add_jsonl(jsonl.as_bytes()).unwrap(), 2);
        let bad = r#"{"id":"Q90","label":"Paris","type":"CITY"}"#;
        let err = KbBuilder::new().add_jsonl(bad.as_bytes()).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Format);
        assert!(err.to_string().contains("line 1"), "{err}");
    }

    #[test]
    fn bad_bytes_are_model_errors() {
        let good = sample();
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        let mut version = good.clone();
        version[8] = 9;
        let mut folding = good.clone();
        folding[12] = 9;
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("empty", Vec::new()),
            (
                "other magic",
                b"QUIDAMTG and more bytes than a header".to_vec(),
            ),
            ("truncated header", good[..20].to_vec()),
            ("truncated body", good[..good.len() - 3].to_vec()),
            ("trailing bytes", [good.as_slice(), b"x"].concat()),
            ("flipped bit", flipped),
            ("other version", version),
            ("keys folded by another version", folding),
        ];
        for (name, bytes) in cases {
            let err = KnowledgeBase::from_bytes(bytes).unwrap_err();
            assert_eq!(err.kind(), &ErrorKind::Model, "{name}: {err}");
        }
    }

    /// 10,000 knowledge bases with one to three bytes changed and the
    /// checksum written anew (most changes in the alias index): each gives an
    /// error at load or answers lookups consistently, and never panics.
    #[test]
    fn crafted_files_give_errors_or_consistent_answers() {
        let good = sample();
        let aliases_len = &good[LENGTHS_AT + 24..LENGTHS_AT + 32];
        let aliases = good.len() - u64::from_le_bytes(aliases_len.try_into().unwrap()) as usize;
        let names = [
            "Paris",
            "Lutèce",
            "Reinach",
            "SocGen",
            "Wien",
            "Vienne",
            "Pariss",
            "Société générale",
        ];
        // xorshift: the same mutations on every run.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut loaded = 0;
        for _ in 0..10_000 {
            let mut bytes = good.clone();
            for _ in 0..1 + next(3) {
                let at = if next(4) == 0 {
                    HEADER + next(good.len() - HEADER)
                } else {
                    aliases + next(good.len() - aliases)
                };
                bytes[at] = next(256) as u8;
            }
            let crc = crc32fast::hash(&bytes[HEADER..]);
            bytes[CRC_AT..CRC_AT + 4].copy_from_slice(&crc.to_le_bytes());
            let Ok(kb) = KnowledgeBase::from_bytes(bytes) else {
                continue;
            };
            loaded += 1;
            let mut found = Vec::new();
            for name in names {
                found.extend(kb.candidates(name));
                for (key, candidates) in kb.fuzzy_candidates(name) {
                    // A changed byte can leave a name that is not UTF-8.
                    if !key.contains('\u{fffd}') {
                        assert!(distance(key.as_bytes(), fold(name).as_bytes()) <= 2);
                    }
                    found.extend(candidates);
                }
            }
            for c in found {
                let entity = kb.get(c.entity.id()).unwrap();
                assert_eq!(entity.label(), c.entity.label());
                let _ = (entity.description(), entity.kind(), entity.popularity());
            }
            assert_eq!(kb.alias_count() > 0, !kb.aliases.is_empty());
        }
        // Changes that leave a valid file (a popularity, a letter of a
        // description, an output the index does not use) load.
        assert!(loaded > 100, "{loaded}");
    }

    #[test]
    fn opens_a_file_by_mapping_it() {
        let dir = std::env::temp_dir().join(format!("quidam-kb-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("kb.bin");
        std::fs::write(&path, sample()).unwrap();
        let kb = KnowledgeBase::open(&path).unwrap();
        assert_eq!(ids(kb.candidates("lutèce")), ["Q90"]);
        let err = KnowledgeBase::open(dir.join("missing.bin")).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Io);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn embedded_base_loads() {
        let kb = KnowledgeBase::embedded();
        assert!(kb.len() > 30_000, "{}", kb.len());
        // Checked as any file is.
        KnowledgeBase::from_static(EMBEDDED_BYTES).unwrap();
        let france = kb.get("Q142".parse().unwrap()).unwrap();
        assert_eq!(france.label(), "France");
        assert_eq!(france.kind(), Label::Loc);
    }

    #[test]
    fn public_types_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<KnowledgeBase>();
        assert_send_sync::<KbEntity<'static>>();
        assert_send_sync::<KbRecord>();
        assert_send_sync::<KbBuilder>();
    }
}
