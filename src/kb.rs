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
//! from the embedded starter base. The binary format (version 3): the
//! envelope of every model file (magic `QUIDAMKB`, format version, CRC-32
//! and length of the body; `util::wire`), then a body, little-endian:
//!
//! | bytes | what |
//! |---|---|
//! | 4 | version of the name folding that made the keys ([`fold`](crate::text::fold)) |
//! | 4 × 8 | byte lengths of the four sections |
//! | entities | one 24-byte row per entity, sorted by id: id `u64`, popularity `f32`, text offset `u32`, label length `u16`, description length `u16`, type `u8`, 3 zero bytes |
//! | text | labels and descriptions, UTF-8, back to back |
//! | postings | candidate lists: `u32` entity rows, names before variants before last names, then most popular first; bit 31 set for a last-name key, bit 30 for a variant |
//! | aliases | an `fst` map from folded alias to (posting offset << 16 \| count) |
//!
//! Keys are folded as document entities compare names ([`fold`](crate::text::fold)): lower
//! case, no accents, single spaces. A base whose keys were folded by
//! another version of [`fold`](crate::text::fold) is refused: rebuild it. A person's last name is also a key, marked
//! as partial, so that `M. Reinach` finds `Joseph Reinach`.
//!
//! The embedded starter base ([`KnowledgeBase::embedded`]: 35,159
//! entities, 4.7 MB) holds the Natural Earth countries, the GeoNames cities
//! over 15,000 inhabitants and the entities of the HIPE-2020 French training
//! data (`scripts/build_kb.sh`). A full base comes from a Wikidata dump:
//!
//! ```sh
//! cargo run --release --example import_wikidata -- latest-all.json.gz --out records.jsonl --subclasses
//! cargo run --release --example build_kb -- records.jsonl --out wikidata-kb.bin
//! ```
//!
//! then `Pipeline::builder().knowledge_base(KnowledgeBase::open("wikidata-kb.bin")?)`
//! (memory-mapped: loaded in about a millisecond whatever its size). The
//! importer ([`WikidataImporter`]) streams the dump (`.json`, `.gz`, `.bz2`
//! or standard input) a line at a time, keeps the items with a French (or
//! `mul`) label or alias whose `instance of` is a person, organisation,
//! place or web site class (with `--subclasses`, a first pass follows
//! `subclass of` down from those roots, so that a collecting society or a
//! commune counts), takes popularity from the sitelink count, and reports
//! and skips malformed and over-long lines. Records of other sources can be
//! compiled too.

mod builder;
mod fst_check;
mod fuzzy;
mod id;
mod reader;
mod record;
mod wikidata;

pub use builder::KbBuilder;
pub use id::KbId;
pub use reader::{Candidate, KbEntity, KnowledgeBase, NameMatch};
pub use record::KbRecord;
pub use wikidata::{ClassMap, ImportStats, WikidataImporter, DEFAULT_MAX_LINE_BYTES};

/// The knowledge base's file.
const FORMAT: Format = Format {
    name: "knowledge base",
    magic: b"QUIDAMKB",
    version: 3,
    max_body: u64::MAX,
    rebuild: "rebuild it with build_kb",
};
/// Where the section lengths start: after the envelope and the folding
/// version.
const LENGTHS_AT: usize = wire::HEADER + 4;
/// Where the sections start.
const SECTIONS_AT: usize = LENGTHS_AT + 4 * 8;
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

use crate::util::wire::{self, Format};

#[cfg(test)]
mod tests;
