//! Whether a repair reads as real text: the script of each letter and the
//! characters that turn up in real text.

use crate::text::is_alphabetic;

/// The scripts a letter can belong to, coarsely.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Other,
}

impl Script {
    pub fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Other => "other",
        }
    }
}

/// The script of a letter, or `None` for anything that is not one.
pub fn script(c: char) -> Option<Script> {
    if !is_alphabetic(c) {
        return None;
    }
    Some(match c {
        'A'..='Z'
        | 'a'..='z'
        | '\u{c0}'..='\u{d6}'
        | '\u{d8}'..='\u{f6}'
        | '\u{f8}'..='\u{24f}'
        | '\u{1e00}'..='\u{1eff}' => Script::Latin,
        '\u{400}'..='\u{52f}'
        | '\u{1c80}'..='\u{1c8f}'
        | '\u{2de0}'..='\u{2dff}'
        | '\u{a640}'..='\u{a69f}' => Script::Cyrillic,
        '\u{370}'..='\u{3ff}' | '\u{1f00}'..='\u{1fff}' => Script::Greek,
        _ => Script::Other,
    })
}

/// A character that turns up in real text: letters of the common
/// alphabets, general punctuation, currency and common symbols, CJK, emoji
/// and dingbats, technical symbols and box drawing, the `ﬁ` ligatures, and
/// `�`, which marks a byte a decoder
/// lost and which a repair keeps.
/// Archaic letters, rare extensions, combining marks and controls are not.
fn is_common(c: char) -> bool {
    let u = c as u32;
    c.is_ascii()
        || matches!(u,
            0xA0..=0xFF
            | 0x100..=0x131 | 0x134..=0x148 | 0x14A..=0x17E
            | 0x18F | 0x192 | 0x1A0 | 0x1A1 | 0x1AF | 0x1B0 | 0x1CD..=0x1D4
            | 0x218..=0x21B | 0x259
            | 0x2BC | 0x2C6 | 0x2D8..=0x2DD
            | 0x386 | 0x388..=0x38A | 0x38C | 0x38E..=0x3A1 | 0x3A3..=0x3CE
            | 0x400..=0x45F | 0x490..=0x493 | 0x49A | 0x49B | 0x4A2 | 0x4A3
            | 0x4AE..=0x4B1 | 0x4BA | 0x4BB | 0x4D8 | 0x4D9 | 0x4E8 | 0x4E9
            | 0x5D0..=0x5EA | 0x5F3 | 0x5F4
            | 0x60C | 0x61B | 0x61F | 0x621..=0x64A | 0x660..=0x669 | 0x67E | 0x686
            | 0x698 | 0x6A9 | 0x6AF | 0x6CC
            | 0x905..=0x939 | 0x93E..=0x94D
            | 0x1EA0..=0x1EF9
            | 0x2010..=0x2022 | 0x2026 | 0x2030 | 0x2032 | 0x2033 | 0x2039 | 0x203A
            | 0x20AC | 0x20B4 | 0x20B8 | 0x20BD | 0x2116 | 0x2122 | 0x2190..=0x2193
            | 0x2212 | 0x2264 | 0x2265
            | 0x3001..=0x3002 | 0x3041..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3
            | 0xFF01..=0xFF5E
            | 0xB82..=0xBCD | 0xE01..=0xE3A | 0xE40..=0xE4E
            | 0x200D | 0x20E3 | 0x2300..=0x23FF | 0x2500..=0x259F | 0x2600..=0x27BF
            | 0x2B50 | 0x2B55
            | 0xFB00..=0xFB06 | 0xFE0F | 0xFFFD
            | 0x1F300..=0x1FAFF)
}

/// Whether a repaired text reads as real text: common characters only,
/// one script per word, and no C1 control.
pub(super) fn plausible(text: &str) -> bool {
    // A combining mark needs a character to sit on that has no precomposed
    // form with it: a digit or a symbol (`6̶` for a struck-out digit), not
    // a letter or a space. A repair may start with one: it sits on the
    // character before the repaired span.
    let mut before = '\0';
    for c in text.chars() {
        let mark_on_base =
            matches!(c as u32, 0x300..=0x36F) && !before.is_whitespace() && !is_alphabetic(before);
        if !is_common(c) && !mark_on_base {
            return false;
        }
        before = c;
    }
    text.split_whitespace().all(|word| {
        let mut scripts = word.chars().filter_map(script);
        match scripts.next() {
            None => true,
            Some(first) => scripts.all(|s| s == first),
        }
    })
}
