//! `encoding.control-character`: a control character in the text (C0 other
//! than tab and line breaks, DEL, C1), left by a broken conversion or a
//! scraper. Nothing printable is lost by removing one, except for a C1
//! control that stands for a character of Windows-1252: text in that code
//! page decoded as Latin-1 turns its quotes, dashes and ellipses into C1
//! controls (`\u{93}próximo\u{94}`), and the fix puts them back (`“próximo”`),
//! as ftfy does. The fix is safe, except for U+0085, which some old
//! systems wrote for a line break and Windows-1252 reads as `…`.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::mojibake::CodePage;
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

/// The character of Windows-1252 that a C1 control stands for, when the
/// code page defines one (it leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D out).
fn windows_1252(c: char) -> Option<char> {
    let byte = u8::try_from(u32::from(c))
        .ok()
        .filter(|b| (0x80..=0x9F).contains(b))?;
    Some(CodePage::Windows1252.decode_byte(byte)).filter(|meant| !meant.is_control())
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
            if let Some(meant) = windows_1252(c) {
                let diagnostic = META.diagnostic(
                    range,
                    format!("The control character {code} stands for `{meant}`: Windows-1252 text was decoded as Latin-1"),
                );
                let description = format!("Replace {code} with `{meant}`");
                let edit = vec![Edit::replace(range, meant.to_string())];
                let fix = if c == '\u{85}' {
                    Fix::unsafe_(description, edit)
                } else {
                    Fix::safe(description, edit)
                };
                cx.report(diagnostic.with_fix(fix));
                continue;
            }
            let diagnostic = META.diagnostic(
                range,
                format!("The control character {code} is not text; a broken conversion or a scraper left it"),
            );
            // Form feed and vertical tab meant a line break.
            let fix = if matches!(c, '\u{b}' | '\u{c}') {
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
    use crate::diagnostic::Safety;
    use crate::rules::test::{assert_clean, assert_fixes, assert_flags, diagnostics};

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
    fn puts_back_what_windows_1252_meant() {
        assert_fixes(
            &ControlCharacter,
            "she said \u{93}no\u{94} \u{96} twice\u{99}",
            "she said “no” – twice™",
        );
        // U+0085 is `…` or a line break: the fix is unsafe.
        assert_fixes(&ControlCharacter, "wait\u{85}", "wait…");
        let found = diagnostics(&ControlCharacter, "wait\u{85}");
        assert_eq!(
            found[0].fix.as_ref().map(|f| f.safety),
            Some(Safety::Unsafe)
        );
        // 0x9D is not in Windows-1252: the control goes.
        assert_fixes(&ControlCharacter, "a\u{9d}b", "ab");
    }

    #[test]
    fn allows_tabs_line_breaks_and_mojibake_bytes() {
        assert_clean(&ControlCharacter, "a\tb\r\nc\nd");
        // U+0081 is a byte of the mojibake of `Á`, left to encoding.mojibake.
        assert_clean(&ControlCharacter, "Ã\u{81}lvaro said");
    }
}
