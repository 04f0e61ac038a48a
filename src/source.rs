//! Reading an article from bytes: byte-order marks, UTF-16, legacy code
//! pages and binary files, decided once at the edge.
//!
//! A [`SourceFile`] remembers how its text was stored (encoding, BOM) so that
//! `--fix` can write it back in kind. The text itself is never normalised:
//! line endings, a stray `\r`, odd spaces all stay as they were, so that a
//! byte offset in the text is a byte offset on disk for every UTF-8 file
//! (plus the length of the BOM, which the output adds back).

use std::borrow::Cow;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// How the bytes of a file were turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// Valid UTF-8.
    Utf8,
    /// Mostly UTF-8 with some invalid sequences, replaced by U+FFFD on
    /// reading. Such a file is never written back: that would lose bytes.
    Utf8Lossy,
    Utf16Le,
    Utf16Be,
    /// A single- or multi-byte legacy encoding, guessed from the bytes.
    Legacy(&'static encoding_rs::Encoding),
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Lossy => "UTF-8 (with invalid bytes)",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Legacy(encoding) => encoding.name(),
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An article read into memory and decoded.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The name it is reported under (the path as given, or the
    /// `--stdin-filename` for standard input).
    pub name: PathBuf,
    pub text: String,
    pub encoding: Encoding,
    /// Whether the bytes started with a byte-order mark (not part of `text`).
    pub bom: bool,
    /// Whether encoding `text` back gives the bytes read. Not so for
    /// invalid UTF-8, an odd byte or a lone surrogate in UTF-16, or a byte
    /// the legacy encoding does not define: such a file is never written.
    pub lossless: bool,
}

/// What reading a file gave.
#[derive(Debug)]
pub enum Loaded {
    Text(SourceFile),
    /// The file holds NUL bytes and is not UTF-16: it is not an article.
    Binary,
}

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{}: the file is larger than 4 GiB, which mtlint cannot address", path.display())]
    TooLarge { path: PathBuf },
}

#[derive(Debug, thiserror::Error)]
pub enum EncodeError {
    #[error(
        "the file had bytes that are not valid {encoding} when it was read; \
         writing it back would lose them"
    )]
    Lossy { encoding: &'static str },
    #[error("the fixed text has characters that {encoding} cannot store")]
    Unmappable { encoding: &'static str },
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

impl SourceFile {
    /// Reads and decodes the file at `path`.
    pub fn read(path: &Path) -> Result<Loaded, SourceError> {
        let bytes = std::fs::read(path).map_err(|source| SourceError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_bytes(path.to_path_buf(), &bytes)
    }

    /// Decodes `bytes`, reported under `name`.
    pub fn from_bytes(name: PathBuf, bytes: &[u8]) -> Result<Loaded, SourceError> {
        if bytes.len() >= u32::MAX as usize {
            return Err(SourceError::TooLarge { path: name });
        }
        let (text, encoding, bom) = match decode(bytes) {
            Some(decoded) => decoded,
            None => return Ok(Loaded::Binary),
        };
        let mut file = SourceFile {
            name,
            text,
            encoding,
            bom,
            lossless: encoding != Encoding::Utf8Lossy,
        };
        // Only UTF-8 is lossless by construction: prove the others by
        // encoding them back once.
        if !matches!(encoding, Encoding::Utf8 | Encoding::Utf8Lossy) {
            file.lossless = file.encode_as(&file.text).ok().as_deref() == Some(bytes);
        }
        Ok(Loaded::Text(file))
    }

    /// How many bytes precede the text on disk (the BOM), so output offsets
    /// are offsets into the file as stored.
    pub fn offset_base(&self) -> u32 {
        match (self.bom, self.encoding) {
            (true, Encoding::Utf8) => UTF8_BOM.len() as u32,
            _ => 0,
        }
    }

    /// The bytes to store for `text` so the file keeps its encoding and BOM.
    pub fn encode(&self, text: &str) -> Result<Vec<u8>, EncodeError> {
        if !self.lossless {
            let encoding = match self.encoding {
                Encoding::Utf8Lossy => "UTF-8",
                other => other.name(),
            };
            return Err(EncodeError::Lossy { encoding });
        }
        self.encode_as(text)
    }

    /// `text` in the file's encoding, with its BOM.
    fn encode_as(&self, text: &str) -> Result<Vec<u8>, EncodeError> {
        let mut out = Vec::with_capacity(text.len() + 4);
        match self.encoding {
            Encoding::Utf8 => {
                if self.bom {
                    out.extend_from_slice(UTF8_BOM);
                }
                out.extend_from_slice(text.as_bytes());
            }
            Encoding::Utf8Lossy => return Err(EncodeError::Lossy { encoding: "UTF-8" }),
            Encoding::Utf16Le | Encoding::Utf16Be => {
                let little = self.encoding == Encoding::Utf16Le;
                let put = |out: &mut Vec<u8>, unit: u16| {
                    out.extend_from_slice(&if little {
                        unit.to_le_bytes()
                    } else {
                        unit.to_be_bytes()
                    });
                };
                if self.bom {
                    put(&mut out, 0xFEFF);
                }
                for unit in text.encode_utf16() {
                    put(&mut out, unit);
                }
            }
            Encoding::Legacy(encoding) => {
                let (bytes, _, unmappable) = encoding.encode(text);
                if unmappable {
                    return Err(EncodeError::Unmappable {
                        encoding: encoding.name(),
                    });
                }
                out.extend_from_slice(&bytes);
            }
        }
        Ok(out)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("the file is read-only")]
    ReadOnly,
    #[error("the file changed on disk while mtlint was fixing it; run again")]
    Changed,
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Replaces the file at `path` with `bytes` atomically: a temporary file in
/// the same directory, given the original's permissions, then renamed over
/// it. A reader sees the old file or the new one, never a part. A symbolic
/// link is followed and its target replaced; the link stays a link.
///
/// `read`: the bytes the fix was made from. If the file no longer holds
/// them (an editor saved it meanwhile), nothing is written.
pub fn write_atomic(path: &Path, bytes: &[u8], read: &[u8]) -> Result<(), WriteError> {
    let mut replacement = Replacement::begin(path)?;
    io::Write::write_all(replacement.file(), bytes)?;
    replacement.commit(|target, before| {
        Ok(before.len() == read.len() as u64 && std::fs::read(target)? == read)
    })
}

/// A file being replaced: the new contents go to a temporary file beside
/// it, which [`Replacement::commit`] renames over it. Dropped without a
/// commit, the temporary file is removed and the file is untouched.
pub struct Replacement {
    target: PathBuf,
    metadata: std::fs::Metadata,
    temp: tempfile::NamedTempFile,
}

impl Replacement {
    pub fn begin(path: &Path) -> Result<Self, WriteError> {
        let target = std::fs::canonicalize(path)?;
        let metadata = std::fs::metadata(&target)?;
        if metadata.permissions().readonly() {
            return Err(WriteError::ReadOnly);
        }
        let dir = target.parent().unwrap_or_else(|| Path::new("."));
        let temp = tempfile::Builder::new()
            .prefix(".mtlint-")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        Ok(Self {
            target,
            metadata,
            temp,
        })
    }

    /// Where the new contents are written.
    pub fn file(&mut self) -> &mut std::fs::File {
        self.temp.as_file_mut()
    }

    /// Renames the new contents over the file, with its permissions and
    /// (where this user may) its owner, if `unchanged(target, metadata
    /// when begun)` says the file still holds what was read.
    pub fn commit(
        self,
        unchanged: impl FnOnce(&Path, &std::fs::Metadata) -> io::Result<bool>,
    ) -> Result<(), WriteError> {
        self.temp.as_file().sync_all()?;
        std::fs::set_permissions(self.temp.path(), self.metadata.permissions())?;
        keep_owner(self.temp.path(), &self.metadata);
        if !unchanged(&self.target, &self.metadata)? {
            return Err(WriteError::Changed);
        }
        self.temp
            .persist(&self.target)
            .map_err(|e| WriteError::Io(e.error))?;
        Ok(())
    }

    /// Whether the file's size and modification time are still those it
    /// had when begun: the check for a file too large to read twice.
    pub fn same_size_and_time(target: &Path, before: &std::fs::Metadata) -> io::Result<bool> {
        let now = std::fs::metadata(target)?;
        Ok(now.len() == before.len() && now.modified().ok() == before.modified().ok())
    }
}

/// Gives the new file the owner and group of the old one where this user
/// may (root may; others may keep their own group). Where it may not, the
/// fixed file belongs to whoever fixed it, as with any editor's save.
#[cfg(unix)]
fn keep_owner(temp: &Path, old: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    if let Ok(new) = std::fs::metadata(temp) {
        if (new.uid(), new.gid()) != (old.uid(), old.gid()) {
            let _ = std::os::unix::fs::chown(temp, Some(old.uid()), Some(old.gid()));
        }
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &Path, _: &std::fs::Metadata) {}

/// Decodes `bytes` into text, or `None` for a binary file.
fn decode(bytes: &[u8]) -> Option<(String, Encoding, bool)> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        let (text, encoding) = decode_utf8(rest);
        return Some((text, encoding, true));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Some((decode_utf16(rest, true), Encoding::Utf16Le, true));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Some((decode_utf16(rest, false), Encoding::Utf16Be, true));
    }
    if memchr_nul(bytes) {
        return utf16_without_bom(bytes).map(|little| {
            let encoding = if little {
                Encoding::Utf16Le
            } else {
                Encoding::Utf16Be
            };
            (decode_utf16(bytes, little), encoding, false)
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some((text.to_owned(), Encoding::Utf8, false)),
        Err(_) => Some(decode_not_utf8(bytes)),
    }
}

fn decode_utf8(bytes: &[u8]) -> (String, Encoding) {
    match String::from_utf8_lossy(bytes) {
        Cow::Borrowed(text) => (text.to_owned(), Encoding::Utf8),
        Cow::Owned(text) => (text, Encoding::Utf8Lossy),
    }
}

fn decode_utf16(bytes: &[u8], little: bool) -> String {
    let units = bytes.chunks(2).map(|pair| {
        let pair = [pair[0], pair.get(1).copied().unwrap_or(0)];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    char::decode_utf16(units)
        .map(|unit| unit.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// UTF-16 text without a BOM has NUL in most high bytes (for Latin and
/// Cyrillic text alike the high byte of most units is 0x00 or 0x04). Returns
/// `Some(true)` for little-endian, `Some(false)` for big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 2 || bytes.len() % 2 != 0 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let pairs = sample.len() / 2;
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
    }
    // A binary file has NULs in both halves; text has them in one only.
    let decisive = |many: usize, few: usize| many * 10 >= pairs * 3 && few * 50 <= pairs;
    if decisive(odd_nul, even_nul) {
        Some(true)
    } else if decisive(even_nul, odd_nul) {
        Some(false)
    } else {
        None
    }
}

/// Bytes that are not valid UTF-8: either UTF-8 with a few damaged
/// sequences, or a legacy code page.
fn decode_not_utf8(bytes: &[u8]) -> (String, Encoding, bool) {
    if mostly_utf8(bytes) {
        let (text, encoding) = decode_utf8(bytes);
        return (text, encoding, false);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), Encoding::Legacy(encoding), false)
}

/// True when the file has valid multi-byte UTF-8 sequences and invalid
/// ones are rare: a UTF-8 file with a damaged spot, not a legacy encoding.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                valid_multibyte += text.bytes().filter(|b| *b >= 0xC0).count();
                break;
            }
            Err(error) => {
                let (good, bad) = rest.split_at(error.valid_up_to());
                valid_multibyte += good.iter().filter(|b| **b >= 0xC0).count();
                invalid += 1;
                let skip = error.error_len().unwrap_or(bad.len()).max(1);
                rest = &bad[skip.min(bad.len())..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    valid_multibyte > 0 && invalid * 4 <= valid_multibyte
}

#[cfg(test)]
mod tests;
