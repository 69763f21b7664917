//! Linking: which knowledge-base entity
//! ([`KnowledgeBase`](crate::kb::KnowledgeBase)) each entity of a document
//! names. The entities come from [`coref`](crate::coref).
//!
//! Each entity of a person, organisation, place or site gets a
//! [`KbId`](crate::kb::KbId) ([`Entity::kb_id`](crate::Entity::kb_id), with
//! its score in [`Entity::kb_score`](crate::Entity::kb_score)), or is left
//! NIL. Candidates come from the knowledge base's index of folded names
//! (case, accents and spacing ignored): each distinct mention, its core name
//! (`M. Berteaux, président de...` → `Berteaux`, `ville de Cracovie` →
//! `Cracovie`), other spellings (`Costa-Rica`, `St-Gall`), a person's last
//! name and, for a name with a word that no French text has (an OCR error:
//! `Iiondres`), names one or two edits away
//! ([`PipelineBuilder::fuzzy_linking`](crate::PipelineBuilder::fuzzy_linking)).
//! A candidate scores by how its name matched, its popularity against the
//! other candidates', type agreement, the overlap of its description with
//! the document, and whether its description names another entity of the
//! document. Below the NIL threshold
//! ([`PipelineBuilder::nil_threshold`](crate::PipelineBuilder::nil_threshold),
//! default [`DEFAULT_NIL_THRESHOLD`]) nothing is linked.

mod linker;

pub(crate) use linker::link;
pub use linker::DEFAULT_NIL_THRESHOLD;
