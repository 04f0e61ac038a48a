//! `encoding.invisible-character`: a character that shows nothing and does
//! no work where it stands.
//!
//! - a zero-width space, joiner or non-joiner, word joiner, soft hyphen or
//!   stray byte-order mark inside a word: it breaks search and matching;
//! - a variation selector after a character that has no variants (a full
//!   stop, a plain letter, a space), or a second one in a row;
//! - a bidirectional control (a left-to-right mark, an embedding or an
//!   isolate) on a line with no right-to-left script, where it has nothing
//!   to reorder;
//! - an invisible mathematical operator, or tag characters outside an
//!   emoji flag, which can smuggle text a reader never sees.
//!
//! Each is removed by a safe fix: where it stands it changes nothing a
//! reader sees.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct InvisibleCharacter;

static META: RuleMeta = RuleMeta::builtin(
    "encoding.invisible-character",
    Category::Encoding,
    Severity::Warning,
    "An invisible character (zero-width space, variation selector, direction mark) where it does no work.",
    true,
);

/// What an invisible character is, which decides where it may stand.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Flagged inside a word of a script that does not need it.
    InWord,
    /// Flagged after a character with no variation sequences.
    VariationSelector,
    /// Flagged on a line with no right-to-left letter.
    Bidi,
    /// Flagged wherever it stands.
    Always,
    /// Part of an emoji tag sequence (a subdivision flag), or stray.
    Tag,
}

/// The first byte, in UTF-8, of every character [`classify`] knows: the
/// check decodes a character only where one of them stands.
const LEAD_BYTES: [u8; 5] = [0xC2, 0xD8, 0xE2, 0xEF, 0xF3];

fn classify(c: char) -> Option<(Kind, &'static str)> {
    Some(match c {
        '\u{200b}' => (Kind::InWord, "zero-width space"),
        '\u{200c}' => (Kind::InWord, "zero-width non-joiner"),
        '\u{200d}' => (Kind::InWord, "zero-width joiner"),
        '\u{2060}' => (Kind::InWord, "word joiner"),
        '\u{feff}' => (Kind::InWord, "byte-order mark"),
        '\u{ad}' => (Kind::InWord, "soft hyphen"),
        '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}' => {
            (Kind::VariationSelector, "variation selector")
        }
        '\u{200e}' => (Kind::Bidi, "left-to-right mark"),
        '\u{200f}' => (Kind::Bidi, "right-to-left mark"),
        '\u{61c}' => (Kind::Bidi, "Arabic letter mark"),
        '\u{202a}'..='\u{202e}' => (Kind::Bidi, "direction embedding or override"),
        '\u{2066}'..='\u{2069}' => (Kind::Bidi, "direction isolate"),
        '\u{2061}'..='\u{2064}' => (Kind::Always, "invisible mathematical operator"),
        '\u{e0001}' | '\u{e0020}'..='\u{e007f}' => (Kind::Tag, "tag character"),
        _ => return None,
    })
}

/// Letters of the scripts in which a joiner has no job to do. In Arabic,
/// Persian and the Indic scripts the (non-)joiners shape the letters.
fn is_plain_letter(c: char) -> bool {
    c.is_alphanumeric() && matches!(c as u32, 0..=0x24F | 0x370..=0x52F | 0x1E00..=0x1EFF)
}

/// Characters that no variation sequence starts from: spaces, letters of
/// the Latin, Greek and Cyrillic scripts, and ASCII punctuation other than
/// the keycap bases `#` and `*`. Digits are left out (`1️⃣`, and the
/// standardized zero with a slash), as is every symbol, since emoji and
/// mathematical symbols take selectors.
fn takes_no_variant(c: char) -> bool {
    c.is_whitespace()
        || (c.is_ascii_punctuation() && !matches!(c, '#' | '*'))
        || (is_plain_letter(c) && !c.is_ascii_digit())
}

/// Whether the line around `at` has a letter of a right-to-left script,
/// for which direction marks are needed.
fn has_rtl(line: &str) -> bool {
    line.chars().any(|c| {
        matches!(c as u32, 0x590..=0x8FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
    })
}

fn line_at(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// Why the character at `start` does no work, or `None` when it may.
fn stray(text: &str, start: usize, c: char, kind: Kind) -> Option<&'static str> {
    let end = start + c.len_utf8();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    match kind {
        Kind::InWord => {
            let inside_word =
                before.is_some_and(is_plain_letter) && after.is_some_and(is_plain_letter);
            // A byte-order mark is never text after the start of the file.
            if inside_word {
                Some("hides inside the word; it breaks search and matching")
            } else if c == '\u{feff}' && start > 0 {
                Some("stands inside the text, where it is no mark of the encoding")
            } else {
                None
            }
        }
        Kind::VariationSelector => match before {
            None => Some("starts the text, with nothing to select a variant of"),
            Some(b) if classify(b).is_some_and(|(k, _)| k == Kind::VariationSelector) => {
                Some("follows another one; only one can apply")
            }
            Some(b) if takes_no_variant(b) => {
                Some("follows a character that has no variants; it does nothing")
            }
            Some(_) => None,
        },
        Kind::Bidi => (!has_rtl(line_at(text, start))).then_some(
            "stands on a line with no right-to-left text, where it has nothing to reorder",
        ),
        Kind::Always => Some("has no place in prose; it hides from the reader and breaks search"),
        Kind::Tag => {
            // A subdivision flag: a black flag, tag letters, then the
            // cancel tag U+E007F.
            let mut back = text[..start].chars().rev();
            let base = back.find(|&p| !matches!(p, '\u{e0020}'..='\u{e007e}'));
            (base != Some('\u{1f3f4}'))
                .then_some("stands outside an emoji flag; tags can carry text a reader never sees")
        }
    }
}

impl Check for InvisibleCharacter {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let text = doc.text;
        if text.is_ascii() {
            return;
        }
        for (start, &byte) in text.as_bytes().iter().enumerate() {
            if !LEAD_BYTES.contains(&byte) {
                continue;
            }
            let Some(c) = text[start..].chars().next() else {
                continue;
            };
            let Some((kind, what)) = classify(c) else {
                continue;
            };
            let Some(why) = stray(text, start, c, kind) else {
                continue;
            };
            // A soft hyphen in `OceanĂ­a` is a byte of mojibake, which
            // encoding.mojibake repairs whole.
            if doc
                .mojibake()
                .iter()
                .any(|m| (m.start..m.end).contains(&start))
            {
                continue;
            }
            let range = TextRange::from_usize(start, start + c.len_utf8());
            cx.report(
                META.diagnostic(
                    range,
                    format!("An invisible {what} (U+{:04X}) {why}", c as u32),
                )
                .with_fix(Fix::safe(
                    format!("Remove the {what}"),
                    vec![Edit::delete(range)],
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes};

    #[test]
    fn every_character_classified_starts_with_a_lead_byte() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if classify(c).is_some() {
                let first = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
                assert!(LEAD_BYTES.contains(&first), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn flags_invisible_characters_inside_words() {
        assert_fixes(
            &InvisibleCharacter,
            "Zelen\u{200b}sky said",
            "Zelensky said",
        );
        assert_fixes(&InvisibleCharacter, "Ки\u{ad}їв", "Київ");
        assert_fixes(&InvisibleCharacter, "one \u{feff}two", "one two");
    }

    #[test]
    fn allows_joiners_where_they_belong() {
        for text in [
            "\u{feff}A file that starts with a byte-order mark",
            "A family emoji 👨\u{200d}👩\u{200d}👧 is joined",
            "Persian نمی\u{200c}خواهم keeps its non-joiner",
            "A break\u{200b} between words is harmless",
        ] {
            assert_clean(&InvisibleCharacter, text);
        }
    }

    #[test]
    fn flags_variation_selectors_with_nothing_to_select() {
        assert_fixes(
            &InvisibleCharacter,
            "the talks ended.\u{fe0f} Then",
            "the talks ended. Then",
        );
        assert_fixes(&InvisibleCharacter, "Kyi\u{fe0e}v", "Kyiv");
        assert_fixes(
            &InvisibleCharacter,
            "a heart ❤\u{fe0f}\u{fe0f} here",
            "a heart ❤\u{fe0f} here",
        );
        assert_fixes(&InvisibleCharacter, "\u{fe0f}Start", "Start");
    }

    #[test]
    fn allows_variation_selectors_that_select() {
        for text in [
            "a red heart ❤\u{fe0f} and a text heart ❤\u{fe0e}",
            "press 1\u{fe0f}\u{20e3} or #\u{fe0f}\u{20e3}",
            "the mark ™\u{fe0f} and ©\u{fe0f}",
            "an ideographic variant 葛\u{e0100} in a name",
            "a sign ⚠\u{fe0f} Warning",
        ] {
            assert_clean(&InvisibleCharacter, text);
        }
    }

    #[test]
    fn flags_direction_marks_in_left_to_right_text() {
        assert_fixes(&InvisibleCharacter, "Kyiv\u{200e} said", "Kyiv said");
        assert_fixes(
            &InvisibleCharacter,
            "a \u{202e}reversed\u{202c} word",
            "a reversed word",
        );
        assert_fixes(&InvisibleCharacter, "x\u{2062}y", "xy");
    }

    #[test]
    fn allows_direction_marks_beside_right_to_left_text() {
        for text in [
            "The name שלום\u{200f} (Shalom) was given",
            "He wrote \u{2067}مرحبا\u{2069} in the margin",
        ] {
            assert_clean(&InvisibleCharacter, text);
        }
    }

    #[test]
    fn flags_tags_outside_a_flag() {
        assert_fixes(
            &InvisibleCharacter,
            "hi\u{e0068}\u{e0069} there",
            "hi there",
        );
        assert_clean(
            &InvisibleCharacter,
            "Scotland 🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f} won",
        );
    }
}
