//! The command line of CONTRACT.md: `mtlint check` and `mtlint rules`.
//!
//! [`run`] parses nothing itself; it takes parsed [`Args`] and writers, so
//! tests can drive it, and returns the exit status.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Args as ClapArgs, Parser, Subcommand};
use rayon::prelude::*;

use crate::config::Config;
use crate::date::Date;
use crate::diagnostic::Severity;
use crate::lint::Linter;
use crate::output::human::Style;
use crate::output::{json, FileReport, Format, ReportWriter};
use crate::rules::Registry;
use crate::source::{Loaded, SourceFile};
use crate::suppress::{AllowList, Sidecar};
use crate::walk::{collect_inputs, Input};

/// Files linted at once per thread before their reports are written: enough
/// to keep every thread busy, few enough that a run over a million files
/// holds only a few hundred texts.
const CHUNK_FILES_PER_THREAD: usize = 64;

#[derive(Parser, Debug)]
#[command(
    name = "mtlint",
    version,
    about = "Lint scraped, machine-translated news articles."
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint files, directories or standard input ('-').
    Check(CheckArgs),
    /// List every rule: id, category, severity and summary.
    Rules(RulesArgs),
    /// Run a Language Server over standard input and output.
    Lsp,
    /// Lint JSON Lines records from standard input, one output line each.
    Batch(BatchArgs),
}

#[derive(ClapArgs, Debug)]
pub struct BatchArgs {
    #[command(flatten)]
    pub rule: RuleArgs,
    /// The field that identifies a record, copied to its output line.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// The field that holds the article's text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// A field with the article's own date (YYYY-MM-DD or ISO 8601).
    #[arg(long, value_name = "NAME")]
    pub date_field: Option<String>,
    /// Apply the safe fixes and add the fixed text to each output line.
    #[arg(long)]
    pub fix: bool,
    /// With --fix, also apply the unsafe fixes.
    #[arg(long, requires = "fix")]
    pub unsafe_fixes: bool,
}

/// Which rules run and how: shared by `check` and `batch` (and, empty, by
/// the language server, which takes everything from the config).
#[derive(ClapArgs, Debug, Default)]
pub struct RuleArgs {
    /// Extra rule files (a directory of *.toml), on top of the built-in set.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Comma-separated rule ids or categories to run (default: all but the
    /// opt-in rules).
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub select: Vec<String>,
    /// Comma-separated rule ids or categories to run on top of the
    /// selection: how an opt-in rule (`mtlint rules` marks them) is turned on.
    #[arg(long = "extend-select", value_delimiter = ',', value_name = "LIST")]
    pub extend_select: Vec<String>,
    /// Comma-separated rule ids or categories not to run.
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub ignore: Vec<String>,
    /// The article's date (YYYY-MM-DD), for facts that change over time.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// The lowest severity that makes the exit status 1 [default: the
    /// config's, else warning]
    #[arg(long = "fail-on", value_enum, value_name = "FAIL_ON")]
    pub fail_on_flag: Option<Severity>,
    /// The config file to use instead of the nearest mtlint.toml.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

#[derive(ClapArgs, Debug)]
pub struct CheckArgs {
    /// Files, directories (walked recursively) or '-' for standard input.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Apply the safe fixes in place; with '-', print the fixed text.
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff, also apply the unsafe fixes.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff and write nothing.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// The name that '-' is reported under.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    #[command(flatten)]
    pub rule: RuleArgs,
    /// File extensions to lint when walking a directory.
    #[arg(long = "extension", value_delimiter = ',', value_name = "EXT", default_values_t = ["txt".to_string(), "md".to_string()])]
    pub extensions: Vec<String>,
}

#[derive(ClapArgs, Debug)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
    pub format: RulesFormat,
    /// Extra rule files to list with the built-in ones.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Print one rule's documentation with examples of what it flags and
    /// what it leaves alone.
    #[arg(long, value_name = "ID")]
    pub explain: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
}

/// The exit status of CONTRACT.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// No diagnostic at or above `--fail-on`.
    Clean = 0,
    /// At least one diagnostic at or above `--fail-on`.
    Findings = 1,
    /// A usage error, an unreadable file or an invalid rule file.
    Error = 2,
}

/// The terminal: standard output, standard error and standard input.
pub struct Io<'a> {
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    pub stdin: &'a mut dyn Read,
    /// Whether standard output is a terminal that takes colour.
    pub color: bool,
}

impl Io<'_> {
    /// The process's own streams.
    pub fn with_std<T>(f: impl FnOnce(&mut Io) -> T) -> T {
        let stdout = io::stdout();
        let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let mut stdout = io::BufWriter::new(stdout.lock());
        let mut stderr = io::stderr().lock();
        let mut stdin = io::stdin().lock();
        let mut io = Io {
            stdout: &mut stdout,
            stderr: &mut stderr,
            stdin: &mut stdin,
            color,
        };
        let result = f(&mut io);
        let _ = io.stdout.flush();
        result
    }
}

/// Runs a parsed command line. An `Err` is an I/O error on the output
/// streams (a closed pipe among them); the caller decides what it means.
pub fn run(args: Args, io: &mut Io) -> io::Result<ExitStatus> {
    match args.command {
        Command::Check(check) => run_check(check, io),
        Command::Rules(rules) => run_rules(rules, io),
        Command::Batch(batch) => run_batch(batch, io),
        // The server owns the process's standard streams, which `io` holds
        // locked, so `main` starts it before making an `Io`.
        Command::Lsp => {
            writeln!(
                io.stderr,
                "mtlint: error: the language server runs from `main`"
            )?;
            Ok(ExitStatus::Error)
        }
    }
}

fn load_registry(dirs: &[PathBuf], io: &mut Io) -> io::Result<Option<Registry>> {
    let dirs: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
    match Registry::with_rule_dirs(&dirs) {
        Ok(registry) => Ok(Some(registry)),
        Err(error) => {
            writeln!(io.stderr, "mtlint: error: {error}")?;
            Ok(None)
        }
    }
}

fn run_rules(args: RulesArgs, io: &mut Io) -> io::Result<ExitStatus> {
    let Some(registry) = load_registry(&args.rules, io)? else {
        return Ok(ExitStatus::Error);
    };
    if let Some(id) = &args.explain {
        let Some(meta) = registry.rules().find(|r| r.id == id.as_str()) else {
            writeln!(
                io.stderr,
                "mtlint: error: no rule `{id}` (`mtlint rules` lists them)"
            )?;
            return Ok(ExitStatus::Error);
        };
        // The registry compiled the rule files; their examples are read again.
        let mut loaded = crate::rules::builtin_rule_files();
        for dir in &args.rules {
            // Already loaded once by load_registry, so this cannot fail anew.
            let _ = loaded.add_dir(dir);
        }
        write!(io.stdout, "{}", crate::explain::explain(meta, &loaded))?;
        return Ok(ExitStatus::Clean);
    }
    match args.format {
        RulesFormat::Json => {
            let rules: Vec<_> = registry
                .rules()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "category": r.category,
                        "severity": r.severity,
                        "summary": r.summary,
                        "fixable": r.fixable,
                        "default": !r.opt_in,
                        "origin": r.origin,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(
                &mut *io.stdout,
                &serde_json::json!({ "version": json::VERSION, "rules": rules }),
            )?;
            writeln!(io.stdout)?;
        }
        RulesFormat::Human => {
            let width = registry.rules().map(|r| r.id.len()).max().unwrap_or(0);
            for r in registry.rules() {
                writeln!(
                    io.stdout,
                    "{:width$}  {:7}  {}{}{}",
                    r.id,
                    r.severity.as_str(),
                    r.summary,
                    if r.fixable { " (fix)" } else { "" },
                    if r.opt_in { " (opt-in)" } else { "" },
                )?;
            }
        }
    }
    Ok(ExitStatus::Clean)
}

/// What happened to one input.
enum Outcome {
    Report {
        report: FileReport,
        diff: Option<String>,
    },
    /// `--fix -`: the fixed text, printed instead of a report.
    FixedStdin {
        text: String,
        report: FileReport,
    },
    Skipped(String),
    Failed(String),
}

/// How the files under one config are linted: the flags merged into the
/// config (flags win, lists add up), and the config's per-path ignores.
pub(crate) struct Plan {
    pub(crate) linter: Linter,
    pub(crate) fail_on: Severity,
}

impl Plan {
    pub(crate) fn new(
        args: &RuleArgs,
        config: &Config,
        extra_ignores: &[String],
    ) -> Result<Self, String> {
        let select = if args.select.is_empty() {
            &config.select
        } else {
            &args.select
        };
        let ignore: Vec<String> = args
            .ignore
            .iter()
            .chain(&config.ignore)
            .chain(extra_ignores)
            .cloned()
            .collect();
        let dirs: Vec<&Path> = config
            .rules
            .iter()
            .chain(&args.rules)
            .map(PathBuf::as_path)
            .collect();
        let registry = Registry::with_rule_dirs(&dirs).map_err(|e| e.to_string())?;
        let mut enabled = registry.select(select, &ignore)?;
        // `--select` replaces the config's selection, its extension too.
        let config_extend: &[String] = if args.select.is_empty() {
            &config.extend_select
        } else {
            &[]
        };
        let extend: Vec<String> = args
            .extend_select
            .iter()
            .chain(config_extend)
            .cloned()
            .collect();
        if !extend.is_empty() {
            enabled.extend(registry.select(&extend, &ignore)?);
        }
        let mut settings = config.settings()?;
        settings.date = args.date.or(settings.date);
        Ok(Self {
            linter: Linter::new(registry, enabled, settings)
                .with_allow_list(AllowList::new(&config.allow)),
            fail_on: args
                .fail_on_flag
                .or(config.fail_on)
                .unwrap_or(Severity::Warning),
        })
    }
}

/// Finds each input's config (the nearest `mtlint.toml` above the file, or
/// `--config`) and builds one [`Plan`] per distinct config and per-path
/// ignore list.
struct Planner<'a> {
    args: &'a RuleArgs,
    cwd: PathBuf,
    /// Directory → its nearest config, so each directory is looked up once.
    nearest: HashMap<PathBuf, Option<PathBuf>>,
    configs: HashMap<Option<PathBuf>, Config>,
    keys: HashMap<(Option<PathBuf>, Vec<String>), usize>,
    plans: Vec<Plan>,
}

impl<'a> Planner<'a> {
    fn new(args: &'a RuleArgs) -> Result<Self, String> {
        let cwd = std::env::current_dir().map_err(|e| format!("no current directory: {e}"))?;
        Ok(Self {
            args,
            cwd,
            nearest: HashMap::new(),
            configs: HashMap::new(),
            keys: HashMap::new(),
            plans: Vec::new(),
        })
    }

    /// The plan of a file at `path` (relative to the working directory).
    fn plan_for(&mut self, path: &Path) -> Result<usize, String> {
        let absolute = self.cwd.join(path);
        let config_path = match &self.args.config {
            Some(explicit) => Some(self.cwd.join(explicit)),
            None => {
                let dir = absolute.parent().unwrap_or(&self.cwd).to_path_buf();
                self.nearest
                    .entry(dir)
                    .or_insert_with_key(|dir| Config::locate(dir))
                    .clone()
            }
        };
        if !self.configs.contains_key(&config_path) {
            let config = match &config_path {
                Some(p) => Config::load(p)?,
                None => Config::default(),
            };
            self.configs.insert(config_path.clone(), config);
        }
        let config = &self.configs[&config_path];
        let extra = config.ignores_for(&absolute);
        let key = (config_path, extra);
        if let Some(&index) = self.keys.get(&key) {
            return Ok(index);
        }
        let plan = Plan::new(self.args, config, &key.1)?;
        self.plans.push(plan);
        self.keys.insert(key, self.plans.len() - 1);
        Ok(self.plans.len() - 1)
    }
}

/// `mtlint batch`: exits 0 whatever the records hold (a pipeline stage
/// that exits non-zero fails its job); 2 for a usage or config error.
fn run_batch(args: BatchArgs, io: &mut Io) -> io::Result<ExitStatus> {
    let planned = Planner::new(&args.rule).and_then(|mut planner| {
        let index = planner.plan_for(Path::new("-"))?;
        Ok(planner.plans.swap_remove(index))
    });
    let plan = match planned {
        Ok(plan) => plan,
        Err(message) => {
            writeln!(io.stderr, "mtlint: error: {message}")?;
            return Ok(ExitStatus::Error);
        }
    };
    let options = crate::batch::Options {
        id_field: args.id_field,
        text_field: args.text_field,
        date_field: args.date_field,
        fix: args.fix,
        unsafe_fixes: args.unsafe_fixes,
        fail_on: plan.fail_on,
        ..crate::batch::Options::default()
    };
    let mut input = io::BufReader::with_capacity(1 << 20, &mut *io.stdin);
    let totals = crate::batch::run(&plan.linter, &options, &mut input, io.stdout)?;
    writeln!(
        io.stderr,
        "mtlint batch: {} records, {} publishable, {} errors",
        totals.records, totals.publishable, totals.errors
    )?;
    Ok(ExitStatus::Clean)
}

fn run_check(args: CheckArgs, io: &mut Io) -> io::Result<ExitStatus> {
    crate::rules::warm_up_in_background();
    let (inputs, walk_errors) = collect_inputs(&args.paths, &args.extensions);
    let mut failed = false;
    for error in &walk_errors {
        writeln!(
            io.stderr,
            "mtlint: error: {}: {}",
            error.path.display(),
            error.message
        )?;
        failed = true;
    }
    let stdin_bytes = if inputs.contains(&Input::Stdin) {
        let mut bytes = Vec::new();
        if let Err(error) = io.stdin.read_to_end(&mut bytes) {
            writeln!(
                io.stderr,
                "mtlint: error: cannot read standard input: {error}"
            )?;
            return Ok(ExitStatus::Error);
        }
        Some(bytes)
    } else {
        None
    };
    let stdin_name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "-".to_owned());
    let mut planner = match Planner::new(&args.rule) {
        Ok(planner) => planner,
        Err(message) => {
            writeln!(io.stderr, "mtlint: error: {message}")?;
            return Ok(ExitStatus::Error);
        }
    };
    // The working directory's plan checks the flags even with no input;
    // standard input is linted with it (or with --stdin-filename's).
    let stdin_path = PathBuf::from(args.stdin_filename.as_deref().unwrap_or("-"));
    let mut planned = Vec::with_capacity(inputs.len());
    let mut plan_error = planner.plan_for(&stdin_path).err();
    for input in &inputs {
        if plan_error.is_some() {
            break;
        }
        let path = match input {
            Input::Stdin => stdin_path.as_path(),
            Input::File(path) => path.as_path(),
        };
        match planner.plan_for(path) {
            Ok(index) => planned.push(index),
            Err(message) => plan_error = Some(message),
        }
    }
    if let Some(message) = plan_error {
        writeln!(io.stderr, "mtlint: error: {message}")?;
        return Ok(ExitStatus::Error);
    }
    let plans = planner.plans;
    // `--diff` prints only the diff, `--fix -` only the fixed text.
    let fixed_stdin = args.fix && inputs.contains(&Input::Stdin);
    let mut writer = (!args.diff && !fixed_stdin)
        .then(|| ReportWriter::new(args.format, Style { color: io.color }, args.fix));
    let mut findings = false;
    let mut diffs_found = false;
    // Files are linted in parallel a chunk at a time and written in input
    // order as each chunk ends, so a run holds one chunk of texts, not all.
    let chunk = CHUNK_FILES_PER_THREAD * rayon::current_num_threads().max(1);
    // A file of WINDOWED_FROM bytes or more is linted (and fixed) by
    // windows, in parallel, between the runs of ordinary files (--diff
    // needs the whole text).
    let windowed = |input: &Input| {
        !args.diff
            && matches!(input, Input::File(path)
                if std::fs::metadata(path).is_ok_and(|m| m.len() >= crate::window::sizes().1))
    };
    for (inputs, planned) in inputs.chunks(chunk).zip(planned.chunks(chunk)) {
        let mut start = 0;
        while start < inputs.len() {
            if let Input::File(path) = &inputs[start] {
                if windowed(&inputs[start]) {
                    let plan = &plans[planned[start]];
                    let fix = args.fix.then_some(args.unsafe_fixes);
                    lint_windows(
                        plan,
                        path,
                        fix,
                        io,
                        writer.as_mut(),
                        &mut failed,
                        &mut findings,
                    )?;
                    start += 1;
                    continue;
                }
            }
            let end = (start..inputs.len())
                .find(|&i| windowed(&inputs[i]))
                .unwrap_or(inputs.len());
            let outcomes: Vec<Outcome> = inputs[start..end]
                .par_iter()
                .zip(&planned[start..end])
                .map(|(input, &plan)| {
                    let plan = &plans[plan];
                    let loaded = match input {
                        Input::Stdin => SourceFile::from_bytes(
                            PathBuf::from(&stdin_name),
                            stdin_bytes.as_deref().unwrap_or_default(),
                        ),
                        Input::File(path) => SourceFile::read(path),
                    };
                    match loaded {
                        Err(error) => Outcome::Failed(error.to_string()),
                        Ok(Loaded::Binary) => Outcome::Skipped(display_name(input, &stdin_name)),
                        Ok(Loaded::Text(source)) => check_one(plan, &args, input, source),
                    }
                })
                .collect();
            start = end;
            for outcome in outcomes {
                let report = match outcome {
                    Outcome::Report { report, diff } => {
                        if let Some(diff) = diff {
                            io.stdout.write_all(diff.as_bytes())?;
                            diffs_found = true;
                        }
                        report
                    }
                    Outcome::FixedStdin { text, report } => {
                        io.stdout.write_all(text.as_bytes())?;
                        report
                    }
                    Outcome::Skipped(name) => {
                        writeln!(io.stderr, "mtlint: skipping {name}: it is a binary file")?;
                        continue;
                    }
                    Outcome::Failed(message) => {
                        writeln!(io.stderr, "mtlint: error: {message}")?;
                        failed = true;
                        continue;
                    }
                };
                findings |= report.fails();
                if let Some(writer) = &mut writer {
                    writer.file(io.stdout, &report)?;
                }
            }
        }
    }
    if let Some(writer) = writer {
        // Every rule of the run, once, for the SARIF rule table.
        let mut seen = std::collections::HashSet::new();
        let rules = plans
            .iter()
            .flat_map(|p| p.linter.registry().rules())
            .filter(|r| seen.insert(r.id.clone()));
        writer.finish(io.stdout, rules)?;
    }

    Ok(if failed {
        ExitStatus::Error
    } else if findings || (args.diff && diffs_found) {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}

/// The file's sidecar of ignored findings, if it has one, checked to name
/// only rules the linter knows.
fn load_sidecar(linter: &Linter, path: &Path) -> Result<Option<Sidecar>, String> {
    let sidecar = Sidecar::load_for(path)?;
    if let Some(sidecar) = &sidecar {
        sidecar.check_rules(|id| linter.registry().rules().any(|r| r.id == id))?;
    }
    Ok(sidecar)
}

/// Lints a large file a window at a time ([`crate::window`]): a batch of
/// windows in parallel, written in order, so memory holds one batch.
/// Stale-suppression findings are left out: a window cannot tell that a
/// sidecar entry is used elsewhere in the file.
///
/// With `fix` (`Some(unsafe_fixes)`), each window is fixed and written to
/// a replacement file, renamed over the file at the end if anything
/// changed and the file's size and time are still those it was read with.
fn lint_windows(
    plan: &Plan,
    path: &Path,
    fix: Option<bool>,
    io: &mut Io,
    mut writer: Option<&mut ReportWriter>,
    failed: &mut bool,
    findings: &mut bool,
) -> io::Result<()> {
    let name = path.display().to_string();
    let linter = &plan.linter;
    let fail = |io: &mut Io, failed: &mut bool, message: String| -> io::Result<()> {
        *failed = true;
        writeln!(io.stderr, "mtlint: error: {message}")
    };
    let sidecar = match load_sidecar(linter, path) {
        Ok(sidecar) => sidecar,
        Err(message) => return fail(io, failed, message),
    };
    let mut reader = match crate::window::WindowReader::open(path) {
        Ok(reader) => reader,
        Err(error) => return fail(io, failed, error.to_string()),
    };
    let mut replacement = match fix
        .map(|_| crate::source::Replacement::begin(path))
        .transpose()
    {
        Ok(replacement) => replacement,
        Err(error) => return fail(io, failed, format!("{name}: not fixed: {error}")),
    };
    let batch_size = 2 * rayon::current_num_threads().max(1);
    let (mut line_base, mut first, mut changed, mut read_error) = (0u32, true, false, false);
    // Bytes of the fixed file so far: the offsets its findings are at.
    let mut written = 0u64;
    loop {
        let mut batch = Vec::with_capacity(batch_size);
        let mut error = None;
        while batch.len() < batch_size {
            match reader.next_window() {
                Ok(Some(window)) => batch.push(window),
                Ok(None) => break,
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
        }
        if first && batch.first().is_some_and(|w| w.text.contains('\0')) {
            return fail(
                io,
                failed,
                format!(
                    "{name}: a file of {} MiB or more is linted a window at a time, \
                     which needs UTF-8, and this one has NUL bytes (UTF-16, or not text)",
                    crate::window::sizes().1 >> 20
                ),
            );
        }
        if let Some(error) = error {
            // Nothing of a file that cannot be read whole is written.
            if fix.is_some() {
                return fail(io, failed, format!("{name}: not fixed: {error}"));
            }
            fail(io, failed, error.to_string())?;
            read_error = true;
        }
        let done = batch.len() < batch_size || read_error;
        let outcomes: Vec<(crate::window::Window, crate::lint::FixOutcome)> = batch
            .into_par_iter()
            .map(|window| {
                let outcome = match fix {
                    Some(unsafe_fixes) => {
                        linter.fix_window(&window.text, unsafe_fixes, sidecar.as_ref())
                    }
                    None => crate::lint::FixOutcome {
                        text: String::new(),
                        fixed: 0,
                        diagnostics: linter.lint_file(
                            &window.text,
                            crate::source::Encoding::Utf8,
                            sidecar.as_ref(),
                        ),
                        converged: true,
                    },
                };
                (window, outcome)
            })
            .collect();
        for (window, outcome) in outcomes {
            if !outcome.converged {
                return fail(
                    io,
                    failed,
                    format!("{name}: the fixes did not settle after repeated passes; nothing was written (please report this)"),
                );
            }
            if first && window.offset > 0 {
                written = window.offset;
            }
            let text = match &mut replacement {
                Some(replacement) => {
                    if first && window.offset > 0 {
                        replacement.file().write_all(b"\xEF\xBB\xBF")?;
                    }
                    changed |= outcome.text != window.text;
                    replacement.file().write_all(outcome.text.as_bytes())?;
                    outcome.text
                }
                None => window.text,
            };
            let diagnostics = outcome
                .diagnostics
                .into_iter()
                .filter(|d| !d.rule.ends_with(".unused-suppression"))
                .collect();
            // The reader stops before 4 GiB: the offset fits.
            let offset = u32::try_from(written).unwrap_or(u32::MAX);
            written += text.len() as u64;
            let report = FileReport::new(name.clone(), text, offset, diagnostics, outcome.fixed);
            let lines =
                u32::try_from(report.line_index.line_count().saturating_sub(1)).unwrap_or(u32::MAX);
            let report = report.window(line_base, !first).with_fail_on(plan.fail_on);
            first = false;
            line_base = line_base.saturating_add(lines);
            *findings |= report.fails();
            if let Some(writer) = writer.as_deref_mut() {
                writer.file(io.stdout, &report)?;
            }
        }
        if done {
            break;
        }
    }
    if let Some(replacement) = replacement.filter(|_| changed) {
        let same = crate::source::Replacement::same_size_and_time;
        if let Err(error) = replacement.commit(same) {
            return fail(io, failed, format!("{name}: not fixed: {error}"));
        }
    }
    Ok(())
}

fn display_name(input: &Input, stdin_name: &str) -> String {
    match input {
        Input::Stdin => stdin_name.to_owned(),
        Input::File(path) => path.display().to_string(),
    }
}

fn check_one(plan: &Plan, args: &CheckArgs, input: &Input, source: SourceFile) -> Outcome {
    let linter = &plan.linter;
    let name = source.name.display().to_string();
    let base = source.offset_base();
    let sidecar = match input {
        Input::Stdin => None,
        Input::File(path) => match load_sidecar(linter, path) {
            Ok(sidecar) => sidecar,
            Err(message) => return Outcome::Failed(message),
        },
    };
    let sidecar = sidecar.as_ref();
    if !(args.fix || args.diff) {
        let diagnostics = linter.lint_file(&source.text, source.encoding, sidecar);
        return Outcome::Report {
            report: FileReport::new(name, source.text, base, diagnostics, 0)
                .with_fail_on(plan.fail_on),
            diff: None,
        };
    }
    let outcome = linter.fix_file(&source.text, source.encoding, args.unsafe_fixes, sidecar);
    if !outcome.converged {
        return Outcome::Failed(format!(
            "{name}: the fixes did not settle after repeated passes; nothing was written (please report this)"
        ));
    }
    let changed = outcome.text != source.text;
    if args.diff {
        let diff = changed.then(|| unified_diff(&name, &source.text, &outcome.text));
        return Outcome::Report {
            report: FileReport::new(name, outcome.text, base, outcome.diagnostics, outcome.fixed)
                .with_fail_on(plan.fail_on),
            diff,
        };
    }
    let report = FileReport::new(
        name.clone(),
        outcome.text.clone(),
        base,
        outcome.diagnostics,
        outcome.fixed,
    )
    .with_fail_on(plan.fail_on);
    match input {
        Input::Stdin => Outcome::FixedStdin {
            text: outcome.text,
            report,
        },
        Input::File(path) if changed => match source
            .encode(&source.text)
            .and_then(|read| Ok((read, source.encode(&outcome.text)?)))
        {
            Err(error) => Outcome::Failed(format!("{name}: not fixed: {error}")),
            Ok((read, bytes)) => match crate::source::write_atomic(path, &bytes, &read) {
                Ok(()) => Outcome::Report { report, diff: None },
                Err(error) => Outcome::Failed(format!("{name}: not fixed: {error}")),
            },
        },
        Input::File(_) => Outcome::Report { report, diff: None },
    }
}

fn unified_diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}
