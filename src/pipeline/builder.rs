//! Choosing the stages of a pipeline.

use std::path::PathBuf;
use std::sync::Arc;

use super::{Pipeline, EMBEDDED_TAGGER};
use crate::error::{Error, ErrorKind};
use crate::kb::KnowledgeBase;
use crate::link::DEFAULT_NIL_THRESHOLD;
use crate::names::{NameRule, NameRules};
use crate::recognize::MoneyRecognizer;
use crate::tag::{Lexicon, Tagger};
#[cfg(feature = "transformer")]
use crate::transformer::{TransformerConfig, TransformerTagger};

/// Chooses the stages of a [`Pipeline`].
#[derive(Clone, Debug)]
pub struct PipelineBuilder {
    money: bool,
    sites: bool,
    tagger: TaggerChoice,
    kb: KbChoice,
    nil_threshold: f32,
    fuzzy_linking: bool,
    rules: NameRules,
}

/// Which knowledge base a [`PipelineBuilder`] links against.
#[derive(Clone, Debug)]
enum KbChoice {
    None,
    Embedded,
    File(PathBuf),
    Given(Arc<KnowledgeBase>),
}

/// Which tagger a [`PipelineBuilder`] puts in the pipeline.
#[derive(Clone, Debug)]
enum TaggerChoice {
    None,
    Embedded,
    File(PathBuf),
    Given(Arc<Tagger>),
    #[cfg(feature = "transformer")]
    Transformer(Box<TransformerConfig>),
    #[cfg(feature = "transformer")]
    GivenTransformer(Arc<TransformerTagger>),
}

impl PipelineBuilder {
    /// Every stage on, with the embedded models.
    pub(super) fn new() -> PipelineBuilder {
        PipelineBuilder {
            money: true,
            sites: true,
            tagger: TaggerChoice::Embedded,
            kb: KbChoice::Embedded,
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
    /// and sites with the embedded tagger (default: yes).
    #[must_use]
    pub fn tagger(mut self, yes: bool) -> PipelineBuilder {
        self.tagger = if yes {
            TaggerChoice::Embedded
        } else {
            TaggerChoice::None
        };
        self
    }

    /// Tags with the model in this file (written by [`Tagger::write`], for
    /// instance by the `train` example) instead of the embedded one. The
    /// model must have been trained with the embedded [`Lexicon`].
    #[must_use]
    pub fn tagger_model(mut self, path: impl Into<PathBuf>) -> PipelineBuilder {
        self.tagger = TaggerChoice::File(path.into());
        self
    }

    /// Tags with this tagger.
    #[must_use]
    pub fn with_tagger(mut self, tagger: Tagger) -> PipelineBuilder {
        self.tagger = TaggerChoice::Given(Arc::new(tagger));
        self
    }

    /// Tags names with the token-classification transformer that `config`
    /// describes, loaded from local files when the pipeline is built,
    /// instead of the embedded tagger (feature `transformer`). The rules for
    /// amounts and domains, grouping and linking stay as they are, and the
    /// model's names go through the document stages that the embedded
    /// tagger's do (heads, surnames, sites by context, trimming).
    ///
    /// ```no_run
    /// use quidam::transformer::TransformerConfig;
    /// let mut config = TransformerConfig::new("models/my-camembert-ner");
    /// config.batch_size = 32;
    /// let pipeline = quidam::Pipeline::builder().transformer(config).build()?;
    /// let docs = pipeline.annotate_batch(&["Kim Dotcom a fondé Megaupload.", "Rien."]);
    /// # Ok::<(), quidam::Error>(())
    /// ```
    #[cfg(feature = "transformer")]
    #[must_use]
    pub fn transformer(mut self, config: TransformerConfig) -> PipelineBuilder {
        self.tagger = TaggerChoice::Transformer(Box::new(config));
        self
    }

    /// Tags names with quidam's own French transformer
    /// ([`TransformerConfig::default_model`]), loaded from the repository's
    /// `models/transformer` when the pipeline is built (feature
    /// `transformer`).
    #[cfg(feature = "transformer")]
    #[must_use]
    pub fn transformer_default(self) -> PipelineBuilder {
        self.transformer(TransformerConfig::default_model())
    }

    /// Tags names with this loaded transformer (feature `transformer`).
    #[cfg(feature = "transformer")]
    #[must_use]
    pub fn with_transformer(mut self, transformer: Arc<TransformerTagger>) -> PipelineBuilder {
        self.tagger = TaggerChoice::GivenTransformer(transformer);
        self
    }

    /// Whether to link entities to the embedded starter knowledge base
    /// (default: yes). See [`KnowledgeBase::embedded`].
    #[must_use]
    pub fn linking(mut self, yes: bool) -> PipelineBuilder {
        self.kb = if yes {
            KbChoice::Embedded
        } else {
            KbChoice::None
        };
        self
    }

    /// Links entities to the knowledge base in this file (written by
    /// [`KbBuilder::write`](crate::kb::KbBuilder::write), for instance by
    /// the `build_kb` example), memory-mapped, instead of the embedded one.
    #[must_use]
    pub fn knowledge_base(mut self, path: impl Into<PathBuf>) -> PipelineBuilder {
        self.kb = KbChoice::File(path.into());
        self
    }

    /// Links entities to this knowledge base.
    #[must_use]
    pub fn with_knowledge_base(mut self, kb: Arc<KnowledgeBase>) -> PipelineBuilder {
        self.kb = KbChoice::Given(kb);
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
    /// Fails when a tagger model or knowledge base file cannot be read or is
    /// not valid, or when the NIL threshold is not a finite number.
    pub fn build(self) -> Result<Pipeline, Error> {
        #[cfg(feature = "transformer")]
        let transformer = match &self.tagger {
            TaggerChoice::Transformer(config) => {
                Some(Arc::new(TransformerTagger::load((**config).clone())?))
            }
            TaggerChoice::GivenTransformer(t) => Some(Arc::clone(t)),
            _ => None,
        };
        let tagger = match self.tagger {
            TaggerChoice::None => None,
            TaggerChoice::Embedded => Some(Arc::clone(&EMBEDDED_TAGGER)),
            TaggerChoice::Given(t) => Some(t),
            TaggerChoice::File(path) => {
                let file = crate::util::open_regular_file(&path, "tagger model")?;
                let tagger = Tagger::read(std::io::BufReader::new(file), Lexicon::embedded())
                    .map_err(|e| {
                        Error::with_source(
                            e.kind().clone(),
                            format!("reading {}", path.display()),
                            e,
                        )
                    })?;
                Some(Arc::new(tagger))
            }
            #[cfg(feature = "transformer")]
            TaggerChoice::Transformer(_) | TaggerChoice::GivenTransformer(_) => None,
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
        let kb = match self.kb {
            KbChoice::None => None,
            KbChoice::Embedded => Some(KnowledgeBase::embedded()),
            KbChoice::Given(kb) => Some(kb),
            KbChoice::File(path) => Some(Arc::new(KnowledgeBase::open(path)?)),
        };
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
