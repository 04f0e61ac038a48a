//! Files too large to lint at once, read a window of whole paragraphs at a
//! time: memory stays bounded by the window, and the windows of one file
//! are linted in parallel.
//!
//! A window ends after a line break that a blank line follows (a paragraph
//! break), else after its last line break, so no line is split and columns
//! stay right. A line longer than the window extends the window until it
//! ends. Only UTF-8 is read this way: another encoding would have to be
//! detected on the whole file. The rules see one window at a time, so what
//! they judge across an article (a name spelled two ways, a pull quote that
//! repeats a paragraph) is judged within each window: a file of this size
//! is a dump of many articles, not one.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::source::SourceError;

/// Files from this size on are linted by windows.
pub const WINDOWED_FROM: u64 = 64 << 20;
/// The size a window aims at.
const WINDOW: usize = 8 << 20;

/// The window size, and the file size from which files are read by windows
/// (eight windows). `MTLINT_WINDOW=<bytes>` makes both small, so that the
/// tests can exercise windows on small files.
pub fn sizes() -> (usize, u64) {
    static SIZES: std::sync::OnceLock<(usize, u64)> = std::sync::OnceLock::new();
    *SIZES.get_or_init(|| {
        match std::env::var("MTLINT_WINDOW")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
        {
            Some(window) if window > 0 => (window, 8 * window as u64),
            _ => (WINDOW, WINDOWED_FROM),
        }
    })
}

/// A stretch of whole lines of a large file.
#[derive(Debug)]
pub struct Window {
    pub text: String,
    /// Bytes of the file before the window (a BOM included).
    pub offset: u64,
}

pub struct WindowReader<R> {
    reader: R,
    path: PathBuf,
    /// Bytes read and not yet handed out.
    carry: Vec<u8>,
    /// Bytes of the file before `carry`.
    offset: u64,
    eof: bool,
    started: bool,
    /// The size a window aims at.
    window: usize,
}

impl WindowReader<File> {
    pub fn open(path: &Path) -> Result<Self, SourceError> {
        let file = File::open(path).map_err(|source| SourceError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(WindowReader::new(file, path.to_path_buf()))
    }
}

impl<R: Read> WindowReader<R> {
    pub fn new(reader: R, path: PathBuf) -> Self {
        WindowReader {
            reader,
            path,
            carry: Vec::new(),
            offset: 0,
            eof: false,
            started: false,
            window: sizes().0,
        }
    }

    /// Windows of about `size` bytes (the tests use small ones).
    pub fn with_window(mut self, size: usize) -> Self {
        self.window = size.max(1);
        self
    }

    fn io_error(&self, source: io::Error) -> SourceError {
        SourceError::Io {
            path: self.path.clone(),
            source,
        }
    }

    /// Reads until `carry` holds `want` bytes or the file ends.
    fn fill(&mut self, want: usize) -> Result<(), SourceError> {
        let mut buffer = vec![0; 1 << 16];
        while !self.eof && self.carry.len() < want {
            match self.reader.read(&mut buffer) {
                Ok(0) => self.eof = true,
                Ok(n) => self.carry.extend_from_slice(&buffer[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(self.io_error(e)),
            }
        }
        Ok(())
    }

    /// The next window, or `None` at the end of the file.
    pub fn next_window(&mut self) -> Result<Option<Window>, SourceError> {
        if !self.started {
            self.started = true;
            self.fill(3)?;
            if self.carry.starts_with(b"\xEF\xBB\xBF") {
                self.carry.drain(..3);
                self.offset = 3;
            }
        }
        let mut want = self.window;
        // Where the search for a break starts: a line longer than the
        // window makes the reader read on, and what was searched is not
        // searched again.
        let (mut from, mut bare) = (self.window, 0);
        let cut = loop {
            self.fill(want)?;
            if let Some(cut) = cut_point(&self.carry, from, bare) {
                break cut;
            }
            if self.eof {
                break self.carry.len();
            }
            from = self.carry.len().saturating_sub(2).max(1);
            bare = self.carry.len();
            want = self.carry.len() + self.window;
        };
        if cut == 0 {
            return Ok(None);
        }
        let rest = self.carry.split_off(cut);
        let bytes = std::mem::replace(&mut self.carry, rest);
        let offset = self.offset;
        self.offset += bytes.len() as u64;
        if self.offset >= u64::from(u32::MAX) {
            return Err(SourceError::TooLarge {
                path: self.path.clone(),
            });
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = offset + e.utf8_error().valid_up_to() as u64;
            self.io_error(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "a file of {} MiB or more is linted a window at a time, which needs UTF-8, \
                     and byte {at} is not UTF-8",
                    sizes().1 >> 20
                ),
            ))
        })?;
        Ok(Some(Window { text, offset }))
    }
}

/// Where to end a window of `bytes` that aims at `size`: after the first
/// paragraph break from `size` on, else after the last paragraph break
/// before it, else after the last line break, else
/// nowhere yet (`None`: read on). Fewer bytes than `size` are no window yet.
/// `bare`: bytes before it hold no line break (known when the reader asks
/// again after reading on), so they are not searched again.
fn cut_point(bytes: &[u8], size: usize, bare: usize) -> Option<usize> {
    if bytes.len() < size {
        return None;
    }
    let blank_line_after = |i: usize| match bytes.get(i + 1) {
        Some(b'\n') => true,
        Some(b'\r') => bytes.get(i + 2) == Some(&b'\n'),
        _ => false,
    };
    let tail = size.saturating_sub(1);
    let bare = bare.min(bytes.len());
    let paragraph_break = |&i: &usize| bytes[i] == b'\n' && blank_line_after(i);
    // The first paragraph break from `size` on; else the last one before
    // it (the bytes read may end just past `size`); only a text without
    // any paragraph break is cut at a line break. A cut between two lines
    // of one paragraph could part a `mtlint-disable-next-line` comment
    // from the line it suppresses.
    (tail..bytes.len())
        .find(paragraph_break)
        .or_else(|| (bare..tail.min(bytes.len())).rev().find(paragraph_break))
        .or_else(|| {
            bytes[bare..]
                .iter()
                .rposition(|&b| b == b'\n')
                .map(|i| bare + i)
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn windows(bytes: &[u8], size: usize) -> Vec<(String, u64)> {
        // The same logic as next_window with a small window.
        let mut out = Vec::new();
        let mut carry = bytes.to_vec();
        let mut offset = 0u64;
        if carry.starts_with(b"\xEF\xBB\xBF") {
            carry.drain(..3);
            offset = 3;
        }
        while !carry.is_empty() {
            let cut = cut_point(&carry, size, 0).unwrap_or(carry.len());
            let rest = carry.split_off(cut);
            let len = carry.len() as u64;
            out.push((
                String::from_utf8(std::mem::replace(&mut carry, rest)).unwrap(),
                offset,
            ));
            offset += len;
        }
        out
    }

    #[test]
    fn a_window_read_just_past_its_size_ends_at_a_paragraph_break() {
        // The bytes end two past the size, inside a paragraph: the cut is
        // the paragraph break before, not the line break that would part
        // a suppression comment from its line.
        let text = b"one\n\n<!-- mtlint-disable-next-line junk -->\nThe article has been";
        let size = text.len() - 2;
        assert_eq!(cut_point(text, size, 0), Some(4));
        // A text without a paragraph break is cut at its last line break.
        assert_eq!(cut_point(b"a\nb\nc", 3, 0), Some(4));
    }

    #[test]
    fn windows_end_at_paragraph_breaks_and_cover_the_file() {
        let text = "one two\nthree\n\nfour five six\r\n\r\nseven\neight nine ten\n";
        let parts = windows(text.as_bytes(), 10);
        let joined: String = parts.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, text, "nothing lost or repeated");
        for (t, offset) in &parts {
            assert_eq!(&text[*offset as usize..*offset as usize + t.len()], t);
        }
        assert_eq!(parts[0].0, "one two\nthree\n");
        assert!(parts[1].0.starts_with('\n') || parts[1].0.starts_with("four"));
    }

    #[test]
    fn a_window_without_a_paragraph_break_ends_at_a_line_break() {
        assert_eq!(cut_point(b"aaaa\nbbbb\ncc", 6, 0), Some(10));
        assert_eq!(
            cut_point(b"aaaaaaaaaaaa", 6, 0),
            None,
            "a long line: read on"
        );
        assert_eq!(cut_point(b"aa\n", 6, 0), None, "less than a window");
        assert_eq!(
            cut_point(b"aaaaaaaa\nbb", 7, 8),
            Some(9),
            "searched on from 8"
        );
    }

    #[test]
    fn the_reader_hands_out_the_whole_file_in_order() {
        let mut text = String::new();
        for i in 0..2000 {
            text.push_str(&format!(
                "Paragraph {i} has a sentence or two.\nAnd a second line.\n\n"
            ));
        }
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        let mut reader = WindowReader::new(&bytes[..], PathBuf::from("big.txt")).with_window(1000);
        let mut joined = String::new();
        let mut expected_offset = 3;
        let mut count = 0;
        while let Some(w) = reader.next_window().unwrap() {
            count += 1;
            assert!(w.text.ends_with('\n'), "whole lines");
            assert_eq!(w.offset, expected_offset);
            expected_offset += w.text.len() as u64;
            joined.push_str(&w.text);
        }
        assert_eq!(joined, text);
        assert!(count > 50, "{count} windows");
    }

    #[test]
    fn a_line_longer_than_the_window_is_one_window() {
        /// Hands out a few bytes a read, as a pipe may.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(buf.len()).min(7);
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let text = format!("{}\nshort\n", "word ".repeat(1000));
        let mut reader =
            WindowReader::new(Trickle(text.as_bytes()), PathBuf::from("long.txt")).with_window(100);
        let mut windows = Vec::new();
        while let Some(w) = reader.next_window().unwrap() {
            windows.push(w.text);
        }
        assert!(windows[0].len() > 5000, "the long line is never split");
        assert!(windows.iter().all(|w| w.ends_with('\n')));
        assert_eq!(windows.concat(), text);
    }

    #[test]
    fn invalid_utf8_is_a_clear_error() {
        let bytes = b"fine\n\xFF\xFEbad\n".to_vec();
        let mut reader = WindowReader::new(&bytes[..], PathBuf::from("big.txt"));
        let error = reader.next_window().unwrap_err().to_string();
        assert!(
            error.contains("big.txt") && error.contains("byte 5"),
            "{error}"
        );
    }
}
