//! `encoding.control-character`: a control character in the text (C0 other
//! than tab and line breaks, DEL, C1), left by a broken conversion or a
//! scraper. Nothing printable is lost by removing one, except for a C1
//! control that stands for a character of Windows-1252: text in that code
//! page decoded as Latin-1 turns its quotes, dashes and ellipses into C1
//! controls (`\u{93}próximo\u{94}`), and the fix puts them back (`“próximo”`),
//! as ftfy does. The fix is safe, except for U+0085, which some old
//! systems wrote for a line break and Windows-1252 reads as `…`. Inside a
//! word, where Windows-1252 gives a symbol or an apostrophe before no
//! contraction, the control is a Mac OS Roman letter (`tur\u{92}stico` for
//! `turístico`), and the line's other controls follow; that fix is unsafe.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::mojibake::CodePage;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::{is_alphabetic, TextRange};

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

/// The letter of Mac OS Roman that a C1 control stands for: a Mac text
/// decoded as Latin-1 (`tur\u{92}stico` for `turístico`).
fn mac_roman(c: char) -> Option<char> {
    let byte = u8::try_from(u32::from(c))
        .ok()
        .filter(|b| (0x80..=0x9F).contains(b))?;
    Some(CodePage::MacRoman.decode_byte(byte)).filter(|meant| is_alphabetic(*meant))
}

/// Whether the letters after an apostrophe make an English contraction
/// or possessive (`don’t`, `it’s`, `we’re`).
fn is_contraction(after: &str) -> bool {
    let tail: String = after.chars().take_while(|c| is_alphabetic(*c)).collect();
    matches!(
        tail.to_lowercase().as_str(),
        "t" | "s" | "re" | "ve" | "ll" | "d" | "m"
    )
}

/// Which code page a C1 control between two letters came from. `Some(true)`:
/// only Mac OS Roman makes a word of it (Windows-1252 puts a symbol inside
/// the word: `Coatl\u{87}n`, or an apostrophe before no contraction:
/// `conf\u{92}an`). `Some(false)`: Windows-1252 does (`don\u{92}t`,
/// or the control is not inside a word). `None`: both make a letter.
fn mac_vote(text: &str, start: usize, c: char) -> Option<bool> {
    let end = start + c.len_utf8();
    let inside = text[..start].chars().next_back().is_some_and(is_alphabetic)
        && text[end..].chars().next().is_some_and(is_alphabetic);
    if !inside || mac_roman(c).is_none() {
        return Some(false);
    }
    match windows_1252(c) {
        Some('’') => Some(!is_contraction(&text[end..])),
        Some(meant) if is_alphabetic(meant) => None,
        Some(_) => Some(true),
        // A byte Windows-1252 leaves out proves nothing on its own.
        None => None,
    }
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
        let controls: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(start, c)| {
                is_flagged(c) && !damaged.iter().any(|f| (f.start..f.end).contains(&start))
            })
            .collect();
        // A line is in one code page: one control that only Mac OS Roman
        // explains decides the ambiguous ones beside it.
        let line_of = |at: usize| text[..at].matches('\n').count();
        let mac_lines: Vec<usize> = controls
            .iter()
            .filter(|&&(start, c)| mac_vote(text, start, c) == Some(true))
            .map(|&(start, _)| line_of(start))
            .collect();
        for &(start, c) in &controls {
            let range = TextRange::from_usize(start, start + c.len_utf8());
            let code = format!("U+{:04X}", c as u32);
            let mac = match mac_vote(text, start, c) {
                Some(vote) => vote,
                None => mac_lines.contains(&line_of(start)),
            };
            if let Some(meant) = mac.then(|| mac_roman(c)).flatten() {
                let diagnostic = META.diagnostic(
                    range,
                    format!("The control character {code} stands for `{meant}`: Mac OS Roman text was decoded as Latin-1"),
                );
                let edit = vec![Edit::replace(range, meant.to_string())];
                let fix = Fix::unsafe_(
                    format!("Replace {code} with `{meant}` (a guess: check it)"),
                    edit,
                );
                cx.report(diagnostic.with_fix(fix));
                continue;
            }
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
    fn puts_back_what_mac_os_roman_meant_inside_words() {
        assert_fixes(
            &ControlCharacter,
            "la costa de Oaxac\u{87}n conf\u{92}a en el plan",
            "la costa de Oaxacán confía en el plan",
        );
        // An apostrophe before a contraction is Windows-1252's.
        assert_fixes(&ControlCharacter, "we don\u{92}t know", "we don’t know");
        // Between letters that both code pages read as letters, the line
        // decides: Windows-1252 unless Mac OS Roman is proven on it.
        assert_fixes(&ControlCharacter, "the \u{8a}koda plant", "the Škoda plant");
    }

    #[test]
    fn allows_tabs_line_breaks_and_mojibake_bytes() {
        assert_clean(&ControlCharacter, "a\tb\r\nc\nd");
        // U+0081 is a byte of the mojibake of `Á`, left to encoding.mojibake.
        assert_clean(&ControlCharacter, "Ã\u{81}lvaro said");
    }
}
