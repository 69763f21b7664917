//! Linking: which knowledge-base entity
//! ([`KnowledgeBase`](crate::kb::KnowledgeBase)) each entity of a document
//! names. The entities come from [`coref`](crate::coref).

mod linker;

pub(crate) use linker::link;
pub use linker::DEFAULT_NIL_THRESHOLD;
