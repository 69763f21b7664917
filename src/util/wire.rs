//! The envelope of every quidam model file, and bounds-checked reads of
//! what it holds.
//!
//! A model file (tagger, word clusters, knowledge base) is a 24-byte header
//! and a body, integers little-endian:
//!
//! | bytes | what |
//! |---|---|
//! | 8 | magic: `QUIDAMTG` (tagger), `QUIDAMCL` (word clusters), `QUIDAMKB` (knowledge base) |
//! | 4 | the format version of that kind of file |
//! | 4 | CRC-32 of the body |
//! | 8 | length of the body in bytes |
//! | body | the format's own fields |
//!
//! The header is read and checked first: a stream is read only as far as
//! the length it declares, and a length above what the format allows is
//! refused before anything is allocated.

use std::io::{Read, Write};
use std::ops::Range;

use crate::error::{Error, ErrorKind};

/// The length of the envelope's header.
pub(crate) const HEADER: usize = 8 + 4 + 4 + 8;
/// Where the CRC-32 of the body sits in the header.
pub(crate) const CRC_AT: usize = 12;

/// A kind of model file.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Format {
    /// What the file is, in errors (`"tagger model"`).
    pub(crate) name: &'static str,
    pub(crate) magic: &'static [u8; 8],
    pub(crate) version: u32,
    /// The longest body the format allows.
    pub(crate) max_body: u64,
    /// What to do about a file of another version (`"rebuild it with
    /// build_kb"`).
    pub(crate) rebuild: &'static str,
}

impl Format {
    /// A [`ErrorKind::Model`] error about a file of this format.
    pub(crate) fn error(&self, message: impl std::fmt::Display) -> Error {
        Error::new(ErrorKind::Model, format!("{}: {message}", self.name))
    }

    /// Writes `body` in its envelope.
    pub(crate) fn write(&self, body: &[u8], mut writer: impl Write) -> Result<(), Error> {
        writer.write_all(&self.header(body))?;
        writer.write_all(body)?;
        writer.flush()?;
        Ok(())
    }

    /// The header of `body`.
    pub(crate) fn header(&self, body: &[u8]) -> [u8; HEADER] {
        let mut header = [0; HEADER];
        header[..8].copy_from_slice(self.magic);
        header[8..12].copy_from_slice(&self.version.to_le_bytes());
        header[CRC_AT..CRC_AT + 4].copy_from_slice(&crc32fast::hash(body).to_le_bytes());
        header[16..].copy_from_slice(&(body.len() as u64).to_le_bytes());
        header
    }

    /// Checks the header and declares the body's length and checksum.
    fn check_header(&self, header: &[u8; HEADER]) -> Result<(usize, u32), Error> {
        if &header[..8] != self.magic {
            return Err(self.error(format_args!("not a quidam {} (bad magic)", self.name)));
        }
        let version = u32::from_le_bytes(header[8..12].try_into().expect("4 bytes"));
        if version != self.version {
            return Err(self.error(format_args!(
                "format version {version}, this build reads {} ({})",
                self.version, self.rebuild
            )));
        }
        let crc = u32::from_le_bytes(header[CRC_AT..CRC_AT + 4].try_into().expect("4 bytes"));
        let len = u64::from_le_bytes(header[16..].try_into().expect("8 bytes"));
        if len > self.max_body {
            return Err(self.error(format_args!(
                "declares a body of {len} bytes, more than the {} this format allows",
                self.max_body
            )));
        }
        let len = usize::try_from(len).map_err(|_| self.error("too large for this machine"))?;
        Ok((len, crc))
    }

    /// Reads a file of this format from a stream: the header, then exactly
    /// the body it declares, checked against its CRC. Bytes after the body
    /// are an error.
    pub(crate) fn read(&self, mut reader: impl Read) -> Result<Vec<u8>, Error> {
        let mut header = [0; HEADER];
        let mut got = 0;
        while got < HEADER {
            match reader.read(&mut header[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            }
        }
        if got < 8 || &header[..8] != self.magic {
            return Err(self.error(format_args!("not a quidam {} (bad magic)", self.name)));
        }
        if got < HEADER {
            return Err(self.error("truncated header"));
        }
        let (len, crc) = self.check_header(&header)?;
        let mut body = Vec::with_capacity(len);
        reader.take(len as u64 + 1).read_to_end(&mut body)?;
        match body.len().cmp(&len) {
            std::cmp::Ordering::Less => return Err(self.error("truncated")),
            std::cmp::Ordering::Greater => return Err(self.error("trailing bytes after the body")),
            std::cmp::Ordering::Equal => {}
        }
        if crc32fast::hash(&body) != crc {
            return Err(self.error("checksum mismatch: the file is corrupt"));
        }
        Ok(body)
    }

    /// Checks a whole file of this format held in memory, and gives where
    /// its body is.
    pub(crate) fn body_of(&self, bytes: &[u8]) -> Result<Range<usize>, Error> {
        if bytes.len() < 8 || &bytes[..8] != self.magic {
            return Err(self.error(format_args!("not a quidam {} (bad magic)", self.name)));
        }
        let header: &[u8; HEADER] = bytes
            .get(..HEADER)
            .and_then(|h| h.try_into().ok())
            .ok_or_else(|| self.error("truncated header"))?;
        let (len, crc) = self.check_header(header)?;
        let body = HEADER..HEADER.saturating_add(len);
        match (bytes.len() - HEADER).cmp(&len) {
            std::cmp::Ordering::Less => return Err(self.error("truncated")),
            std::cmp::Ordering::Greater => return Err(self.error("trailing bytes after the body")),
            std::cmp::Ordering::Equal => {}
        }
        if crc32fast::hash(&bytes[body.clone()]) != crc {
            return Err(self.error("checksum mismatch: the file is corrupt"));
        }
        Ok(body)
    }

    /// A reader of `body`'s fields, whose errors name this format.
    pub(crate) fn fields<'a>(&self, body: &'a [u8]) -> Fields<'a> {
        Fields {
            bytes: body,
            format: *self,
        }
    }
}

/// Reads little-endian fields off the front of a body; running past its end
/// is a [`ErrorKind::Model`] error, never a panic.
#[derive(Debug)]
pub(crate) struct Fields<'a> {
    bytes: &'a [u8],
    format: Format,
}

impl<'a> Fields<'a> {
    /// The next `n` bytes.
    pub(crate) fn bytes(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if self.bytes.len() < n {
            return Err(self.format.error("truncated"));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        Ok(self.bytes(N)?.try_into().expect("N bytes"))
    }

    pub(crate) fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.array::<1>()?[0])
    }

    pub(crate) fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub(crate) fn u64(&mut self) -> Result<u64, Error> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    pub(crate) fn f32(&mut self) -> Result<f32, Error> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    /// What is left of the body.
    pub(crate) fn rest(&self) -> &'a [u8] {
        self.bytes
    }

    /// How many bytes have not been read.
    pub(crate) fn remaining(&self) -> usize {
        self.bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEST: Format = Format {
        name: "test model",
        magic: b"QUIDAMTS",
        version: 3,
        max_body: 100,
        rebuild: "rebuild it",
    };

    fn file(body: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        TEST.write(body, &mut out).unwrap();
        out
    }

    #[test]
    fn a_body_round_trips() {
        let bytes = file(b"hello");
        assert_eq!(bytes.len(), HEADER + 5);
        assert_eq!(TEST.read(&bytes[..]).unwrap(), b"hello");
        assert_eq!(TEST.body_of(&bytes).unwrap(), HEADER..HEADER + 5);
        let mut fields = TEST.fields(b"\x01\x02\x00\x00\x00");
        assert_eq!(fields.u8().unwrap(), 1);
        assert_eq!(fields.u32().unwrap(), 2);
        assert_eq!(fields.remaining(), 0);
        assert!(fields.u8().is_err());
    }

    #[test]
    fn bad_files_are_model_errors() {
        let good = file(b"hello");
        let mut other_version = good.clone();
        other_version[8] = 4;
        let mut corrupt = good.clone();
        corrupt[HEADER] ^= 1;
        let mut too_long = good.clone();
        too_long[16..24].copy_from_slice(&u64::MAX.to_le_bytes());
        let mut trailing = good.clone();
        trailing.push(0);
        let cases: Vec<(&[u8], &str)> = vec![
            (b"", "bad magic"),
            (b"QUIDAMXX", "bad magic"),
            (&good[..HEADER - 1], "truncated header"),
            (&good[..good.len() - 1], "truncated"),
            (
                &other_version,
                "format version 4, this build reads 3 (rebuild it)",
            ),
            (&corrupt, "checksum mismatch"),
            (&too_long, "more than the 100 this format allows"),
            (&trailing, "trailing bytes"),
        ];
        for (bytes, expected) in cases {
            for err in [
                TEST.read(bytes).unwrap_err(),
                TEST.body_of(bytes).unwrap_err(),
            ] {
                assert_eq!(err.kind(), &ErrorKind::Model);
                assert!(err.to_string().contains(expected), "{err} / {expected}");
                assert!(err.to_string().starts_with("test model: "), "{err}");
            }
        }
    }

    #[test]
    fn a_stream_is_read_no_further_than_declared() {
        // A header declaring 5 bytes, then an endless stream: refused after
        // reading 6.
        let endless = file(b"hello").into_iter().chain(std::iter::repeat(0u8));
        struct Iter<I>(I);
        impl<I: Iterator<Item = u8>> Read for Iter<I> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                for (i, b) in buf.iter_mut().enumerate() {
                    match self.0.next() {
                        Some(x) => *b = x,
                        None => return Ok(i),
                    }
                }
                Ok(buf.len())
            }
        }
        let err = TEST.read(Iter(endless)).unwrap_err();
        assert!(err.to_string().contains("trailing bytes"), "{err}");
    }
}
