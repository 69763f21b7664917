//! Streams a Wikidata JSON dump into knowledge-base records.
//!
//! A dump (`latest-all.json`, decompressed from `.gz` or `.bz2` by the
//! caller) is a JSON array with one entity a line:
//!
//! ```text
//! [
//! {"type":"item","id":"Q90","labels":{"fr":{"language":"fr","value":"Paris"}},...},
//! ...
//! ]
//! ```
//!
//! [`WikidataImporter::import`] reads it line by line, in memory bounded by
//! the longest line it keeps ([`WikidataImporter::max_line_bytes`]; a longer
//! line is reported and skipped), and writes one [`KbRecord`] (JSONL) for each item that
//! has a French (or language-neutral `mul`) label or alias and whose
//! `instance of` (P31) is one of the [`ClassMap`]'s classes: people, organisations,
//! places and web sites. Its popularity is its number of sitelinks. A line
//! that is not valid entity JSON is counted, reported in [`ImportStats`]
//! and skipped.
//!
//! Which classes count: [`ClassMap::builtin`] lists the common ones; for
//! every subclass (collecting societies, communes of France, …), run
//! [`ClassMap::from_dump`] over the dump first: it follows `subclass of`
//! (P279) down from the root classes.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead, Write};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::{KbId, KbRecord};
use crate::error::{Error, ErrorKind};
use crate::types::Label;

/// Root classes, by priority: an item that is an instance of classes of
/// several labels takes the first (a city that Wikidata also files as an
/// organisation is a place, as `docs/annotation.md` wants).
const ROOTS: &[(u64, Label)] = &[
    (5, Label::Per),         // human
    (35127, Label::Site),    // website
    (19967801, Label::Site), // online service
    (2221906, Label::Loc),   // geographic location
    (618123, Label::Loc),    // geographical feature
    (17334923, Label::Loc),  // location
    (56061, Label::Loc),     // administrative territorial entity
    (486972, Label::Loc),    // human settlement
    (43229, Label::Org),     // organization
];

/// Common direct classes, for imports without a subclass pass.
const COMMON: &[(u64, Label)] = &[
    (4830453, Label::Org),  // business
    (783794, Label::Org),   // company
    (891723, Label::Org),   // public company
    (6881511, Label::Org),  // enterprise
    (163740, Label::Org),   // nonprofit organization
    (7278, Label::Org),     // political party
    (3918, Label::Org),     // university
    (476028, Label::Org),   // association football club
    (11032, Label::Org),    // newspaper
    (1002697, Label::Org),  // periodical
    (15265344, Label::Org), // broadcaster
    (327333, Label::Org),   // government agency
    (484652, Label::Org),   // international organization
    (48204, Label::Org),    // voluntary association
    (157031, Label::Org),   // foundation
    (6256, Label::Loc),     // country
    (3624078, Label::Loc),  // sovereign state
    (515, Label::Loc),      // city
    (1549591, Label::Loc),  // big city
    (484170, Label::Loc),   // commune of France
    (747074, Label::Loc),   // comune of Italy
    (70208, Label::Loc),    // municipality of Switzerland
    (532, Label::Loc),      // village
    (3957, Label::Loc),     // town
    (82794, Label::Loc),    // geographic region
    (4022, Label::Loc),     // river
    (8502, Label::Loc),     // mountain
    (23442, Label::Loc),    // island
];

/// Which Wikidata classes make an item a person, organisation, place or
/// site.
#[derive(Clone, Debug)]
pub struct ClassMap {
    classes: FxHashMap<u64, Label>,
}

impl ClassMap {
    /// The root classes (human, organization, website, online service,
    /// geographic location, …) and common direct classes (company, political
    /// party, city, commune of France, …).
    pub fn builtin() -> ClassMap {
        let mut classes = FxHashMap::default();
        for &(q, label) in COMMON.iter().chain(ROOTS) {
            classes.insert(q, label);
        }
        ClassMap { classes }
    }

    /// The built-in classes and every class under them by `subclass of`
    /// (P279) in the dump, which this reads once. A class takes the label of
    /// the nearest built-in class above it (at equal distance, the first in
    /// priority: person, site, place, organisation); built-in classes keep
    /// theirs. Memory grows with the number of subclass statements, not
    /// with the dump.
    pub fn from_dump(reader: impl BufRead) -> Result<(ClassMap, ImportStats), Error> {
        let mut parents_of: FxHashMap<u64, Vec<u64>> = FxHashMap::default();
        let stats = for_each_entity(reader, |entity| {
            if let Some(q) = numeric_id(&entity.id) {
                for statement in entity.claims.p279.iter() {
                    if let Some(parent) = statement.item() {
                        parents_of.entry(parent).or_default().push(q);
                    }
                }
            }
            Ok(())
        })?;
        // Breadth-first down from the built-in classes at once: a class
        // takes the label of the nearest, and at equal distance of the first
        // root in priority order. Built-in classes keep their own labels.
        let builtin = ClassMap::builtin().classes;
        let mut level: Vec<(u64, Label)> = ROOTS.to_vec();
        level.extend(
            COMMON
                .iter()
                .filter(|(q, _)| !ROOTS.iter().any(|(r, _)| r == q)),
        );
        level.sort_by_key(|&(_, label)| priority(label));
        let mut classes = builtin;
        while !level.is_empty() {
            let mut next = Vec::new();
            for &(class, label) in &level {
                for &child in parents_of.get(&class).into_iter().flatten() {
                    if let std::collections::hash_map::Entry::Vacant(e) = classes.entry(child) {
                        e.insert(label);
                        next.push((child, label));
                    }
                }
            }
            level = next;
        }
        Ok((ClassMap { classes }, stats))
    }

    /// Adds or changes a class.
    pub fn insert(&mut self, class: KbId, label: Label) {
        if let Some(q) = class.wikidata() {
            self.classes.insert(q, label);
        }
    }

    /// The label a class gives its instances.
    pub fn get(&self, class: KbId) -> Option<Label> {
        self.classes.get(&class.wikidata()?).copied()
    }

    /// The number of classes.
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    /// Whether there is no class.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }
}

/// What an import read and kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportStats {
    /// Lines read.
    pub lines: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Entities parsed.
    pub entities: u64,
    /// Records written.
    pub kept: u64,
    /// Lines that were not valid entity JSON.
    pub malformed: u64,
    /// The first malformed lines: (line number from 1, what was wrong).
    pub errors: Vec<(u64, String)>,
    /// The read error that ended the import before the end of the dump (a
    /// truncated or corrupt archive), if any: the records of the lines
    /// before it were written.
    pub read_error: Option<String>,
}

/// How many malformed lines [`ImportStats::errors`] describes.
const MAX_REPORTED: usize = 20;

/// The longest line read by default, in bytes: Wikidata's largest entities
/// take a few megabytes.
pub const DEFAULT_MAX_LINE_BYTES: usize = 64 << 20;

/// Turns a Wikidata JSON dump into knowledge-base records.
///
/// ```
/// use quidam::kb::{ClassMap, WikidataImporter};
///
/// let dump = r#"[
/// {"type":"item","id":"Q90","labels":{"fr":{"language":"fr","value":"Paris"}},"descriptions":{"fr":{"language":"fr","value":"capitale de la France"}},"aliases":{},"claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":{"entity-type":"item","numeric-id":515,"id":"Q515"},"type":"wikibase-entityid"}},"type":"statement","rank":"normal"}]},"sitelinks":{"frwiki":{"site":"frwiki","title":"Paris"}}},
/// {"type":"item","id":"Q1","labels":{"en":{"language":"en","value":"Universe"}},"claims":{},"sitelinks":{}}
/// ]"#;
/// let mut out = Vec::new();
/// let stats = WikidataImporter::new(ClassMap::builtin())
///     .import(dump.as_bytes(), &mut out, |_| {})
///     .unwrap();
/// assert_eq!((stats.entities, stats.kept, stats.malformed), (2, 1, 0));
/// assert!(String::from_utf8(out).unwrap().starts_with(r#"{"id":"Q90","label":"Paris""#));
/// ```
#[derive(Clone, Debug)]
pub struct WikidataImporter {
    classes: ClassMap,
    max_line_bytes: usize,
}

impl WikidataImporter {
    /// An importer keeping the instances of these classes.
    pub fn new(classes: ClassMap) -> WikidataImporter {
        WikidataImporter {
            classes,
            max_line_bytes: DEFAULT_MAX_LINE_BYTES,
        }
    }

    /// The longest line to read, in bytes ([`DEFAULT_MAX_LINE_BYTES`]): a
    /// longer one is counted as malformed and skipped without being held in
    /// memory.
    #[must_use]
    pub fn max_line_bytes(mut self, max: usize) -> WikidataImporter {
        self.max_line_bytes = max;
        self
    }

    /// The record for one dump line, or `None` when the line is not an
    /// entity (the array's brackets) or the entity is not kept.
    pub fn record(&self, line: &str) -> Result<Option<KbRecord>, Error> {
        let entity = parse_entity(line)
            .map_err(|e| Error::with_source(ErrorKind::Format, "not a Wikidata entity", e))?;
        Ok(entity.and_then(|e| self.keep(&e)))
    }

    fn keep(&self, entity: &RawEntity<'_>) -> Option<KbRecord> {
        let id = KbId::from_wikidata(numeric_id(&entity.id)?);
        let label = entity
            .claims
            .p31
            .iter()
            .filter_map(|s| self.classes.classes.get(&s.item()?))
            .min_by_key(|l| priority(**l))?;
        let fr_aliases = entity.aliases.fr.iter().map(|t| t.value.as_ref());
        let mut names = entity
            .labels
            .fr
            .iter()
            .chain(&entity.labels.mul)
            .map(|t| t.value.as_ref())
            .chain(fr_aliases)
            .filter(|n| !n.trim().is_empty());
        let name = names.next()?;
        let mut record = KbRecord::new(id, name, *label);
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        seen.insert(name);
        for alias in names.chain(entity.aliases.mul.iter().map(|t| t.value.as_ref())) {
            if seen.insert(alias) {
                record.aliases.push(alias.to_owned());
            }
        }
        if let Some(en) = &entity.labels.en {
            if !seen.contains(en.value.as_ref()) {
                record.variants.push(en.value.clone().into_owned());
            }
        }
        if let Some(d) = &entity.descriptions.fr {
            record.description = d.value.clone().into_owned();
        }
        record.popularity = entity.sitelinks.0 as f32;
        Some(record)
    }

    /// Reads a dump and writes the records to keep as JSONL, calling
    /// `progress` every 10,000 lines. Malformed and over-long lines are
    /// counted and skipped. A read error (a truncated archive) ends the
    /// import with the records read so far written and the error in
    /// [`ImportStats::read_error`]; a write error is an `Err`.
    pub fn import(
        &self,
        reader: impl BufRead,
        mut writer: impl Write,
        mut progress: impl FnMut(&ImportStats),
    ) -> Result<ImportStats, Error> {
        let mut kept = 0;
        let mut out = Vec::new();
        let mut stats = for_each_entity_with_progress(
            reader,
            self.max_line_bytes,
            |entity| {
                if let Some(record) = self.keep(entity) {
                    out.clear();
                    serde_json::to_writer(&mut out, &record)
                        .map_err(|e| Error::with_source(ErrorKind::Io, "writing a record", e))?;
                    out.push(b'\n');
                    writer.write_all(&out)?;
                    kept += 1;
                }
                Ok(())
            },
            &mut progress,
        )?;
        writer.flush()?;
        stats.kept = kept;
        Ok(stats)
    }
}

fn priority(label: Label) -> usize {
    ROOTS
        .iter()
        .position(|&(_, l)| l == label)
        .unwrap_or(usize::MAX)
}

/// The JSON object of a dump line: without the trailing comma; `None` for
/// the array's brackets and blank lines.
fn entity_json(line: &str) -> Option<&str> {
    let json = line.trim();
    let json = json.strip_suffix(',').unwrap_or(json).trim_end();
    (!json.is_empty() && json != "[" && json != "]").then_some(json)
}

/// The entity of a dump line; `None` for the array's brackets and blank
/// lines.
fn parse_entity(line: &str) -> Result<Option<RawEntity<'_>>, serde_json::Error> {
    entity_json(line).map(serde_json::from_str).transpose()
}

/// 90 for `Q90`; `None` for properties, lexemes and malformed ids.
fn numeric_id(id: &str) -> Option<u64> {
    id.strip_prefix('Q')?
        .parse()
        .ok()
        .filter(|n| n & (1 << 63) == 0)
}

fn for_each_entity(
    reader: impl BufRead,
    each: impl FnMut(&RawEntity<'_>) -> Result<(), Error>,
) -> Result<ImportStats, Error> {
    for_each_entity_with_progress(reader, DEFAULT_MAX_LINE_BYTES, each, &mut |_| {})
}

/// Reads one line, through its `\n`, into `line` (cleared first), holding at
/// most `max` bytes of it: returns the bytes taken from `reader` (0 at the
/// end) and whether the line was longer than `max` (then `line` is empty and
/// the rest of the line was read and dropped).
fn read_line_bounded(
    reader: &mut impl BufRead,
    line: &mut Vec<u8>,
    max: usize,
) -> io::Result<(usize, bool)> {
    line.clear();
    let (mut read, mut over) = (0, false);
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok((read, over));
        }
        let (take, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        if !over && line.len() + take > max {
            over = true;
            line.clear();
            line.shrink_to(1 << 20);
        }
        if !over {
            line.extend_from_slice(&buf[..take]);
        }
        reader.consume(take);
        read += take;
        if done {
            return Ok((read, over));
        }
    }
}

fn for_each_entity_with_progress(
    mut reader: impl BufRead,
    max_line_bytes: usize,
    mut each: impl FnMut(&RawEntity<'_>) -> Result<(), Error>,
    progress: &mut dyn FnMut(&ImportStats),
) -> Result<ImportStats, Error> {
    let mut stats = ImportStats::default();
    let mut line = Vec::new();
    loop {
        let (n, over) = match read_line_bounded(&mut reader, &mut line, max_line_bytes) {
            Ok(read) => read,
            Err(e) => {
                stats.read_error = Some(format!(
                    "after line {} ({} bytes): {e}",
                    stats.lines, stats.bytes
                ));
                break;
            }
        };
        if n == 0 {
            break;
        }
        stats.lines += 1;
        stats.bytes += n as u64;
        if stats.lines % 10_000 == 0 {
            progress(&stats);
        }
        if over {
            stats.malformed += 1;
            if stats.errors.len() < MAX_REPORTED {
                let message = format!("a line of over {max_line_bytes} bytes, skipped");
                stats.errors.push((stats.lines, message));
            }
            continue;
        }
        let parsed = std::str::from_utf8(&line)
            .map_err(|e| e.to_string())
            .and_then(|text| parse_entity(text).map_err(|e| e.to_string()));
        match parsed {
            Ok(None) => {}
            Ok(Some(entity)) => {
                stats.entities += 1;
                each(&entity)?;
            }
            Err(e) => {
                stats.malformed += 1;
                if stats.errors.len() < MAX_REPORTED {
                    stats.errors.push((stats.lines, e));
                }
            }
        }
    }
    progress(&stats);
    Ok(stats)
}

// The parts of an entity that the importer reads; serde skips the rest
// without building it.

#[derive(Deserialize)]
struct RawEntity<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(default, borrow, deserialize_with = "map_or_empty")]
    labels: Texts<'a>,
    #[serde(default, borrow, deserialize_with = "map_or_empty")]
    descriptions: Texts<'a>,
    #[serde(default, borrow, deserialize_with = "map_or_empty")]
    aliases: AliasTexts<'a>,
    #[serde(default, borrow, deserialize_with = "map_or_empty")]
    claims: Claims<'a>,
    #[serde(default)]
    sitelinks: Count,
}

#[derive(Deserialize, Default)]
struct Texts<'a> {
    #[serde(borrow)]
    fr: Option<Text<'a>>,
    #[serde(borrow)]
    mul: Option<Text<'a>>,
    #[serde(borrow)]
    en: Option<Text<'a>>,
}

#[derive(Deserialize, Default)]
struct AliasTexts<'a> {
    #[serde(default, borrow)]
    fr: Vec<Text<'a>>,
    #[serde(default, borrow)]
    mul: Vec<Text<'a>>,
}

#[derive(Deserialize)]
struct Text<'a> {
    #[serde(borrow)]
    value: Cow<'a, str>,
}

#[derive(Deserialize, Default)]
struct Claims<'a> {
    #[serde(rename = "P31", default, borrow)]
    p31: Vec<Statement<'a>>,
    #[serde(rename = "P279", default, borrow)]
    p279: Vec<Statement<'a>>,
}

#[derive(Deserialize)]
struct Statement<'a> {
    #[serde(borrow)]
    mainsnak: Snak<'a>,
    #[serde(default, borrow)]
    rank: Option<Cow<'a, str>>,
}

impl Statement<'_> {
    /// The item this statement's value names, unless it is deprecated.
    fn item(&self) -> Option<u64> {
        if self.rank.as_deref() == Some("deprecated") {
            return None;
        }
        let value = self.mainsnak.datavalue.as_ref()?.value.as_ref()?;
        value
            .numeric_id
            .or_else(|| numeric_id(value.id.as_deref()?))
    }
}

#[derive(Deserialize)]
struct Snak<'a> {
    #[serde(default, borrow)]
    datavalue: Option<DataValue<'a>>,
}

#[derive(Deserialize)]
struct DataValue<'a> {
    #[serde(default, borrow, deserialize_with = "item_value")]
    value: Option<ItemValue<'a>>,
}

#[derive(Deserialize)]
struct ItemValue<'a> {
    #[serde(rename = "numeric-id", default)]
    numeric_id: Option<u64>,
    #[serde(default, borrow)]
    id: Option<Cow<'a, str>>,
}

/// An item value, or `None` for a value of another type (a string, a date).
fn item_value<'de, D: Deserializer<'de>>(d: D) -> Result<Option<ItemValue<'de>>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<ItemValue<'de>>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a snak value")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            ItemValue::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    d.deserialize_any(V)
}

/// An object, or the empty array that the dumps write for an empty object.
fn map_or_empty<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    struct V<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de> + Default> Visitor<'de> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object or an empty array")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::deserialize(de::value::MapAccessDeserializer::new(map))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<T, A::Error> {
            match seq.next_element::<IgnoredAny>()? {
                None => Ok(T::default()),
                Some(_) => Err(de::Error::custom(
                    "a non-empty array where an object was expected",
                )),
            }
        }
    }
    d.deserialize_any(V(std::marker::PhantomData))
}

/// The number of entries of an object (or empty array), skipping them.
#[derive(Default)]
struct Count(u64);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object or an empty array")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Count, A::Error> {
                let mut n = 0;
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(Count(n))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Count, A::Error> {
                let mut n = 0;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(Count(n))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests;
