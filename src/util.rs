//! Helpers that more than one stage uses.

use std::fs::File;
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
