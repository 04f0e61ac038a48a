//! The registry: every rule mtlint knows, built-in detectors and rule files
//! alike, and the selection of those that run.

pub mod encoding;
pub mod file;
pub mod junk;
pub mod name;
pub(crate) mod screen;
#[cfg(test)]
pub(crate) mod test;
pub mod title;
pub mod translation;
pub mod typography;
pub mod unused_suppression;

use std::collections::HashSet;
use std::path::Path;

use crate::diagnostic::Category;
use crate::embedded::RULE_FILES;
use crate::knowledge::Knowledge;
use crate::rule::{Check, RuleMeta};
use file::{LoadedRules, RuleDirError, RuleFileError, RuleFileSet};

/// The built-in detectors, in the order `mtlint rules` lists them.
fn builtin_checks() -> Vec<Box<dyn Check>> {
    vec![
        Box::new(encoding::mojibake::Mojibake),
        Box::new(encoding::replacement_character::ReplacementCharacter),
        Box::new(encoding::html_entity::HtmlEntity),
        Box::new(encoding::control_character::ControlCharacter),
        Box::new(encoding::invisible_character::InvisibleCharacter),
        Box::new(encoding::mixed_script::MixedScript),
        Box::new(encoding::legacy_input::LegacyInput),
        Box::new(name::known_forms::KnownForms),
        Box::new(name::digit_placeholder::DigitPlaceholder),
        Box::new(name::near_miss::NearMiss),
        Box::new(name::inconsistent::Inconsistent),
        Box::new(name::house_spelling::HouseSpelling),
        Box::new(title::wrong_office::WrongOffice),
        Box::new(title::inconsistent::Inconsistent),
        Box::new(junk::scraper_line::ScraperLine),
        Box::new(junk::site_suffix::SiteSuffix),
        Box::new(junk::foreign_paragraph::ForeignParagraph),
        Box::new(junk::pull_quote::PullQuote),
        Box::new(translation::stray_capital::StrayCapital),
        Box::new(translation::scrambled_date::ScrambledDate),
        Box::new(translation::untranslated::Untranslated),
        Box::new(translation::doubled_synonym::DoubledSynonym),
        Box::new(translation::name_order::NameOrder),
        Box::new(typography::missing_space::MissingSpace),
        Box::new(typography::misplaced_quote::MisplacedQuote),
        Box::new(typography::doubled_word::DoubledWord),
        Box::new(typography::glued_words::GluedWords),
        Box::new(typography::multiple_spaces::MultipleSpaces),
        Box::new(typography::trailing_whitespace::TrailingWhitespace),
        Box::new(unused_suppression::UnusedSuppression),
    ]
}

/// Every check of a run, with the metadata of every rule.
pub struct Registry {
    checks: Vec<Box<dyn Check>>,
}

impl Registry {
    /// The built-in detectors and rule files.
    pub fn builtin() -> Result<Self, RuleFileError> {
        Self::with_rule_dirs(&[]).map_err(|e| match e {
            RuleDirError::Rule(e) => e,
            RuleDirError::Io { .. } => unreachable!("no directory was read"),
        })
    }

    /// The built-in rules plus the rule files under each of `dirs`. The
    /// examples of user rule files are checked here, so a rule that does not
    /// do what its examples say is an error, not a surprise.
    pub fn with_rule_dirs(dirs: &[&Path]) -> Result<Self, RuleDirError> {
        let mut loaded = builtin_rule_files();
        let builtin_count = loaded.metas().len();
        for dir in dirs {
            loaded.add_dir(dir)?;
        }
        Ok(Self::with_loaded(loaded, builtin_count)?)
    }

    /// The built-in rules plus rule files given as `(name, contents)`, as
    /// if read from a rule directory (the rule-file fuzz target uses it).
    pub fn with_rule_texts(files: &[(&str, &str)]) -> Result<Self, RuleFileError> {
        let mut loaded = builtin_rule_files();
        let builtin_count = loaded.metas().len();
        for (name, contents) in files {
            loaded.add_file(name, contents)?;
        }
        Self::with_loaded(loaded, builtin_count)
    }

    /// `loaded`: the built-in rule files, then from `builtin_count` on the
    /// user's.
    fn with_loaded(loaded: LoadedRules, builtin_count: usize) -> Result<Self, RuleFileError> {
        if loaded.metas().len() > builtin_count {
            if let Some(failure) = loaded
                .verify_examples()
                .into_iter()
                .find(|f| !f.path.starts_with("rules/"))
            {
                return Err(failure);
            }
        }
        let mut checks = builtin_checks();
        let mut ids: HashSet<String> = checks
            .iter()
            .flat_map(|c| c.rules())
            .map(|m| m.id.to_string())
            .collect();
        for meta in loaded.metas() {
            if !ids.insert(meta.id.to_string()) {
                return Err(RuleFileError {
                    path: meta.origin.to_string(),
                    line: 1,
                    column: 1,
                    message: format!("rule `{}` has the id of a built-in rule", meta.id),
                });
            }
        }
        if !loaded.is_empty() {
            checks.push(Box::new(RuleFileSet::compile(loaded)));
        }
        Ok(Self { checks })
    }

    pub fn checks(&self) -> &[Box<dyn Check>] {
        &self.checks
    }

    pub fn rules(&self) -> impl Iterator<Item = &RuleMeta> {
        self.checks.iter().flat_map(|c| c.rules())
    }

    /// The rule id or category nearest to a mistyped `input`, for a "did
    /// you mean" hint: at most a third of its letters edited (one at
    /// least, three at most), as cargo guesses a subcommand.
    pub fn nearest(&self, input: &str) -> Option<String> {
        let limit = (input.chars().count() / 3).clamp(1, 3);
        let categories = Category::ALL.iter().map(|c| c.as_str().to_owned());
        self.rules()
            .map(|r| r.id.to_string())
            .chain(categories)
            .map(|candidate| (strsim::damerau_levenshtein(input, &candidate), candidate))
            .filter(|(distance, _)| *distance <= limit)
            .min()
            .map(|(_, candidate)| candidate)
    }

    /// `message`, with the nearest id or category to `input` if one is near.
    pub fn with_hint(&self, message: String, input: &str) -> String {
        match self.nearest(input) {
            Some(near) => format!("{message}; did you mean `{near}`?"),
            None => message,
        }
    }

    /// Whether `selector` is a rule id or a category; the error says which
    /// is nearest.
    pub fn check_selector(&self, selector: &str) -> Result<(), String> {
        if selector.parse::<Category>().is_ok() || self.rules().any(|r| r.id == selector) {
            return Ok(());
        }
        Err(self.with_hint(
            format!("`{selector}` is neither a rule id nor a category (see `mtlint rules`)"),
            selector,
        ))
    }

    /// The ids selected by `--select` and `--ignore` (each a rule id or a
    /// category). An empty `select` selects every rule but the opt-in ones,
    /// which run only when `select` names them by their id.
    pub fn select(&self, select: &[String], ignore: &[String]) -> Result<HashSet<String>, String> {
        for selector in select.iter().chain(ignore) {
            self.check_selector(selector)?;
        }
        let matches = |meta: &RuleMeta, selectors: &[String]| {
            selectors
                .iter()
                .any(|s| meta.id == s.as_str() || meta.category.as_str() == s)
        };
        let selected = |meta: &RuleMeta| {
            if meta.opt_in {
                select.iter().any(|s| meta.id == s.as_str())
            } else {
                select.is_empty() || matches(meta, select)
            }
        };
        Ok(self
            .rules()
            .filter(|m| selected(m))
            .filter(|m| !matches(m, ignore))
            .map(|m| m.id.to_string())
            .collect())
    }
}

/// Builds the built-in rules' costly state (the knowledge base and its
/// office index; the screens of the built-in patterns no gate holds back,
/// the scraper-line signal set and the lexicons) on two threads of its
/// own, while the caller reads
/// its configuration, rule files and input. A short run, such as one
/// article from an editor or a pre-commit hook, would otherwise build them
/// one after another on its own thread when its first text needs them;
/// whatever the run needs and is not built yet, it waits for. The threads
/// end with the process.
pub fn warm_up_in_background() {
    std::thread::spawn(|| Knowledge::builtin().warm_up_kb());
    std::thread::spawn(|| {
        file::warm_up_builtin();
        junk::scraper_line::warm_up();
        let knowledge = Knowledge::builtin();
        knowledge.lexicons();
    });
}

/// The rule files under `rules/`, embedded at build time.
pub fn builtin_rule_files() -> LoadedRules {
    // The embedded files are checked by `tests::builtin_rule_files_load`,
    // so their patterns are compiled only when an article needs them.
    let mut loaded = LoadedRules::lazy();
    for (path, contents) in RULE_FILES {
        loaded
            .add_file(path, contents)
            .unwrap_or_else(|e| panic!("built-in rule file is invalid: {e}"));
    }
    loaded.checked()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rule_files_load_and_their_examples_pass() {
        let mut loaded = LoadedRules::default();
        for (path, contents) in RULE_FILES {
            loaded.add_file(path, contents).unwrap();
        }
        let failures: Vec<String> = loaded
            .verify_examples()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// A Unicode word boundary would stop the fast DFA at the first
    /// character outside ASCII of every article (see `rules/README.md`).
    #[test]
    fn builtin_patterns_write_word_boundaries_in_ascii() {
        for (path, contents) in RULE_FILES {
            for line in contents.lines().filter(|l| l.starts_with("pattern")) {
                let rest = line.replace("(?-u:\\b)", "");
                assert!(
                    !rest.contains("\\b") && !rest.contains("\\B"),
                    "{path}: write a word boundary as (?-u:\\b): {line}"
                );
            }
        }
    }

    /// The annotated examples of `rules/README.md` load and pass.
    #[test]
    fn rule_file_documentation_examples_are_valid() {
        let readme = include_str!("../../rules/README.md");
        let blocks: Vec<&str> = readme
            .split("```toml\n")
            .skip(1)
            .map(|rest| rest.split("```").next().unwrap())
            .collect();
        assert_eq!(blocks.len(), 2);
        for (i, block) in blocks.iter().enumerate() {
            let mut loaded = LoadedRules::default();
            loaded
                .add_file(&format!("rules/README.md#{i}"), block)
                .unwrap();
            assert_eq!(loaded.verify_examples(), vec![]);
        }
    }

    #[test]
    fn rule_ids_are_unique_and_well_formed() {
        let registry = Registry::builtin().unwrap();
        let mut seen = HashSet::new();
        for meta in registry.rules() {
            assert_eq!(file::parse_id(&meta.id), Ok(meta.category), "{}", meta.id);
            assert!(seen.insert(meta.id.clone()), "duplicate id {}", meta.id);
            assert!(
                meta.summary.ends_with('.'),
                "{}: the summary is a sentence",
                meta.id
            );
        }
    }

    #[test]
    fn selects_by_id_and_category() {
        let registry = Registry::builtin().unwrap();
        let all = registry.select(&[], &[]).unwrap();
        let typo = registry
            .select(&["typography".into()], &["typography.doubled-word".into()])
            .unwrap();
        assert!(typo.len() < all.len() || all.iter().all(|id| id.starts_with("typography.")));
        assert!(!typo.contains("typography.doubled-word"));
        assert!(typo.contains("typography.missing-space"));
        assert!(registry.select(&["typograhpy".into()], &[]).is_err());
    }

    #[test]
    fn runs_an_opt_in_rule_only_when_named_by_its_id() {
        let registry = Registry::builtin().unwrap();
        assert!(registry
            .rules()
            .any(|m| m.id == "name.diacritics" && m.opt_in));
        assert!(!registry
            .select(&[], &[])
            .unwrap()
            .contains("name.diacritics"));
        let name = registry.select(&["name".into()], &[]).unwrap();
        assert!(name.contains("name.misspelling") && !name.contains("name.diacritics"));
        let named = registry.select(&["name.diacritics".into()], &[]).unwrap();
        assert_eq!(named.len(), 1);
        assert!(registry
            .select(&["name.diacritics".into()], &["name".into()])
            .unwrap()
            .is_empty());
    }
}
