//! A large CSV file read a part at a time, so that it is never wholly in
//! memory: an orders export of millions of rows is reduced as it is read
//! ([`crate::load::table::Ledger`]), and only one part of its text is held at once.
//!
//! Each part ends at a line end. A part before the last holds back its last
//! record, which may be cut short (a quoted field can hold line ends), and
//! the next part begins with it; lines are counted across parts, so every
//! place is the file's own. A file that is not UTF-8 (a byte-order mark of
//! UTF-16, bytes that are not UTF-8) or that has no line end is read whole
//! instead, as before.

use std::io::Read;
use std::path::Path;

use super::rest::Whole;
use crate::diagnostics::Diagnostics;
use crate::load::imports::How;
use crate::load::table::{CsvFile, Unread};

/// How many bytes a part reads, at least.
pub const PART: usize = 8 << 20;

/// Read the CSV file `path` of `len` bytes from `file` a part of [`PART`]
/// bytes at a time: the file read (or not, with its problems reported), or
/// `None`, with nothing reported, when it must be read whole instead.
pub fn read_streamed(
    path: &Path,
    (file, len): (&mut dyn Read, u64),
    how: &How,
    diags: &mut Diagnostics,
) -> Option<Result<CsvFile, Unread>> {
    read_parts(path, (file, len), how, diags, PART)
}

/// [`read_streamed`] with parts of `size` bytes.
pub(super) fn read_parts(
    path: &Path,
    (file, len): (&mut dyn Read, u64),
    how: &How,
    diags: &mut Diagnostics,
    size: usize,
) -> Option<Result<CsvFile, Unread>> {
    let mut blocks = Blocks {
        file,
        size,
        left: Vec::new(),
        eof: false,
    };
    let first = blocks.next(Vec::new()).ok()?;
    if first.starts_with(b"\xFF\xFE") || first.starts_with(b"\xFE\xFF") {
        return None;
    }
    let body = first.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&first);
    let text = std::str::from_utf8(body).ok()?;
    if blocks.eof || !text.contains('\n') {
        return None;
    }
    let mut local = Diagnostics::new();
    let mut rest = |carry: &str| {
        let bytes = blocks.next(carry.as_bytes().to_vec()).map_err(|_| Whole)?;
        let text = String::from_utf8(bytes).map_err(|_| Whole)?;
        Ok((text, blocks.eof))
    };
    match super::read_text(path, text, how, &mut local, Some((&mut rest, len))) {
        Ok(read) => {
            diags.extend(local);
            Some(read)
        }
        Err(Whole) => None,
    }
}

/// The blocks of a file, each ending at a line end but the last.
struct Blocks<'f> {
    file: &'f mut dyn Read,
    size: usize,
    /// Read past the last line end of the previous block.
    left: Vec<u8>,
    eof: bool,
}

impl Blocks<'_> {
    /// `start`, then at least `size` more bytes up to a line end (or to the
    /// end of the file).
    fn next(&mut self, mut start: Vec<u8>) -> std::io::Result<Vec<u8>> {
        let from = start.len();
        // Room for the whole block at once: a buffer grown by doubling
        // would briefly be held twice.
        start.reserve(self.left.len() + self.size + (1 << 16));
        start.append(&mut self.left);
        let mut chunk = vec![0; 1 << 16];
        loop {
            let enough = start.len() >= from + self.size;
            if enough && start[from..].contains(&b'\n') {
                break;
            }
            let n = self.file.read(&mut chunk)?;
            if n == 0 {
                self.eof = true;
                return Ok(start);
            }
            start.extend_from_slice(&chunk[..n]);
        }
        let end = start
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(start.len(), |i| i + 1);
        self.left = start.split_off(end);
        Ok(start)
    }
}

#[cfg(test)]
#[path = "parts_tests.rs"]
mod tests;
