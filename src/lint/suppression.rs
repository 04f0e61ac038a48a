//! Suppression as its own pass, after the checks (as ruff's
//! `checkers/noqa.rs` is): inline comments and sidecar entries drop the
//! findings they name, and a suppression that drops nothing is itself a
//! finding (`rules::unused_suppression`) when its category's
//! unused-suppression rule is selected.
//!
//! A suppression is judged against its rule even when that rule is not
//! selected: the pass asks for that rule to be run too
//! ([`Suppressions::rules_to_run`]) and drops its findings afterwards.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Category, Diagnostic, Edit, Fix};
use crate::rules::unused_suppression;
use crate::rules::Registry;
use crate::suppress::{self, InlineComment, Sidecar};
use crate::text::{LineIndex, TextRange, TextSize};

/// The suppressions of one article.
pub(super) struct Suppressions<'t> {
    text: &'t str,
    comments: Vec<InlineComment>,
    sidecar: Option<&'t Sidecar>,
    /// The categories whose unused-suppression rule is selected.
    judged: HashSet<Category>,
}

impl<'t> Suppressions<'t> {
    pub(super) fn new(
        text: &'t str,
        line_index: &LineIndex,
        sidecar: Option<&'t Sidecar>,
        enabled: &HashSet<String>,
    ) -> Self {
        let judged = Category::ALL
            .into_iter()
            .filter(|c| enabled.contains(unused_suppression::meta_for(*c).id.as_ref()))
            .collect();
        Self {
            text,
            comments: suppress::inline_comments(text, line_index),
            sidecar,
            judged,
        }
    }

    /// The selected rules, plus those a judged suppression names: a
    /// suppression of a rule that is not selected is stale only if that
    /// rule, run, finds nothing there.
    pub(super) fn rules_to_run<'e>(
        &self,
        registry: &Registry,
        enabled: &'e HashSet<String>,
    ) -> Cow<'e, HashSet<String>> {
        let mut run = Cow::Borrowed(enabled);
        if self.judged.is_empty() || (self.comments.is_empty() && self.sidecar.is_none()) {
            return run;
        }
        let names: Vec<&str> = self
            .comments
            .iter()
            .flat_map(|c| c.names.iter().map(|(n, _)| n.as_str()))
            .chain(
                self.sidecar
                    .into_iter()
                    .flat_map(|s| s.ignore.iter().map(|e| e.rule.as_str())),
            )
            .collect();
        let extra: Vec<String> = registry
            .rules()
            .filter(|r| self.judged.contains(&r.category) && !enabled.contains(r.id.as_ref()))
            .filter(|r| names.iter().any(|n| suppress::covers(n, &r.id)))
            .map(|r| r.id.to_string())
            .collect();
        if !extra.is_empty() {
            run.to_mut().extend(extra);
        }
        run
    }

    /// Drops the suppressed findings, and, when `ran_extra`, those of rules
    /// that ran only for [`Suppressions::rules_to_run`]; adds the findings
    /// for the suppressions that dropped nothing.
    pub(super) fn apply(
        &self,
        registry: &Registry,
        enabled: &HashSet<String>,
        ran_extra: bool,
        line_index: &LineIndex,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let comments = &self.comments;
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
        let sidecar = self.sidecar;
        let mut sidecar_used = vec![false; sidecar.map_or(0, |s| s.ignore.len())];
        diagnostics.retain(|d| {
            let line = line_index.line_of(d.range.start());
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
                let flagged = &self.text[d.range.to_std()];
                for (entry, used) in sidecar.ignore.iter().zip(&mut sidecar_used) {
                    if entry.rule == d.rule && entry.text == flagged {
                        *used = true;
                        suppressed = true;
                    }
                }
            }
            !suppressed
        });
        if ran_extra {
            diagnostics.retain(|d| enabled.contains(&d.rule));
        }

        if self.judged.is_empty() {
            return;
        }
        for (comment, used) in comments.iter().zip(&used) {
            diagnostics.extend(self.stale_comment(registry, comment, used));
        }
        if let Some(sidecar) = sidecar {
            for (entry, _) in sidecar
                .ignore
                .iter()
                .zip(&sidecar_used)
                .filter(|(_, u)| !**u)
            {
                let Some(meta) = registry.rules().find(|r| r.id == entry.rule.as_str()) else {
                    continue;
                };
                if !self.judged.contains(&meta.category) {
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

    /// The findings for the names of `comment` that suppressed nothing.
    fn stale_comment(
        &self,
        registry: &Registry,
        comment: &InlineComment,
        used: &[bool],
    ) -> Vec<Diagnostic> {
        let category_of = |name: &str| -> Option<Category> {
            name.parse::<Category>()
                .ok()
                .or_else(|| registry.rules().find(|r| r.id == name).map(|r| r.category))
        };
        let stale: Vec<(&str, TextRange, Category)> = comment
            .names
            .iter()
            .zip(used)
            .filter(|(_, used)| !**used)
            .filter_map(|((name, range), _)| Some((name.as_str(), *range, category_of(name)?)))
            .filter(|(_, _, category)| self.judged.contains(category))
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
}
