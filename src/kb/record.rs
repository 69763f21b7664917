//! The records a knowledge base is compiled from.

use serde::{Deserialize, Serialize};

use super::*;
use crate::types::Label;

/// One entity of a knowledge base, as written in the JSONL records that
/// [`KbBuilder`] compiles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KbRecord {
    /// Its id.
    pub id: KbId,
    /// Its French name (`label` in the JSONL, as in Wikidata).
    #[serde(rename = "label")]
    pub name: String,
    /// Other names it goes by in French.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Names in other languages, transliterations and old spellings: found
    /// too, but trusted less than the name and aliases.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    /// `PER`, `ORG`, `LOC` or `SITE` (`type` in the JSONL).
    #[serde(rename = "type")]
    pub label: Label,
    /// A short French description (`capitale de la France`).
    #[serde(default)]
    pub description: String,
    /// How well known it is: Wikipedia sitelinks, or the equivalent (see the
    /// starter base's build script). Sets the prior between namesakes.
    #[serde(default)]
    pub popularity: f32,
}

impl KbRecord {
    /// A record with no aliases, description or popularity.
    pub fn new(id: KbId, name: impl Into<String>, label: Label) -> KbRecord {
        KbRecord {
            id,
            name: name.into(),
            aliases: Vec::new(),
            variants: Vec::new(),
            label,
            description: String::new(),
            popularity: 0.0,
        }
    }
}
