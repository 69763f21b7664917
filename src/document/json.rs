//! The JSON form of a document (`docs/json.md`): the gold files' format,
//! `{"text", "spans": [{"start", "end", "label", ...}]}`, with the byte
//! offsets, values, domains, scores, clusters and links of each mention,
//! and the document's entities.

use std::borrow::Cow;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Document, Entity, EntityId, Mention, OwnedDocument, Value};
use crate::kb::KbId;
use crate::recognize::{Currency, Money, Site};
use crate::types::{Label, Span};
use crate::util::{decimal_to_json, json_to_decimal};

/// A mention as JSON.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MentionJson<'a> {
    start: usize,
    end: usize,
    label: Label,
    byte_start: usize,
    byte_end: usize,
    #[serde(borrow)]
    text: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cluster: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kb_id: Option<KbId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kb_score: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    score: Option<f32>,
    /// `MONEY`: the amount, a number (a string when no `f64` holds it), or
    /// `null` when the text gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    currency: Option<Option<Currency>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    approximate: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    minor_unit: Option<bool>,
    /// `SITE`: the registrable domain, or `null`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    domain: Option<Option<String>>,
}

/// An entity as JSON.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityJson {
    id: String,
    label: Label,
    name: String,
    mentions: Vec<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kb_id: Option<KbId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kb_score: Option<f32>,
}

/// A document as JSON.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentJson<'a> {
    #[serde(borrow)]
    text: Cow<'a, str>,
    #[serde(borrow)]
    spans: Vec<MentionJson<'a>>,
    entities: Vec<EntityJson>,
    /// Free-form data about the document (its source, id, date), which
    /// `annotate` carries over from its input; not part of a document.
    #[serde(default, skip_serializing)]
    #[allow(dead_code)]
    meta: Option<serde::de::IgnoredAny>,
}

fn mention_json<'a>(m: &'a Mention<'_>, entities: &[Entity]) -> MentionJson<'a> {
    let entity = m.entity.and_then(|id| entities.get(id.0));
    let link = entity.and_then(|e| Some((e.kb_id?, e.kb_score?)));
    let money = m.money();
    MentionJson {
        start: m.span.char_start,
        end: m.span.char_end,
        label: m.label,
        byte_start: m.span.byte_start,
        byte_end: m.span.byte_end,
        text: Cow::Borrowed(m.text()),
        cluster: m.entity.map(|id| id.to_string()),
        kb_id: link.map(|(id, _)| id),
        kb_score: link.map(|(_, score)| score),
        score: m.score,
        value: money.map(|m| m.value.map_or(serde_json::Value::Null, decimal_to_json)),
        currency: money.map(|m| m.currency),
        approximate: money.map(|m| m.approximate),
        minor_unit: money.map(|m| m.minor_unit),
        domain: m.site().map(|s| s.domain.clone()),
    }
}

fn entity_json(e: &Entity) -> EntityJson {
    EntityJson {
        id: e.id.to_string(),
        label: e.label,
        name: e.name.clone(),
        mentions: e.mentions.clone(),
        kb_id: e.kb_id,
        kb_score: e.kb_score,
    }
}

fn serialize_document<S: Serializer>(
    text: &str,
    mentions: &[Mention<'_>],
    entities: &[Entity],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    DocumentJson {
        text: Cow::Borrowed(text),
        spans: mentions.iter().map(|m| mention_json(m, entities)).collect(),
        entities: entities.iter().map(entity_json).collect(),
        meta: None,
    }
    .serialize(serializer)
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_document(self.text, &self.mentions, &self.entities, serializer)
    }
}

impl Serialize for OwnedDocument {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_document(&self.text, &self.mentions, &self.entities, serializer)
    }
}

/// Reads a document written as `docs/json.md` says, checking that every
/// offset falls in the text, on char boundaries, where the mention's text
/// is, and that mentions and entities point at each other.
impl<'de> Deserialize<'de> for OwnedDocument {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<OwnedDocument, D::Error> {
        let json = DocumentJson::deserialize(deserializer)?;
        let text = json.text.into_owned();
        let entity_id = |id: &str| -> Result<EntityId, D::Error> {
            id.strip_prefix('e')
                .and_then(|n| n.parse().ok())
                .map(EntityId)
                .ok_or_else(|| D::Error::custom(format!("entity id {id:?} is not e<number>")))
        };
        let mut mentions = Vec::with_capacity(json.spans.len());
        // The byte and char offsets where the previous span ends: char
        // offsets are counted from there, once over the whole text.
        let (mut last_end, mut last_char) = (0, 0);
        for (k, m) in json.spans.into_iter().enumerate() {
            let bad = |what: &str| D::Error::custom(format!("span {k}: {what}"));
            let slice = text
                .get(m.byte_start..m.byte_end)
                .filter(|_| m.byte_start < m.byte_end)
                .ok_or_else(|| bad("byte offsets outside the text or off char boundaries"))?;
            if slice != m.text {
                return Err(bad("its text is not the text at its byte offsets"));
            }
            if m.byte_start < last_end {
                return Err(bad("overlaps or comes before the previous span"));
            }
            let char_start = last_char + text[last_end..m.byte_start].chars().count();
            let char_end = char_start + slice.chars().count();
            if (m.start, m.end) != (char_start, char_end) {
                return Err(bad("char offsets disagree with byte offsets"));
            }
            (last_end, last_char) = (m.byte_end, char_end);
            let value = match m.label {
                Label::Money => {
                    let value = match &m.value {
                        None | Some(serde_json::Value::Null) => None,
                        Some(v) => {
                            Some(json_to_decimal(v).ok_or_else(|| bad("value is not a number"))?)
                        }
                    };
                    Value::Money(Money {
                        value,
                        currency: m.currency.flatten(),
                        approximate: m.approximate.unwrap_or(false),
                        minor_unit: m.minor_unit.unwrap_or(false),
                    })
                }
                Label::Site => Value::Site(Site {
                    domain: m.domain.flatten(),
                }),
                _ => Value::None,
            };
            mentions.push(Mention {
                label: m.label,
                text: Cow::Owned(slice.to_owned()),
                span: Span {
                    byte_start: m.byte_start,
                    byte_end: m.byte_end,
                    char_start: m.start,
                    char_end: m.end,
                },
                value,
                entity: m.cluster.as_deref().map(entity_id).transpose()?,
                score: m.score,
            });
        }
        let mut entities = Vec::with_capacity(json.entities.len());
        for (k, e) in json.entities.into_iter().enumerate() {
            let id = entity_id(&e.id)?;
            if id.0 != k {
                return Err(D::Error::custom(format!("entity {k} has id {}", e.id)));
            }
            for &i in &e.mentions {
                if mentions.get(i).and_then(|m: &Mention<'_>| m.entity) != Some(id) {
                    return Err(D::Error::custom(format!(
                        "entity {} lists span {i}, whose cluster is not {}",
                        e.id, e.id
                    )));
                }
            }
            entities.push(Entity {
                id,
                label: e.label,
                name: e.name,
                mentions: e.mentions,
                kb_id: e.kb_id,
                kb_score: e.kb_score,
            });
        }
        for (k, m) in mentions.iter().enumerate() {
            if let Some(id) = m.entity {
                if !entities.get(id.0).is_some_and(|e| e.mentions.contains(&k)) {
                    return Err(D::Error::custom(format!(
                        "span {k} is in cluster {id}, which does not list it"
                    )));
                }
            }
        }
        Ok(OwnedDocument {
            text,
            mentions,
            entities,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;

    #[test]
    fn a_document_round_trips() {
        let doc = Pipeline::default().annotate(
            "Le site QuebecTorrent.com doit 150 000 € à la Sacem. Quebectorrent ferme à Genève.",
        );
        let json = serde_json::to_string(&doc).unwrap();
        let back: OwnedDocument = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc.into_owned());
        let site = &back.mentions()[0];
        assert_eq!(
            site.site().unwrap().domain.as_deref(),
            Some("quebectorrent.com")
        );
        let geneva = back
            .mentions()
            .iter()
            .find(|m| m.text() == "Genève")
            .unwrap();
        assert_eq!(
            back.entity_of(geneva).unwrap().kb_id.unwrap().to_string(),
            "Q71"
        );
    }

    #[test]
    fn bad_documents_are_errors() {
        let good = serde_json::to_value(
            Pipeline::default().annotate("Jean Dupont est à Lille. Dupont part."),
        )
        .unwrap();
        let edited = |edit: &dyn Fn(&mut serde_json::Value)| {
            let mut v = good.clone();
            edit(&mut v);
            v.to_string()
        };
        let cases: Vec<(&str, String, &str)> = vec![
            (
                "unknown key",
                edited(&|v| v["spans"][0]["colour"] = "red".into()),
                "unknown field",
            ),
            (
                "unknown label",
                edited(&|v| v["spans"][0]["label"] = "DATE".into()),
                "unknown label",
            ),
            (
                "bytes outside the text",
                edited(&|v| v["spans"][0]["byte_end"] = 999.into()),
                "byte offsets",
            ),
            (
                "bytes inside a char",
                edited(&|v| {
                    v["text"] = "é Jean Dupont est à Lille. Dupont part.".into();
                }),
                "its text is not",
            ),
            (
                "wrong chars",
                edited(&|v| v["spans"][0]["end"] = 5.into()),
                "char offsets",
            ),
            (
                "wrong text",
                edited(&|v| v["spans"][0]["text"] = "Jean Dupond".into()),
                "its text is not",
            ),
            (
                "bad cluster",
                edited(&|v| v["spans"][0]["cluster"] = "x1".into()),
                "e<number>",
            ),
            (
                "cluster not listed",
                edited(&|v| v["spans"][0]["cluster"] = "e1".into()),
                "whose cluster is not",
            ),
            (
                "entity lists a stranger",
                edited(&|v| v["entities"][1]["mentions"] = serde_json::json!([0])),
                "whose cluster is not",
            ),
            (
                "spans out of order",
                edited(&|v| {
                    let spans = v["spans"].as_array_mut().unwrap();
                    spans.swap(0, 1);
                }),
                "overlaps or comes before",
            ),
        ];
        for (name, json, says) in cases {
            let err = serde_json::from_str::<OwnedDocument>(&json).unwrap_err();
            assert!(err.to_string().contains(says), "{name}: {err}");
        }
    }
}
