//! Linting one text with a registry and a selection, and fixing it to a
//! fixed point.

use std::collections::HashSet;

use crate::diagnostic::{Diagnostic, Fix, Safety};
use crate::document::Document;
use crate::fix::apply_fixes;
use crate::rule::{Context, Settings};
use crate::rules::Registry;
use crate::source::Encoding;

/// How many times `--fix` re-lints and fixes again before it gives up.
const MAX_FIX_PASSES: usize = 10;

pub struct Linter {
    registry: Registry,
    enabled: HashSet<String>,
    settings: Settings,
}

/// The result of fixing a text.
pub struct FixOutcome {
    pub text: String,
    /// How many fixes were applied over all passes.
    pub fixed: usize,
    /// What is still reported on the fixed text.
    pub diagnostics: Vec<Diagnostic>,
    /// False when the fixes kept changing the text for `MAX_FIX_PASSES`.
    pub converged: bool,
}

impl Linter {
    pub fn new(registry: Registry, enabled: HashSet<String>, settings: Settings) -> Self {
        Self {
            registry,
            enabled,
            settings,
        }
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Every diagnostic of the selected rules, in order of position.
    pub fn lint(&self, text: &str) -> Vec<Diagnostic> {
        self.lint_as(text, Encoding::Utf8)
    }

    /// [`Linter::lint`] for an article that was stored in `encoding`.
    pub fn lint_as(&self, text: &str, encoding: Encoding) -> Vec<Diagnostic> {
        let doc = Document::new(text);
        let mut cx = Context::new(&self.settings, Some(&self.enabled)).with_encoding(encoding);
        for check in self.registry.checks() {
            if check
                .rules()
                .iter()
                .any(|r| self.enabled.contains(r.id.as_ref()))
            {
                check.check(&doc, &mut cx);
            }
        }
        let mut diagnostics = cx.into_diagnostics();
        diagnostics.sort_by(|a, b| {
            (a.range.start(), a.range.end(), &a.rule).cmp(&(
                b.range.start(),
                b.range.end(),
                &b.rule,
            ))
        });
        diagnostics.dedup();
        diagnostics
    }

    /// Applies the safe fixes (and the unsafe ones if asked), re-lints, and
    /// repeats until nothing more is fixed.
    pub fn fix(&self, text: &str, unsafe_fixes: bool) -> FixOutcome {
        self.fix_as(text, Encoding::Utf8, unsafe_fixes)
    }

    /// [`Linter::fix`] for an article that was stored in `encoding`.
    pub fn fix_as(&self, text: &str, encoding: Encoding, unsafe_fixes: bool) -> FixOutcome {
        let mut current = text.to_owned();
        let mut fixed = 0;
        for _ in 0..MAX_FIX_PASSES {
            let diagnostics = self.lint_as(&current, encoding);
            let fixes: Vec<&Fix> = diagnostics
                .iter()
                .filter_map(|d| d.fix.as_ref())
                .filter(|f| unsafe_fixes || f.safety == Safety::Safe)
                .collect();
            let (next, applied) = apply_fixes(&current, &fixes);
            if applied == 0 || next == current {
                return FixOutcome {
                    text: current,
                    fixed,
                    diagnostics,
                    converged: true,
                };
            }
            fixed += applied;
            current = next;
        }
        let diagnostics = self.lint_as(&current, encoding);
        FixOutcome {
            text: current,
            fixed,
            diagnostics,
            converged: false,
        }
    }
}
