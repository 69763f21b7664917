//! Helpers that more than one stage uses.

pub(crate) mod wire;

use std::fs::File;
use std::io::BufRead;
use std::path::Path;

use crate::{Error, ErrorKind};

/// Opens `path` to read a model or knowledge base from it, refusing what is
/// not a regular file: a directory, or a FIFO or device that could block or
/// never end. `what` names the file in errors (`"knowledge base"`).
pub(crate) fn open_regular_file(path: &Path, what: &str) -> Result<File, Error> {
    let context = |m: String, e: std::io::Error| {
        Error::with_source(ErrorKind::Io, format!("{what} {}: {m}", path.display()), e)
    };
    let metadata = std::fs::metadata(path).map_err(|e| context(e.to_string(), e))?;
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
    File::open(path).map_err(|e| context(e.to_string(), e))
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
        assert!(err.to_string().contains("quidam-no-such-file"), "{err}");
        #[cfg(unix)]
        {
            let err = open_regular_file(Path::new("/dev/zero"), "tagger model").unwrap_err();
            assert!(err.to_string().contains("not a regular file"), "{err}");
        }
    }
}
