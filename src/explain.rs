//! `mtlint rules --explain ID`: a rule's documentation with its examples.
//!
//! A built-in detector is explained by the `//!` documentation of the file
//! that defines it and the cases of its fixture file
//! (`fixtures/<category>/<name>.txt`), both embedded at build time; a rule
//! from a rule file by its summary and the `flag` and `allow` examples the
//! file gives.

use crate::embedded::{RULE_DOCS, RULE_FIXTURES};
use crate::rule::RuleMeta;
use crate::rules::file::LoadedRules;

/// How many examples of each side are shown.
const EXAMPLES: usize = 3;

/// The cases of a fixture file: (flagged, left alone). Cases are separated
/// by `--` lines under `== flag` and `== allow`; `#` lines before the first
/// section are comments.
pub fn fixture_cases(contents: &str) -> (Vec<String>, Vec<String>) {
    let mut flagged = Vec::new();
    let mut allowed = Vec::new();
    let mut side: Option<bool> = None;
    let mut case = String::new();
    let mut finish = |side: Option<bool>, case: &mut String| {
        let text = case.trim_end_matches('\n').to_owned();
        case.clear();
        match side {
            Some(true) if !text.is_empty() => flagged.push(text),
            Some(false) if !text.is_empty() => allowed.push(text),
            _ => {}
        }
    };
    for line in contents.lines() {
        match line {
            "== flag" | "== allow" => {
                finish(side, &mut case);
                side = Some(line == "== flag");
            }
            "--" => finish(side, &mut case),
            _ if side.is_some() => {
                case.push_str(line);
                case.push('\n');
            }
            _ => {}
        }
    }
    finish(side, &mut case);
    (flagged, allowed)
}

/// A rule's explanation, in parts: what `mtlint rules --explain` prints
/// ([`Explanation::text`]), and what SARIF consumers show beside a finding
/// (the [`Explanation::description`] and the [`Explanation::markdown`]).
pub struct Explanation {
    /// `id (category, severity, fixable)`, with the opt-in note.
    heading: String,
    summary: String,
    /// The detector's documentation; a rule from a rule file has none.
    doc: Option<&'static str>,
    /// `built-in`, or the rule file that defines the rule.
    origin: String,
    /// Up to three cases the rule flags and three it leaves alone.
    flagged: Vec<String>,
    allowed: Vec<String>,
}

impl Explanation {
    pub fn new(meta: &RuleMeta, loaded: &LoadedRules) -> Self {
        let heading = format!(
            "{} ({}, {}{}{})",
            meta.id,
            meta.category.as_str(),
            meta.severity.as_str(),
            if meta.fixable { ", fixable" } else { "" },
            if meta.opt_in {
                ", opt-in: runs only when named in --select or --extend-select"
            } else {
                ""
            },
        );
        let doc = RULE_DOCS
            .iter()
            .find(|(id, _)| *id == meta.id)
            .map(|(_, doc)| doc.trim_end());
        let (mut flagged, mut allowed) = match RULE_FIXTURES.iter().find(|(id, _)| *id == meta.id) {
            Some((_, contents)) => fixture_cases(contents),
            None => {
                let (flagged, allowed) = loaded.examples(&meta.id);
                (
                    flagged.into_iter().map(str::to_owned).collect(),
                    allowed.into_iter().map(str::to_owned).collect(),
                )
            }
        };
        flagged.truncate(EXAMPLES);
        allowed.truncate(EXAMPLES);
        Self {
            heading,
            summary: meta.summary.to_string(),
            doc,
            origin: meta.origin.to_string(),
            flagged,
            allowed,
        }
    }

    /// The documentation, else where the rule is defined (in Markdown, the
    /// path as code).
    fn body(&self, markdown: bool) -> String {
        match self.doc {
            Some(doc) => doc.to_owned(),
            None if markdown => format!("Defined in {}.", code_span(&self.origin)),
            None => format!("Defined in {}.", self.origin),
        }
    }

    /// The summary and the documentation, without the examples.
    pub fn description(&self) -> String {
        format!("{}\n\n{}", self.summary, self.body(false))
    }

    fn sides(&self) -> [(&'static str, &[String]); 2] {
        [("Flagged", &self.flagged), ("Left alone", &self.allowed)]
    }

    /// As `mtlint rules --explain` prints it: plain text, the examples as a
    /// list.
    pub fn text(&self) -> String {
        let mut out = format!(
            "{}\n{}\n\n{}\n",
            self.heading,
            self.summary,
            self.body(false)
        );
        for (title, cases) in self.sides() {
            if !cases.is_empty() {
                out.push_str(&format!("\n{title}:\n{}", case_list(cases)));
            }
        }
        out
    }

    /// The same in Markdown (the documentation is written in it already),
    /// the examples in a code block, so that article text is shown as it
    /// is and never read as markup.
    pub fn markdown(&self) -> String {
        let mut out = format!(
            "**{}**\n\n{}\n\n{}\n",
            self.heading,
            self.summary,
            self.body(true)
        );
        for (title, cases) in self.sides() {
            if !cases.is_empty() {
                let list = case_list(cases);
                let fence = "`".repeat(longest_backtick_run(&list).max(2) + 1);
                out.push_str(&format!("\n{title}:\n\n{fence}text\n{list}{fence}\n"));
            }
        }
        out
    }
}

/// The cases as a list, one `  - ` item each, later lines indented.
fn case_list(cases: &[String]) -> String {
    let mut out = String::new();
    for case in cases {
        for (i, line) in case.lines().enumerate() {
            out.push_str(if i == 0 { "  - " } else { "    " });
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// A code fence must be longer than any run of backticks inside it.
fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// `text` as inline code, however many backticks it holds.
fn code_span(text: &str) -> String {
    let ticks = "`".repeat(longest_backtick_run(text) + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

/// The explanation of `meta` as `mtlint rules --explain` prints it: its
/// summary, its documentation, and up to three examples of each side.
pub fn explain(meta: &RuleMeta, loaded: &LoadedRules) -> String {
    Explanation::new(meta, loaded).text()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Registry;

    #[test]
    fn reads_fixture_cases() {
        let (flagged, allowed) =
            fixture_cases("# a comment\n== flag\none\n--\ntwo\nlines\n== allow\nthree\n");
        assert_eq!(flagged, ["one", "two\nlines"]);
        assert_eq!(allowed, ["three"]);
    }

    #[test]
    fn markdown_shows_examples_as_code_whatever_they_hold() {
        let explanation = Explanation {
            heading: "x.y (junk, warning)".to_owned(),
            summary: "A summary.".to_owned(),
            doc: None,
            origin: "my_rules/a_b.toml".to_owned(),
            flagged: vec!["a ```fence``` and *stars*".to_owned()],
            allowed: Vec::new(),
        };
        assert_eq!(
            explanation.markdown(),
            "**x.y (junk, warning)**\n\nA summary.\n\nDefined in `my_rules/a_b.toml`.\n\n\
             Flagged:\n\n````text\n  - a ```fence``` and *stars*\n````\n"
        );
        assert_eq!(code_span("`a`"), "`` `a` ``");
        assert_eq!(
            explanation.description(),
            "A summary.\n\nDefined in my_rules/a_b.toml."
        );
    }

    #[test]
    fn every_built_in_detector_has_documentation() {
        let registry = Registry::builtin().expect("built-in rules load");
        let loaded = crate::rules::builtin_rule_files();
        let from_files: Vec<String> = loaded.metas().iter().map(|m| m.id.to_string()).collect();
        for meta in registry.rules() {
            if from_files.contains(&meta.id.to_string()) {
                continue;
            }
            assert!(
                RULE_DOCS.iter().filter(|(id, _)| *id == meta.id).count() == 1,
                "{} must be named by exactly one source file with //! documentation",
                meta.id
            );
            // A fixture in a legacy encoding (encoding.legacy-input) is not
            // embedded; every other detector shows its examples.
            let (category, name) = meta.id.split_once('.').expect("ids have a category");
            let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fixtures")
                .join(category)
                .join(format!("{name}.txt"));
            let bytes = std::fs::read(&fixture).expect("every detector has a fixture");
            if std::str::from_utf8(&bytes).is_ok() {
                let text = explain(meta, &loaded);
                assert!(
                    text.contains("Flagged:"),
                    "{}: no examples\n{text}",
                    meta.id
                );
            }
        }
    }
}
