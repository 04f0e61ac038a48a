//! Byte offsets ↔ LSP positions, in the encoding the client and server
//! agreed on at initialisation.

use lsp_types::{Position, PositionEncodingKind, Range};

use crate::text::{LineIndex, TextRange, TextSize};

/// What a position's `character` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes of UTF-8: no conversion at all. Used when the client offers it.
    Utf8,
    /// UTF-16 code units: the protocol's default, which every client knows.
    Utf16,
}

impl Encoding {
    /// UTF-8 if the client lists it, else the mandatory UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// A text with its line index, for conversions both ways.
pub struct Lines<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub encoding: Encoding,
}

impl Lines<'_> {
    pub fn position(&self, offset: TextSize) -> Position {
        let line = self.index.line_of(offset);
        let character = match self.encoding {
            Encoding::Utf8 => offset.to_usize() - self.index.line_start(line).to_usize(),
            Encoding::Utf16 => self.index.line_column(offset, self.text).utf16 as usize,
        };
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, range: TextRange) -> Range {
        Range::new(self.position(range.start()), self.position(range.end()))
    }

    /// The byte offset of `position`. As the protocol asks, a character past
    /// the end of its line means the end of the line, and a line past the
    /// end of the text means the end of the text. A position inside a
    /// character (between the halves of a surrogate pair, or inside a UTF-8
    /// sequence) is moved back to the character's start.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.index.line_count() {
            return self.text.len();
        }
        let span = self.index.line_range(line, self.text);
        let content = &self.text[span.to_std()];
        let wanted = position.character as usize;
        let within = match self.encoding {
            Encoding::Utf8 => {
                let mut at = wanted.min(content.len());
                while !content.is_char_boundary(at) {
                    at -= 1;
                }
                at
            }
            Encoding::Utf16 => {
                let mut units = 0;
                let mut at = content.len();
                for (i, ch) in content.char_indices() {
                    units += ch.len_utf16();
                    if units > wanted {
                        at = i;
                        break;
                    }
                }
                at
            }
        };
        span.start().to_usize() + within
    }

    pub fn offsets(&self, range: Range) -> std::ops::Range<usize> {
        let start = self.offset(range.start);
        let end = self.offset(range.end).max(start);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, encoding: Encoding, f: impl FnOnce(&Lines)) {
        let index = LineIndex::new(text);
        f(&Lines {
            text,
            index: &index,
            encoding,
        });
    }

    #[test]
    fn converts_both_ways_in_utf16_and_utf8() {
        let text = "a😀é\r\nx\rend";
        let e = text.find('é').unwrap();
        lines(text, Encoding::Utf16, |l| {
            assert_eq!(l.position(TextSize::from_usize(e)), Position::new(0, 3));
            assert_eq!(l.offset(Position::new(0, 3)), e);
            // Between the halves of the emoji: back to its start.
            assert_eq!(l.offset(Position::new(0, 2)), 1);
            assert_eq!(l.offset(Position::new(2, 1)), text.find("nd").unwrap());
        });
        lines(text, Encoding::Utf8, |l| {
            assert_eq!(l.position(TextSize::from_usize(e)), Position::new(0, 5));
            assert_eq!(l.offset(Position::new(0, 5)), e);
            assert_eq!(l.offset(Position::new(0, 3)), 1, "inside the emoji");
        });
    }

    #[test]
    fn positions_past_a_line_or_the_text_clamp() {
        let text = "ab\r\ncd";
        lines(text, Encoding::Utf16, |l| {
            assert_eq!(l.offset(Position::new(0, 99)), 2, "before the CRLF");
            assert_eq!(l.offset(Position::new(7, 0)), text.len());
            assert_eq!(
                l.offsets(Range::new(Position::new(1, 1), Position::new(0, 0))),
                5..5
            );
        });
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            Encoding::Utf16
        );
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
