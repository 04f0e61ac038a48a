//! Helpers for rule unit tests: run one check on a text and look at what it
//! reports.

use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::Document;
use crate::fix::apply_fixes;
use crate::knowledge::Knowledge;
use crate::rule::{Check, Context, Settings};
use crate::source::Encoding;

pub fn diagnostics(check: &dyn Check, text: &str) -> Vec<Diagnostic> {
    run(check, text, &Settings::default(), Encoding::Utf8)
}

/// Runs `check` alone on `text`, with the built-in knowledge, `settings`,
/// and the article stored in `encoding`.
pub fn run(
    check: &dyn Check,
    text: &str,
    settings: &Settings,
    encoding: Encoding,
) -> Vec<Diagnostic> {
    run_with(&Knowledge::builtin(), check, text, settings, encoding)
}

/// [`run`] with other knowledge: a small knowledge base of the test's own.
pub fn run_with(
    knowledge: &Knowledge,
    check: &dyn Check,
    text: &str,
    settings: &Settings,
    encoding: Encoding,
) -> Vec<Diagnostic> {
    let doc = Document::new(text, knowledge.lexicons());
    let analysis = Analysis::new(&doc, knowledge);
    let mut cx = Context::new(settings, &analysis, None).with_encoding(encoding);
    check.check(&doc, &mut cx);
    let found = cx.into_diagnostics();
    for d in &found {
        assert!(
            text.is_char_boundary(d.range.start().to_usize())
                && text.is_char_boundary(d.range.end().to_usize()),
            "range {:?} is not on char boundaries",
            d.range
        );
    }
    found
}

#[track_caller]
pub fn assert_clean(check: &dyn Check, text: &str) {
    let found = diagnostics(check, text);
    assert!(
        found.is_empty(),
        "expected no diagnostic in {text:?}, found: {:?}",
        found
            .iter()
            .map(|d| (&text[d.range.to_std()], &d.message))
            .collect::<Vec<_>>()
    );
}

#[track_caller]
pub fn assert_flags(check: &dyn Check, text: &str, flagged: &[&str]) {
    let found = diagnostics(check, text);
    let texts: Vec<&str> = found.iter().map(|d| &text[d.range.to_std()]).collect();
    assert_eq!(texts, flagged, "in {text:?}");
}

/// Applies every fix (safe and unsafe) the check offers and compares.
#[track_caller]
pub fn assert_fixes(check: &dyn Check, text: &str, expected: &str) {
    let found = diagnostics(check, text);
    assert!(!found.is_empty(), "expected a diagnostic in {text:?}");
    let fixes: Vec<&Fix> = found.iter().filter_map(|d| d.fix.as_ref()).collect();
    let (fixed, _) = apply_fixes(text, &fixes);
    assert_eq!(fixed, expected);
    let again = diagnostics(check, &fixed);
    assert!(
        again.is_empty(),
        "the fixed text is still flagged: {again:?}"
    );
}
