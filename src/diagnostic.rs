//! What a rule reports: a [`Diagnostic`] with an optional [`Fix`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::text::TextRange;

/// The six categories of `docs/output-format.md`. A rule id is `<category>.<name>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Encoding,
    Name,
    Title,
    Junk,
    Translation,
    Typography,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Encoding,
        Category::Name,
        Category::Title,
        Category::Junk,
        Category::Translation,
        Category::Typography,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Encoding => "encoding",
            Category::Name => "name",
            Category::Title => "title",
            Category::Junk => "junk",
            Category::Translation => "translation",
            Category::Typography => "typography",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Category {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Category::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or(())
    }
}

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied without a person looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Safety {
    /// Exactly one right answer; `--fix` applies it.
    Safe,
    /// Probably right; applied only with `--unsafe-fixes`.
    Unsafe,
}

impl Safety {
    pub fn as_str(self) -> &'static str {
        match self {
            Safety::Safe => "safe",
            Safety::Unsafe => "unsafe",
        }
    }
}

/// Replace `range` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: TextRange,
    pub replacement: String,
}

impl Edit {
    pub fn replace(range: TextRange, replacement: impl Into<String>) -> Self {
        Self {
            range,
            replacement: replacement.into(),
        }
    }

    pub fn delete(range: TextRange) -> Self {
        Self::replace(range, "")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub description: String,
    pub safety: Safety,
    /// Non-overlapping edits, sorted by start.
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(description: impl Into<String>, safety: Safety, mut edits: Vec<Edit>) -> Self {
        edits.sort_by_key(|e| (e.range.start(), e.range.end()));
        Self {
            description: description.into(),
            safety,
            edits,
        }
    }

    pub fn safe(description: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self::new(description, Safety::Safe, edits)
    }

    pub fn unsafe_(description: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self::new(description, Safety::Unsafe, edits)
    }

    /// The range that all edits together cover.
    pub fn span(&self) -> Option<TextRange> {
        let first = self.edits.first()?;
        let end = self.edits.iter().map(|e| e.range.end()).max()?;
        Some(TextRange::new(first.range.start(), end))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// `<category>.<name>`, as in the registry.
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub range: TextRange,
    pub fix: Option<Fix>,
}
