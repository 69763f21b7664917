//! Reading, validating and searching a compiled knowledge base.

use std::fmt;
use std::io::Read;
use std::ops::Range;
use std::path::Path;

use std::sync::{Arc, LazyLock};

use fst::{IntoStreamer, Map, Streamer};

use super::fuzzy::{WithinEdits, MAX_EDITS};
use super::*;
use crate::error::{Error, ErrorKind};
use crate::text::{fold, FOLD_VERSION};
use crate::types::Label;

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
pub(super) struct Section {
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
///
/// ```
/// use quidam::{KbId, KnowledgeBase, Label};
///
/// let kb = KnowledgeBase::embedded();
/// let id: KbId = "Q90".parse().unwrap();
/// let paris = kb.get(id).unwrap();
/// assert_eq!((paris.name(), paris.label()), ("Paris", Label::Loc));
/// // Names are found case- and accent-blind; the most popular first.
/// let first = kb.candidates("PARIS").next().unwrap();
/// assert_eq!(first.entity.id(), id);
/// ```
pub struct KnowledgeBase {
    bytes: Arc<Bytes>,
    rows: Range<usize>,
    text: Range<usize>,
    postings: Range<usize>,
    pub(super) aliases: Map<Section>,
}

impl fmt::Debug for KnowledgeBase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KnowledgeBase")
            .field("entities", &self.len())
            .field("aliases", &self.aliases.len())
            .finish()
    }
}

pub(super) static EMBEDDED_BYTES: &[u8] = include_bytes!("../../models/kb.bin");

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
            .field("name", &self.name())
            .field("label", &self.label())
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
    pub fn name(&self) -> &'k str {
        self.str_at(0)
    }

    /// Its description (may be empty).
    pub fn description(&self) -> &'k str {
        self.str_at(1)
    }

    /// What it is: `PER`, `ORG`, `LOC` or `SITE`.
    pub fn label(&self) -> Label {
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
        let bad = |m: &str| FORMAT.error(m);
        let b = bytes.as_ref();
        FORMAT.body_of(b)?;
        let mut fields = FORMAT.fields(&b[wire::HEADER..]);
        let folding = fields.u32()?;
        if folding != FOLD_VERSION {
            return Err(bad(&format!(
                "names folded by version {folding}, this build folds by {FOLD_VERSION} (rebuild it with build_kb)"
            )));
        }
        let mut start = SECTIONS_AT;
        let mut sections = [0..0, 0..0, 0..0, 0..0];
        for section in sections.iter_mut() {
            let len = usize::try_from(fields.u64()?).map_err(|_| bad("truncated"))?;
            let end = start.checked_add(len).ok_or_else(|| bad("truncated"))?;
            *section = start..end;
            start = end;
        }
        if start != b.len() {
            return Err(bad("section lengths do not add up to the file's"));
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
        let automaton = WithinEdits::new(key.as_bytes(), edits);
        let mut stream = self.aliases.search(automaton).into_stream();
        let mut out = Vec::new();
        while let Some((k, value)) = stream.next() {
            let k = String::from_utf8_lossy(k).into_owned();
            out.push((k, self.postings_of(value).collect()));
        }
        out
    }

    pub(super) fn postings_of(&self, value: u64) -> impl Iterator<Item = Candidate<'_>> + '_ {
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
