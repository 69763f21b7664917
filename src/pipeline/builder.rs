//! Choosing the stages of a pipeline.

use std::sync::Arc;

use super::{Pipeline, EMBEDDED_TAGGER};
use crate::error::{Error, ErrorKind};
use crate::kb::KnowledgeBase;
use crate::link::DEFAULT_NIL_THRESHOLD;
use crate::names::{NameRule, NameRules};
use crate::recognize::MoneyRecognizer;
use crate::tag::{Lexicon, Tagger};
#[cfg(feature = "transformer")]
use crate::transformer::TransformerTagger;

/// Chooses the stages of a [`Pipeline`].
#[derive(Clone, Debug)]
pub struct PipelineBuilder {
    money: bool,
    sites: bool,
    tagger: TaggerChoice,
    linking: bool,
    /// The knowledge base given, or `None` for the embedded one.
    kb: Option<Arc<KnowledgeBase>>,
    nil_threshold: f32,
    fuzzy_linking: bool,
    rules: NameRules,
}

/// Which tagger a [`PipelineBuilder`] puts in the pipeline.
#[derive(Clone, Debug)]
enum TaggerChoice {
    None,
    Embedded,
    Given(Arc<Tagger>),
    #[cfg(feature = "transformer")]
    Transformer(Arc<TransformerTagger>),
}

impl PipelineBuilder {
    /// Every stage on, with the embedded models.
    pub(super) fn new() -> PipelineBuilder {
        PipelineBuilder {
            money: true,
            sites: true,
            tagger: TaggerChoice::Embedded,
            linking: true,
            kb: None,
            nil_threshold: DEFAULT_NIL_THRESHOLD,
            fuzzy_linking: true,
            rules: NameRules::ALL,
        }
    }

    /// Whether to find amounts of money (default: yes).
    #[must_use]
    pub fn money(mut self, yes: bool) -> PipelineBuilder {
        self.money = yes;
        self
    }

    /// Whether to find web sites given by URL or domain (default: yes).
    #[must_use]
    pub fn sites(mut self, yes: bool) -> PipelineBuilder {
        self.sites = yes;
        self
    }

    /// Whether to tag names of people, organisations, places, other names
    /// and sites with the embedded tagger (default: yes). The last of
    /// [`tagger`](Self::tagger), [`tagger_model`](Self::tagger_model) and
    /// `transformer` (feature `transformer`) decides.
    #[must_use]
    pub fn tagger(mut self, yes: bool) -> PipelineBuilder {
        self.tagger = if yes {
            TaggerChoice::Embedded
        } else {
            TaggerChoice::None
        };
        self
    }

    /// Tags names with this model instead of the embedded one, for instance
    /// one read by [`Tagger::open`] from the file the `train` example
    /// writes.
    ///
    /// ```no_run
    /// use quidam::{tag::Tagger, Pipeline};
    /// let pipeline = Pipeline::builder()
    ///     .tagger_model(Tagger::open("target/my-tagger.bin")?)
    ///     .build()?;
    /// # Ok::<(), quidam::Error>(())
    /// ```
    #[must_use]
    pub fn tagger_model(mut self, tagger: impl Into<Arc<Tagger>>) -> PipelineBuilder {
        self.tagger = TaggerChoice::Given(tagger.into());
        self
    }

    /// Tags names with a token-classification transformer instead of the
    /// embedded tagger (feature `transformer`). The rules for amounts and
    /// domains, grouping and linking stay as they are, and the model's names
    /// go through the document stages that the embedded tagger's do (heads,
    /// surnames, sites by context, trimming).
    ///
    /// ```no_run
    /// use quidam::transformer::{TransformerConfig, TransformerTagger};
    /// let mut config = TransformerConfig::new("models/my-camembert-ner");
    /// config.batch_size = 32;
    /// let pipeline = quidam::Pipeline::builder()
    ///     .transformer(TransformerTagger::load(config)?)
    ///     .build()?;
    /// let docs = pipeline.annotate_batch(&["Kim Dotcom a fondé Megaupload.", "Rien."]);
    /// # Ok::<(), quidam::Error>(())
    /// ```
    ///
    /// quidam's own French transformer is
    /// `TransformerTagger::load(TransformerConfig::default_model())`.
    #[cfg(feature = "transformer")]
    #[must_use]
    pub fn transformer(
        mut self,
        transformer: impl Into<Arc<TransformerTagger>>,
    ) -> PipelineBuilder {
        self.tagger = TaggerChoice::Transformer(transformer.into());
        self
    }

    /// Whether to link entities to a knowledge base, the embedded starter
    /// base unless [`knowledge_base`](Self::knowledge_base) gives another
    /// (default: yes). See [`KnowledgeBase::embedded`].
    #[must_use]
    pub fn linking(mut self, yes: bool) -> PipelineBuilder {
        self.linking = yes;
        self
    }

    /// Links entities to this knowledge base instead of the embedded one,
    /// for instance one opened by [`KnowledgeBase::open`] from the file the
    /// `build_kb` example writes.
    ///
    /// ```no_run
    /// use quidam::{kb::KnowledgeBase, Pipeline};
    /// let pipeline = Pipeline::builder()
    ///     .knowledge_base(KnowledgeBase::open("target/wikidata-fr.kb")?)
    ///     .build()?;
    /// # Ok::<(), quidam::Error>(())
    /// ```
    #[must_use]
    pub fn knowledge_base(mut self, kb: impl Into<Arc<KnowledgeBase>>) -> PipelineBuilder {
        self.kb = Some(kb.into());
        self
    }

    /// The linker's score below which an entity stays unlinked (default
    /// [`DEFAULT_NIL_THRESHOLD`](crate::link::DEFAULT_NIL_THRESHOLD)): higher
    /// links fewer mentions, more surely.
    #[must_use]
    pub fn nil_threshold(mut self, threshold: f32) -> PipelineBuilder {
        self.nil_threshold = threshold;
        self
    }

    /// Whether a name that the knowledge base lacks, and that has a word
    /// unknown to French text (an OCR error, most likely: `Iiondres`), is
    /// looked for among names one or two edits away (default: yes). This
    /// matters for historical press read by OCR; on edited news, turning it
    /// off changes few links and cuts linking time about five times (the
    /// `link` benchmark).
    #[must_use]
    pub fn fuzzy_linking(mut self, yes: bool) -> PipelineBuilder {
        self.fuzzy_linking = yes;
        self
    }

    /// Switches off one of the document rules that correct the tagger's
    /// names (all are on by default), to measure what it is worth.
    ///
    /// ```
    /// use quidam::{NameRule, Pipeline};
    /// let rule: NameRule = "site-spread".parse()?;
    /// assert_eq!(rule, NameRule::SiteSpread);
    /// let pipeline = Pipeline::builder().without_rule(rule).build()?;
    /// let doc = pipeline.annotate("Le tribunal correctionnel de Rennes a jugé.");
    /// assert_eq!(doc.mentions()[0].text(), "tribunal correctionnel de Rennes");
    /// # Ok::<(), quidam::Error>(())
    /// ```
    #[must_use]
    pub fn without_rule(mut self, rule: NameRule) -> PipelineBuilder {
        self.rules = self.rules.without(rule);
        self
    }

    /// Builds the pipeline.
    ///
    /// Fails when the NIL threshold is not a finite number.
    pub fn build(self) -> Result<Pipeline, Error> {
        #[cfg(feature = "transformer")]
        let transformer = match &self.tagger {
            TaggerChoice::Transformer(t) => Some(Arc::clone(t)),
            _ => None,
        };
        let tagger = match self.tagger {
            TaggerChoice::None => None,
            TaggerChoice::Embedded => Some(Arc::clone(&EMBEDDED_TAGGER)),
            TaggerChoice::Given(t) => Some(t),
            #[cfg(feature = "transformer")]
            TaggerChoice::Transformer(_) => None,
        };
        if !self.nil_threshold.is_finite() {
            return Err(Error::new(
                ErrorKind::Config,
                format!(
                    "NIL threshold {} is not a finite number",
                    self.nil_threshold
                ),
            ));
        }
        let kb = self
            .linking
            .then(|| self.kb.unwrap_or_else(KnowledgeBase::embedded));
        let vocabulary = (self.fuzzy_linking && kb.is_some()).then(Lexicon::embedded);
        Ok(Pipeline {
            money: self.money.then(MoneyRecognizer::new),
            sites: self.sites,
            tagger,
            #[cfg(feature = "transformer")]
            transformer,
            kb,
            nil_threshold: self.nil_threshold,
            vocabulary,
            rules: self.rules,
        })
    }
}
