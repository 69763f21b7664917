//! The pipeline: text in, document with tokens, sentences and entities out.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use rayon::prelude::*;

use crate::coref;
use crate::document::{Document, Mention, OwnedDocument, Value};
use crate::kb::KnowledgeBase;
use crate::link::link;
use crate::names::{attach_heads, correct_names, outlet_site_with_article, NameRule, NameRules};
use crate::recognize::{find_rules, MoneyMatch, MoneyRecognizer, Site, SiteMatch};
use crate::tag::{Lexicon, Tagger, TaggerScratch};
use crate::text::{split_sentences, tokenize, Token};
#[cfg(feature = "transformer")]
use crate::transformer::TransformerTagger;
use crate::types::{CharSpan, Label, Span, TokenSpan};

mod builder;

pub use builder::PipelineBuilder;

/// The embedded tagger, read once per process.
static EMBEDDED_TAGGER: LazyLock<Arc<Tagger>> = LazyLock::new(|| Arc::new(Tagger::embedded()));

/// The annotation pipeline: immutable, cheap to share between threads.
///
/// ```
/// use quidam::{Label, Pipeline};
/// let pipeline = Pipeline::default();
/// let doc = pipeline.annotate("T411 est condamné à 150 000 € d'amende et 489 millions de dommages.");
/// let amounts: Vec<&str> = doc.mentions().iter()
///     .filter(|e| e.label() == Label::Money)
///     .map(|e| e.text())
///     .collect();
/// assert_eq!(amounts, ["150 000 €", "489 millions"]);
/// ```
#[derive(Clone, Debug)]
pub struct Pipeline {
    money: Option<MoneyRecognizer>,
    sites: bool,
    tagger: Option<Arc<Tagger>>,
    /// A transformer that tags names in place of `tagger`.
    #[cfg(feature = "transformer")]
    transformer: Option<Arc<TransformerTagger>>,
    kb: Option<Arc<KnowledgeBase>>,
    nil_threshold: f32,
    /// The word-cluster vocabulary that tells misspelt names, for the
    /// linker's near-name search (`None` when linking or the search is off,
    /// so that such pipelines do not load it).
    vocabulary: Option<Lexicon>,
    rules: NameRules,
}

impl Default for Pipeline {
    /// The embedded pipeline: every recognizer on, no file needed.
    fn default() -> Pipeline {
        Pipeline::builder()
            .build()
            .expect("the default pipeline builds from embedded data")
    }
}

impl Pipeline {
    /// The knowledge base the pipeline links to (`None` with linking off):
    /// the way from an entity's [`KbId`](crate::KbId) to its name,
    /// description and label.
    ///
    /// ```
    /// let pipeline = quidam::Pipeline::default();
    /// let doc = pipeline.annotate("Il est parti de Genève.");
    /// let id = doc.entities()[0].kb_id.unwrap();
    /// let geneva = pipeline.knowledge_base().unwrap().get(id).unwrap();
    /// assert_eq!((geneva.name(), geneva.label()), ("Genève", quidam::Label::Loc));
    /// assert_eq!(id.to_string(), "Q71");
    /// ```
    pub fn knowledge_base(&self) -> Option<&Arc<KnowledgeBase>> {
        self.kb.as_ref()
    }

    /// A document whose entities (sorted, not overlapping) are grouped into
    /// document entities, linked to the pipeline's knowledge base if it has one.
    fn grouped<'t>(
        &self,
        text: &'t str,
        tokens: Vec<Token<'t>>,
        sentences: Vec<Range<usize>>,
        mut mentions: Vec<Mention<'t>>,
    ) -> Document<'t> {
        let mut entities = coref::group(text, &mut mentions);
        if let Some(kb) = &self.kb {
            link(
                kb,
                self.vocabulary.as_ref(),
                self.nil_threshold,
                &tokens,
                &mentions,
                &mut entities,
            );
        }
        Document {
            text,
            tokens,
            sentences,
            mentions,
            entities,
        }
    }

    /// A builder to choose the pipeline's stages.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::new()
    }

    /// Annotates one text.
    pub fn annotate<'t>(&self, text: &'t str) -> Document<'t> {
        #[cfg(feature = "transformer")]
        if let Some(transformer) = &self.transformer {
            let tokens = tokenize(text);
            let names = scored(transformer.names(text, &tokens));
            return self.with_names(text, tokens, names, Some(&Lexicon::embedded()));
        }
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let (mut entities, marks) = self.rule_entities(text, &tokens);
        if let Some(tagger) = &self.tagger {
            let mut scratch = TaggerScratch::default();
            let mut tagged = Vec::new();
            let mut found = Vec::new();
            for s in &sentences {
                found.clear();
                tagger.tag_sentence(
                    &tokens[s.clone()],
                    &marks[s.clone()],
                    &mut scratch,
                    &mut found,
                );
                if self.rules.on(NameRule::Heads) {
                    attach_heads(&tokens[s.clone()], &mut found);
                }
                tagged.extend(
                    found
                        .drain(..)
                        .map(|(r, label)| (r.start + s.start..r.end + s.start, label)),
                );
            }
            correct_names(
                tagger.lexicon(),
                text,
                &tokens,
                &marks,
                self.rules,
                &mut tagged,
            );
            let tagged = tagged.into_iter().map(|(r, label)| (r, label, None));
            add_names(text, &tokens, &marks, tagged, &mut entities);
        }
        self.grouped(text, tokens, sentences, without_overlaps(entities))
    }

    /// Annotates with the names that another tagger finds, in place of the
    /// embedded one: `tag` gets the text's tokens and returns the names as
    /// [`TokenSpan`]s, for instance from a transformer's outputs through
    /// [`transformer::decode`](crate::transformer::decode). The pipeline's
    /// MONEY and SITE rules win over them, as over the embedded tagger; then
    /// mentions are grouped and linked. Ranges out of bounds or empty are
    /// left out, and overlapping ones are resolved as usual.
    ///
    /// ```
    /// use quidam::{Label, Pipeline, TokenSpan};
    /// let pipeline = Pipeline::default();
    /// let doc = pipeline.annotate_with("Kim Dotcom doit 150 000 € à Genève.", |tokens| {
    ///     assert_eq!(tokens[0].text, "Kim");
    ///     vec![TokenSpan::new(0..2, Label::Per), TokenSpan::new(6..7, Label::Loc)] // Kim Dotcom, Genève
    /// });
    /// let found: Vec<_> = doc.mentions().iter().map(|e| (e.text(), e.label())).collect();
    /// assert_eq!(found, [("Kim Dotcom", Label::Per), ("150 000 €", Label::Money), ("Genève", Label::Loc)]);
    /// ```
    pub fn annotate_with<'t>(
        &self,
        text: &'t str,
        tag: impl FnOnce(&[Token<'t>]) -> Vec<TokenSpan>,
    ) -> Document<'t> {
        let tokens = tokenize(text);
        let names = tag(&tokens)
            .into_iter()
            .map(|name| (name.tokens, name.label, None))
            .collect();
        self.with_names(text, tokens, names, None)
    }

    /// The document of `text` with the rules' entities and `names`; with a
    /// lexicon, the names are first made to agree over the document and
    /// checked for sites by context, as the embedded tagger's are.
    fn with_names<'t>(
        &self,
        text: &'t str,
        tokens: Vec<Token<'t>>,
        names: Vec<(Range<usize>, Label, Option<f32>)>,
        lexicon: Option<&Lexicon>,
    ) -> Document<'t> {
        let sentences = split_sentences(text, &tokens);
        let (mut entities, marks) = self.rule_entities(text, &tokens);
        let mut names: Vec<_> = names
            .into_iter()
            .filter(|(r, label, _)| {
                r.start < r.end && r.end <= tokens.len() && *label != Label::Money
            })
            .collect();
        if let Some(lexicon) = lexicon {
            names.sort_by_key(|(r, _, _)| (r.start, r.end));
            let mut end = 0;
            names.retain(|(r, _, _)| {
                let keep = r.start >= end;
                end = end.max(r.end);
                keep
            });
            // The document stages work on (range, label); scores follow
            // their ranges; surnames found again or names given a head have
            // none.
            let scores: Vec<(Range<usize>, Option<f32>)> =
                names.iter().map(|(r, _, s)| (r.clone(), *s)).collect();
            let mut spans: Vec<_> = names.into_iter().map(|(r, l, _)| (r, l)).collect();
            if self.rules.on(NameRule::Heads) {
                heads_in_sentences(&tokens, &sentences, &mut spans);
            }
            correct_names(lexicon, text, &tokens, &marks, self.rules, &mut spans);
            names = spans
                .into_iter()
                .map(|(r, l)| {
                    let score = scores
                        .binary_search_by_key(&(r.start, r.end), |(s, _)| (s.start, s.end))
                        .ok()
                        .and_then(|i| scores[i].1);
                    (r, l, score)
                })
                .collect();
        }
        add_names(text, &tokens, &marks, names, &mut entities);
        self.grouped(text, tokens, sentences, without_overlaps(entities))
    }

    /// The entities that rules find (amounts of money and domains), and a
    /// mark per token saying which rule covers it.
    fn rule_entities<'t>(
        &self,
        text: &'t str,
        tokens: &[Token<'t>],
    ) -> (Vec<Mention<'t>>, Vec<u8>) {
        let found = find_rules(text, tokens, self.money.as_ref(), self.sites);
        let money = found
            .money
            .into_iter()
            .map(|MoneyMatch { tokens: r, money }| {
                Mention::new(text, tokens, r, Label::Money, Value::Money(money))
            });
        let sites = found
            .sites
            .into_iter()
            .map(|SiteMatch { tokens: r, site }| {
                let r = if self.rules.on(NameRule::KnownOutlets) {
                    outlet_site_with_article(text, tokens, r)
                } else {
                    r
                };
                Mention::new(text, tokens, r, Label::Site, Value::Site(site))
            });
        (money.chain(sites).collect(), found.marks)
    }

    /// Groups given mentions into document entities instead of finding
    /// mentions: `mentions` are given by char ranges, as in the gold
    /// files. Mentions out of bounds, empty, or overlapping an earlier one
    /// are left out. The document has the text's tokens and sentences, these
    /// mentions as its entities (a `SITE` written as a domain or URL gets its
    /// registrable domain), and their [`entities`](Document::entities).
    ///
    /// ```
    /// use quidam::{CharSpan, Label, Pipeline};
    /// let text = "Solange Drouin a parlé. Selon Mme Drouin, c'est grave.";
    /// let mentions = [CharSpan::new(0..14, Label::Per), CharSpan::new(34..40, Label::Per)];
    /// let doc = Pipeline::default().group_mentions(text, &mentions);
    /// assert_eq!(doc.mentions()[0].entity(), doc.mentions()[1].entity());
    /// ```
    pub fn group_mentions<'t>(&self, text: &'t str, mentions: &[CharSpan]) -> Document<'t> {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let bytes = crate::text::char_boundaries(text);
        let mut entities: Vec<Mention<'t>> = Vec::new();
        let mut end = 0;
        let mut sorted: Vec<&CharSpan> = mentions.iter().collect();
        sorted.sort_by_key(|m| (m.chars.start, m.chars.end));
        for CharSpan { chars: r, label } in sorted {
            if r.start >= r.end || r.start < end {
                continue;
            }
            let (Some(&b0), Some(&b1)) = (bytes.get(r.start), bytes.get(r.end)) else {
                continue;
            };
            let mention = &text[b0..b1];
            let value = match label {
                Label::Site => Value::Site(Site {
                    domain: mention
                        .contains('.')
                        .then(|| {
                            crate::text::registrable_domain(crate::recognize::url_host(mention))
                        })
                        .flatten(),
                }),
                _ => Value::None,
            };
            entities.push(Mention {
                label: *label,
                text: Cow::Borrowed(mention),
                span: Span {
                    byte_start: b0,
                    byte_end: b1,
                    char_start: r.start,
                    char_end: r.end,
                },
                value,
                entity: None,
                score: None,
            });
            end = r.end;
        }
        self.grouped(text, tokens, sentences, entities)
    }

    /// Annotates many texts in parallel, on all cores (rayon's global pool):
    /// any collection of `&str`s or `String`s, borrowed or not (see
    /// [`BatchText`]). The documents borrow the texts themselves, not the
    /// collection, and come in its order. With a transformer, the texts'
    /// windows are run together in batches.
    ///
    /// ```
    /// let pipeline = quidam::Pipeline::default();
    /// let texts: Vec<String> = vec!["Kim Dotcom est à Auckland.".into(), "Rien.".into()];
    /// let docs = pipeline.annotate_batch(&texts);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[0].mentions()[0].text(), "Kim Dotcom");
    /// assert!(docs[1].mentions().is_empty());
    ///
    /// let (a, b) = (texts[0].as_str(), texts[1].as_str());
    /// let docs = pipeline.annotate_batch(&[a, b]); // a temporary array is fine
    /// assert_eq!(docs[0].text(), a);
    /// ```
    pub fn annotate_batch<'t, I>(&self, texts: I) -> Vec<Document<'t>>
    where
        I: IntoIterator,
        I::Item: BatchText<'t>,
    {
        let texts: Vec<&'t str> = texts.into_iter().map(|t| t.text()).collect();
        #[cfg(feature = "transformer")]
        if let Some(transformer) = &self.transformer {
            let lexicon = Lexicon::embedded();
            let tokens: Vec<Vec<Token<'t>>> = texts.par_iter().map(|t| tokenize(t)).collect();
            let slices: Vec<&[Token<'t>]> = tokens.iter().map(Vec::as_slice).collect();
            let names = transformer.names_batch(&texts, &slices);
            return texts
                .par_iter()
                .zip(tokens)
                .zip(names)
                .map(|((text, tokens), names)| {
                    self.with_names(text, tokens, scored(names), Some(&lexicon))
                })
                .collect();
        }
        texts.par_iter().map(|text| self.annotate(text)).collect()
    }

    /// Annotates a stream of texts on all cores, giving owned documents in
    /// the order of the texts: for inputs larger than memory (lines of a
    /// file, rows of a database). It reads ahead a batch of texts at a
    /// time (64 per thread), so memory stays bounded by the batch.
    ///
    /// ```
    /// use std::io::BufRead;
    /// let pipeline = quidam::Pipeline::default();
    /// let input = "Kim Dotcom est à Auckland.\nLa Sacem a porté plainte.\n".as_bytes();
    /// let lines = input.lines().map_while(Result::ok);
    /// let labels: Vec<String> = pipeline
    ///     .annotate_iter(lines)
    ///     .map(|doc| doc.mentions()[0].label().to_string())
    ///     .collect();
    /// assert_eq!(labels, ["PER", "ORG"]);
    /// ```
    pub fn annotate_iter<'p, I>(&'p self, texts: I) -> impl Iterator<Item = OwnedDocument> + 'p
    where
        I: IntoIterator + 'p,
        I::Item: AsRef<str>,
    {
        let batch = 64 * rayon::current_num_threads();
        let mut texts = texts.into_iter();
        std::iter::from_fn(move || {
            let chunk: Vec<I::Item> = texts.by_ref().take(batch).collect();
            (!chunk.is_empty()).then(|| {
                self.annotate_batch(chunk.iter().map(AsRef::as_ref))
                    .into_iter()
                    .map(Document::into_owned)
                    .collect::<Vec<_>>()
            })
        })
        .flatten()
    }
}

/// A text that [`Pipeline::annotate_batch`] can borrow for `'t`: `&str`,
/// `&String`, `&Box<str>`, `&Cow<str>`, and references to `&str`, so that
/// `&["…", "…"]`, `&Vec<&str>`, `&Vec<String>` and iterators of any of
/// them are batches.
pub trait BatchText<'t> {
    /// The text.
    fn text(self) -> &'t str;
}

impl<'t> BatchText<'t> for &'t str {
    fn text(self) -> &'t str {
        self
    }
}

impl<'t> BatchText<'t> for &&'t str {
    fn text(self) -> &'t str {
        self
    }
}

impl<'t> BatchText<'t> for &'t String {
    fn text(self) -> &'t str {
        self
    }
}

impl<'t> BatchText<'t> for &'t Box<str> {
    fn text(self) -> &'t str {
        self
    }
}

impl<'t> BatchText<'t> for &'t Cow<'_, str> {
    fn text(self) -> &'t str {
        self
    }
}

/// [`attach_heads`] over a document's names (sorted, not overlapping),
/// sentence by sentence; sentences that another tagger's name runs across
/// are taken together.
fn heads_in_sentences(
    tokens: &[Token<'_>],
    sentences: &[Range<usize>],
    spans: &mut Vec<(Range<usize>, Label)>,
) {
    let mut out = Vec::with_capacity(spans.len());
    let mut found = Vec::new();
    let mut start = 0; // of the sentences taken together
    let mut k = 0;
    for s in sentences {
        while k < spans.len() && spans[k].0.end <= s.end {
            let (r, label) = spans[k].clone();
            found.push((r.start - start..r.end - start, label));
            k += 1;
        }
        if k < spans.len() && spans[k].0.start < s.end {
            continue;
        }
        attach_heads(&tokens[start..s.end], &mut found);
        out.extend(
            found
                .drain(..)
                .map(|(r, label)| (r.start + start..r.end + start, label)),
        );
        start = s.end;
    }
    out.extend(
        found
            .into_iter()
            .map(|(r, label)| (r.start + start..r.end + start, label)),
    );
    out.extend(spans.drain(k..));
    *spans = out;
}

/// A transformer's names with their scores.
#[cfg(feature = "transformer")]
fn scored(names: Vec<crate::transformer::Decoded>) -> Vec<(Range<usize>, Label, Option<f32>)> {
    names
        .into_iter()
        .map(|d| (d.tokens, d.label, Some(d.score)))
        .collect()
}

/// Adds a tagger's names (token ranges, in bounds) to the entities, except
/// where a rule marked a token: the rules' amounts and domains win.
fn add_names<'t>(
    text: &'t str,
    tokens: &[Token<'t>],
    marks: &[u8],
    names: impl IntoIterator<Item = (Range<usize>, Label, Option<f32>)>,
    entities: &mut Vec<Mention<'t>>,
) {
    for (r, label, score) in names {
        if marks[r.clone()].iter().all(|&m| m == 0) {
            let value = match label {
                Label::Site => Value::Site(Site { domain: None }),
                _ => Value::None,
            };
            let mut e = Mention::new(text, tokens, r, label, value);
            e.score = score;
            entities.push(e);
        }
    }
}

/// Sorts entities by position and drops any that overlaps an earlier (or,
/// at the same start, longer) one.
fn without_overlaps(mut entities: Vec<Mention<'_>>) -> Vec<Mention<'_>> {
    entities.sort_by_key(|e| (e.span.byte_start, std::cmp::Reverse(e.span.byte_end)));
    let mut end = 0;
    entities.retain(|e| {
        let keep = e.span.byte_start >= end;
        if keep {
            end = e.span.byte_end;
        }
        keep
    });
    entities
}

#[cfg(test)]
impl<'t> Document<'t> {
    /// Adds mentions (text, which occurrence of it, label) to the entities
    /// and groups them all again: for tests of grouping with given mentions.
    pub(crate) fn add_test_mentions(&mut self, mentions: &[(&str, usize, Label)]) {
        let chars = |b: usize| self.text[..b].chars().count();
        for &(mention, nth, label) in mentions {
            let start = self
                .text
                .match_indices(mention)
                .nth(nth)
                .expect("mention in text")
                .0;
            let end = start + mention.len();
            self.mentions.push(Mention {
                label,
                text: Cow::Borrowed(&self.text[start..end]),
                span: Span {
                    byte_start: start,
                    byte_end: end,
                    char_start: chars(start),
                    char_end: chars(end),
                },
                value: Value::None,
                entity: None,
                score: None,
            });
        }
        self.mentions.sort_by_key(|e| e.span.byte_start);
        self.entities = coref::group(self.text, &mut self.mentions);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Error, ErrorKind};

    #[test]
    fn heads_join_names_sentence_by_sentence() {
        use crate::names::cases::{check, Case};
        let cases = [
            Case {
                name: "a head in each sentence",
                text: "Il parle à la mairie de Paris. Le tribunal de Rennes répond.",
                tagged: &[("Paris", Label::Loc), ("Rennes", Label::Loc)],
                expected: &[
                    ("mairie de Paris", Label::Org),
                    ("tribunal de Rennes", Label::Org),
                ],
            },
            Case {
                name: "a name across a sentence end is kept, heads still join",
                text: "Il neige sur les Pyrénées.Alors il va à la mairie de Lyon.",
                tagged: &[("Pyrénées.Alors", Label::Loc), ("Lyon", Label::Loc)],
                expected: &[
                    ("Pyrénées.Alors", Label::Loc),
                    ("mairie de Lyon", Label::Org),
                ],
            },
            Case {
                name: "no head, nothing changes",
                text: "Paris et Lyon. Marseille.",
                tagged: &[("Paris", Label::Loc), ("Marseille", Label::Loc)],
                expected: &[("Paris", Label::Loc), ("Marseille", Label::Loc)],
            },
        ];
        check(&cases, |c, tokens, spans| {
            let sentences = split_sentences(c.text, tokens);
            assert_eq!(sentences.len(), 2, "{}", c.name);
            heads_in_sentences(tokens, &sentences, spans);
        });
    }

    #[test]
    fn a_stream_keeps_its_order_across_batches() {
        let pipeline = Pipeline::default();
        let n = 64 * rayon::current_num_threads() * 2 + 7;
        let texts = (0..n).map(|i| format!("M. Dupont{i} a payé {i} euros."));
        let values: Vec<String> = pipeline
            .annotate_iter(texts)
            .map(|doc| {
                let money = doc.mentions().iter().find_map(|m| m.money()).unwrap();
                money.value.unwrap().to_string()
            })
            .collect();
        let expected: Vec<String> = (0..n).map(|i| i.to_string()).collect();
        assert_eq!(values, expected);
    }

    #[test]
    fn public_types_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Pipeline>();
        assert_send_sync::<PipelineBuilder>();
        assert_send_sync::<OwnedDocument>();
        assert_send_sync::<Document<'static>>();
        assert_send_sync::<Mention<'static>>();
        assert_send_sync::<Error>();
    }

    #[test]
    fn another_taggers_names_never_panic() {
        let pipeline = Pipeline::default();
        let text = "Solange Drouin à Montréal : 5 €.";
        let doc = pipeline.annotate_with(text, |tokens| {
            [
                (0..2, Label::Per),
                (1..3, Label::Org), // overlaps: dropped
                (3..3, Label::Loc), // empty: dropped
                (5..9, Label::Org), // covers the amount: the rule wins
                (3..4, Label::Loc),
                (tokens.len()..tokens.len() + 2, Label::Loc), // out of bounds
                (0..1, Label::Money),                         // MONEY is the rules'
            ]
            .into_iter()
            .map(|(r, l)| TokenSpan::new(r, l))
            .collect()
        });
        let found: Vec<_> = doc
            .mentions()
            .iter()
            .map(|e| (e.text(), e.label()))
            .collect();
        assert_eq!(
            found,
            [
                ("Solange Drouin", Label::Per),
                ("Montréal", Label::Loc),
                ("5 €", Label::Money)
            ]
        );
        assert!(pipeline
            .annotate_with("", |_| vec![TokenSpan::new(0..1, Label::Per)])
            .mentions()
            .is_empty());
    }

    #[test]
    fn organisations_are_not_linked_to_the_places_they_are_named_after() {
        // (text, mention, whether it gets an id): a company named like a
        // city is not the city; a seat of power that acts is its building.
        let cases = [
            ("Orange a annoncé des résultats en hausse.", "Orange", false),
            ("Toyota a rappelé des voitures.", "Toyota", false),
            ("Le Kremlin a démenti l'information.", "Kremlin", true),
            ("Il habite à Orange depuis dix ans.", "Orange", true),
        ];
        let pipeline = Pipeline::default();
        for (text, name, linked) in cases {
            let doc = pipeline.annotate(text);
            let mention = doc.mentions().iter().find(|m| m.text() == name);
            let mention = mention.unwrap_or_else(|| panic!("{name} not found in {text:?}"));
            let id = doc.entity_of(mention).and_then(|e| e.kb_id);
            assert_eq!(
                id.is_some(),
                linked,
                "{text:?}: {:?} {id:?}",
                mention.label()
            );
        }
    }

    #[test]
    fn linking_choices() {
        let text = "Il est parti de Genève pour la Belgique.";
        let ids = |p: &Pipeline| -> Vec<String> {
            let doc = p.annotate(text);
            doc.mentions()
                .iter()
                .filter_map(|e| Some(doc.entity_of(e)?.kb_id?.to_string()))
                .collect()
        };
        assert_eq!(ids(&Pipeline::default()), ["Q71", "Q31"]);
        let off = Pipeline::builder().linking(false).build().unwrap();
        assert!(ids(&off).is_empty());
        let strict = Pipeline::builder().nil_threshold(100.0).build().unwrap();
        assert!(ids(&strict).is_empty());

        // A knowledge base of one entity, from a file.
        let mut builder = crate::kb::KbBuilder::new();
        builder.add(crate::kb::KbRecord::new(
            "Q11917".parse().unwrap(),
            "Genève",
            Label::Loc,
        ));
        let dir = std::env::temp_dir().join(format!("quidam-pipeline-kb-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("kb.bin");
        builder
            .write(std::fs::File::create(&path).unwrap())
            .unwrap();
        let own = Pipeline::builder()
            .knowledge_base(KnowledgeBase::open(&path).unwrap())
            .build()
            .unwrap();
        assert_eq!(ids(&own), ["Q11917"]);
        // Linking switched off and on again keeps the base given.
        let again = Pipeline::builder()
            .knowledge_base(KnowledgeBase::open(&path).unwrap())
            .linking(false)
            .linking(true)
            .build()
            .unwrap();
        assert_eq!(ids(&again), ["Q11917"]);

        std::fs::write(&path, b"QUIDAMKB but not really").unwrap();
        let err = KnowledgeBase::open(&path).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Model, "{err}");
        let err = KnowledgeBase::open(dir.join("missing.bin")).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Io, "{err}");
        std::fs::remove_dir_all(&dir).unwrap();

        let err = Pipeline::builder()
            .nil_threshold(f32::NAN)
            .build()
            .unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Config);
    }

    #[test]
    fn labels_round_trip() {
        for label in Label::ALL {
            assert_eq!(label.as_str().parse::<Label>().unwrap(), label);
        }
        assert!("per".parse::<Label>().is_err());
    }
}
