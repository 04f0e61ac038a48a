//! The rule-file format as TOML gives it (`[[rule]]` entries with their
//! examples), the errors of a rule file and of a rule directory, located
//! at `file:line:column`, and rule ids.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Category, Safety, Severity};
use crate::text::{LineIndex, TextSize};

/// A mistake in a rule file, located at `path:line:column`.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{path}:{line}:{column}: {message}")]
pub struct RuleFileError {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    #[serde(default)]
    pub(super) rule: Vec<Spanned<RawRule>>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(super) enum Kind {
    Pattern,
    Substitution,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub(super) id: Spanned<String>,
    pub(super) kind: Kind,
    #[serde(default = "default_severity")]
    pub(super) severity: Severity,
    pub(super) summary: String,
    /// A message template: `{0}` is the whole match, `{name}` or `{1}` a
    /// capture group; in a substitution, `{found}` and `{right}`.
    pub(super) message: Spanned<String>,
    #[serde(default)]
    pub(super) pattern: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) replacement: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) table: Option<Spanned<BTreeMap<String, Spanned<String>>>>,
    #[serde(default)]
    pub(super) case_sensitive: bool,
    #[serde(default = "default_safety")]
    pub(super) safety: Safety,
    #[serde(default)]
    pub(super) fix_description: Option<String>,
    #[serde(default)]
    pub(super) flag: Vec<Spanned<FlagExample>>,
    #[serde(default)]
    pub(super) allow: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct FlagExample {
    pub(super) text: String,
    /// The whole text after the rule's fix; absent when the rule offers no
    /// fix for this text.
    #[serde(default)]
    pub(super) fixed: Option<String>,
}

fn default_severity() -> Severity {
    Severity::Warning
}

fn default_safety() -> Safety {
    Safety::Safe
}

pub(super) struct Locator<'a> {
    pub(super) path: &'a str,
    pub(super) index: LineIndex,
    pub(super) text: &'a str,
}

impl Locator<'_> {
    pub(super) fn error(&self, offset: usize, message: impl Into<String>) -> RuleFileError {
        let offset = offset.min(self.text.len());
        let mut at = offset;
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let pos = self.index.line_column(TextSize::from_usize(at), self.text);
        RuleFileError {
            path: self.path.to_owned(),
            line: pos.line,
            column: pos.column,
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RuleDirError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Rule(#[from] RuleFileError),
}

pub(super) fn collect_toml(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Checks that `id` is `<category>.<kebab-name>` and returns the category.
pub fn parse_id(id: &str) -> Result<Category, String> {
    let bad = || {
        format!("`{id}` is not a rule id: write `<category>.<name>` with a category of encoding, name, title, junk, translation or typography and a lower-case kebab-case name")
    };
    let (category, name) = id.split_once('.').ok_or_else(bad)?;
    let category: Category = category.parse().map_err(|()| bad())?;
    let kebab = !name.is_empty()
        && !name.starts_with('-')
        && !name.ends_with('-')
        && !name.contains("--")
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if kebab {
        Ok(category)
    } else {
        Err(bad())
    }
}
