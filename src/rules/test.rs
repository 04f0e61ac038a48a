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

/// The text of every fixture article (`fixtures/**/*.txt`).
pub fn fixture_texts() -> Vec<String> {
    let mut texts = Vec::new();
    let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("the fixtures are readable") {
            let path = entry.expect("the fixtures are readable").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    texts
}

/// The texts of the built-in rule files' examples under `keys` (`flag`,
/// `allow`).
pub fn rule_file_examples(keys: &[&str]) -> Vec<String> {
    let mut texts = Vec::new();
    for (_, contents) in crate::embedded::RULE_FILES {
        let table: toml::Table = contents.parse().expect("a built-in rule file parses");
        let rules = table["rule"].as_array().into_iter().flatten();
        for rule in rules {
            for key in keys {
                let examples = rule.get(*key).and_then(toml::Value::as_array);
                for example in examples.into_iter().flatten() {
                    let text = example.get("text").or(Some(example));
                    texts.extend(text.and_then(toml::Value::as_str).map(str::to_owned));
                }
            }
        }
    }
    texts
}
