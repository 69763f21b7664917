//! The Rust side of the `quidam` Python package (`quidam._quidam`): a
//! pipeline, and documents with their mentions and entities as Python
//! objects. The pure-Python `quidam` package wraps it.

use std::sync::Arc;

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyList;

create_exception!(
    _quidam,
    QuidamError,
    PyException,
    "An error from quidam: a file that cannot be read, a bad model or knowledge base, a bad setting."
);

fn error(e: quidam::Error) -> PyErr {
    QuidamError::new_err(e.to_string())
}

/// An immutable pipeline, shareable across threads.
#[pyclass(frozen, module = "quidam._quidam")]
struct Pipeline {
    inner: Arc<quidam::Pipeline>,
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (linking = true, fuzzy_linking = true, knowledge_base = None, nil_threshold = None))]
    fn new(
        linking: bool,
        fuzzy_linking: bool,
        knowledge_base: Option<std::path::PathBuf>,
        nil_threshold: Option<f32>,
    ) -> PyResult<Pipeline> {
        let mut builder = quidam::Pipeline::builder()
            .linking(linking)
            .fuzzy_linking(fuzzy_linking);
        if let Some(path) = knowledge_base {
            builder = builder.knowledge_base(quidam::KnowledgeBase::open(path).map_err(error)?);
        }
        if let Some(threshold) = nil_threshold {
            builder = builder.nil_threshold(threshold);
        }
        Ok(Pipeline {
            inner: Arc::new(builder.build().map_err(error)?),
        })
    }

    /// Annotates one text; the GIL is released while Rust works.
    fn annotate(&self, py: Python<'_>, text: String) -> PyResult<Document> {
        let pipeline = Arc::clone(&self.inner);
        let doc = py.allow_threads(move || pipeline.annotate(&text).into_owned());
        Document::new(py, doc)
    }

    /// Annotates a list of texts on all cores, the GIL released.
    fn annotate_batch(&self, py: Python<'_>, texts: Vec<String>) -> PyResult<Vec<Document>> {
        let pipeline = Arc::clone(&self.inner);
        let docs = py.allow_threads(move || {
            pipeline
                .annotate_batch(&texts)
                .into_iter()
                .map(quidam::Document::into_owned)
                .collect::<Vec<_>>()
        });
        docs.into_iter().map(|d| Document::new(py, d)).collect()
    }
}

/// A mention: a name, amount or site found in the text.
#[pyclass(frozen, get_all, module = "quidam._quidam")]
struct Mention {
    /// `PER`, `ORG`, `LOC`, `MISC`, `MONEY` or `SITE`.
    label: String,
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
    value: Option<PyObject>,
    /// MONEY: the ISO 4217 code, or None.
    currency: Option<String>,
    /// MONEY: whether an approximator (`environ`) comes before it.
    approximate: bool,
    /// SITE: the registrable domain, or None.
    domain: Option<String>,
}

/// An entity: the mentions of a document that name one thing.
#[pyclass(frozen, get_all, module = "quidam._quidam")]
struct Entity {
    /// Its index in `Document.entities`.
    id: usize,
    label: String,
    name: String,
    /// Its mentions, as indices into `Document.mentions`.
    mentions: Vec<usize>,
    kb_id: Option<String>,
    kb_score: Option<f32>,
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
        let decimal = py.import("decimal")?.getattr("Decimal")?;
        let mut mentions = Vec::with_capacity(doc.mentions().len());
        for m in doc.mentions() {
            let entity = doc.entity_of(m);
            let money = m.money();
            let value = match money.and_then(|m| m.value) {
                Some(v) => Some(decimal.call1((v.to_string(),))?.unbind()),
                None => None,
            };
            let span = m.span();
            mentions.push(Py::new(
                py,
                Mention {
                    label: m.label().to_string(),
                    start: span.char_start,
                    end: span.char_end,
                    text: m.text().to_owned(),
                    score: m.score(),
                    entity: m.entity().map(|id| id.index()),
                    kb_id: entity.and_then(|e| e.kb_id).map(|id| id.to_string()),
                    kb_score: entity
                        .filter(|e| e.kb_id.is_some())
                        .and_then(|e| e.kb_score),
                    value,
                    currency: money.and_then(|m| m.currency).map(|c| c.to_string()),
                    approximate: money.is_some_and(|m| m.approximate),
                    domain: m.site().and_then(|s| s.domain.clone()),
                },
            )?);
        }
        let mut entities = Vec::with_capacity(doc.entities().len());
        for e in doc.entities() {
            entities.push(Py::new(
                py,
                Entity {
                    id: e.id.index(),
                    label: e.label.to_string(),
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
        serde_json::to_string(&self.doc).map_err(|e| QuidamError::new_err(e.to_string()))
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
    m.add("QuidamError", m.py().get_type::<QuidamError>())?;
    Ok(())
}
