//! Linking: which mentions of a document name the same thing
//! ([`Entity`](crate::Entity)), and which knowledge-base entity each names
//! ([`KnowledgeBase`](crate::kb::KnowledgeBase)).

mod linker;
mod resolve;

pub(crate) use linker::link;
pub use linker::DEFAULT_NIL_THRESHOLD;
pub(crate) use resolve::resolve;
