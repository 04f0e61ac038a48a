//! The command line of `docs/output-format.md`: `mtlint check`, `mtlint rules` and
//! `mtlint batch`, one file each, with the arguments in `args`.
//!
//! [`run`] parses nothing itself; it takes parsed [`Args`] and writers, so
//! tests can drive it, and returns the exit status.

mod args;
mod batch;
mod check;
mod fixes;
mod rules;
mod windows;

use std::fmt::Display;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;

pub use args::{Args, BatchArgs, CheckArgs, Command, RuleArgs, RulesArgs, RulesFormat};

use crate::lint::Linter;
use crate::suppress::Sidecar;
use crate::workspace::Resolver;

/// The exit status of `docs/output-format.md`.
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
        Command::Check(check) => check::run_check(check, io),
        Command::Rules(rules) => rules::run_rules(rules, io),
        Command::Batch(batch) => batch::run_batch(batch, io),
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

/// The settings resolver of a run: the flags over the configs, paths
/// taken from the working directory.
fn resolver(rule: &RuleArgs) -> Result<Resolver, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("no current directory: {e}"))?;
    Ok(Resolver::new(rule.overrides(), cwd))
}

/// Reports an error that ends the run, with the exit status it gives.
fn fail(io: &mut Io, message: impl Display) -> io::Result<ExitStatus> {
    writeln!(io.stderr, "mtlint: error: {message}")?;
    Ok(ExitStatus::Error)
}

/// What a run has seen so far, for its exit status.
#[derive(Default)]
struct Tally {
    /// An input could not be read, linted or fixed.
    failed: bool,
    /// A report has a finding at or above `--fail-on`.
    findings: bool,
    /// `--diff` printed a diff.
    diffs: bool,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.failed |= other.failed;
        self.findings |= other.findings;
        self.diffs |= other.diffs;
    }

    fn status(&self, diff: bool) -> ExitStatus {
        if self.failed {
            ExitStatus::Error
        } else if self.findings || (diff && self.diffs) {
            ExitStatus::Findings
        } else {
            ExitStatus::Clean
        }
    }
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
