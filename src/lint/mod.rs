//! Linting one text with a registry and a selection, and fixing it to a
//! fixed point.

mod cap;
mod suppression;

pub use cap::MAX_PER_RULE;

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::analysis::Analysis;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Fix, Safety};
use crate::document::Document;
use crate::fix::apply_fixes;
use crate::knowledge::Knowledge;
use crate::recurring::LineCounts;
use crate::rule::{Check, Context, Settings};
use crate::rules::Registry;
use crate::source::Encoding;
use crate::suppress::{apply_allow_list, AllowList, Sidecar};
use suppression::Suppressions;

/// How many times `--fix` re-lints and fixes again before it gives up.
const MAX_FIX_PASSES: usize = 10;

pub struct Linter {
    registry: Registry,
    enabled: HashSet<String>,
    settings: Settings,
    allow: AllowList,
    knowledge: Knowledge,
}

/// What is known of one article besides its text.
#[derive(Clone, Copy, Debug)]
pub struct Article<'a> {
    /// How it was stored before it was decoded.
    pub encoding: Encoding,
    /// The suppressions of its sidecar file.
    pub sidecar: Option<&'a Sidecar>,
    /// Its own date (a record of `mtlint batch`), which replaces the
    /// configured one.
    pub date: Option<Date>,
    /// A window of a large file: a stale suppression is not removed by a
    /// fix, since the line or the finding it suppresses may be in the next
    /// window.
    pub window: bool,
    /// How many articles of the run carry each line, when the run lints
    /// many (`check` over files, `batch`): what `junk.recurring-line`
    /// reads.
    pub recurring: Option<&'a LineCounts>,
    /// Set while the article is being linted when its result is no longer
    /// wanted (an editor's newer text): the lint stops between checks and
    /// returns what it has, which the caller throws away.
    pub cancel: Option<&'a AtomicBool>,
    /// Run the checks one after another on the caller's thread, not on
    /// the thread pool: a language server's message loop lints a small
    /// document itself, and must not wait behind a large document's lint,
    /// which can fill the pool.
    pub sequential: bool,
}

impl Article<'_> {
    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }
}

impl Default for Article<'_> {
    fn default() -> Self {
        Self {
            encoding: Encoding::Utf8,
            sidecar: None,
            date: None,
            window: false,
            recurring: None,
            cancel: None,
            sequential: false,
        }
    }
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
            allow: AllowList::default(),
            knowledge: Knowledge::builtin().with_house(settings.house.clone()),
            settings,
        }
    }

    /// The same linter reading articles with other knowledge (a test's
    /// small knowledge base).
    pub fn with_knowledge(mut self, knowledge: Knowledge) -> Self {
        self.knowledge = knowledge.with_house(self.settings.house.clone());
        self
    }

    /// The built-in rules, those of `select` (rule ids, prefixes or
    /// categories; all when it is empty), with the default settings: the
    /// linter of a benchmark or an example.
    pub fn builtin(select: &[String]) -> Result<Self, String> {
        let registry = Registry::builtin().map_err(|e| e.to_string())?;
        let enabled = registry.select(select, &[])?;
        Ok(Self::new(registry, enabled, Settings::default()))
    }

    /// The same linter with the allow-list of a config.
    pub fn with_allow_list(mut self, allow: AllowList) -> Self {
        self.allow = allow;
        self
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Whether the rule `id` is selected.
    pub fn enables(&self, id: &str) -> bool {
        self.enabled.contains(id)
    }

    /// Every diagnostic of the selected rules on a UTF-8 text, in order of
    /// position.
    pub fn lint(&self, text: &str) -> Vec<Diagnostic> {
        self.lint_with(text, &Article::default())
    }

    /// Applies the safe fixes (and the unsafe ones if asked), re-lints, and
    /// repeats until nothing more is fixed.
    pub fn fix(&self, text: &str, unsafe_fixes: bool) -> FixOutcome {
        self.fix_with(text, unsafe_fixes, &Article::default())
    }

    /// Every diagnostic of the selected rules on one article, less the
    /// suppressed ones, plus the suppressions that no longer suppress
    /// anything.
    pub fn lint_with(&self, text: &str, article: &Article) -> Vec<Diagnostic> {
        let settings = self.settings_for(article.date);
        let mut diagnostics = self.run_checks(text, article, &settings);
        cap::cap_per_rule(&mut diagnostics);
        diagnostics
    }

    /// [`Linter::fix`] for one article.
    pub fn fix_with(&self, text: &str, unsafe_fixes: bool, article: &Article) -> FixOutcome {
        let settings = self.settings_for(article.date);
        let mut current = text.to_owned();
        let mut fixed = 0;
        for _ in 0..MAX_FIX_PASSES {
            let diagnostics = self.run_checks(&current, article, &settings);
            let fixes: Vec<&Fix> = diagnostics
                .iter()
                .filter(|d| !(article.window && d.rule.ends_with(".unused-suppression")))
                .filter_map(|d| d.fix.as_ref())
                .filter(|f| unsafe_fixes || f.safety == Safety::Safe)
                .collect();
            let (next, applied) = apply_fixes(&current, &fixes);
            if applied == 0 || next == current {
                let mut diagnostics = diagnostics;
                cap::cap_per_rule(&mut diagnostics);
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
        let mut diagnostics = self.run_checks(&current, article, &settings);
        cap::cap_per_rule(&mut diagnostics);
        FixOutcome {
            text: current,
            fixed,
            diagnostics,
            converged: false,
        }
    }

    /// The configured settings, with the article's own date if it has one.
    fn settings_for(&self, date: Option<Date>) -> Cow<'_, Settings> {
        match date {
            Some(date) => Cow::Owned(Settings {
                date: Some(date),
                ..self.settings.clone()
            }),
            None => Cow::Borrowed(&self.settings),
        }
    }

    fn run_checks(&self, text: &str, article: &Article, settings: &Settings) -> Vec<Diagnostic> {
        let doc = Document::new(text, self.knowledge.lexicons());
        let suppressions = Suppressions::new(text, &doc.line_index, article.sidecar, &self.enabled);
        let run = suppressions.rules_to_run(&self.registry, &self.enabled);

        let analysis = Analysis::new(&doc, &self.knowledge);
        if article.cancelled() {
            return Vec::new();
        }
        // The checks run in parallel: a check that waits for the knowledge
        // base, which a short run loads on a thread of its own, leaves the
        // other core to the checks that do not need it. Each check reports
        // into a context of its own, and the findings are joined in the
        // registry's order, so the output does not depend on scheduling.
        let checks: Vec<&dyn Check> = self
            .registry
            .checks()
            .iter()
            .filter(|check| check.rules().iter().any(|r| run.contains(r.id.as_ref())))
            .map(|check| check.as_ref())
            .collect();
        let run_check = |check: &&dyn Check| {
            if article.cancelled() {
                return Vec::new();
            }
            let mut cx = Context::new(settings, &analysis, Some(&run))
                .with_encoding(article.encoding)
                .with_recurring(article.recurring);
            check.check(&doc, &mut cx);
            cx.into_diagnostics()
        };
        let found: Vec<Vec<Diagnostic>> = if article.sequential {
            checks.iter().map(run_check).collect()
        } else {
            checks.par_iter().map(run_check).collect()
        };
        if article.cancelled() {
            return Vec::new();
        }
        let mut diagnostics = found.concat();

        apply_allow_list(&self.allow, text, &mut diagnostics);
        let ran_extra = matches!(run, Cow::Owned(_));
        suppressions.apply(
            &self.registry,
            &self.enabled,
            ran_extra,
            &doc.line_index,
            &mut diagnostics,
        );

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
}

#[cfg(test)]
mod tests {
    use std::sync::{mpsc, Arc, Barrier};
    use std::time::Duration;

    use super::*;

    /// A sequential article is linted on the caller's thread: it gets its
    /// findings while every thread of the pool is busy, as a language
    /// server's message loop does while a large document lints.
    #[test]
    fn a_sequential_lint_needs_no_thread_of_the_pool() {
        let registry = Registry::builtin().unwrap();
        let enabled = registry.select(&[], &[]).unwrap();
        let linter = Linter::new(registry, enabled, Settings::default());
        let text = "The the summit met at the United Nations.A theme ran through it.\n";
        let expected = linter.lint_with(text, &Article::default());
        assert!(expected.len() >= 2, "{expected:?}");
        // Each thread of the pool waits here until the lint has answered
        // (or given up).
        let threads = rayon::current_num_threads();
        let release = Arc::new(Barrier::new(threads + 1));
        for _ in 0..threads {
            let release = Arc::clone(&release);
            rayon::spawn(move || {
                release.wait();
            });
        }
        let (sender, receiver) = mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let article = Article {
                    sequential: true,
                    ..Article::default()
                };
                let _ = sender.send(linter.lint_with(text, &article));
            });
            let found = receiver.recv_timeout(Duration::from_secs(20)).ok();
            release.wait();
            assert_eq!(found, Some(expected), "the lint waited for the pool");
        });
    }
}
