//! Standard input as a stream. A short input (up to [`HEAD`] bytes) is read
//! whole and handled like a file. A longer one that starts like DER or PEM
//! is a stream of certificates, as `openssl x509` or a map-only job pipes
//! them: it is cut into stretches (one DER certificate, or whole PEM blocks
//! up to [`STRETCH`] bytes) that are read one after another, so memory stays
//! flat however long the stream. Anything else (a CA profile, a rule
//! statement) is read whole, within `--max-file-size`.

use std::io::Read;

use super::{Content, is_der, is_pem};
use crate::diag::Diag;
use crate::limits::Limits;

/// How much of standard input is read before deciding whether it is a stream.
pub const HEAD: usize = 1 << 20;

/// How many bytes of PEM text a stretch holds at most (a block longer than
/// this makes a stretch of its own). A few certificates: the run reads and
/// evaluates a batch of stretches at a time and holds their findings until
/// they are written, so the stretch sets how much a batch holds.
pub const STRETCH: usize = 8 * 1024;

/// A stretch of a long stream: whole PEM blocks, or one DER certificate.
#[derive(Debug)]
pub struct Stretch {
    pub bytes: Vec<u8>,
    pub content: Content,
    /// The stream's line where the stretch starts (PEM; 1-based).
    pub first_line: usize,
    /// How many certificate blocks of the stream come before this stretch.
    pub blocks_before: usize,
}

/// What standard input gives, piece by piece.
#[derive(Debug)]
pub enum Piece {
    /// All of it, read like a file.
    Whole(Vec<u8>),
    Stretch(Stretch),
    Error(Diag),
}

enum Mode {
    Start,
    Pem,
    Der,
    Done,
}

/// Standard input (or any reader) cut into pieces.
pub struct Stream<R> {
    reader: R,
    limits: Limits,
    mode: Mode,
    /// Bytes read and not yet handed out.
    buf: Vec<u8>,
    eof: bool,
    line: usize,
    blocks: usize,
}

impl<R: Read> Stream<R> {
    pub fn new(reader: R, limits: &Limits) -> Self {
        Self {
            reader,
            limits: *limits,
            mode: Mode::Start,
            buf: Vec::new(),
            eof: false,
            line: 1,
            blocks: 0,
        }
    }

    /// Read until `buf` holds at least `want` bytes or the input ends.
    fn fill(&mut self, want: usize) -> Result<(), Diag> {
        let mut chunk = [0u8; 64 * 1024];
        while self.buf.len() < want && !self.eof {
            match self.reader.read(&mut chunk) {
                Ok(0) => self.eof = true,
                Ok(n) => self.buf.extend_from_slice(chunk.get(..n).unwrap_or_default()),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    return Err(Diag::error(
                        "certlex::input::read",
                        format!("-: cannot read standard input: {e}"),
                    ));
                }
            }
        }
        Ok(())
    }

    fn start(&mut self) -> Option<Piece> {
        if let Err(d) = self.fill(HEAD + 1) {
            return self.fail(d);
        }
        if self.eof {
            self.mode = Mode::Done;
            return Some(Piece::Whole(std::mem::take(&mut self.buf)));
        }
        if is_der(&self.buf) {
            self.mode = Mode::Der;
            return self.der();
        }
        if is_pem(&self.buf) && !crate::facts::profile::looks_like_profile(&self.buf) {
            self.mode = Mode::Pem;
            return self.pem();
        }
        // Not a stream of certificates: the whole input, within the file limit.
        self.mode = Mode::Done;
        let limit = usize::try_from(self.limits.max_file_bytes).unwrap_or(usize::MAX);
        if let Err(d) = self.fill(limit.saturating_add(1)) {
            return Some(Piece::Error(d));
        }
        if self.buf.len() > limit {
            return Some(Piece::Error(super::too_large(std::path::Path::new("-"), &self.limits)));
        }
        Some(Piece::Whole(std::mem::take(&mut self.buf)))
    }

    /// The first `n` bytes read, in a buffer of their own size: a piece
    /// that kept the read buffer (a megabyte after [`HEAD`]) would hold it
    /// for as long as the piece waits in the run's window.
    fn take(&mut self, n: usize) -> Vec<u8> {
        let bytes = self.buf.get(..n).unwrap_or(&self.buf).to_vec();
        self.buf.drain(..bytes.len());
        bytes
    }

    fn fail(&mut self, d: Diag) -> Option<Piece> {
        self.mode = Mode::Done;
        Some(Piece::Error(d))
    }

    /// The next stretch of whole PEM blocks: cut after the last END line
    /// within [`STRETCH`] bytes (or after the first one beyond).
    fn pem(&mut self) -> Option<Piece> {
        if let Err(d) = self.fill(STRETCH) {
            return self.fail(d);
        }
        let limit = usize::try_from(self.limits.max_file_bytes).unwrap_or(usize::MAX);
        let cut = loop {
            match cut_after_end(&self.buf, STRETCH) {
                Some(cut) => break cut,
                None if self.eof || self.buf.len() > limit => break self.buf.len(),
                None => {
                    let want = self.buf.len() + STRETCH;
                    if let Err(d) = self.fill(want) {
                        return self.fail(d);
                    }
                }
            }
        };
        if cut == 0 {
            self.mode = Mode::Done;
            return None;
        }
        let bytes = self.take(cut);
        let stretch = Stretch {
            first_line: self.line,
            blocks_before: self.blocks,
            content: Content::Pem,
            bytes,
        };
        self.line += stretch.bytes.iter().filter(|b| **b == b'\n').count();
        self.blocks += certificate_blocks(&stretch.bytes);
        if !stretch.bytes.windows(11).any(|w| w == b"-----BEGIN ") {
            // Text after the last block: nothing to read.
            return if self.eof && self.buf.is_empty() {
                self.mode = Mode::Done;
                None
            } else {
                self.pem()
            };
        }
        Some(Piece::Stretch(stretch))
    }

    /// The next DER certificate: a SEQUENCE, its length from its header.
    fn der(&mut self) -> Option<Piece> {
        if let Err(d) = self.fill(6) {
            return self.fail(d);
        }
        if self.buf.is_empty() {
            self.mode = Mode::Done;
            return None;
        }
        let number = self.blocks + 1;
        let limit = usize::try_from(self.limits.max_file_bytes).unwrap_or(usize::MAX);
        let total = match der_length(&self.buf) {
            Some(n) if n <= limit => n,
            Some(_) => {
                return self.fail(super::too_large(
                    std::path::Path::new(&format!("-#{number}")),
                    &self.limits,
                ));
            }
            None => {
                return self.fail(
                    Diag::error(
                        "certlex::input::bad-der",
                        format!("-#{number}: the stream of DER certificates holds something that is not one"),
                    )
                    .help("standard input takes DER certificates one after another, or PEM text"),
                );
            }
        };
        if let Err(d) = self.fill(total) {
            return self.fail(d);
        }
        if self.buf.len() < total {
            return self.fail(
                Diag::error(
                    "certlex::input::bad-der",
                    format!("-#{number}: the stream ends inside a certificate"),
                )
                .help("the input was cut short; send whole certificates"),
            );
        }
        let bytes = self.take(total);
        self.blocks = number;
        Some(Piece::Stretch(Stretch {
            bytes,
            content: Content::Der,
            first_line: 1,
            blocks_before: number - 1,
        }))
    }
}

impl<R: Read> Iterator for Stream<R> {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        match self.mode {
            Mode::Start => self.start(),
            Mode::Pem => self.pem(),
            Mode::Der => self.der(),
            Mode::Done => None,
        }
    }
}

/// Where to cut PEM text after an END line: the end of the last END line
/// that ends within `within` bytes, else of the first one after; `None`
/// when the text has no complete END line.
fn cut_after_end(text: &[u8], within: usize) -> Option<usize> {
    let mut best = None;
    let mut from = 0;
    while let Some(at) = find(text.get(from..)?, b"-----END ") {
        let start = from + at;
        let eol = text.get(start..).and_then(|t| t.iter().position(|b| *b == b'\n'))?;
        let end = start + eol + 1;
        if end > within && best.is_some() {
            break;
        }
        best = Some(end);
        from = end;
        if end > within {
            break;
        }
    }
    best
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// How many BEGIN lines of certificate blocks a text holds (the numbering
/// of subjects `-#N` in a stream counts them).
pub fn certificate_blocks(text: &[u8]) -> usize {
    let mut n = 0;
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|t| find(t, b"-----BEGIN ")) {
        let label_start = from + at + 11;
        let label = text
            .get(label_start..)
            .and_then(|t| find(t, b"-----").and_then(|end| t.get(..end)))
            .unwrap_or_default();
        if super::pem::is_certificate_label(&String::from_utf8_lossy(label)) {
            n += 1;
        }
        from = label_start;
    }
    n
}

/// The length of the DER element at the start of `bytes`, header included,
/// if it is a SEQUENCE with a definite length of at most four bytes.
fn der_length(bytes: &[u8]) -> Option<usize> {
    let (&tag, rest) = bytes.split_first()?;
    if tag != 0x30 {
        return None;
    }
    let (&first, rest) = rest.split_first()?;
    if first < 0x80 {
        return Some(2 + usize::from(first));
    }
    let count = usize::from(first & 0x7f);
    if count == 0 || count > 4 {
        return None;
    }
    let len = rest
        .get(..count)?
        .iter()
        .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
    Some(2 + count + len)
}

#[cfg(test)]
mod tests;
