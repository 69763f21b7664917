//! Mention linking: which mentions of a document name the same thing
//! ([`Entity`]), and which knowledge-base entity each names
//! ([`KnowledgeBase`], [`KbId`]).

mod fst_check;
mod kb;
mod linker;
mod resolve;
mod wikidata;

pub use kb::{Candidate, KbBuilder, KbEntity, KbId, KbRecord, KnowledgeBase, NameMatch};
pub(crate) use linker::link;
pub use linker::DEFAULT_NIL_THRESHOLD;
pub(crate) use resolve::resolve;
pub use resolve::Entity;
pub use wikidata::{ClassMap, ImportStats, WikidataImporter, DEFAULT_MAX_LINE_BYTES};
