//! Rule files: `[[rule]]` entries in TOML, of kind `pattern` (a regex) or
//! `substitution` (a table of wrong → right), compiled into one
//! [`RuleFileSet`] that scans a document once for all of them.
//!
//! The format is documented in `rules/README.md`. Every mistake in a rule
//! file is an error with `file:line:column`: unknown keys, wrong types, a
//! regex that does not compile, a placeholder the template cannot fill, a
//! table entry that conflicts with another, an example that fails.

mod check;
mod compile;
mod examples;
#[cfg(test)]
mod gate;
mod lazy;
mod parse;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::Path;

use crate::rule::RuleMeta;
use crate::text::LineIndex;

pub use check::RuleFileSet;
use compile::{Example, PatternRule, Substitution};
pub use lazy::warm_up_builtin;
use parse::{collect_toml, Locator, RawFile};
pub use parse::{parse_id, RuleDirError, RuleFileError};

/// Rules loaded from files, before they are compiled.
#[derive(Clone, Debug, Default)]
pub struct LoadedRules {
    metas: Vec<RuleMeta>,
    patterns: Vec<PatternRule>,
    substitutions: Vec<Substitution>,
    examples: Vec<Example>,
    /// Where each rule id was defined, for duplicate errors.
    defined: HashMap<String, String>,
    /// Where each substitution's wrong form was defined (folded).
    wrong_forms: HashMap<String, (String, String)>,
    /// Whether patterns are compiled on first use, unchecked (the built-in
    /// rule files, which the tests check), instead of as they are loaded.
    lazy: bool,
}

/// Lower case and NFC, as substitutions are matched.
fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().flat_map(char::to_lowercase).collect()
}

impl LoadedRules {
    /// Rules whose patterns are compiled on first use, and not checked as
    /// they are loaded: for the built-in rule files only.
    pub(crate) fn lazy() -> Self {
        Self {
            lazy: true,
            ..Self::default()
        }
    }

    /// Rules added from now on are compiled and checked as they are loaded
    /// (a user's rule files after the built-in ones).
    pub(crate) fn checked(mut self) -> Self {
        self.lazy = false;
        self
    }

    pub fn metas(&self) -> &[RuleMeta] {
        &self.metas
    }

    /// The examples of rule `id`: (texts it flags, texts it leaves alone).
    pub fn examples(&self, id: &str) -> (Vec<&str>, Vec<&str>) {
        let mut flagged = Vec::new();
        let mut allowed = Vec::new();
        for example in &self.examples {
            if self.metas[example.rule].id == id {
                match example.expect {
                    Some(_) => flagged.push(example.text.as_str()),
                    None => allowed.push(example.text.as_str()),
                }
            }
        }
        (flagged, allowed)
    }

    pub fn is_empty(&self) -> bool {
        self.metas.is_empty()
    }

    /// Parses one rule file and adds its rules. `path` is how errors name it.
    pub fn add_file(&mut self, path: &str, contents: &str) -> Result<(), RuleFileError> {
        let loc = Locator {
            path,
            index: LineIndex::new(contents),
            text: contents,
        };
        let raw: RawFile = toml::from_str(contents).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            loc.error(offset, crate::toml_error::toml_message(contents, &e))
        })?;
        for rule in raw.rule {
            let span = rule.span();
            self.add_rule(&loc, rule.into_inner(), span.start)?;
        }
        Ok(())
    }

    /// Loads every `*.toml` under `dir`, in path order.
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), RuleDirError> {
        let mut files = Vec::new();
        collect_toml(dir, &mut files).map_err(|source| RuleDirError::Io {
            path: dir.display().to_string(),
            source,
        })?;
        if files.is_empty() && !dir.is_dir() {
            return Err(RuleDirError::Io {
                path: dir.display().to_string(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such directory"),
            });
        }
        files.sort();
        for file in files {
            let contents = std::fs::read_to_string(&file).map_err(|source| RuleDirError::Io {
                path: file.display().to_string(),
                source,
            })?;
            self.add_file(&file.display().to_string(), &contents)?;
        }
        Ok(())
    }
}
