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

/// The explanation of `meta`: its summary, its documentation, and up to
/// three examples of each side.
pub fn explain(meta: &RuleMeta, loaded: &LoadedRules) -> String {
    let mut out = format!(
        "{} ({}, {}{}{})\n{}\n",
        meta.id,
        meta.category.as_str(),
        meta.severity.as_str(),
        if meta.fixable { ", fixable" } else { "" },
        if meta.opt_in {
            ", opt-in: runs only when named in --select or --extend-select"
        } else {
            ""
        },
        meta.summary
    );
    let doc = RULE_DOCS
        .iter()
        .find(|(id, _)| *id == meta.id)
        .map(|(_, doc)| *doc);
    if let Some(doc) = doc {
        out.push('\n');
        out.push_str(doc.trim_end());
        out.push('\n');
    } else {
        out.push_str(&format!("\nDefined in {}.\n", meta.origin));
    }
    let (flagged, allowed) = match RULE_FIXTURES.iter().find(|(id, _)| *id == meta.id) {
        Some((_, contents)) => fixture_cases(contents),
        None => {
            let (flagged, allowed) = loaded.examples(&meta.id);
            (
                flagged.into_iter().map(str::to_owned).collect(),
                allowed.into_iter().map(str::to_owned).collect(),
            )
        }
    };
    for (title, cases) in [("Flagged", flagged), ("Left alone", allowed)] {
        if cases.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{title}:\n"));
        for case in cases.iter().take(EXAMPLES) {
            for (i, line) in case.lines().enumerate() {
                out.push_str(if i == 0 { "  - " } else { "    " });
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
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
