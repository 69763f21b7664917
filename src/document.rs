//! What annotation gives: a [`Document`] with its [`Mention`]s (each name,
//! amount or site found, where it is) and its [`Entity`]s (the mentions
//! grouped by what they name, linked to the knowledge base).

mod json;

use std::borrow::Cow;
use std::ops::Range;

use crate::kb::KbId;
use crate::recognize::{Money, Site};
use crate::text::Token;
use crate::types::{Label, Span};

/// What quidam knows about an entity beyond its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Value {
    None,
    Money(Money),
    Site(Site),
}

/// A mention of an entity in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention<'t> {
    pub(crate) label: Label,
    pub(crate) text: Cow<'t, str>,
    pub(crate) span: Span,
    pub(crate) value: Value,
    pub(crate) entity: Option<EntityId>,
    pub(crate) score: Option<f32>,
}

impl<'t> Mention<'t> {
    /// The mention of tokens `r` of `text`.
    pub(crate) fn new(
        text: &'t str,
        tokens: &[Token<'t>],
        r: Range<usize>,
        label: Label,
        value: Value,
    ) -> Mention<'t> {
        let span = tokens[r.start].span.to(tokens[r.end - 1].span);
        Mention {
            label,
            text: Cow::Borrowed(&text[span.bytes()]),
            span,
            value,
            entity: None,
            score: None,
        }
    }

    /// What the entity is.
    pub fn label(&self) -> Label {
        self.label
    }

    /// The mention as written: a slice of the input, or the mention's own
    /// copy in an [`OwnedDocument`].
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The mention, owning its text.
    pub fn into_owned(self) -> Mention<'static> {
        Mention {
            label: self.label,
            text: Cow::Owned(self.text.into_owned()),
            span: self.span,
            value: self.value,
            entity: self.entity,
            score: self.score,
        }
    }

    /// Where the mention is, in bytes and chars.
    pub fn span(&self) -> Span {
        self.span
    }

    /// How sure the tagger is of this mention: a transformer's mean
    /// probability of the tags of the mention's tokens, in 0..=1 (`None` for
    /// the rules' amounts and domains, the embedded tagger's names, and
    /// surnames found again by document agreement).
    pub fn score(&self) -> Option<f32> {
        self.score
    }

    /// The entity this mention names, shared by every mention of the same
    /// thing in the document (`None` for amounts of money); see
    /// [`Document::entity_of`].
    pub fn entity(&self) -> Option<EntityId> {
        self.entity
    }

    pub(crate) fn set_entity(&mut self, id: EntityId) {
        self.entity = Some(id);
    }

    /// The normalised amount of a `MONEY` entity.
    pub fn money(&self) -> Option<&Money> {
        match &self.value {
            Value::Money(m) => Some(m),
            _ => None,
        }
    }

    /// The site of a `SITE` entity, with its registrable domain when the text gives one.
    pub fn site(&self) -> Option<&Site> {
        match &self.value {
            Value::Site(s) => Some(s),
            _ => None,
        }
    }
}

/// An annotated text: its tokens, sentences, mentions and entities. It
/// borrows the text it was made from.
///
/// ```
/// use quidam::{Label, Pipeline};
///
/// let doc = Pipeline::default()
///     .annotate("Kim Dotcom, fondateur de Megaupload, doit 500 000 dollars. Dotcom conteste.");
/// for m in doc.mentions() {
///     let entity = doc.entity_of(m).map(|e| e.name.as_str());
///     println!("{} {:?} {} -> {:?}", m.label(), m.span().chars(), m.text(), entity);
/// }
/// let dotcom = doc.entities().iter().find(|e| e.name == "Kim Dotcom").unwrap();
/// assert_eq!((dotcom.label, dotcom.mentions.len()), (Label::Per, 2));
/// let fine = doc.mentions().iter().find_map(|m| m.money()).unwrap();
/// assert_eq!(fine.value, Some(500_000.into()));
/// assert_eq!(doc.sentences().count(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Document<'t> {
    pub(crate) text: &'t str,
    pub(crate) tokens: Vec<Token<'t>>,
    pub(crate) sentences: Vec<Range<usize>>,
    pub(crate) mentions: Vec<Mention<'t>>,
    pub(crate) entities: Vec<Entity>,
}

impl<'t> Document<'t> {
    /// The input text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The tokens, in text order.
    pub fn tokens(&self) -> &[Token<'t>] {
        &self.tokens
    }

    /// The sentences, each a slice of [`tokens`](Self::tokens).
    pub fn sentences(&self) -> impl Iterator<Item = &[Token<'t>]> + '_ {
        self.sentences.iter().map(|r| &self.tokens[r.clone()])
    }

    /// The mentions: the names, amounts and sites found in the text, sorted
    /// by position and never overlapping.
    pub fn mentions(&self) -> &[Mention<'t>] {
        &self.mentions
    }

    /// The entities: mentions grouped by what they name (`Solange Drouin`
    /// and `Drouin`, `SCPP` and its expansion), in order of first mention.
    /// See [`coref`](crate::coref) for what groups them.
    ///
    /// ```
    /// let doc = quidam::Pipeline::default()
    ///     .annotate("Solange Drouin a parlé. Selon Mme Drouin, c'est grave.");
    /// let drouin = &doc.mentions()[1];
    /// assert_eq!(drouin.text(), "Drouin");
    /// assert_eq!(doc.entity_of(drouin).unwrap().name, "Solange Drouin");
    /// assert_eq!(doc.entities().len(), 1);
    /// ```
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity a mention of this document names (`None` for amounts of
    /// money, and for a mention of another document), with its
    /// knowledge-base link.
    ///
    /// ```
    /// let doc = quidam::Pipeline::default().annotate("Il est parti de Genève pour la Belgique.");
    /// let ids: Vec<String> = doc.mentions().iter()
    ///     .filter_map(|m| doc.entity_of(m)?.kb_id)
    ///     .map(|id| id.to_string())
    ///     .collect();
    /// assert_eq!(ids, ["Q71", "Q31"]);
    /// ```
    pub fn entity_of(&self, mention: &Mention<'_>) -> Option<&Entity> {
        self.entities.get(mention.entity()?.0)
    }

    /// The entity with this id (`None` for an id of another document).
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(id.0)
    }

    /// The document, owning its text and mentions, without its tokens and
    /// sentences.
    pub fn into_owned(self) -> OwnedDocument {
        OwnedDocument {
            text: self.text.to_owned(),
            mentions: self.mentions.into_iter().map(Mention::into_owned).collect(),
            entities: self.entities,
        }
    }
}

/// A [`Document`] that owns its text: to return from a function, keep,
/// send to another thread, or store. It holds the text, the mentions and
/// the entities; the tokens and sentences are left out
/// ([`text::tokenize`](crate::text::tokenize) gives them again).
///
/// With `serde`, it reads and writes the JSON of `docs/json.md` (the gold
/// files' format with more keys), as `annotate --json` prints it.
///
/// ```
/// use quidam::{OwnedDocument, Pipeline};
///
/// fn annotate_file(pipeline: &Pipeline, text: String) -> OwnedDocument {
///     pipeline.annotate(&text).into_owned()
/// }
/// let doc = annotate_file(&Pipeline::default(), "Kim Dotcom est à Auckland.".to_string());
/// assert_eq!(doc.mentions()[0].text(), "Kim Dotcom");
/// let json = serde_json::to_string(&doc).unwrap();
/// let back: OwnedDocument = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, doc);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct OwnedDocument {
    pub(crate) text: String,
    pub(crate) mentions: Vec<Mention<'static>>,
    pub(crate) entities: Vec<Entity>,
}

impl OwnedDocument {
    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The mentions, sorted by position and never overlapping.
    pub fn mentions(&self) -> &[Mention<'static>] {
        &self.mentions
    }

    /// The entities, in order of first mention.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity a mention of this document names.
    pub fn entity_of(&self, mention: &Mention<'_>) -> Option<&Entity> {
        self.entities.get(mention.entity()?.0)
    }

    /// The entity with this id.
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(id.0)
    }
}

/// The id of an [`Entity`] in its [`Document`]: entities are numbered from 0
/// in order of first mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(pub(crate) usize);

impl EntityId {
    /// The entity's position in [`Document::entities`].
    pub fn index(self) -> usize {
        self.0
    }
}

impl std::fmt::Display for EntityId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "e{}", self.0)
    }
}

/// An entity of a document: its mentions that name one thing.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Entity {
    /// Its id in its document.
    pub id: EntityId,
    /// The label most of its mentions have.
    pub label: Label,
    /// Its canonical name: its longest mention of that label.
    pub name: String,
    /// Its mentions, as indices into [`Document::mentions`](crate::Document::mentions).
    pub mentions: Vec<usize>,
    /// The knowledge-base entity it names, when the linker found one above
    /// its NIL threshold.
    pub kb_id: Option<KbId>,
    /// The linker's score for its best candidate (`None` when the knowledge
    /// base has no candidate, or linking is off).
    pub kb_score: Option<f32>,
}
