//! `encoding.control-character`: a control character in the text (C0 other
//! than tab and line breaks, DEL, C1), left by a broken conversion or a
//! scraper. Nothing printable is lost by removing one.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct ControlCharacter;

static META: RuleMeta = RuleMeta::builtin(
    "encoding.control-character",
    Category::Encoding,
    Severity::Warning,
    "A control character (other than tab and line breaks) in the text.",
    true,
);

fn is_flagged(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

impl Check for ControlCharacter {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let text = doc.text;
        if !text.contains(is_flagged) {
            return;
        }
        // A C1 control inside mojibake is a byte of it; encoding.mojibake
        // repairs it with the rest.
        let damaged = doc.mojibake();
        for (start, c) in text.char_indices().filter(|&(_, c)| is_flagged(c)) {
            if damaged.iter().any(|f| (f.start..f.end).contains(&start)) {
                continue;
            }
            let range = TextRange::from_usize(start, start + c.len_utf8());
            let code = format!("U+{:04X}", c as u32);
            let diagnostic = META.diagnostic(
                range,
                format!("The control character {code} is not text; a broken conversion or a scraper left it"),
            );
            // Form feed, vertical tab and NEL meant a line break.
            let fix = if matches!(c, '\u{b}' | '\u{c}' | '\u{85}') {
                Fix::unsafe_(
                    format!("Replace {code} with a line break"),
                    vec![Edit::replace(range, "\n")],
                )
            } else {
                Fix::safe(format!("Remove {code}"), vec![Edit::delete(range)])
            };
            cx.report(diagnostic.with_fix(fix));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes, assert_flags};

    #[test]
    fn flags_controls() {
        assert_fixes(
            &ControlCharacter,
            "Kyiv\u{0} said\u{1b} no\u{7f}.",
            "Kyiv said no.",
        );
        assert_flags(&ControlCharacter, "one\u{c}two\u{85}", &["\u{c}", "\u{85}"]);
    }

    #[test]
    fn allows_tabs_line_breaks_and_mojibake_bytes() {
        assert_clean(&ControlCharacter, "a\tb\r\nc\nd");
        // U+0081 is a byte of the mojibake of `Á`, left to encoding.mojibake.
        assert_clean(&ControlCharacter, "Ã\u{81}lvaro said");
    }
}
