//! `encoding.unused-suppression`, `name.unused-suppression`,
//! `title.unused-suppression`, `junk.unused-suppression`,
//! `translation.unused-suppression` and `typography.unused-suppression`:
//! a suppression that no longer suppresses anything, reported under the
//! category of the rule it names, as ruff's RUF100 reports a stale `noqa`.
//!
//! Two kinds are judged:
//! - an inline comment `<!-- mtlint-disable-next-line name.near-miss -->`
//!   (in Markdown or HTML, or anywhere such a comment can stand) whose next
//!   line has no finding of a rule or category it names. The fix deletes
//!   the comment, or the stale names from it (safe);
//! - an entry of the article's sidecar file
//!   (`article.txt.mtlint-ignore.toml`) whose rule no longer flags its
//!   text anywhere in the article. It is reported at the article's start,
//!   without a fix: the edit belongs to another file.
//!
//! A suppression is judged even when the rule it names is not selected
//! (the rule is run for that purpose, and its findings are not shown). A
//! comment that names no rule suppresses every rule on its line and is
//! never reported: name the rules to have a stale comment found.
//!
//! The allow-list of `mtlint.toml` (`allow = ["Dynamo Kiev"]`) is not
//! judged: one list serves many articles, and a name absent from one of
//! them is no stale entry.

use crate::diagnostic::{Category, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};

/// The six rules. The work is done by [`crate::lint::Linter`], which sees
/// every other rule's findings first; this check only declares them.
pub struct UnusedSuppression;

const SUMMARY: &str = "A suppression comment or sidecar entry that suppresses nothing any more.";

static META: [RuleMeta; 6] = [
    RuleMeta::builtin(
        "encoding.unused-suppression",
        Category::Encoding,
        Severity::Warning,
        SUMMARY,
        true,
    ),
    RuleMeta::builtin(
        "name.unused-suppression",
        Category::Name,
        Severity::Warning,
        SUMMARY,
        true,
    ),
    RuleMeta::builtin(
        "title.unused-suppression",
        Category::Title,
        Severity::Warning,
        SUMMARY,
        true,
    ),
    RuleMeta::builtin(
        "junk.unused-suppression",
        Category::Junk,
        Severity::Warning,
        SUMMARY,
        true,
    ),
    RuleMeta::builtin(
        "translation.unused-suppression",
        Category::Translation,
        Severity::Warning,
        SUMMARY,
        true,
    ),
    RuleMeta::builtin(
        "typography.unused-suppression",
        Category::Typography,
        Severity::Warning,
        SUMMARY,
        true,
    ),
];

/// The unused-suppression rule of `category`.
pub fn meta_for(category: Category) -> &'static RuleMeta {
    META.iter()
        .find(|m| m.category == category)
        .expect("one rule per category")
}

impl Check for UnusedSuppression {
    fn rules(&self) -> &[RuleMeta] {
        &META
    }

    fn check(&self, _doc: &Document, _cx: &mut Context) {}
}
