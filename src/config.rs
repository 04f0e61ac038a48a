//! `mtlint.toml`: a project's settings, so a newsroom writes them once
//! instead of on every command line.
//!
//! ```toml
//! select = ["encoding", "name", "title"]   # rule ids or categories
//! ignore = ["typography.multiple-spaces"]
//! extend-select = ["name.diacritics"]       # opt-in rules to run as well
//! rules = ["house-rules"]                  # rule directories, relative to this file
//! fail-on = "error"
//! date = "2022-09-21"                       # the articles' date
//! allow = ["Dynamo Kiev"]                   # words and names never flagged
//! spellings = ["Sergei Lavrov"]             # house spellings over the knowledge base's
//!
//! [per-path-ignores]                        # globs relative to this file
//! "wire/**" = ["junk.site-suffix"]
//! ```
//!
//! Each file is linted with the nearest file above it, or the one named
//! with `--config`. Flags win over the file: `--select`
//! replaces its `select` and `extend-select`, `--fail-on` and `--date` replace its values,
//! while `--ignore`, `--extend-select` and `--rules` add to its lists.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};
use serde::Deserialize;
use toml::Spanned;

use crate::toml_error::position;
pub use crate::toml_error::{toml_error, toml_message};

use crate::date::Date;
use crate::diagnostic::Severity;

/// The file name looked for.
pub const FILE_NAME: &str = "mtlint.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Rules to run on top of `select` (opt-in rules are turned on so).
    #[serde(default)]
    pub extend_select: Vec<String>,
    /// Rule directories, resolved against the file's directory on load.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    pub fail_on: Option<Severity>,
    pub date: Option<String>,
    /// Words and names no rule may flag.
    #[serde(default)]
    pub allow: Vec<String>,
    /// The house's spellings of names the knowledge base spells otherwise.
    #[serde(default)]
    pub spellings: Vec<String>,
    /// Glob (relative to this file's directory) → rule ids or categories
    /// not to run on the files it matches.
    #[serde(default)]
    pub per_path_ignores: BTreeMap<String, Vec<String>>,
    /// The compiled globs of `per_path_ignores`, in the same order.
    #[serde(skip)]
    globs: Vec<(GlobMatcher, bool)>,
    /// The file it came from.
    #[serde(skip)]
    pub path: Option<PathBuf>,
    /// Its text, to place an error found after parsing.
    #[serde(skip)]
    text: String,
}

/// Where the values of a config stand in its text: read again only to
/// place an error at its line and column.
#[derive(Default, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
struct Spans {
    select: Vec<Spanned<String>>,
    ignore: Vec<Spanned<String>>,
    extend_select: Vec<Spanned<String>>,
    date: Option<Spanned<String>>,
    per_path_ignores: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
}

impl Config {
    /// The config for a run started in `dir`: `explicit` if given, else the
    /// nearest `mtlint.toml` in `dir` or above it, else the defaults.
    pub fn find(dir: &Path, explicit: Option<&Path>) -> Result<Self, String> {
        let path = match explicit {
            Some(path) => Some(path.to_path_buf()),
            None => Self::locate(dir),
        };
        match path {
            Some(path) => Self::load(&path),
            None => Ok(Self::default()),
        }
    }

    /// The nearest `mtlint.toml` in `dir` or above it.
    pub fn locate(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }

    /// Reads and checks one config file; errors name the file and the line.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read the config: {e}", path.display()))?;
        Self::parse(path, &text)
    }

    /// Parses and checks the text of a config file at `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Self, String> {
        let mut config: Config =
            toml::from_str(text).map_err(|e| toml_error(&path.display().to_string(), text, &e))?;
        config.path = Some(path.to_path_buf());
        config.text = text.to_owned();
        if let Some(date) = &config.date {
            if let Err(e) = date.parse::<Date>() {
                let at = config.spans().date.map(|d| d.span().start);
                return Err(config.error_at(at, format!("`date = \"{date}\"` is not a date: {e}")));
            }
        }
        let base = path.parent().unwrap_or(Path::new("."));
        config.rules = config.rules.iter().map(|dir| base.join(dir)).collect();
        for pattern in config.per_path_ignores.keys() {
            let glob = GlobBuilder::new(pattern)
                .literal_separator(true)
                .build()
                .map_err(|e| {
                    let spans = config.spans();
                    let at = spans
                        .per_path_ignores
                        .keys()
                        .find(|k| k.get_ref() == pattern);
                    config.error_at(
                        at.map(|k| k.span().start),
                        format!(
                            "per-path-ignores: `{pattern}` is not a valid glob: {}",
                            e.kind()
                        ),
                    )
                })?;
            // A pattern without a slash matches a file name in any directory.
            config
                .globs
                .push((glob.compile_matcher(), !pattern.contains('/')));
        }
        Ok(config)
    }

    /// Checks every rule id and category the config names (`select`,
    /// `ignore`, `extend-select` and each list of `per-path-ignores`) with
    /// `known`, which explains an unknown one: the first unknown one is an
    /// error at its line and column, whichever files the run lints.
    pub fn check_rule_ids(&self, known: impl Fn(&str) -> Result<(), String>) -> Result<(), String> {
        let spans = self.spans();
        let lists = [
            ("select", &spans.select),
            ("ignore", &spans.ignore),
            ("extend-select", &spans.extend_select),
        ];
        let per_path = spans
            .per_path_ignores
            .values()
            .map(|ids| ("per-path-ignores", ids));
        for (key, ids) in lists.into_iter().chain(per_path) {
            for id in ids {
                if let Err(message) = known(id.get_ref()) {
                    return Err(self.error_at(Some(id.span().start), format!("{key}: {message}")));
                }
            }
        }
        Ok(())
    }

    /// Where the values stand in the config's text (nothing for the
    /// defaults, which have none).
    fn spans(&self) -> Spans {
        toml::from_str(&self.text).unwrap_or_default()
    }

    /// `message` as an error of this config, at byte `at` of its text.
    fn error_at(&self, at: Option<usize>, message: String) -> String {
        let name = match &self.path {
            Some(path) => path.display().to_string(),
            None => return message,
        };
        match at {
            Some(at) => format!("{}: {message}", position(&name, &self.text, at)),
            None => format!("{name}: {message}"),
        }
    }

    /// The per-path ignores that apply to the file at `file` (absolute, or
    /// relative to the same directory as the config's path).
    pub fn ignores_for(&self, file: &Path) -> Vec<String> {
        let base = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(Path::new(""));
        let Ok(relative) = file.strip_prefix(base) else {
            return Vec::new();
        };
        let mut ignores = Vec::new();
        for ((matcher, by_name), names) in self.globs.iter().zip(self.per_path_ignores.values()) {
            let hit = matcher.is_match(relative)
                || (*by_name && relative.file_name().is_some_and(|n| matcher.is_match(n)));
            if hit {
                ignores.extend(names.iter().cloned());
            }
        }
        ignores.sort();
        ignores.dedup();
        ignores
    }

    /// The settings the rules read: the article date and the compiled
    /// house spellings (an unknown name is an error naming this file).
    pub fn settings(&self) -> Result<crate::rule::Settings, String> {
        // Without house spellings the knowledge base is not needed yet: the
        // rules load it when they first read it, and in `check` a start-up
        // thread is loading it already (`rules::warm_up_in_background`).
        let house = if self.spellings.is_empty() {
            None
        } else {
            crate::knowledge::house::HouseSpellings::new(crate::kb::Kb::builtin(), &self.spellings)
                .map_err(|e| match &self.path {
                    Some(path) => format!("{}: {e}", path.display()),
                    None => e,
                })?
        };
        Ok(crate::rule::Settings {
            date: self.date(),
            house,
        })
    }

    pub fn date(&self) -> Option<Date> {
        self.date.as_deref().and_then(|d| d.parse().ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_nearest_file_above_and_resolves_rule_dirs_against_it() {
        let root = tempfile::tempdir().unwrap();
        let deep = root.path().join("desk/2022/09");
        fs::create_dir_all(&deep).unwrap();
        fs::write(
            root.path().join(FILE_NAME),
            "select = [\"name\"]\nrules = [\"house\"]\nfail-on = \"error\"\ndate = \"2022-09-21\"\n",
        )
        .unwrap();
        let config = Config::find(&deep, None).unwrap();
        assert_eq!(config.select, ["name"]);
        assert_eq!(config.rules, [root.path().join("house")]);
        assert_eq!(config.fail_on, Some(Severity::Error));
        assert_eq!(config.date(), "2022-09-21".parse().ok());
        // No file anywhere: the defaults.
        let empty = tempfile::tempdir().unwrap();
        let found = Config::find(empty.path(), None).unwrap();
        let above = empty
            .path()
            .ancestors()
            .any(|d| d.join(FILE_NAME).is_file());
        assert_eq!(found.path.is_some(), above);
    }

    #[test]
    fn a_wrong_key_or_value_is_an_error_naming_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        fs::write(&path, "select = [\"name\"]\nfail_on = \"error\"\n").unwrap();
        let error = Config::load(&path).unwrap_err();
        assert!(error.contains("mtlint.toml:2:"), "{error}");
        assert!(error.contains("fail_on"), "{error}");
        fs::write(&path, "select = []\ndate = \"2022-13-40\"\n").unwrap();
        let error = Config::load(&path).unwrap_err();
        assert!(error.contains("mtlint.toml:2:8: `date"), "{error}");
        assert!(error.contains("is not a date"), "{error}");
        fs::write(&path, "[per-path-ignores]\n\"wire/[a\" = [\"junk\"]\n").unwrap();
        let error = Config::load(&path).unwrap_err();
        assert!(
            error.contains("mtlint.toml:2:1: per-path-ignores: `wire/[a`"),
            "{error}"
        );
        fs::write(&path, "fail-on = \"fatal\"\n").unwrap();
        assert!(Config::load(&path).unwrap_err().contains("mtlint.toml:1:"));
    }

    #[test]
    fn an_unknown_rule_id_is_placed_wherever_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let known = |id: &str| match id {
            "name" | "junk" => Ok(()),
            _ => Err(format!("`{id}` is unknown")),
        };
        for (text, at) in [
            (
                "select = [\"name\", \"nmae\"]\n",
                "mtlint.toml:1:19: select: `nmae`",
            ),
            (
                "ignore = [\"junk\"]\n[per-path-ignores]\n\"wire/**\" = [\"jnuk\"]\n",
                "mtlint.toml:3:14: per-path-ignores: `jnuk`",
            ),
        ] {
            fs::write(&path, text).unwrap();
            let error = Config::load(&path)
                .unwrap()
                .check_rule_ids(known)
                .unwrap_err();
            assert!(error.contains(at), "{error}");
        }
        fs::write(&path, "select = [\"name\"]\n").unwrap();
        assert!(Config::load(&path).unwrap().check_rule_ids(known).is_ok());
        assert!(Config::default().check_rule_ids(known).is_ok());
    }
}
