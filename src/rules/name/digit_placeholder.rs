//! `name.digit-placeholder`: "XNUMX" where a translation plugin replaced
//! the digits of a name ("GXNUMX", "COVID-XNUMX", "XNUMX%"). The digits are
//! restored from the same article when it writes the name with digits
//! ("G-20"), else from the knowledge base when only one known name fits.

use crate::diagnostic::{Category, Safety, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct DigitPlaceholder;

static META: RuleMeta = RuleMeta::builtin(
    "name.digit-placeholder",
    Category::Name,
    Severity::Error,
    "`XNUMX` where a translation plugin replaced the digits of a number or a name.",
    true,
);

/// Each `XNUMX` with the letters (and a hyphen) before it, which name it
/// (`G`, `COVID-`), and the letters or `%` after it: (start, prefix end,
/// suffix start, end).
fn placeholders(text: &str) -> Vec<(usize, usize, usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (at, _) in text.match_indices("XNUMX") {
        let mut start = at;
        if start > 0 && bytes[start - 1] == b'-' {
            start -= 1;
        }
        while start > 0 && bytes[start - 1].is_ascii_alphabetic() {
            start -= 1;
        }
        // Inside a longer word or number: not a placeholder we can name.
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] >= 0x80) {
            continue;
        }
        let suffix = at + 5;
        let end = suffix
            + bytes[suffix..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic() || **b == b'%')
                .count();
        out.push((start, at, suffix, end));
    }
    out
}

/// Forms in the article with digits where the placeholder is: `G-20` and
/// `G20` for the prefix `G`.
fn forms_in(text: &str, prefix: &str) -> Vec<String> {
    let bare = prefix.trim_end_matches('-');
    if bare.is_empty() {
        return Vec::new();
    }
    let mut forms = Vec::new();
    for (at, _) in text.match_indices(bare) {
        let before_ok = !text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let rest = &text[at + bare.len()..];
        let hyphen = usize::from(rest.starts_with('-'));
        let digits = rest[hyphen..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let end = hyphen + digits;
        let after_ok = !rest[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if before_ok && digits > 0 && after_ok {
            forms.push(format!("{bare}{}", &rest[..end]));
        }
    }
    forms.sort();
    forms.dedup();
    forms
}

impl Check for DigitPlaceholder {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let text = doc.text;
        if !text.contains("XNUMX") {
            return;
        }
        // The article's forms of each prefix, found once: a dump of many
        // articles has many placeholders.
        let mut forms: std::collections::HashMap<&str, Vec<String>> =
            std::collections::HashMap::new();
        for (start, prefix_end, suffix_start, end) in placeholders(text) {
            let prefix = &text[start..prefix_end];
            let suffix = &text[suffix_start..end];
            let range = TextRange::from_usize(start, end);
            let found = &text[start..end];
            // Which names with digits fit: the article's own first.
            let mut candidates = forms
                .entry(prefix)
                .or_insert_with(|| forms_in(text, prefix))
                .clone();
            let from_article = !candidates.is_empty();
            if !from_article && !prefix.is_empty() {
                let bare = prefix.trim_end_matches('-').to_lowercase();
                candidates = cx
                    .kb()
                    .digit_names
                    .iter()
                    .filter(|n| {
                        let letters: String =
                            n.chars().take_while(|c| !c.is_ascii_digit()).collect();
                        letters.trim_end_matches('-').to_lowercase() == bare
                    })
                    .cloned()
                    .collect();
            }
            let diagnostic = META.diagnostic(
                range,
                format!("`{found}` is a number placeholder left by a translation plugin; the digits are lost"),
            );
            let diagnostic = match candidates.as_slice() {
                [only] if !prefix.is_empty() => {
                    let right = format!("{only}{suffix}");
                    let why = if from_article {
                        "as the article writes it elsewhere"
                    } else {
                        "the only known name that fits"
                    };
                    diagnostic.with_fix(cx.knowledge().name_fix(
                        format!("Write `{right}`, {why}"),
                        Safety::Unsafe,
                        range,
                        right,
                    ))
                }
                _ => diagnostic,
            };
            if !cx.analysis().on_house_form(range) {
                cx.report(diagnostic);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes, diagnostics};

    #[test]
    fn repairs_from_the_article() {
        assert_fixes(
            &DigitPlaceholder,
            "the G-20 meeting. The rest of the GXNUMX participants",
            "the G-20 meeting. The rest of the G-20 participants",
        );
    }

    #[test]
    fn repairs_from_the_knowledge_base_when_one_name_fits() {
        assert_fixes(
            &DigitPlaceholder,
            "the COVID-XNUMX pandemic",
            "the COVID-19 pandemic",
        );
        // G7 and G20 both fit `GXNUMX`: no fix.
        let found = diagnostics(&DigitPlaceholder, "the GXNUMX summit");
        assert!(found[0].fix.is_none());
        let found = diagnostics(&DigitPlaceholder, "rose XNUMX% in the XNUMXth week");
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|d| d.fix.is_none()));
    }

    #[test]
    fn allows_text_without_placeholders() {
        assert_clean(
            &DigitPlaceholder,
            "The G20 and G-7 met over COVID-19; XNUM is not one.",
        );
    }
}
