//! Compiling records into the binary format.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use fst::MapBuilder;

use super::*;
use crate::error::{Error, ErrorKind};
use crate::text::{fold, FOLD_VERSION};
use crate::types::Label;

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
                if record.name != old.name {
                    old.aliases.push(record.name);
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
    pub fn write(&self, writer: impl Write) -> Result<(), Error> {
        let mut rows = Vec::with_capacity(self.records.len() * ROW);
        let mut text = Vec::new();
        // Folded key → (row, partial) pairs.
        let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (row, record) in self.records.values().enumerate() {
            let row = u32::try_from(row)
                .ok()
                .filter(|r| r & FLAGS == 0)
                .ok_or_else(|| Error::new(ErrorKind::Config, "too many entities"))?;
            let label = truncate(&record.name, usize::from(u16::MAX));
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
            rows.extend_from_slice(&[label_code(record.label), 0, 0, 0]);

            let names = std::iter::once(&record.name)
                .chain(&record.aliases)
                .map(|n| (n, 0))
                .chain(record.variants.iter().map(|n| (n, VARIANT)));
            let mut mine: Vec<(String, u32)> = Vec::new();
            for (name, flag) in names {
                let key = fold(name.trim());
                if key.is_empty() || key.len() > MAX_KEY_BYTES {
                    continue;
                }
                if record.label == Label::Per {
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

        let sections = [&rows, &text, &postings, &aliases];
        let mut body =
            Vec::with_capacity(4 + 4 * 8 + sections.iter().map(|s| s.len()).sum::<usize>());
        body.extend_from_slice(&FOLD_VERSION.to_le_bytes());
        for section in sections {
            body.extend_from_slice(&(section.len() as u64).to_le_bytes());
        }
        for section in sections {
            body.extend_from_slice(section);
        }
        FORMAT.write(&body, writer)
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
