//! Which script a letter is written in.

/// A letter of the Latin script: ASCII, Latin-1, Latin Extended-A and -B,
/// and Latin Extended Additional (Vietnamese).
pub fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF)
}
