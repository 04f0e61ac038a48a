//! `encoding.replacement-character`: U+FFFD, what a decoder leaves where it
//! met bytes it could not read. The original character is lost, so there is
//! no fix; the editor has to restore it.

use crate::diagnostic::{Category, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct ReplacementCharacter;

static META: RuleMeta = RuleMeta::builtin(
    "encoding.replacement-character",
    Category::Encoding,
    Severity::Error,
    "A replacement character (U+FFFD) where a decoder lost the original character.",
    false,
);

impl Check for ReplacementCharacter {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let text = doc.text;
        let mut search = 0;
        while let Some(found) = text[search..].find('\u{fffd}') {
            let start = search + found;
            let mut end = start;
            let mut count = 0;
            while text[end..].starts_with('\u{fffd}') {
                end += '\u{fffd}'.len_utf8();
                count += 1;
            }
            let what = if count == 1 {
                "A replacement character `\u{fffd}` stands".to_owned()
            } else {
                format!("{count} replacement characters stand")
            };
            cx.report(META.diagnostic(
                TextRange::from_usize(start, end),
                format!("{what} where the original text could not be decoded; it is lost and must be restored by hand"),
            ));
            search = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_flags};

    #[test]
    fn flags_replacement_characters_one_run_at_a_time() {
        assert_flags(
            &ReplacementCharacter,
            "Zelensk\u{fffd} said \u{fffd}\u{fffd}\u{fffd}.",
            &["\u{fffd}", "\u{fffd}\u{fffd}\u{fffd}"],
        );
    }

    #[test]
    fn allows_text_without_them() {
        assert_clean(&ReplacementCharacter, "Zelenska said “yes” — 25 °C, ½.");
    }
}
