//! Arrow in and out through the Arrow C data interface's PyCapsules
//! (`__arrow_c_array__`): a string array in, a `list<struct<...>>` array of
//! mentions out, one row a text, with no Python object a mention.

use std::ffi::CStr;
use std::sync::{Arc, Mutex};

use arrow_array::builder::{
    BooleanBuilder, Decimal128Builder, Float32Builder, Int32Builder, Int64Builder, StringBuilder,
};
use arrow_array::ffi::{from_ffi, to_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::{
    make_array, Array, ArrayRef, LargeStringArray, ListArray, StringArray, StringViewArray,
    StructArray,
};
use arrow_buffer::{NullBuffer, OffsetBuffer};
use arrow_schema::{DataType, Field, Fields};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};

use crate::errors;
use crate::Mention;

/// The scale of the `value` column: amounts are `decimal128(38, 10)`.
pub(crate) const VALUE_SCALE: i8 = 10;

/// The fields of one mention in the output, in order.
pub(crate) fn mention_fields() -> Fields {
    Fields::from(vec![
        Field::new("label", DataType::Utf8, false),
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
        Field::new("text", DataType::Utf8, false),
        Field::new("score", DataType::Float32, true),
        Field::new("entity", DataType::Int32, true),
        Field::new("kb_id", DataType::Utf8, true),
        Field::new("kb_score", DataType::Float32, true),
        Field::new("value", DataType::Decimal128(38, VALUE_SCALE), true),
        Field::new("currency", DataType::Utf8, true),
        Field::new("approximate", DataType::Boolean, false),
        Field::new("minor_unit", DataType::Boolean, false),
        Field::new("domain", DataType::Utf8, true),
    ])
}

/// The texts of an Arrow string array (`string`, `large_string` or
/// `string_view`), `None` for nulls.
pub(crate) struct Texts {
    array: ArrayRef,
}

impl Texts {
    /// Imports `obj` through its `__arrow_c_array__` method.
    pub(crate) fn import(obj: &Bound<'_, PyAny>) -> PyResult<Texts> {
        if !obj.hasattr("__arrow_c_array__")? {
            return Err(PyTypeError::new_err(
                "annotate_arrow takes an Arrow array of strings (an object with __arrow_c_array__, such as a pyarrow.Array)",
            ));
        }
        let pair = obj.call_method0("__arrow_c_array__")?;
        let pair = pair.downcast::<PyTuple>()?;
        let schema = pair.get_item(0)?;
        let array = pair.get_item(1)?;
        let schema = capsule(&schema, c"arrow_schema")?;
        let array = capsule(&array, c"arrow_array")?;
        // SAFETY: both capsules carry the names the C data interface gives
        // these structs, checked above. The array is moved out of its
        // capsule (its producer's release left to us, the capsule's copy
        // marked released); the schema is only borrowed, while `schema`
        // keeps its capsule alive.
        let data = unsafe {
            let array = FFI_ArrowArray::from_raw(array.pointer() as *mut FFI_ArrowArray);
            let schema = &*(schema.pointer() as *const FFI_ArrowSchema);
            from_ffi(array, schema)
        }
        .map_err(|e| errors::other(format!("reading the Arrow array: {e}")))?;
        match data.data_type() {
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => Ok(Texts {
                array: make_array(data),
            }),
            other => Err(PyTypeError::new_err(format!(
                "annotate_arrow takes an array of strings, not of {other}"
            ))),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.array.len()
    }

    /// The text of row `i`, or `None` for a null.
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        if self.array.is_null(i) {
            return None;
        }
        let any = self.array.as_any();
        if let Some(a) = any.downcast_ref::<StringArray>() {
            Some(a.value(i))
        } else if let Some(a) = any.downcast_ref::<LargeStringArray>() {
            Some(a.value(i))
        } else {
            any.downcast_ref::<StringViewArray>().map(|a| a.value(i))
        }
    }
}

fn capsule<'py>(obj: &Bound<'py, PyAny>, name: &CStr) -> PyResult<Bound<'py, PyCapsule>> {
    let capsule = obj.downcast::<PyCapsule>()?;
    if capsule.name()? != Some(name) {
        return Err(PyTypeError::new_err(format!(
            "__arrow_c_array__ gave a capsule that is not an {}",
            name.to_string_lossy()
        )));
    }
    Ok(capsule.clone())
}

/// The output array: one list of mentions a text, null for a null text.
pub(crate) fn mentions_array(rows: &[Option<Vec<Mention>>]) -> PyResult<ListArray> {
    let n: usize = rows.iter().flatten().map(Vec::len).sum();
    let mut label = StringBuilder::with_capacity(n, 4 * n);
    let mut start = Int64Builder::with_capacity(n);
    let mut end = Int64Builder::with_capacity(n);
    let mut text = StringBuilder::with_capacity(n, 16 * n);
    let mut score = Float32Builder::with_capacity(n);
    let mut entity = Int32Builder::with_capacity(n);
    let mut kb_id = StringBuilder::new();
    let mut kb_score = Float32Builder::with_capacity(n);
    let mut value = Decimal128Builder::with_capacity(n);
    let mut currency = StringBuilder::new();
    let mut approximate = BooleanBuilder::with_capacity(n);
    let mut minor_unit = BooleanBuilder::with_capacity(n);
    let mut domain = StringBuilder::new();
    let mut offsets = Vec::with_capacity(rows.len());
    let mut valid = Vec::with_capacity(rows.len());
    for row in rows {
        valid.push(row.is_some());
        offsets.push(row.as_ref().map_or(0, Vec::len));
        for m in row.iter().flatten() {
            label.append_value(m.label);
            start.append_value(m.start as i64);
            end.append_value(m.end as i64);
            text.append_value(&m.text);
            score.append_option(m.score);
            entity.append_option(m.entity.and_then(|e| i32::try_from(e).ok()));
            kb_id.append_option(m.kb_id.as_deref());
            kb_score.append_option(m.kb_score);
            value.append_option(m.value.and_then(scaled));
            currency.append_option(m.currency.as_deref());
            approximate.append_value(m.approximate);
            minor_unit.append_value(m.minor_unit);
            domain.append_option(m.domain.as_deref());
        }
    }
    let value = value
        .finish()
        .with_precision_and_scale(38, VALUE_SCALE)
        .map_err(|e| errors::other(e.to_string()))?;
    let columns: Vec<ArrayRef> = vec![
        Arc::new(label.finish()),
        Arc::new(start.finish()),
        Arc::new(end.finish()),
        Arc::new(text.finish()),
        Arc::new(score.finish()),
        Arc::new(entity.finish()),
        Arc::new(kb_id.finish()),
        Arc::new(kb_score.finish()),
        Arc::new(value),
        Arc::new(currency.finish()),
        Arc::new(approximate.finish()),
        Arc::new(minor_unit.finish()),
        Arc::new(domain.finish()),
    ];
    let values = StructArray::try_new(mention_fields(), columns, None)
        .map_err(|e| errors::other(e.to_string()))?;
    let item = Arc::new(Field::new("item", values.data_type().clone(), false));
    ListArray::try_new(
        item,
        OffsetBuffer::from_lengths(offsets),
        Arc::new(values),
        Some(NullBuffer::from(valid)).filter(|nulls| nulls.null_count() > 0),
    )
    .map_err(|e| errors::other(e.to_string()))
}

/// An amount as a `decimal128(38, 10)` integer: rounded half to even past
/// ten decimals; `None` beyond 38 digits.
fn scaled(value: rust_decimal::Decimal) -> Option<i128> {
    let rounded = value.round_dp(VALUE_SCALE as u32);
    let up = 10i128.checked_pow(VALUE_SCALE as u32 - rounded.scale())?;
    let scaled = rounded.mantissa().checked_mul(up)?;
    (scaled.unsigned_abs() < 10u128.pow(38)).then_some(scaled)
}

/// An Arrow array handed to Python through `__arrow_c_array__`, once.
#[pyclass(frozen, module = "quidam._quidam")]
pub(crate) struct ArrowArray {
    exported: Mutex<Option<(FFI_ArrowArray, FFI_ArrowSchema)>>,
}

impl ArrowArray {
    pub(crate) fn new(array: &dyn Array) -> PyResult<ArrowArray> {
        let exported = to_ffi(&array.to_data()).map_err(|e| errors::other(e.to_string()))?;
        Ok(ArrowArray {
            exported: Mutex::new(Some(exported)),
        })
    }
}

#[pymethods]
impl ArrowArray {
    /// The array's schema and data as the C data interface's capsules; the
    /// array can be taken once (`pyarrow.array(obj)` takes it).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        // The one schema this array has is the only one offered; a consumer
        // that asked for another casts it itself.
        let _ = requested_schema;
        let taken = self
            .exported
            .lock()
            .map_err(|_| errors::other("the Arrow array's lock is poisoned"))?
            .take();
        let (array, schema) =
            taken.ok_or_else(|| errors::other("this Arrow array was already taken"))?;
        let schema = PyCapsule::new(py, schema, Some(c"arrow_schema".to_owned()))?;
        let array = PyCapsule::new(py, array, Some(c"arrow_array".to_owned()))?;
        PyTuple::new(py, [schema.into_any(), array.into_any()])
    }
}
