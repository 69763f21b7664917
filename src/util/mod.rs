//! Helpers that more than one stage uses.

pub(crate) mod wire;

/// Serialises a type as the string its `Display` writes, and deserialises
/// it by `FromStr` (`"PER"`, `"EUR"`, `"Q90"`).
macro_rules! serde_as_string {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use serde_as_string;

use std::fs::File;
use std::io::BufRead;
use std::path::Path;

use crate::{Error, ErrorKind};

/// Opens `path` to read a model or knowledge base from it, refusing what is
/// not a regular file: a directory, or a FIFO or device that could block or
/// never end. `what` names the file in errors (`"knowledge base"`).
pub(crate) fn open_regular_file(path: &Path, what: &str) -> Result<File, Error> {
    let context = |e: std::io::Error| {
        Error::with_source(ErrorKind::Io, format!("{what} {}", path.display()), e)
    };
    let metadata = std::fs::metadata(path).map_err(context)?;
    if !metadata.is_file() {
        let kind = if metadata.is_dir() {
            "a directory"
        } else {
            "not a regular file"
        };
        return Err(Error::new(
            ErrorKind::Io,
            format!("{what} {}: {kind}, not a {what} file", path.display()),
        ));
    }
    File::open(path).map_err(context)
}

/// Calls `each` with every value of a JSONL stream and its line number
/// (from 1), blank lines skipped. A malformed line is an error naming it
/// (`{what} line {n}`).
pub(crate) fn for_each_line<T: serde::de::DeserializeOwned>(
    reader: impl BufRead,
    what: &str,
    mut each: impl FnMut(usize, T) -> Result<(), Error>,
) -> Result<(), Error> {
    for (i, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value = serde_json::from_str(&line).map_err(|e| {
            Error::with_source(ErrorKind::Format, format!("{what} line {}", i + 1), e)
        })?;
        each(i + 1, value)?;
    }
    Ok(())
}

/// A decimal as a JSON number: an integer when it is one, else the nearest
/// `f64` (exact for the up to 15 significant digits that amounts in text
/// have), or a string when neither fits.
pub(crate) fn decimal_to_json(d: rust_decimal::Decimal) -> serde_json::Value {
    if d.fract().is_zero() {
        if let Ok(i) = i64::try_from(d) {
            return i.into();
        }
    }
    f64::try_from(d)
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or_else(|| d.to_string().into(), serde_json::Value::Number)
}

/// Parses a gold `value` (a JSON number) as an exact decimal.
pub(crate) fn json_to_decimal(v: &serde_json::Value) -> Option<rust_decimal::Decimal> {
    let s = match v {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.clone(),
        _ => return None,
    };
    s.parse::<rust_decimal::Decimal>()
        .or_else(|_| rust_decimal::Decimal::from_scientific(&s))
        .ok()
        .map(|d| d.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_open() {
        let dir = std::env::temp_dir();
        let err = open_regular_file(&dir, "knowledge base").unwrap_err();
        assert!(err.to_string().contains("a directory"), "{err}");
        let err = open_regular_file(&dir.join("quidam-no-such-file"), "tagger model").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Io);
        let message = err.to_string();
        assert!(message.contains("quidam-no-such-file"), "{message}");
        // The cause is said once.
        assert_eq!(message.matches("os error").count(), 1, "{message}");
        #[cfg(unix)]
        {
            let err = open_regular_file(Path::new("/dev/zero"), "tagger model").unwrap_err();
            assert!(err.to_string().contains("not a regular file"), "{err}");
        }
    }
}
