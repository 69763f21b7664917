//! Entity linking. This module groups the mentions of one document into
//! document entities ([`resolve`]); linking them to a knowledge base comes
//! later.

mod resolve;

pub(crate) use resolve::resolve;
pub use resolve::DocEntity;
