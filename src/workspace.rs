//! The one resolver of settings, shared by `mtlint check`, `mtlint batch`
//! and the language server: the command line's [`Overrides`] plus the
//! nearest `mtlint.toml` above a file (or the one named with `--config`)
//! give the [`Plan`] that file is linted with.
//!
//! A plan is built once per config file and per list of per-path ignores
//! that apply, so a run over many files under one config builds one
//! `Linter`. The resolver knows nothing of clap: the command line turns
//! its flags into [`Overrides`] first.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::config::Config;
use crate::date::Date;
use crate::diagnostic::Severity;
use crate::lint::Linter;
use crate::rules::file::LoadedRules;
use crate::rules::Registry;
use crate::suppress::AllowList;

/// What the command line sets on top of the config files: flags win over
/// a config's values, and lists add up with its lists (see
/// [`crate::config`]). The language server runs with none.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// Extra rule directories (`--rules`).
    pub rule_dirs: Vec<PathBuf>,
    /// `--select`: replaces the config's `select` and `extend-select`.
    pub select: Vec<String>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub date: Option<Date>,
    pub fail_on: Option<Severity>,
    /// `--config`: the config file to use instead of the nearest one.
    pub config: Option<PathBuf>,
}

/// How the files under one config are linted: the overrides merged into
/// the config, less the config's per-path ignores for those files.
pub struct Plan {
    pub linter: Linter,
    /// The lowest severity that fails a file.
    pub fail_on: Severity,
    /// The rule directories the registry was compiled from.
    rule_dirs: Vec<PathBuf>,
    /// Their files read again, on first use, for the examples of an
    /// explanation.
    rule_files: OnceLock<LoadedRules>,
}

impl Plan {
    /// The plan of `config` with `overrides`, without the rules of
    /// `extra_ignores` (the config's per-path ignores for a file).
    pub fn new(
        overrides: &Overrides,
        config: &Config,
        extra_ignores: &[String],
    ) -> Result<Self, String> {
        let select = if overrides.select.is_empty() {
            &config.select
        } else {
            &overrides.select
        };
        let ignore: Vec<String> = overrides
            .ignore
            .iter()
            .chain(&config.ignore)
            .chain(extra_ignores)
            .cloned()
            .collect();
        let rule_dirs: Vec<PathBuf> = config
            .rules
            .iter()
            .chain(&overrides.rule_dirs)
            .cloned()
            .collect();
        let dirs: Vec<&Path> = rule_dirs.iter().map(PathBuf::as_path).collect();
        let registry = Registry::with_rule_dirs(&dirs).map_err(|e| e.to_string())?;
        config.check_rule_ids(|id| registry.check_selector(id))?;
        let mut enabled = registry.select(select, &ignore)?;
        let extend = extend_select(overrides, config);
        if !extend.is_empty() {
            enabled.extend(registry.select(&extend, &ignore)?);
        }
        let mut settings = config.settings()?;
        settings.date = overrides.date.or(settings.date);
        Ok(Self {
            linter: Linter::new(registry, enabled, settings)
                .with_allow_list(AllowList::new(&config.allow)),
            fail_on: overrides
                .fail_on
                .or(config.fail_on)
                .unwrap_or(Severity::Warning),
            rule_dirs,
            rule_files: OnceLock::new(),
        })
    }

    /// The plan of the built-in defaults: no config and no flags.
    pub fn defaults() -> Result<Self, String> {
        Self::new(&Overrides::default(), &Config::default(), &[])
    }

    /// The built-in rule files and those of the plan's rule directories,
    /// with their examples.
    pub fn rule_files(&self) -> &LoadedRules {
        self.rule_files.get_or_init(|| {
            let mut loaded = crate::rules::builtin_rule_files();
            for dir in &self.rule_dirs {
                // The registry loaded them once already, so this cannot
                // fail anew.
                let _ = loaded.add_dir(dir);
            }
            loaded
        })
    }
}

/// The rules to run on top of the selection: `--extend-select` and the
/// config's `extend-select`, unless `--select` replaced the config's
/// selection, its extension too.
fn extend_select(overrides: &Overrides, config: &Config) -> Vec<String> {
    let config_extend: &[String] = if overrides.select.is_empty() {
        &config.extend_select
    } else {
        &[]
    };
    overrides
        .extend_select
        .iter()
        .chain(config_extend)
        .cloned()
        .collect()
}

/// A config that does not load, or settings that do not make a plan.
#[derive(Debug)]
pub struct ResolveError {
    /// The config file at fault (`None`: the built-in defaults).
    pub config: Option<PathBuf>,
    pub message: String,
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// A config file (`None`: the defaults) and the per-path ignores that apply.
type PlanKey = (Option<PathBuf>, Vec<String>);

/// Finds each file's config and builds one [`Plan`] per distinct config
/// and per-path ignore list.
pub struct Resolver {
    overrides: Overrides,
    /// Relative paths are taken against it; a document that is not a file
    /// takes its config from here.
    base: PathBuf,
    /// Whether each lookup reads the disk again (an editor's files change
    /// under the server) instead of remembering configs for the run.
    reread: bool,
    /// Directory → its nearest config, so each directory is looked up once.
    nearest: HashMap<PathBuf, Option<PathBuf>>,
    configs: HashMap<Option<PathBuf>, Config>,
    keys: HashMap<PlanKey, usize>,
    plans: Vec<Arc<Plan>>,
}

impl Resolver {
    /// A resolver for one run, which reads each config once; `base` is the
    /// working directory.
    pub fn new(overrides: Overrides, base: PathBuf) -> Self {
        Self {
            overrides,
            base,
            reread: false,
            nearest: HashMap::new(),
            configs: HashMap::new(),
            keys: HashMap::new(),
            plans: Vec::new(),
        }
    }

    /// A resolver for an editor's session, which looks for and reads the
    /// configs again on each lookup; the plans are kept until [`forget`].
    ///
    /// [`forget`]: Self::forget
    pub fn rereading(overrides: Overrides, base: PathBuf) -> Self {
        Self {
            reread: true,
            ..Self::new(overrides, base)
        }
    }

    /// The plan of the file at `file` (relative to the base, or absolute);
    /// `None` is a document that is not a file.
    pub fn plan_for(&mut self, file: Option<&Path>) -> Result<Arc<Plan>, ResolveError> {
        let absolute = file.map(|f| self.base.join(f));
        let dir = absolute
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(&self.base)
            .to_path_buf();
        let config_path = self.config_path(dir);
        if let Err(message) = self.load_config(&config_path) {
            let config = config_path;
            return Err(ResolveError { config, message });
        }
        let config = &self.configs[&config_path];
        let extra = absolute.map(|f| config.ignores_for(&f)).unwrap_or_default();
        let key = (config_path, extra);
        if let Some(&index) = self.keys.get(&key) {
            return Ok(Arc::clone(&self.plans[index]));
        }
        let plan = match Plan::new(&self.overrides, config, &key.1) {
            Ok(plan) => Arc::new(plan),
            Err(message) => {
                let config = key.0;
                return Err(ResolveError { config, message });
            }
        };
        self.plans.push(Arc::clone(&plan));
        self.keys.insert(key, self.plans.len() - 1);
        Ok(plan)
    }

    /// Every plan built so far, in the order they were first needed.
    pub fn plans(&self) -> impl Iterator<Item = &Plan> {
        self.plans.iter().map(AsRef::as_ref)
    }

    /// Forgets every config and plan, so the next lookups read them again.
    pub fn forget(&mut self) {
        self.nearest.clear();
        self.configs.clear();
        self.keys.clear();
        self.plans.clear();
    }

    /// The config file for a file in `dir`: `--config`, else the nearest
    /// `mtlint.toml` in `dir` or above it.
    fn config_path(&mut self, dir: PathBuf) -> Option<PathBuf> {
        if let Some(explicit) = &self.overrides.config {
            return Some(self.base.join(explicit));
        }
        if self.reread {
            return Config::locate(&dir);
        }
        self.nearest
            .entry(dir)
            .or_insert_with_key(|dir| Config::locate(dir))
            .clone()
    }

    /// Reads the config at `path` (`None`: the defaults), once per run.
    fn load_config(&mut self, path: &Option<PathBuf>) -> Result<(), String> {
        if self.reread {
            self.configs.remove(path);
        }
        if !self.configs.contains_key(path) {
            let config = match path {
                Some(p) => Config::load(p)?,
                None => Config::default(),
            };
            self.configs.insert(path.clone(), config);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::config::FILE_NAME;

    /// Has a typography.missing-space finding ("Nations.A").
    const TEXT: &str = "The leaders met at the United Nations.A theme was raised.\n";

    fn rules_found(plan: &Plan) -> Vec<String> {
        let found = plan.linter.lint(TEXT);
        found.into_iter().map(|d| d.rule).collect()
    }

    #[test]
    fn files_under_one_config_share_a_plan_and_per_path_ignores_get_their_own() {
        let root = tempfile::tempdir().unwrap();
        let wire = root.path().join("wire");
        fs::create_dir_all(&wire).unwrap();
        fs::write(
            root.path().join(FILE_NAME),
            "fail-on = \"error\"\n[per-path-ignores]\n\"wire/**\" = [\"typography\"]\n",
        )
        .unwrap();
        let mut resolver = Resolver::new(Overrides::default(), root.path().to_path_buf());
        let a = resolver.plan_for(Some(Path::new("a.txt"))).unwrap();
        let b = resolver.plan_for(Some(Path::new("b.txt"))).unwrap();
        let wired = resolver.plan_for(Some(Path::new("wire/c.txt"))).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &wired));
        assert_eq!(resolver.plans().count(), 2);
        assert_eq!(a.fail_on, Severity::Error);
        assert!(rules_found(&a).contains(&"typography.missing-space".to_owned()));
        assert!(rules_found(&wired).is_empty());
    }

    #[test]
    fn flags_win_over_the_config_and_an_explicit_config_is_used_anywhere() {
        let root = tempfile::tempdir().unwrap();
        let elsewhere = root.path().join("elsewhere.toml");
        fs::write(&elsewhere, "fail-on = \"error\"\nselect = [\"name\"]\n").unwrap();
        let overrides = Overrides {
            fail_on: Some(Severity::Info),
            select: vec!["typography".to_owned()],
            config: Some(PathBuf::from("elsewhere.toml")),
            ..Overrides::default()
        };
        let mut resolver = Resolver::new(overrides, root.path().to_path_buf());
        let plan = resolver.plan_for(Some(Path::new("desk/a.txt"))).unwrap();
        assert_eq!(plan.fail_on, Severity::Info);
        assert_eq!(rules_found(&plan), ["typography.missing-space"]);
    }

    #[test]
    fn a_broken_config_is_an_error_naming_it() {
        let root = tempfile::tempdir().unwrap();
        let config = root.path().join(FILE_NAME);
        fs::write(&config, "ignor = []\n").unwrap();
        let mut resolver = Resolver::new(Overrides::default(), root.path().to_path_buf());
        let Err(error) = resolver.plan_for(None) else {
            panic!("a broken config makes no plan");
        };
        assert_eq!(error.config.as_deref(), Some(config.as_path()));
        assert!(error.message.contains("mtlint.toml:1"), "{error}");
    }

    #[test]
    fn a_rereading_resolver_sees_a_config_written_after_its_first_lookup() {
        let root = tempfile::tempdir().unwrap();
        let base = root.path().to_path_buf();
        let mut run = Resolver::new(Overrides::default(), base.clone());
        let mut editor = Resolver::rereading(Overrides::default(), base);
        run.plan_for(None).unwrap();
        editor.plan_for(None).unwrap();
        fs::write(root.path().join(FILE_NAME), "fail-on = \"error\"\n").unwrap();
        assert_eq!(run.plan_for(None).unwrap().fail_on, Severity::Warning);
        assert_eq!(editor.plan_for(None).unwrap().fail_on, Severity::Error);
        run.forget();
        assert_eq!(run.plan_for(None).unwrap().fail_on, Severity::Error);
    }
}
