//! `name.digit-placeholder`: "XNUMX" where a translation plugin replaced
//! the digits of a name ("GXNUMX", "COVID-XNUMX", "XNUMX%"). The digits are
//! restored from the same article when it writes the name with digits
//! ("G-20"), else from the knowledge base when only one known name fits.
//! A bare `XNUMX` beside a capitalised word takes the digits the article
//! writes beside that word ("the XNUMX Pro" after "the 15 Pro", "Windows
//! XNUMX" after "Windows 11"), when only one number is written so.

use crate::diagnostic::{Category, Safety, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
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

/// The word that touches `text[..at]` at its end, after one space.
fn word_before(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].strip_suffix(' ')?;
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()?
        .0;
    Some(&before[start..])
}

/// The word that starts `text[at..]` after one space.
fn word_after(text: &str, at: usize) -> Option<&str> {
    let after = text[at..].strip_prefix(' ')?;
    let len = after
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(after.len(), |(i, _)| i);
    (len > 0).then(|| &after[..len])
}

/// The numbers the article writes right before `word` ("15" in "15 Pro")
/// or, with `after`, right after it ("11" in "Windows 11").
fn numbers_beside(text: &str, word: &str, after: bool) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(word) {
        let end = at + word.len();
        if !crate::text::is_whole_word(text, at, end) {
            continue;
        }
        let digits = if after {
            text[end..].strip_prefix(' ').map(|rest| {
                let n = rest.bytes().take_while(u8::is_ascii_digit).count();
                let whole = !rest[n..].starts_with(|c: char| c.is_alphanumeric());
                if whole {
                    &rest[..n]
                } else {
                    ""
                }
            })
        } else {
            text[..at].strip_suffix(' ').map(|rest| {
                let n = rest.bytes().rev().take_while(u8::is_ascii_digit).count();
                let start = rest.len() - n;
                let whole =
                    !rest[..start].ends_with(|c: char| c.is_alphanumeric() || c == ',' || c == '.');
                if whole {
                    &rest[start..]
                } else {
                    ""
                }
            })
        };
        if let Some(d) = digits.filter(|d| !d.is_empty()) {
            out.push(d.to_owned());
        }
    }
    out
}

/// The digits of a bare `XNUMX` (`text[start..end]`) that the article
/// gives beside the same capitalised word, when it gives one number only.
/// A word of the language ("The", "over") names nothing.
fn digits_from_neighbours(text: &str, start: usize, end: usize, words: &Lexicon) -> Option<String> {
    let names = |w: &&str| {
        w.chars().any(char::is_uppercase)
            && w.chars().all(char::is_alphanumeric)
            && !words.contains(&w.to_lowercase())
    };
    let mut found: Vec<String> = Vec::new();
    if let Some(w) = word_after(text, end).filter(names) {
        found.extend(numbers_beside(text, w, false));
    }
    // A capital that opens a sentence ("Over XNUMX years") names nothing.
    let opens = |w: &str| {
        let at = start - 1 - w.len();
        text[..at]
            .trim_end_matches([' ', '\t'])
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '\n' | '"' | '“'))
    };
    if let Some(w) = word_before(text, start).filter(|w| names(w) && !opens(w)) {
        found.extend(numbers_beside(text, w, true));
    }
    found.sort();
    found.dedup();
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
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
        let function_words = cx.lexicons().get("function-words");
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
            // A bare placeholder: the digits the article writes beside the
            // same name.
            if prefix.is_empty() && suffix.is_empty() {
                if let Some(words) = function_words {
                    candidates = digits_from_neighbours(text, start, end, words)
                        .into_iter()
                        .collect();
                }
            }
            let from_article = from_article || (prefix.is_empty() && !candidates.is_empty());
            let diagnostic = match candidates.as_slice() {
                [only] if !prefix.is_empty() || suffix.is_empty() => {
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
    fn repairs_a_bare_placeholder_from_the_name_beside_it() {
        assert_fixes(
            &DigitPlaceholder,
            "The 15 Pro is new. The XNUMX Pro Max costs more.",
            "The 15 Pro is new. The 15 Pro Max costs more.",
        );
        assert_fixes(
            &DigitPlaceholder,
            "Windows 11 shipped. Users of Windows XNUMX complained.",
            "Windows 11 shipped. Users of Windows 11 complained.",
        );
        // Two numbers beside the name, or a word of the language beside
        // the placeholder: no fix.
        for text in [
            "The 15 Pro and the 16 Pro. The XNUMX Pro Max costs more.",
            "He worked for 20 years. Over XNUMX years later, it closed.",
            "The XNUMX meeting took place. The 12 meeting was later.",
        ] {
            let found = diagnostics(&DigitPlaceholder, text);
            assert_eq!(found.len(), 1, "{text}");
            assert!(found[0].fix.is_none(), "{text}");
        }
    }

    #[test]
    fn allows_text_without_placeholders() {
        assert_clean(
            &DigitPlaceholder,
            "The G20 and G-7 met over COVID-19; XNUM is not one.",
        );
    }
}
