//! Checking each rule's examples against that rule alone: each `flag`
//! example must be flagged (and fixed as it says), each `allow` example
//! left alone.

use crate::analysis::Analysis;
use crate::diagnostic::Fix;
use crate::document::Document;
use crate::knowledge::Knowledge;
use crate::rule::{Check, Context, Settings};

use super::{LoadedRules, RuleFileError, RuleFileSet};

impl LoadedRules {
    /// Runs every example of every rule against that rule alone. Returns
    /// one error per failing example, located at the example.
    pub fn verify_examples(&self) -> Vec<RuleFileError> {
        let mut failures = Vec::new();
        let settings = Settings::default();
        // Rule files read no knowledge: the built-in one is never loaded.
        let knowledge = Knowledge::builtin();
        for rule in 0..self.metas.len() {
            let alone = self.only(rule);
            let id = &self.metas[rule].id;
            for example in self.examples.iter().filter(|e| e.rule == rule) {
                let fail = |message: String| RuleFileError {
                    path: example.path.clone(),
                    line: example.line,
                    column: example.column,
                    message: format!("rule `{id}`: {message}"),
                };
                let doc = Document::new(&example.text, knowledge.lexicons());
                let analysis = Analysis::new(&doc, &knowledge);
                let mut cx = Context::new(&settings, &analysis, None);
                alone.check(&doc, &mut cx);
                let found = cx.into_diagnostics();
                match &example.expect {
                    None if !found.is_empty() => failures.push(fail(format!(
                        "the example `{}` must be left alone, but it is flagged at `{}`",
                        example.text,
                        doc.slice(found[0].range)
                    ))),
                    None => {}
                    Some(_) if found.is_empty() => failures.push(fail(format!(
                        "the example `{}` must be flagged, but it is not",
                        example.text
                    ))),
                    Some(expected) => {
                        let fixes: Vec<&Fix> =
                            found.iter().filter_map(|d| d.fix.as_ref()).collect();
                        let fixed = crate::fix::apply_fixes(&example.text, &fixes).0;
                        match expected {
                            Some(expected) if &fixed != expected => failures.push(fail(format!(
                                "the example `{}` must be fixed to `{expected}`, but the fix gives `{fixed}`",
                                example.text
                            ))),
                            None if !fixes.is_empty() => failures.push(fail(format!(
                                "the example `{}` has no `fixed`, but the rule fixes it to `{fixed}`",
                                example.text
                            ))),
                            _ => {}
                        }
                    }
                }
            }
        }
        failures
    }

    /// A copy holding only rule `index`, for checking its examples.
    fn only(&self, index: usize) -> RuleFileSet {
        let mut one = LoadedRules {
            metas: self.metas.clone(),
            ..LoadedRules::default()
        };
        one.patterns = self
            .patterns
            .iter()
            .filter(|p| p.meta_index == index)
            .cloned()
            .collect();
        one.substitutions = self
            .substitutions
            .iter()
            .filter(|s| s.meta_index == index)
            .cloned()
            .collect();
        RuleFileSet::compile(one)
    }
}
