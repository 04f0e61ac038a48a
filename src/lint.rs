//! Linting one text with a registry and a selection, and fixing it to a
//! fixed point.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::analysis::Analysis;
use crate::date::Date;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Safety};
use crate::document::Document;
use crate::fix::apply_fixes;
use crate::knowledge::Knowledge;
use crate::rule::{Context, Settings};
use crate::rules::unused_suppression;
use crate::rules::Registry;
use crate::source::Encoding;
use crate::suppress::{self, AllowList, InlineComment, Sidecar};
use crate::text::{TextRange, TextSize};

/// How many times `--fix` re-lints and fixes again before it gives up.
const MAX_FIX_PASSES: usize = 10;

pub struct Linter {
    registry: Registry,
    enabled: HashSet<String>,
    settings: Settings,
    allow: AllowList,
    knowledge: Knowledge,
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
            allow: AllowList::default(),
            knowledge: Knowledge::builtin(),
        }
    }

    /// The same linter reading articles with other knowledge (a test's
    /// small knowledge base).
    pub fn with_knowledge(mut self, knowledge: Knowledge) -> Self {
        self.knowledge = knowledge;
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

    /// Every diagnostic of the selected rules, in order of position.
    pub fn lint(&self, text: &str) -> Vec<Diagnostic> {
        self.lint_as(text, Encoding::Utf8)
    }

    /// [`Linter::lint`] for an article that was stored in `encoding`.
    pub fn lint_as(&self, text: &str, encoding: Encoding) -> Vec<Diagnostic> {
        self.lint_file(text, encoding, None)
    }

    /// Every diagnostic of the selected rules, less the suppressed ones,
    /// plus the suppressions that no longer suppress anything.
    pub fn lint_file(
        &self,
        text: &str,
        encoding: Encoding,
        sidecar: Option<&Sidecar>,
    ) -> Vec<Diagnostic> {
        self.lint_with(text, encoding, sidecar, &self.settings)
    }

    /// [`Linter::lint`] for an article whose own date is known (a record of
    /// `mtlint batch`): `date` replaces the configured one.
    pub fn lint_record(&self, text: &str, date: Option<Date>) -> Vec<Diagnostic> {
        let settings = self.settings_for(date);
        self.lint_with(text, Encoding::Utf8, None, &settings)
    }

    /// [`Linter::fix`] for an article whose own date is known.
    pub fn fix_record(&self, text: &str, date: Option<Date>, unsafe_fixes: bool) -> FixOutcome {
        let settings = self.settings_for(date);
        self.fix_with(text, Encoding::Utf8, unsafe_fixes, None, &settings, false)
    }

    fn settings_for(&self, date: Option<Date>) -> Cow<'_, Settings> {
        match date {
            Some(date) => Cow::Owned(Settings {
                date: Some(date),
                ..self.settings.clone()
            }),
            None => Cow::Borrowed(&self.settings),
        }
    }

    fn lint_with(
        &self,
        text: &str,
        encoding: Encoding,
        sidecar: Option<&Sidecar>,
        settings: &Settings,
    ) -> Vec<Diagnostic> {
        let doc = Document::new(text, self.knowledge.lexicons());
        let comments = suppress::inline_comments(text, &doc.line_index);
        let judged: HashSet<Category> = Category::ALL
            .into_iter()
            .filter(|c| {
                self.enabled
                    .contains(unused_suppression::meta_for(*c).id.as_ref())
            })
            .collect();
        // A suppression is judged against its rule even when that rule is
        // not selected: run it, and drop its findings afterwards.
        let mut run = Cow::Borrowed(&self.enabled);
        if !judged.is_empty() && (!comments.is_empty() || sidecar.is_some()) {
            let names: Vec<&str> = comments
                .iter()
                .flat_map(|c| c.names.iter().map(|(n, _)| n.as_str()))
                .chain(
                    sidecar
                        .into_iter()
                        .flat_map(|s| s.ignore.iter().map(|e| e.rule.as_str())),
                )
                .collect();
            let extra: Vec<String> = self
                .registry
                .rules()
                .filter(|r| judged.contains(&r.category) && !self.enabled.contains(r.id.as_ref()))
                .filter(|r| names.iter().any(|n| suppress::covers(n, &r.id)))
                .map(|r| r.id.to_string())
                .collect();
            if !extra.is_empty() {
                run.to_mut().extend(extra);
            }
        }

        let analysis = Analysis::new(&doc, &self.knowledge);
        let mut cx = Context::new(settings, &analysis, Some(&run)).with_encoding(encoding);
        for check in self.registry.checks() {
            if check.rules().iter().any(|r| run.contains(r.id.as_ref())) {
                check.check(&doc, &mut cx);
            }
        }
        let mut diagnostics = cx.into_diagnostics();

        if let Some(house) = &settings.house {
            house.apply(text, &mut diagnostics);
        }
        suppress::apply_allow_list(&self.allow, text, &mut diagnostics);
        // mtlint's own comments are not article text.
        // Comments are in text order and on lines of their own: the one
        // that could hold a diagnostic is found by binary search, and the
        // comments aimed at a line by a map (both linear in a large file).
        diagnostics.retain(|d| {
            let i = comments.partition_point(|c| c.line.end() < d.range.start());
            !comments
                .get(i)
                .is_some_and(|c| c.line.contains_range(d.range))
        });
        let mut by_target: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, comment) in comments.iter().enumerate() {
            if let Some(line) = comment.target {
                by_target.entry(line).or_default().push(i);
            }
        }
        let mut used: Vec<Vec<bool>> = comments
            .iter()
            .map(|c| vec![false; c.names.len()])
            .collect();
        let mut sidecar_used = vec![false; sidecar.map_or(0, |s| s.ignore.len())];
        diagnostics.retain(|d| {
            let line = doc.line_index.line_of(d.range.start());
            let mut suppressed = false;
            for &i in by_target.get(&line).map_or(&[][..], Vec::as_slice) {
                let (comment, used) = (&comments[i], &mut used[i]);
                if comment.names.is_empty() {
                    suppressed = true;
                }
                for ((name, _), used) in comment.names.iter().zip(used.iter_mut()) {
                    if suppress::covers(name, &d.rule) {
                        *used = true;
                        suppressed = true;
                    }
                }
            }
            if let Some(sidecar) = sidecar {
                let flagged = &text[d.range.to_std()];
                for (entry, used) in sidecar.ignore.iter().zip(&mut sidecar_used) {
                    if entry.rule == d.rule && entry.text == flagged {
                        *used = true;
                        suppressed = true;
                    }
                }
            }
            !suppressed
        });
        if let Cow::Owned(_) = run {
            diagnostics.retain(|d| self.enabled.contains(&d.rule));
        }

        if !judged.is_empty() {
            for (comment, used) in comments.iter().zip(&used) {
                diagnostics.extend(self.stale_comment(comment, used, &judged));
            }
            if let Some(sidecar) = sidecar {
                for (entry, _) in sidecar
                    .ignore
                    .iter()
                    .zip(&sidecar_used)
                    .filter(|(_, u)| !**u)
                {
                    let Some(meta) = self.registry.rules().find(|r| r.id == entry.rule.as_str())
                    else {
                        continue;
                    };
                    if !judged.contains(&meta.category) {
                        continue;
                    }
                    diagnostics.push(unused_suppression::meta_for(meta.category).diagnostic(
                        TextRange::empty(TextSize::from_usize(0)),
                        format!(
                            "`{}` ignores `{}` on `{}`, but that rule no longer flags that text here: remove the entry",
                            sidecar.name, entry.rule, entry.text
                        ),
                    ));
                }
            }
        }

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

    /// The findings for the names of `comment` that suppressed nothing.
    fn stale_comment(
        &self,
        comment: &InlineComment,
        used: &[bool],
        judged: &HashSet<Category>,
    ) -> Vec<Diagnostic> {
        let category_of = |name: &str| -> Option<Category> {
            name.parse::<Category>().ok().or_else(|| {
                self.registry
                    .rules()
                    .find(|r| r.id == name)
                    .map(|r| r.category)
            })
        };
        let stale: Vec<(&str, TextRange, Category)> = comment
            .names
            .iter()
            .zip(used)
            .filter(|(_, used)| !**used)
            .filter_map(|((name, range), _)| Some((name.as_str(), *range, category_of(name)?)))
            .filter(|(_, _, category)| judged.contains(category))
            .collect();
        if stale.is_empty() {
            return Vec::new();
        }
        let kept: Vec<&str> = comment
            .names
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| !stale.iter().any(|(s, _, _)| s == n))
            .collect();
        let fix = if kept.is_empty() {
            Fix::safe("Delete the comment", vec![Edit::delete(comment.line)])
        } else {
            let rewritten = format!("<!-- mtlint-disable-next-line {} -->", kept.join(", "));
            Fix::safe(
                format!("Keep only {}", kept.join(", ")),
                vec![Edit::replace(comment.comment, rewritten)],
            )
        };
        stale
            .into_iter()
            .map(|(name, range, category)| {
                unused_suppression::meta_for(category)
                    .diagnostic(
                        range,
                        match comment.target {
                            Some(line) => format!(
                                "`{name}` suppresses nothing: line {} has no `{name}` finding",
                                line + 1
                            ),
                            None => {
                                format!("`{name}` suppresses nothing: no line follows the comment")
                            }
                        },
                    )
                    .with_fix(fix.clone())
            })
            .collect()
    }

    /// Applies the safe fixes (and the unsafe ones if asked), re-lints, and
    /// repeats until nothing more is fixed.
    pub fn fix(&self, text: &str, unsafe_fixes: bool) -> FixOutcome {
        self.fix_as(text, Encoding::Utf8, unsafe_fixes)
    }

    /// [`Linter::fix`] for an article that was stored in `encoding`.
    pub fn fix_as(&self, text: &str, encoding: Encoding, unsafe_fixes: bool) -> FixOutcome {
        self.fix_file(text, encoding, unsafe_fixes, None)
    }

    /// [`Linter::fix_as`] with the article's sidecar suppressions.
    pub fn fix_file(
        &self,
        text: &str,
        encoding: Encoding,
        unsafe_fixes: bool,
        sidecar: Option<&Sidecar>,
    ) -> FixOutcome {
        self.fix_with(text, encoding, unsafe_fixes, sidecar, &self.settings, false)
    }

    /// [`Linter::fix_file`] for a window of a large file: a stale
    /// suppression is not removed, since the line or the finding it
    /// suppresses may be in the next window.
    pub fn fix_window(
        &self,
        text: &str,
        unsafe_fixes: bool,
        sidecar: Option<&Sidecar>,
    ) -> FixOutcome {
        self.fix_with(
            text,
            Encoding::Utf8,
            unsafe_fixes,
            sidecar,
            &self.settings,
            true,
        )
    }

    fn fix_with(
        &self,
        text: &str,
        encoding: Encoding,
        unsafe_fixes: bool,
        sidecar: Option<&Sidecar>,
        settings: &Settings,
        window: bool,
    ) -> FixOutcome {
        let mut current = text.to_owned();
        let mut fixed = 0;
        for _ in 0..MAX_FIX_PASSES {
            let diagnostics = self.lint_with(&current, encoding, sidecar, settings);
            let fixes: Vec<&Fix> = diagnostics
                .iter()
                .filter(|d| !(window && d.rule.ends_with(".unused-suppression")))
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
        let diagnostics = self.lint_with(&current, encoding, sidecar, settings);
        FixOutcome {
            text: current,
            fixed,
            diagnostics,
            converged: false,
        }
    }
}
