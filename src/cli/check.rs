//! `mtlint check`: lints files, directories and standard input, reports
//! in the chosen format, and with `--fix` or `--diff` applies or shows
//! the fixes.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::fixes::{unified_diff, unsettled, write_fixed};
use super::windows::lint_windows;
use super::{fail, load_sidecar, resolver, CheckArgs, ExitStatus, Io, Tally};
use crate::lint::Article;
use crate::output::human::Style;
use crate::output::{FileReport, ReportWriter};
use crate::recurring::{ArticleKeys, LineCounts};
use crate::source::{Loaded, SourceError, SourceFile};
use crate::walk::{collect_inputs, Input};
use crate::workspace::{Plan, Resolver};

/// Files linted at once per thread before their reports are written: enough
/// to keep every thread busy, few enough that a run over a million files
/// holds only a few hundred texts.
const CHUNK_FILES_PER_THREAD: usize = 64;

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

/// Standard input, read whole before anything is linted.
struct Stdin {
    /// The name it is reported under (`--stdin-filename`, else `-`).
    name: String,
    bytes: Option<Vec<u8>>,
}

pub(super) fn run_check(args: CheckArgs, io: &mut Io) -> io::Result<ExitStatus> {
    crate::rules::warm_up_in_background();
    let (inputs, walk_errors) = collect_inputs(&args.paths, &args.extensions);
    let mut tally = Tally::default();
    for error in &walk_errors {
        writeln!(
            io.stderr,
            "mtlint: error: {}: {}",
            error.path.display(),
            error.message
        )?;
        tally.failed = true;
    }
    let mut bytes = None;
    if inputs.contains(&Input::Stdin) {
        let mut read = Vec::new();
        if let Err(error) = io.stdin.read_to_end(&mut read) {
            return fail(io, format!("cannot read standard input: {error}"));
        }
        bytes = Some(read);
    }
    let stdin = Stdin {
        name: args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "-".to_owned()),
        bytes,
    };
    let mut resolver = match resolver(&args.rule) {
        Ok(resolver) => resolver,
        Err(message) => return fail(io, message),
    };
    let stdin_path = PathBuf::from(args.stdin_filename.as_deref().unwrap_or("-"));
    let planned = match plan_inputs(&mut resolver, &inputs, &stdin_path) {
        Ok(planned) => planned,
        Err(message) => return fail(io, message),
    };
    let mut run = Run {
        args: &args,
        stdin,
        recurring: None,
    };
    run.recurring = run.count_lines(&inputs, &planned);
    // `--diff` prints only the diff, `--fix -` only the fixed text.
    let fixed_stdin = args.fix && inputs.contains(&Input::Stdin);
    let mut writer = (!args.diff && !fixed_stdin)
        .then(|| ReportWriter::new(args.format, Style { color: io.color }, args.fix));
    // Files are linted in parallel a chunk at a time and written in input
    // order as each chunk ends, so a run holds one chunk of texts, not all.
    let chunk = CHUNK_FILES_PER_THREAD * rayon::current_num_threads().max(1);
    for (inputs, planned) in inputs.chunks(chunk).zip(planned.chunks(chunk)) {
        run.lint_chunk(inputs, planned, io, writer.as_mut(), &mut tally)?;
    }
    if let Some(writer) = writer {
        // Every rule of the run, once, for the SARIF rule table, with the
        // rule files of its plan for its examples.
        let mut seen = std::collections::HashSet::new();
        let rules = resolver
            .plans()
            .flat_map(|p| p.linter.registry().rules().map(|r| (r, p.rule_files())))
            .filter(|(r, _)| seen.insert(r.id.clone()));
        writer.finish(io.stdout, rules)?;
    }
    Ok(tally.status(args.diff))
}

/// Each input's plan, in input order. The plan of standard input (or of
/// `--stdin-filename`) comes first: it checks the flags even with no input.
fn plan_inputs(
    resolver: &mut Resolver,
    inputs: &[Input],
    stdin_path: &Path,
) -> Result<Vec<Arc<Plan>>, String> {
    let plan = |resolver: &mut Resolver, path| resolver.plan_for(Some(path)).map_err(|e| e.message);
    plan(resolver, stdin_path)?;
    inputs
        .iter()
        .map(|input| match input {
            Input::Stdin => plan(resolver, stdin_path),
            Input::File(path) => plan(resolver, path),
        })
        .collect()
}

/// One `mtlint check` run: its arguments and standard input.
struct Run<'a> {
    args: &'a CheckArgs,
    stdin: Stdin,
    /// How many inputs carry each line (`junk.recurring-line`).
    recurring: Option<LineCounts>,
}

/// The rule that reads the lines recurring across a run's inputs.
const RECURRING: &str = "junk.recurring-line";

impl Run<'_> {
    /// Lints a chunk of inputs and writes their reports in order: the
    /// ordinary files in parallel, a large file by windows between them.
    fn lint_chunk(
        &self,
        inputs: &[Input],
        planned: &[Arc<Plan>],
        io: &mut Io,
        mut writer: Option<&mut ReportWriter>,
        tally: &mut Tally,
    ) -> io::Result<()> {
        let mut start = 0;
        while start < inputs.len() {
            if let Input::File(path) = &inputs[start] {
                if self.windowed(&inputs[start]) {
                    let fix = self.args.fix.then_some(self.args.unsafe_fixes);
                    let plan = &planned[start];
                    tally.add(lint_windows(plan, path, fix, io, writer.as_deref_mut())?);
                    start += 1;
                    continue;
                }
            }
            let end = (start..inputs.len())
                .find(|&i| self.windowed(&inputs[i]))
                .unwrap_or(inputs.len());
            let outcomes: Vec<Outcome> = inputs[start..end]
                .par_iter()
                .zip(&planned[start..end])
                .map(|(input, plan)| self.lint_input(plan, input))
                .collect();
            start = end;
            for outcome in outcomes {
                write_outcome(outcome, io, writer.as_deref_mut(), tally)?;
            }
        }
        Ok(())
    }

    /// Whether a file is linted (and fixed) by windows, in parallel: one of
    /// WINDOWED_FROM bytes or more (`--diff` needs the whole text).
    fn windowed(&self, input: &Input) -> bool {
        !self.args.diff
            && matches!(input, Input::File(path)
                if std::fs::metadata(path).is_ok_and(|m| m.len() >= crate::window::sizes().1))
    }

    fn load(&self, input: &Input) -> Result<Loaded, SourceError> {
        match input {
            Input::Stdin => SourceFile::from_bytes(
                PathBuf::from(&self.stdin.name),
                self.stdin.bytes.as_deref().unwrap_or_default(),
            ),
            Input::File(path) => SourceFile::read(path),
        }
    }

    fn lint_input(&self, plan: &Plan, input: &Input) -> Outcome {
        match self.load(input) {
            Err(error) => Outcome::Failed(error.to_string()),
            Ok(Loaded::Binary) => Outcome::Skipped(self.display_name(input)),
            Ok(Loaded::Text(source)) => {
                check_one(plan, self.args, input, source, self.recurring.as_ref())
            }
        }
    }

    /// The first of two passes when `junk.recurring-line` runs on three or
    /// more inputs: each input is read and its lines hashed, a chunk in
    /// parallel at a time, and counted in input order, so the counts do not
    /// depend on the threads. Only the counts are kept; the second pass
    /// reads the files again to lint them. A file linted by windows is not
    /// an article and is left out; one that cannot be read is reported by
    /// the second pass.
    fn count_lines(&self, inputs: &[Input], planned: &[Arc<Plan>]) -> Option<LineCounts> {
        let wanted = planned.iter().any(|p| p.linter.enables(RECURRING));
        if !wanted || inputs.len() < 3 {
            return None;
        }
        let mut counts = LineCounts::new();
        let chunk = CHUNK_FILES_PER_THREAD * rayon::current_num_threads().max(1);
        for inputs in inputs.chunks(chunk) {
            let keys: Vec<Option<ArticleKeys>> = inputs
                .par_iter()
                .map(|input| match self.load(input) {
                    Ok(Loaded::Text(source)) if !self.windowed(input) => {
                        Some(LineCounts::article_keys(&source.text))
                    }
                    _ => None,
                })
                .collect();
            for keys in keys.into_iter().flatten() {
                counts.add_keys(keys);
            }
        }
        Some(counts)
    }

    fn display_name(&self, input: &Input) -> String {
        match input {
            Input::Stdin => self.stdin.name.clone(),
            Input::File(path) => path.display().to_string(),
        }
    }
}

/// Writes one input's diff, fixed text, report or error.
fn write_outcome(
    outcome: Outcome,
    io: &mut Io,
    writer: Option<&mut ReportWriter>,
    tally: &mut Tally,
) -> io::Result<()> {
    let report = match outcome {
        Outcome::Report { report, diff } => {
            if let Some(diff) = diff {
                io.stdout.write_all(diff.as_bytes())?;
                tally.diffs = true;
            }
            report
        }
        Outcome::FixedStdin { text, report } => {
            io.stdout.write_all(text.as_bytes())?;
            report
        }
        Outcome::Skipped(name) => {
            return writeln!(io.stderr, "mtlint: skipping {name}: it is a binary file");
        }
        Outcome::Failed(message) => {
            tally.failed = true;
            return writeln!(io.stderr, "mtlint: error: {message}");
        }
    };
    tally.findings |= report.fails();
    if let Some(writer) = writer {
        writer.file(io.stdout, &report)?;
    }
    Ok(())
}

/// Lints one input, and with `--fix` or `--diff` fixes it.
fn check_one(
    plan: &Plan,
    args: &CheckArgs,
    input: &Input,
    source: SourceFile,
    recurring: Option<&LineCounts>,
) -> Outcome {
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
    let article = Article {
        encoding: source.encoding,
        sidecar: sidecar.as_ref(),
        recurring,
        ..Article::default()
    };
    if !(args.fix || args.diff) {
        let diagnostics = linter.lint_with(&source.text, &article);
        return Outcome::Report {
            report: FileReport::new(name, source.text, base, diagnostics, 0)
                .with_fail_on(plan.fail_on),
            diff: None,
        };
    }
    let outcome = linter.fix_with(&source.text, args.unsafe_fixes, &article);
    if !outcome.converged {
        return Outcome::Failed(unsettled(&name));
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
        name,
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
        Input::File(path) if changed => match write_fixed(path, &source, &outcome.text) {
            Ok(()) => Outcome::Report { report, diff: None },
            Err(message) => Outcome::Failed(message),
        },
        Input::File(_) => Outcome::Report { report, diff: None },
    }
}
