//! Suppressions for plain text, where there is no comment syntax to hang a
//! `noqa` on:
//!
//! - the **allow-list** of `mtlint.toml` (`allow = ["Dynamo Kiev"]`): a
//!   finding inside one of these words or names is dropped, in every
//!   article;
//! - a **sidecar file** beside one article, `<file name>.mtlint-ignore.toml`,
//!   whose entries name a rule and the flagged text. It matches by text, not
//!   by position, so it survives edits elsewhere in the article;
//! - an **inline comment** on the line before the finding, for Markdown and
//!   HTML: `<!-- mtlint-disable-next-line name.near-miss, junk -->` (rule
//!   ids or categories; none means every rule).
//!
//! This module reads them; `lint::suppression` applies them after the
//! checks have run and reports the stale ones (`rules::unused_suppression`).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

pub use crate::allow::{apply_allow_list, AllowList};
use crate::text::{LineIndex, TextRange};
use crate::toml_error::toml_error;

/// The sidecar file's name: the article's file name and this suffix.
pub const SIDECAR_SUFFIX: &str = ".mtlint-ignore.toml";

/// The findings accepted in one article.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sidecar {
    #[serde(default)]
    pub ignore: Vec<SidecarEntry>,
    /// The file, as it is named in messages.
    #[serde(skip)]
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SidecarEntry {
    /// A rule id.
    pub rule: String,
    /// The flagged text, exactly as the finding's `text`.
    pub text: String,
    /// Why it is accepted: for the people who read the file, not for mtlint.
    #[serde(default)]
    pub reason: Option<String>,
}

impl Sidecar {
    /// The sidecar path of `article`.
    pub fn path_for(article: &Path) -> Option<PathBuf> {
        let name = article.file_name()?.to_str()?;
        Some(article.with_file_name(format!("{name}{SIDECAR_SUFFIX}")))
    }

    /// The sidecar of `article`, if it has one. Errors name the file and line.
    pub fn load_for(article: &Path) -> Result<Option<Self>, String> {
        let Some(path) = Self::path_for(article) else {
            return Ok(None);
        };
        match fs::read_to_string(&path) {
            Ok(text) => Self::parse(&path.display().to_string(), &text).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
        }
    }

    pub fn parse(name: &str, text: &str) -> Result<Self, String> {
        let mut sidecar: Sidecar = toml::from_str(text).map_err(|e| toml_error(name, text, &e))?;
        sidecar.name = name.to_owned();
        Ok(sidecar)
    }

    /// Checks that every entry names a known rule.
    pub fn check_rules<'a>(&self, mut known: impl FnMut(&str) -> bool + 'a) -> Result<(), String> {
        match self.ignore.iter().find(|e| !known(&e.rule)) {
            Some(entry) => Err(format!(
                "{}: `{}` is not a rule id (see `mtlint rules`)",
                self.name, entry.rule
            )),
            None => Ok(()),
        }
    }
}

/// `<!-- mtlint-disable-next-line ids -->` on a line of its own.
#[derive(Debug)]
pub struct InlineComment {
    /// The comment's line, with its line break: what deleting it removes.
    pub line: TextRange,
    /// The comment itself.
    pub comment: TextRange,
    /// The rule ids or categories it names, each with its range; empty for
    /// every rule.
    pub names: Vec<(String, TextRange)>,
    /// The 0-based line it applies to: the next line that is not blank.
    pub target: Option<usize>,
}

static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*<!--[ \t]*mtlint-disable-next-line\b([^>]*?)-->[ \t]*$")
        .expect("the inline-comment pattern compiles")
});
static NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[a-z][a-z0-9.-]*[a-z0-9]").expect("the name pattern compiles"));

/// Every inline suppression comment of `text`.
pub fn inline_comments(text: &str, index: &LineIndex) -> Vec<InlineComment> {
    if !text.contains("mtlint-disable-next-line") {
        return Vec::new();
    }
    let mut comments = Vec::new();
    for line in 0..index.line_count() {
        let range = index.line_range(line, text);
        let content = &text[range.to_std()];
        let Some(captures) = INLINE.captures(content) else {
            continue;
        };
        let base = range.start().to_usize();
        let whole = captures.get(0).expect("group 0");
        let list = captures.get(1).expect("group 1");
        let names = NAME
            .find_iter(list.as_str())
            .map(|m| {
                let start = base + list.start() + m.start();
                (
                    m.as_str().to_owned(),
                    TextRange::from_usize(start, start + m.len()),
                )
            })
            .collect();
        let next_line_start = if line + 1 < index.line_count() {
            index.line_start(line + 1).to_usize()
        } else {
            text.len()
        };
        let target = (line + 1..index.line_count())
            .find(|&l| !text[index.line_range(l, text).to_std()].trim().is_empty());
        comments.push(InlineComment {
            line: TextRange::from_usize(base, next_line_start),
            comment: TextRange::from_usize(base + whole.start(), base + whole.end()),
            names,
            target,
        });
    }
    comments
}

/// Whether `name` (a rule id or a category) covers the rule `id`.
pub fn covers(name: &str, id: &str) -> bool {
    name == id
        || id
            .split_once('.')
            .is_some_and(|(category, _)| category == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_comments_target_the_next_non_blank_line() {
        let text = "One.\n<!-- mtlint-disable-next-line name.near-miss, junk -->\n\nDenys Shmyal.\n<!-- mtlint-disable-next-line -->";
        let index = LineIndex::new(text);
        let comments = inline_comments(text, &index);
        assert_eq!(comments.len(), 2);
        let names: Vec<&str> = comments[0].names.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["name.near-miss", "junk"]);
        assert_eq!(&text[comments[0].names[1].1.to_std()], "junk");
        assert_eq!(comments[0].target, Some(3));
        assert_eq!(
            &text[comments[0].line.to_std()],
            "<!-- mtlint-disable-next-line name.near-miss, junk -->\n"
        );
        assert!(comments[1].names.is_empty());
        assert_eq!(comments[1].target, None);
        // Inside running text it is no suppression.
        let text = "Write <!-- mtlint-disable-next-line junk --> to silence it.";
        assert!(inline_comments(text, &LineIndex::new(text)).is_empty());
    }

    #[test]
    fn sidecar_errors_name_the_file_and_line() {
        let ok = Sidecar::parse(
            "a.txt.mtlint-ignore.toml",
            "[[ignore]]\nrule = \"name.near-miss\"\ntext = \"Denys Shmyal\"\nreason = \"his spelling\"\n",
        )
        .unwrap();
        assert_eq!(ok.ignore[0].text, "Denys Shmyal");
        assert!(ok.check_rules(|id| id == "name.near-miss").is_ok());
        assert!(ok
            .check_rules(|_| false)
            .unwrap_err()
            .contains("`name.near-miss` is not a rule id"));
        let error =
            Sidecar::parse("s.toml", "[[ignore]]\nrule = \"x\"\ntxt = \"y\"\n").unwrap_err();
        assert!(error.starts_with("s.toml:3:"), "{error}");
        assert_eq!(
            Sidecar::path_for(Path::new("desk/a.txt")),
            Some(PathBuf::from("desk/a.txt.mtlint-ignore.toml"))
        );
    }

    #[test]
    fn a_category_covers_its_rules() {
        assert!(covers("name", "name.near-miss"));
        assert!(covers("name.near-miss", "name.near-miss"));
        assert!(!covers("nam", "name.near-miss"));
        assert!(!covers("name.near", "name.near-miss"));
    }
}
