//! `name.digit-placeholder`: "XNUMX" where a translation plugin replaced
//! the digits of a name ("GXNUMX", "COVID-XNUMX", "XNUMX%"). The digits are
//! restored from the same article when it writes the name with digits
//! ("G-20"), else from the knowledge base when only one known name fits.

use regex::Regex;
use std::sync::OnceLock;

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::kb::Kb;
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

fn placeholder() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // The letters and hyphen before the placeholder name it: `G`, `COVID-`.
    RE.get_or_init(|| {
        Regex::new(r"\b(?P<prefix>[A-Za-z]*-?)XNUMX(?P<suffix>[A-Za-z%]*)").expect("a valid regex")
    })
}

/// Forms in the article with digits where the placeholder is: `G-20` and
/// `G20` for the prefix `G`.
fn forms_in(text: &str, prefix: &str) -> Vec<String> {
    let bare = prefix.trim_end_matches('-');
    if bare.is_empty() {
        return Vec::new();
    }
    let pattern = format!(r"\b{}-?\d+\b", regex::escape(bare));
    let Ok(re) = Regex::new(&pattern) else {
        return Vec::new();
    };
    let mut forms: Vec<String> = re.find_iter(text).map(|m| m.as_str().to_owned()).collect();
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
        for caps in placeholder().captures_iter(text) {
            let whole = caps.get(0).expect("group 0 is the match");
            let prefix = caps.name("prefix").map_or("", |m| m.as_str());
            let suffix = caps.name("suffix").map_or("", |m| m.as_str());
            let range = TextRange::from_usize(whole.start(), whole.end());
            let found = whole.as_str();
            // Which names with digits fit: the article's own first.
            let mut candidates = forms_in(text, prefix);
            let from_article = !candidates.is_empty();
            if !from_article && !prefix.is_empty() {
                let bare = prefix.trim_end_matches('-').to_lowercase();
                candidates = Kb::builtin()
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
                    diagnostic.with_fix(Fix::unsafe_(
                        format!("Write `{right}`, {why}"),
                        vec![Edit::replace(range, right.clone())],
                    ))
                }
                _ => diagnostic,
            };
            cx.report(diagnostic);
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
