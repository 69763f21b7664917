//! # quidam
//!
//! Named entities in French news: people (`PER`), organisations (`ORG`),
//! places (`LOC`), amounts of money (`MONEY`) and web sites (`SITE`), with
//! byte and char offsets, exact normalised amounts (ISO 4217 currency) and
//! registrable domains.
//!
//! ```
//! use quidam::{Label, Pipeline};
//!
//! let pipeline = Pipeline::default();
//! let doc = pipeline.annotate(
//!     "Le tribunal a condamné les administrateurs de QuebecTorrent.com à 150 000 € d'amende.",
//! );
//! let site = &doc.mentions()[0];
//! assert_eq!(site.label(), Label::Site);
//! assert_eq!(site.site().unwrap().domain.as_deref(), Some("quebectorrent.com"));
//! let fine = doc.mentions()[1].money().unwrap();
//! assert_eq!(fine.value, Some(150_000.into()));
//! assert_eq!(fine.currency.unwrap().as_str(), "EUR");
//! ```
//!
//! The pipeline is immutable and `Send + Sync`: build it once and share it.
//! [`Pipeline::annotate_batch`] annotates many texts on all cores.
//!
//! Stages, each a module: [`text`] (tokenizer, sentence splitter),
//! [`recognize`] (money and sites), [`tag`] (the named-entity tagger),
//! [`kb`] (the knowledge base and its Wikidata importer), [`coref`]
//! (grouping mentions into entities), [`link`] (linking entities to the
//! knowledge base),
//! [`transformer`] (decoding any token-classification
//! transformer; with the `transformer` feature, BERT, DistilBERT, RoBERTa,
//! XLM-R and CamemBERT checkpoints run by rust-bert in place of the embedded
//! tagger) and [`eval`] (gold files and scores).
//!
//! Mentions are grouped into entities, and each entity is linked to the
//! embedded starter knowledge base, or to one you build from a Wikidata dump:
//!
//! ```
//! let doc = quidam::Pipeline::default().annotate("Le ministre est arrivé à Genève.");
//! let geneva = doc.mentions().iter().find(|e| e.text() == "Genève").unwrap();
//! let entity = doc.entity_of(geneva).unwrap();
//! assert_eq!(entity.kb_id.unwrap().to_string(), "Q71");
//! ```

#![deny(missing_docs)]
#![deny(unsafe_code)]

mod bilou;
pub mod coref;
mod document;
mod error;
pub mod eval;
pub mod kb;
pub mod link;
mod names;
mod pipeline;
pub mod recognize;
pub mod tag;
pub mod text;
pub mod transformer;
mod types;
mod util;

pub use document::{Document, Entity, EntityId, Mention, OwnedDocument};
pub use error::{Error, ErrorKind};
pub use kb::{KbId, KnowledgeBase};
pub use names::NameRule;
pub use pipeline::{BatchText, Pipeline, PipelineBuilder};
pub use recognize::{Currency, Money, Site};
pub use text::Token;
pub use types::{CharSpan, Label, Span, TokenSpan};

/// The exact decimal type of [`Money::value`], re-exported from `rust_decimal`.
pub use rust_decimal::Decimal;

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
