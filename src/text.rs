//! Byte positions in an article's text, and the line index that turns them
//! into lines and columns.
//!
//! Everything inside mtlint speaks in byte offsets into the decoded UTF-8
//! text (`TextSize`, `TextRange`). Lines, columns in Unicode scalar values
//! and UTF-16 columns are computed only when a diagnostic is written out,
//! through [`LineIndex`], so no rule ever stores or counts characters.

use std::fmt;
use std::ops::Range;

/// A byte offset into a text. Always on a `char` boundary of the text it
/// was made for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextSize(u32);

impl TextSize {
    pub const fn new(offset: u32) -> Self {
        Self(offset)
    }

    /// The offset of `usize`. Texts are capped at `u32::MAX` bytes when they
    /// are read (see `source`), so this cannot truncate for a real document.
    pub fn from_usize(offset: usize) -> Self {
        Self(u32::try_from(offset).unwrap_or(u32::MAX))
    }

    pub const fn to_u32(self) -> u32 {
        self.0
    }

    pub const fn to_usize(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Display for TextSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A half-open byte range `start..end` into a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextRange {
    start: TextSize,
    end: TextSize,
}

impl TextRange {
    /// A range from `start` to `end`. Panics if `start > end`, which is a
    /// bug in the caller, never a property of the input.
    pub fn new(start: TextSize, end: TextSize) -> Self {
        assert!(start <= end, "range start {start} after end {end}");
        Self { start, end }
    }

    pub fn from_usize(start: usize, end: usize) -> Self {
        Self::new(TextSize::from_usize(start), TextSize::from_usize(end))
    }

    pub fn empty(at: TextSize) -> Self {
        Self { start: at, end: at }
    }

    pub const fn start(self) -> TextSize {
        self.start
    }

    pub const fn end(self) -> TextSize {
        self.end
    }

    pub fn len(self) -> usize {
        (self.end.0 - self.start.0) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two ranges share at least one byte, or when an empty
    /// range sits strictly inside the other (two insertions at one point
    /// also overlap: their order would be ambiguous).
    pub fn overlaps(self, other: TextRange) -> bool {
        match (self.is_empty(), other.is_empty()) {
            (true, true) => return self.start == other.start,
            (true, false) => return other.start < self.start && self.start < other.end,
            (false, true) => return self.start < other.start && other.start < self.end,
            (false, false) => {}
        }
        self.start < other.end && other.start < self.end
    }

    pub fn shifted(self, by: u32) -> Self {
        Self {
            start: TextSize(self.start.0 + by),
            end: TextSize(self.end.0 + by),
        }
    }

    pub fn to_std(self) -> Range<usize> {
        self.start.to_usize()..self.end.to_usize()
    }
}

impl From<Range<usize>> for TextRange {
    fn from(range: Range<usize>) -> Self {
        Self::from_usize(range.start, range.end)
    }
}

/// Whether `text[start..end]` stands as whole words: no letter or digit
/// touches it on either side.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !word(text[..start].chars().next_back()) && !word(text[end..].chars().next())
}

/// A position as the contract writes it: 1-based line, 1-based column in
/// Unicode scalar values, 0-based column in UTF-16 code units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineColumn {
    pub line: u32,
    pub column: u32,
    pub utf16: u32,
}

/// Where each line of a text starts. Lines end at `\n`, `\r\n` or a lone
/// `\r`, the three line endings the Language Server Protocol knows.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<TextSize>,
    ascii: bool,
    /// For text that is not ASCII: every [`CHECKPOINT`] bytes, the byte
    /// offset (a char boundary) with the chars and UTF-16 units before it,
    /// so that a column on a long line costs at most two short counts.
    checkpoints: Vec<(u32, u32, u32)>,
}

/// The spacing of [`LineIndex`]'s checkpoints, in bytes.
const CHECKPOINT: usize = 4096;

/// (chars, UTF-16 units) in `text`.
fn count_units(text: &str) -> (u32, u32) {
    text.chars()
        .fold((0, 0), |(c, u), ch| (c + 1, u + ch.len_utf16() as u32))
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = Vec::with_capacity(bytes.len() / 64 + 1);
        line_starts.push(TextSize(0));
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(TextSize::from_usize(i + 1)),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(TextSize::from_usize(i + 1));
                }
                _ => {}
            }
            i += 1;
        }
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii && text.len() > CHECKPOINT {
            let (mut at, mut chars, mut utf16) = (0usize, 0u32, 0u32);
            checkpoints.push((0, 0, 0));
            while at + CHECKPOINT < text.len() {
                let mut next = at + CHECKPOINT;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                let (c, u) = count_units(&text[at..next]);
                chars += c;
                utf16 += u;
                at = next;
                checkpoints.push((at as u32, chars, utf16));
            }
        }
        Self {
            line_starts,
            ascii,
            checkpoints,
        }
    }

    /// (chars, UTF-16 units) before `offset` in the whole text.
    fn units_before(&self, offset: usize, text: &str) -> (u32, u32) {
        let k = self
            .checkpoints
            .partition_point(|&(at, ..)| at as usize <= offset)
            .saturating_sub(1);
        let (at, chars, utf16) = self.checkpoints.get(k).copied().unwrap_or((0, 0, 0));
        let (c, u) = count_units(text.get(at as usize..offset).unwrap_or(""));
        (chars + c, utf16 + u)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 0-based line that holds `offset`.
    pub fn line_of(&self, offset: TextSize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> TextSize {
        self.line_starts[line]
    }

    /// The range of the 0-based `line`, without its line ending.
    pub fn line_range(&self, line: usize, text: &str) -> TextRange {
        let start = self.line_starts[line];
        let mut end = self
            .line_starts
            .get(line + 1)
            .map_or(text.len(), |next| next.to_usize());
        let bytes = text.as_bytes();
        if end > start.to_usize() && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start.to_usize() && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        TextRange::new(start, TextSize::from_usize(end))
    }

    /// Line and columns of `offset`, which must be a char boundary of `text`.
    pub fn line_column(&self, offset: TextSize, text: &str) -> LineColumn {
        let line = self.line_of(offset);
        let start = self.line_starts[line].to_usize();
        let end = offset.to_usize().min(text.len());
        let (column, utf16) = if self.ascii {
            let n = (end - start) as u32;
            (n, n)
        } else if end - start <= CHECKPOINT || self.checkpoints.is_empty() {
            count_units(text.get(start..end).unwrap_or(""))
        } else {
            // A long line: counted from the checkpoints, not from its start.
            let (c0, u0) = self.units_before(start, text);
            let (c1, u1) = self.units_before(end, text);
            (c1 - c0, u1 - u0)
        };
        LineColumn {
            line: line as u32 + 1,
            column: column + 1,
            utf16,
        }
    }
}

/// Writes `word` in lower case into `out`, replacing what it held: a buffer
/// reused for every word of a text, with a fast path for ASCII.
pub fn lowercase_into(out: &mut String, word: &str) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// `c.is_alphabetic()`, answered from a few ranges for the characters
/// news is mostly written in (ASCII, Latin to Latin Extended-B, basic
/// Cyrillic, general punctuation), and by the standard library's table
/// search for the rest. That search costs a few hundred instructions a
/// character, and the rules that count an article's letters ask it of
/// every curly quote and Cyrillic letter.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\x7F' => false,
        '\u{AA}' | '\u{B5}' | '\u{BA}' => true,
        '\u{80}'..='\u{BF}' | '\u{D7}' | '\u{F7}' => false,
        '\u{C0}'..='\u{24F}' | '\u{400}'..='\u{481}' => true,
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphabetic(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast ranges answer as the standard library does, for every
    /// character there is.
    #[test]
    fn is_alphabetic_is_the_standard_librarys() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{:X}", c as u32);
        }
    }

    #[test]
    fn columns_on_a_long_line_agree_with_counting_from_its_start() {
        let text: String = "ab 😀 Київ é x ".repeat(2000) + "\nend é😀\n";
        let index = LineIndex::new(&text);
        assert!(index.checkpoints.len() > 10);
        for (offset, _) in text.char_indices().step_by(97) {
            let pos = index.line_column(TextSize::from_usize(offset), &text);
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let (c, u) = count_units(&text[line_start..offset]);
            assert_eq!((pos.column, pos.utf16), (c + 1, u), "at {offset}");
        }
    }

    #[test]
    fn counts_columns_in_scalars_and_utf16_units() {
        let text = "ab\ncé😀x\n";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        let pos = index.line_column(TextSize::from_usize(x), text);
        assert_eq!(
            pos,
            LineColumn {
                line: 2,
                column: 4,
                utf16: 4
            }
        );
    }

    #[test]
    fn treats_crlf_and_lone_cr_as_one_line_break_each() {
        let text = "a\r\nb\rc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        let d = text.find('d').unwrap();
        assert_eq!(index.line_column(TextSize::from_usize(d), text).line, 4);
        assert_eq!(index.line_range(0, text).to_std(), 0..1);
        assert_eq!(index.line_range(1, text).to_std(), 3..4);
    }

    #[test]
    fn overlap_treats_touching_ranges_as_separate() {
        let a = TextRange::from_usize(0, 3);
        let b = TextRange::from_usize(3, 5);
        assert!(!a.overlaps(b));
        assert!(a.overlaps(TextRange::from_usize(2, 4)));
        let insert = TextRange::from_usize(3, 3);
        assert!(!a.overlaps(insert));
        assert!(insert.overlaps(insert));
    }
}
