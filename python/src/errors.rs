//! quidam's Python exceptions: `QuidamError`, and under it `FileError`
//! (also an `OSError`), `ModelError` and `SettingError` (also
//! `ValueError`s), chosen by the Rust error's kind.

use pyo3::exceptions::{PyException, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyTuple, PyType};

/// The four exception classes, made once per interpreter.
struct Classes {
    base: Py<PyType>,
    file: Py<PyType>,
    model: Py<PyType>,
    setting: Py<PyType>,
}

static CLASSES: GILOnceCell<Classes> = GILOnceCell::new();

/// A class `name(bases)` in module `quidam`, with a docstring.
fn class(
    py: Python<'_>,
    name: &str,
    bases: &[&Bound<'_, PyType>],
    doc: &str,
) -> PyResult<Py<PyType>> {
    let namespace = PyDict::new(py);
    namespace.set_item("__doc__", doc)?;
    namespace.set_item("__module__", "quidam")?;
    let class = py
        .get_type::<PyType>()
        .call1((name, PyTuple::new(py, bases)?, namespace))?;
    Ok(class.downcast_into::<PyType>()?.unbind())
}

fn classes(py: Python<'_>) -> PyResult<&'static Classes> {
    CLASSES.get_or_try_init(py, || {
        let base = class(
            py,
            "QuidamError",
            &[&py.get_type::<PyException>()],
            "An error from quidam. Its subclasses say which kind.",
        )?;
        let base_type = base.bind(py);
        Ok(Classes {
            file: class(
                py,
                "FileError",
                &[base_type, &py.get_type::<PyOSError>()],
                "A file (knowledge base, model) could not be read.",
            )?,
            model: class(
                py,
                "ModelError",
                &[base_type, &py.get_type::<PyValueError>()],
                "A file is not a quidam model or knowledge base, is corrupt, or has another version.",
            )?,
            setting: class(
                py,
                "SettingError",
                &[base_type, &py.get_type::<PyValueError>()],
                "A setting of the pipeline or of a call is invalid.",
            )?,
            base,
        })
    })
}

/// Adds the classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let c = classes(m.py())?;
    m.add("QuidamError", c.base.clone_ref(m.py()))?;
    m.add("FileError", c.file.clone_ref(m.py()))?;
    m.add("ModelError", c.model.clone_ref(m.py()))?;
    m.add("SettingError", c.setting.clone_ref(m.py()))?;
    Ok(())
}

/// An exception of the class for `kind` with `message`.
fn raise(kind: Kind, message: String) -> PyErr {
    Python::with_gil(|py| match classes(py) {
        Ok(c) => {
            let class = match kind {
                Kind::Base => &c.base,
                Kind::File => &c.file,
                Kind::Model => &c.model,
                Kind::Setting => &c.setting,
            };
            PyErr::from_type(class.bind(py).clone(), message)
        }
        Err(e) => e,
    })
}

#[derive(Clone, Copy)]
enum Kind {
    Base,
    File,
    Model,
    Setting,
}

/// The Python exception for a quidam error.
pub(crate) fn from_quidam(e: quidam::Error) -> PyErr {
    let kind = match e.kind() {
        quidam::ErrorKind::Io => Kind::File,
        quidam::ErrorKind::Model | quidam::ErrorKind::Format => Kind::Model,
        quidam::ErrorKind::Config => Kind::Setting,
        _ => Kind::Base,
    };
    raise(kind, e.to_string())
}

/// A `SettingError` with `message`.
pub(crate) fn setting(message: impl Into<String>) -> PyErr {
    raise(Kind::Setting, message.into())
}

/// A plain `QuidamError` with `message`.
pub(crate) fn other(message: impl Into<String>) -> PyErr {
    raise(Kind::Base, message.into())
}
