//! Finding and reversing mojibake: text whose bytes were decoded with the
//! wrong code page.
//!
//! Two kinds are handled:
//!
//! - **UTF-8 read as a single-byte code page** (`â€™` for `’`, `РєР°РЅР°Р»`
//!   for `канал`), once or more. Each character of the damaged text maps back
//!   to one byte of that code page; runs of those bytes that form valid UTF-8
//!   sequences are the repair. Translation engines often put spaces around
//!   the characters they take for punctuation (`Р ° РЅ`); those spaces sit
//!   inside a UTF-8 sequence, where no space can be, and are taken out.
//! - **A single-byte text read with another single-byte code page**
//!   (`Ïðèâåò` for `Привет`, Windows-1251 read as Windows-1252).
//!
//! Nothing here decides from a list of known damaged words. A candidate is
//! kept only when the text as written is unlikely (characters that do not
//! meet inside a word) and the repair is plausible: common characters only,
//! one script per word. See [`find`].

mod atoms;
mod codepage;
mod script;
mod single_byte;
#[cfg(test)]
mod tests;
mod utf8;

use std::fmt;

pub use codepage::CodePage;
pub use script::{script, Script};
use single_byte::find_single_byte_in_line;
use utf8::find_utf8_in_line;

/// How the damage came about: what the bytes were and how they were read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chain {
    /// UTF-8 read as these code pages in turn (two for double encoding).
    Utf8As(Vec<CodePage>),
    /// A text in the first code page read as the second.
    SingleByte { was: CodePage, read_as: CodePage },
}

impl Chain {
    /// The code page the damage started with.
    pub fn first_page(&self) -> CodePage {
        match self {
            Chain::Utf8As(pages) => pages[0],
            Chain::SingleByte { read_as, .. } => *read_as,
        }
    }
}

impl fmt::Display for Chain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Chain::Utf8As(pages) => {
                f.write_str("UTF-8 read as ")?;
                let first = pages[0];
                if pages.iter().all(|&p| p == first) && pages.len() > 1 {
                    let times = match pages.len() {
                        2 => "twice",
                        3 => "three times",
                        _ => "repeatedly",
                    };
                    return write!(f, "{}, {times}", first.name());
                }
                for (i, page) in pages.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", then as ")?;
                    }
                    f.write_str(page.name())?;
                }
                Ok(())
            }
            Chain::SingleByte { was, read_as } => {
                write!(f, "{} text read as {}", was.name(), read_as.name())
            }
        }
    }
}

/// One stretch of mojibake and its repair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Byte range in the searched text.
    pub start: usize,
    pub end: usize,
    pub repaired: String,
    pub chain: Chain,
    /// True when the repair is certain: every character maps back to one
    /// byte and nothing had to be guessed (no translator spaces moved or
    /// removed between characters).
    pub exact: bool,
}

/// Whether a text could hold mojibake at all: any character outside ASCII.
/// Most English news text fails this at memchr speed.
pub fn may_contain(text: &str) -> bool {
    !text.is_ascii()
}

/// Every stretch of mojibake in `text`, in order, not overlapping.
pub fn find(text: &str) -> Vec<Finding> {
    if !may_contain(text) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for line in split_lines(text) {
        let slice = &text[line.clone()];
        if slice.is_ascii() {
            continue;
        }
        let mut in_line = find_utf8_in_line(slice, false);
        let single: Vec<Finding> = find_single_byte_in_line(slice)
            .into_iter()
            .filter(|s| !in_line.iter().any(|f| f.start < s.end && s.start < f.end))
            .collect();
        in_line.extend(single);
        in_line.sort_by_key(|f| f.start);
        found.extend(in_line.into_iter().map(|mut f| {
            f.start += line.start;
            f.end += line.start;
            f
        }));
    }
    found
}

fn split_lines(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let range = start..start + line.len();
        start += line.len();
        range
    })
}
