//! A large file linted a window at a time ([`crate::window`]): a batch of
//! windows in parallel, written in order, so memory holds one batch.
//! Stale-suppression findings are left out: a window cannot tell that a
//! sidecar entry is used elsewhere in the file.
//!
//! With `--fix`, each window is fixed and written to a replacement file,
//! renamed over the file at the end if anything changed and the file's
//! size and time are still those it was read with.

use std::fmt::Display;
use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

use rayon::prelude::*;

use super::fixes::unsettled;
use super::{load_sidecar, Io, Tally};
use crate::lint::{Article, FixOutcome};
use crate::output::{FileReport, ReportWriter};
use crate::source::{Replacement, SourceError};
use crate::suppress::Sidecar;
use crate::window::{Window, WindowReader};
use crate::workspace::Plan;

/// Lints (with `fix`, `Some(unsafe_fixes)`, fixes) the file at `path` by
/// windows and writes a report per window; says what it found.
pub(super) fn lint_windows(
    plan: &Plan,
    path: &Path,
    fix: Option<bool>,
    io: &mut Io,
    writer: Option<&mut ReportWriter>,
) -> io::Result<Tally> {
    let mut file = WindowedFile {
        plan,
        name: path.display().to_string(),
        fix,
        sidecar: None,
        progress: Progress::default(),
        tally: Tally::default(),
    };
    file.lint(path, io, writer)?;
    Ok(file.tally)
}

/// One large file being linted.
struct WindowedFile<'a> {
    plan: &'a Plan,
    name: String,
    /// `Some(unsafe_fixes)` with `--fix`.
    fix: Option<bool>,
    sidecar: Option<Sidecar>,
    progress: Progress,
    tally: Tally,
}

/// Where the reports and the fixed file have got to.
struct Progress {
    /// The line the next window starts on.
    line_base: u32,
    first: bool,
    /// Whether a fix changed any window.
    changed: bool,
    /// Bytes of the fixed file so far: the offsets its findings are at.
    written: u64,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            line_base: 0,
            first: true,
            changed: false,
            written: 0,
        }
    }
}

impl WindowedFile<'_> {
    fn fail(&mut self, io: &mut Io, message: impl Display) -> io::Result<()> {
        self.tally.failed = true;
        writeln!(io.stderr, "mtlint: error: {message}")
    }

    fn lint(
        &mut self,
        path: &Path,
        io: &mut Io,
        mut writer: Option<&mut ReportWriter>,
    ) -> io::Result<()> {
        self.sidecar = match load_sidecar(&self.plan.linter, path) {
            Ok(sidecar) => sidecar,
            Err(message) => return self.fail(io, message),
        };
        let mut reader = match WindowReader::open(path) {
            Ok(reader) => reader,
            Err(error) => return self.fail(io, error),
        };
        let begun = self.fix.map(|_| Replacement::begin(path)).transpose();
        let mut replacement = match begun {
            Ok(replacement) => replacement,
            Err(error) => return self.fail(io, format!("{}: not fixed: {error}", self.name)),
        };
        let batch_size = 2 * rayon::current_num_threads().max(1);
        loop {
            let (batch, error) = next_batch(&mut reader, batch_size);
            if self.progress.first && batch.first().is_some_and(|w| w.text.contains('\0')) {
                let message = format!(
                    "{}: a file of {} MiB or more is linted a window at a time, \
                     which needs UTF-8, and this one has NUL bytes (UTF-16, or not text)",
                    self.name,
                    crate::window::sizes().1 >> 20
                );
                return self.fail(io, message);
            }
            let read_error = error.is_some();
            if let Some(error) = error {
                // Nothing of a file that cannot be read whole is written.
                if self.fix.is_some() {
                    return self.fail(io, format!("{}: not fixed: {error}", self.name));
                }
                self.fail(io, error)?;
            }
            let done = batch.len() < batch_size || read_error;
            for (window, outcome) in self.lint_batch(batch) {
                if !outcome.converged {
                    return self.fail(io, unsettled(&self.name));
                }
                let file = replacement.as_mut().map(Replacement::file);
                let report = self.fixed_window(window, outcome, file)?;
                self.tally.findings |= report.fails();
                if let Some(writer) = writer.as_deref_mut() {
                    writer.file(io.stdout, &report)?;
                }
            }
            if done {
                break;
            }
        }
        if let Some(replacement) = replacement.filter(|_| self.progress.changed) {
            if let Err(error) = replacement.commit(Replacement::same_size_and_time) {
                return self.fail(io, format!("{}: not fixed: {error}", self.name));
            }
        }
        Ok(())
    }

    /// Lints (or fixes) a batch of windows in parallel.
    fn lint_batch(&self, batch: Vec<Window>) -> Vec<(Window, FixOutcome)> {
        let linter = &self.plan.linter;
        let sidecar = self.sidecar.as_ref();
        batch
            .into_par_iter()
            .map(|window| {
                let article = Article {
                    sidecar,
                    window: true,
                    ..Article::default()
                };
                let outcome = match self.fix {
                    Some(unsafe_fixes) => linter.fix_with(&window.text, unsafe_fixes, &article),
                    None => FixOutcome {
                        text: String::new(),
                        fixed: 0,
                        diagnostics: linter.lint_with(&window.text, &article),
                        converged: true,
                    },
                };
                (window, outcome)
            })
            .collect()
    }

    /// The report of one window, after writing its fixed text to the
    /// replacement `file` (with `--fix`).
    fn fixed_window(
        &mut self,
        window: Window,
        outcome: FixOutcome,
        file: Option<&mut File>,
    ) -> io::Result<FileReport> {
        let progress = &mut self.progress;
        if progress.first && window.offset > 0 {
            progress.written = window.offset;
        }
        let text = match file {
            Some(file) => {
                if progress.first && window.offset > 0 {
                    file.write_all(b"\xEF\xBB\xBF")?;
                }
                progress.changed |= outcome.text != window.text;
                file.write_all(outcome.text.as_bytes())?;
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
        let offset = u32::try_from(progress.written).unwrap_or(u32::MAX);
        progress.written += text.len() as u64;
        let report = FileReport::new(self.name.clone(), text, offset, diagnostics, outcome.fixed);
        let lines =
            u32::try_from(report.line_index.line_count().saturating_sub(1)).unwrap_or(u32::MAX);
        let report = report
            .window(progress.line_base, !progress.first)
            .with_fail_on(self.plan.fail_on);
        progress.first = false;
        progress.line_base = progress.line_base.saturating_add(lines);
        Ok(report)
    }
}

/// Up to `size` windows, and the read error that cut them short.
fn next_batch(reader: &mut WindowReader<File>, size: usize) -> (Vec<Window>, Option<SourceError>) {
    let mut batch = Vec::with_capacity(size);
    while batch.len() < size {
        match reader.next_window() {
            Ok(Some(window)) => batch.push(window),
            Ok(None) => break,
            Err(error) => return (batch, Some(error)),
        }
    }
    (batch, None)
}
