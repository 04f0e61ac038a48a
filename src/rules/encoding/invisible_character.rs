//! `encoding.invisible-character`: a zero-width or invisible character
//! inside a word (zero-width space, joiner or non-joiner, word joiner, soft
//! hyphen, a stray byte-order mark). It breaks search and matching of the
//! word and shows nothing.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct InvisibleCharacter;

static META: RuleMeta = RuleMeta::builtin(
    "encoding.invisible-character",
    Category::Encoding,
    Severity::Warning,
    "An invisible character (zero-width space or joiner, soft hyphen) inside a word.",
    true,
);

fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200b}' => "zero-width space",
        '\u{200c}' => "zero-width non-joiner",
        '\u{200d}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{feff}' => "byte-order mark",
        '\u{ad}' => "soft hyphen",
        _ => return None,
    })
}

/// Letters of the scripts in which a joiner has no job to do. In Arabic,
/// Persian and the Indic scripts the (non-)joiners shape the letters.
fn is_plain_letter(c: char) -> bool {
    c.is_alphanumeric() && matches!(c as u32, 0..=0x24F | 0x370..=0x52F | 0x1E00..=0x1EFF)
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
        for (start, c) in text.char_indices() {
            let Some(what) = name(c) else {
                continue;
            };
            let end = start + c.len_utf8();
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let inside_word =
                before.is_some_and(is_plain_letter) && after.is_some_and(is_plain_letter);
            // A byte-order mark is never text after the start of the file.
            if !(inside_word || (c == '\u{feff}' && start > 0)) {
                continue;
            }
            let range = TextRange::from_usize(start, end);
            cx.report(
                META.diagnostic(
                    range,
                    format!("An invisible {what} (U+{:04X}) hides inside the word; it breaks search and matching", c as u32),
                )
                .with_fix(Fix::safe(format!("Remove the {what}"), vec![Edit::delete(range)])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes};

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
}
