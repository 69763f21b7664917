//! The Rust side of the `quidam` Python package (`quidam._quidam`): a
//! pipeline, documents with their mentions and entities as Python objects,
//! and Arrow arrays of mentions. The pure-Python `quidam` package wraps it.

use std::sync::{Arc, Mutex};

use pyo3::prelude::*;
use pyo3::types::PyList;
use rayon::prelude::*;

mod arrow;
mod errors;

/// An immutable pipeline, shareable across threads.
#[pyclass(frozen, module = "quidam._quidam")]
struct Pipeline {
    inner: Arc<quidam::Pipeline>,
    /// Thread pools by size, made the first time a call asks for that size.
    pools: Mutex<Vec<(usize, Arc<rayon::ThreadPool>)>>,
}

impl Pipeline {
    /// Runs `work` on `n_threads` threads (`None`: all cores, rayon's global
    /// pool; 1: the calling thread), the GIL released.
    fn run<T: Send>(
        &self,
        py: Python<'_>,
        n_threads: Option<usize>,
        work: impl FnOnce(&quidam::Pipeline) -> T + Send,
    ) -> PyResult<T> {
        let pipeline = &*self.inner;
        let pool = match n_threads {
            None | Some(1) => None,
            Some(0) => return Err(errors::setting("n_threads must be at least 1")),
            Some(n) => Some(self.pool(n)?),
        };
        Ok(py.allow_threads(|| match pool {
            Some(pool) => pool.install(|| work(pipeline)),
            None => work(pipeline),
        }))
    }

    fn pool(&self, n: usize) -> PyResult<Arc<rayon::ThreadPool>> {
        let mut pools = self
            .pools
            .lock()
            .map_err(|_| errors::other("the thread pools' lock is poisoned"))?;
        if let Some((_, pool)) = pools.iter().find(|(size, _)| *size == n) {
            return Ok(Arc::clone(pool));
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("quidam-{i}"))
            .build()
            .map_err(|e| errors::other(format!("starting {n} threads: {e}")))?;
        let pool = Arc::new(pool);
        pools.push((n, Arc::clone(&pool)));
        Ok(pool)
    }
}

/// Annotates `texts`: on the calling thread when `sequential`, else in
/// parallel on the current rayon pool.
fn annotate_all<T: Sync, R: Send>(
    texts: &[T],
    sequential: bool,
    each: impl Fn(&T) -> R + Sync + Send,
) -> Vec<R> {
    if sequential {
        texts.iter().map(each).collect()
    } else {
        texts.par_iter().map(each).collect()
    }
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (linking = true, fuzzy_linking = true, knowledge_base = None, nil_threshold = None, backend = "embedded", transformer_model = None))]
    fn new(
        linking: bool,
        fuzzy_linking: bool,
        knowledge_base: Option<std::path::PathBuf>,
        nil_threshold: Option<f32>,
        backend: &str,
        transformer_model: Option<std::path::PathBuf>,
    ) -> PyResult<Pipeline> {
        let mut builder = quidam::Pipeline::builder()
            .linking(linking)
            .fuzzy_linking(fuzzy_linking);
        if let Some(path) = knowledge_base {
            builder = builder
                .knowledge_base(quidam::KnowledgeBase::open(path).map_err(errors::from_quidam)?);
        }
        if let Some(threshold) = nil_threshold {
            builder = builder.nil_threshold(threshold);
        }
        builder = match backend {
            "embedded" if transformer_model.is_some() => {
                return Err(errors::setting(
                    "transformer_model is for backend=\"transformer\"",
                ))
            }
            "embedded" => builder,
            "transformer" => with_transformer(builder, transformer_model)?,
            other => {
                return Err(errors::setting(format!(
                    "backend={other:?}: \"embedded\" or \"transformer\""
                )))
            }
        };
        Ok(Pipeline {
            inner: Arc::new(builder.build().map_err(errors::from_quidam)?),
            pools: Mutex::new(Vec::new()),
        })
    }

    /// Annotates one text; the GIL is released while Rust works.
    fn annotate(&self, py: Python<'_>, text: String) -> PyResult<Document> {
        let doc = self.run(py, Some(1), |p| p.annotate(&text).into_owned())?;
        Document::new(py, doc)
    }

    /// Annotates a list of texts on `n_threads` threads (all cores when
    /// None), the GIL released; the documents come in the texts' order.
    #[pyo3(signature = (texts, n_threads = None))]
    fn annotate_batch(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        n_threads: Option<usize>,
    ) -> PyResult<Vec<Document>> {
        let sequential = n_threads == Some(1);
        let docs = self.run(py, n_threads, |p| {
            annotate_all(&texts, sequential, |t| p.annotate(t).into_owned())
        })?;
        docs.into_iter().map(|d| Document::new(py, d)).collect()
    }

    /// Annotates an Arrow array of strings into an Arrow array with one
    /// `list<struct<...>>` of mentions a text (null for a null text), on
    /// `n_threads` threads (all cores when None), the GIL released.
    #[pyo3(signature = (texts, n_threads = None))]
    fn annotate_arrow(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<usize>,
    ) -> PyResult<arrow::ArrowArray> {
        let texts = arrow::Texts::import(texts)?;
        let sequential = n_threads == Some(1);
        let array = self.run(py, n_threads, |p| {
            let rows: Vec<usize> = (0..texts.len()).collect();
            let rows = annotate_all(&rows, sequential, |&i| {
                texts.get(i).map(|text| {
                    let doc = p.annotate(text);
                    doc.mentions()
                        .iter()
                        .map(|m| Mention::new(m, doc.entity_of(m)))
                        .collect::<Vec<_>>()
                })
            });
            arrow::mentions_array(&rows)
        })??;
        arrow::ArrowArray::new(&array)
    }

    /// An empty array of `annotate_arrow`'s type.
    #[staticmethod]
    fn empty_arrow() -> PyResult<arrow::ArrowArray> {
        arrow::ArrowArray::new(&arrow::mentions_array(&[])?)
    }
}

#[cfg(feature = "transformer")]
fn with_transformer(
    builder: quidam::PipelineBuilder,
    model: Option<std::path::PathBuf>,
) -> PyResult<quidam::PipelineBuilder> {
    use quidam::transformer::{TransformerConfig, TransformerTagger};
    let config = match model {
        Some(dir) => TransformerConfig::new(dir),
        None => TransformerConfig::default_model(),
    };
    let tagger = TransformerTagger::load(config).map_err(errors::from_quidam)?;
    Ok(builder.transformer(tagger))
}

#[cfg(not(feature = "transformer"))]
fn with_transformer(
    _: quidam::PipelineBuilder,
    _: Option<std::path::PathBuf>,
) -> PyResult<quidam::PipelineBuilder> {
    Err(errors::setting(
        "backend=\"transformer\" needs a build with the `transformer` feature: \
         pip install ./python --config-settings=build-args=\"--features transformer\" \
         (with libtorch, as quidam's README says)",
    ))
}

/// A mention: a name, amount or site found in the text.
#[pyclass(frozen, get_all, module = "quidam._quidam")]
struct Mention {
    /// `PER`, `ORG`, `LOC`, `MISC`, `MONEY` or `SITE`.
    label: &'static str,
    /// Char offsets (Python string indices), end exclusive.
    start: usize,
    end: usize,
    text: String,
    /// A transformer's confidence, 0 to 1, or None.
    score: Option<f32>,
    /// The index of its entity in `Document.entities`, or None (amounts).
    entity: Option<usize>,
    /// Its entity's knowledge-base id (`Q90`), or None.
    kb_id: Option<String>,
    kb_score: Option<f32>,
    /// MONEY: the amount as a `decimal.Decimal`, or None.
    value: Option<rust_decimal::Decimal>,
    /// MONEY: the ISO 4217 code, or None.
    currency: Option<String>,
    /// MONEY: whether an approximator (`environ`) comes before it.
    approximate: bool,
    /// MONEY: whether `value` counts the currency's hundredths (`45 cents`).
    minor_unit: bool,
    /// SITE: the registrable domain, or None.
    domain: Option<String>,
}

impl Mention {
    /// The Python view of a mention of a document whose entity is `entity`;
    /// made off the GIL (`annotate_arrow` reads it without Python).
    fn new(m: &quidam::Mention<'_>, entity: Option<&quidam::Entity>) -> Mention {
        let money = m.money();
        let span = m.span();
        Mention {
            label: m.label().as_str(),
            start: span.char_start,
            end: span.char_end,
            text: m.text().to_owned(),
            score: m.score(),
            entity: m.entity().map(|id| id.index()),
            kb_id: entity.and_then(|e| e.kb_id).map(|id| id.to_string()),
            kb_score: entity
                .filter(|e| e.kb_id.is_some())
                .and_then(|e| e.kb_score),
            value: money.and_then(|m| m.value),
            currency: money.and_then(|m| m.currency).map(|c| c.to_string()),
            approximate: money.is_some_and(|m| m.approximate),
            minor_unit: money.is_some_and(|m| m.minor_unit),
            domain: m.site().and_then(|s| s.domain.clone()),
        }
    }
}

#[pymethods]
impl Mention {
    fn __repr__(&self) -> String {
        format!(
            "<Mention {} {:?} [{}:{}]>",
            self.label, self.text, self.start, self.end
        )
    }
}

/// An entity: the mentions of a document that name one thing.
#[pyclass(frozen, get_all, module = "quidam._quidam")]
struct Entity {
    /// Its index in `Document.entities`.
    id: usize,
    label: &'static str,
    name: String,
    /// Its mentions, as indices into `Document.mentions`.
    mentions: Vec<usize>,
    kb_id: Option<String>,
    kb_score: Option<f32>,
}

#[pymethods]
impl Entity {
    fn __repr__(&self) -> String {
        format!("<Entity {} {} {:?}>", self.id, self.label, self.name)
    }
}

/// An annotated text.
#[pyclass(frozen, module = "quidam._quidam")]
struct Document {
    doc: quidam::OwnedDocument,
    mentions: Py<PyList>,
    entities: Py<PyList>,
}

impl Document {
    fn new(py: Python<'_>, doc: quidam::OwnedDocument) -> PyResult<Document> {
        let mut mentions = Vec::with_capacity(doc.mentions().len());
        for m in doc.mentions() {
            mentions.push(Py::new(py, Mention::new(m, doc.entity_of(m)))?);
        }
        let mut entities = Vec::with_capacity(doc.entities().len());
        for e in doc.entities() {
            entities.push(Py::new(
                py,
                Entity {
                    id: e.id.index(),
                    label: e.label.as_str(),
                    name: e.name.clone(),
                    mentions: e.mentions.clone(),
                    kb_id: e.kb_id.map(|id| id.to_string()),
                    kb_score: e.kb_score,
                },
            )?);
        }
        Ok(Document {
            mentions: PyList::new(py, mentions)?.unbind(),
            entities: PyList::new(py, entities)?.unbind(),
            doc,
        })
    }
}

#[pymethods]
impl Document {
    #[getter]
    fn text(&self) -> &str {
        self.doc.text()
    }

    /// The mentions, sorted by position.
    #[getter]
    fn mentions(&self, py: Python<'_>) -> Py<PyList> {
        self.mentions.clone_ref(py)
    }

    /// The entities, in order of first mention.
    #[getter]
    fn entities(&self, py: Python<'_>) -> Py<PyList> {
        self.entities.clone_ref(py)
    }

    /// The document as JSON text, in the format of `docs/json.md`.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.doc).map_err(|e| errors::other(e.to_string()))
    }

    fn __len__(&self) -> usize {
        self.doc.mentions().len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Document: {} chars, {} mentions, {} entities>",
            self.doc.text().chars().count(),
            self.doc.mentions().len(),
            self.doc.entities().len()
        )
    }
}

#[pymodule]
fn _quidam(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Pipeline>()?;
    m.add_class::<Document>()?;
    m.add_class::<Mention>()?;
    m.add_class::<Entity>()?;
    m.add_class::<arrow::ArrowArray>()?;
    errors::register(m)?;
    Ok(())
}
