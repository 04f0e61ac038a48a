//! Writing diagnostics out. Only this module writes to the terminal; one
//! emitter per format.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::diagnostic::{Diagnostic, Severity};
use crate::text::{LineIndex, TextSize};

/// The format of `mtlint check` output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Jsonl,
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

/// The findings for one file, with what is needed to place them.
pub struct FileReport {
    /// The path as reported.
    pub name: String,
    /// The text the diagnostics point into (after fixing, with `--fix`).
    pub text: String,
    /// Bytes before the text on disk (a UTF-8 BOM), added to every offset.
    pub offset_base: u32,
    pub line_index: LineIndex,
    pub diagnostics: Vec<Diagnostic>,
    /// Fixes applied with `--fix`.
    pub fixed: usize,
    /// The lowest severity that fails this file (`--fail-on`, else its
    /// config's).
    pub fail_on: Severity,
    /// Lines of the file before `text`: a window of a large file (see
    /// [`crate::window`]) starts further down.
    pub line_base: u32,
    /// Whether this report goes on the file of the report before it (a
    /// later window of a large file).
    pub continues: bool,
}

impl FileReport {
    pub fn new(
        name: String,
        text: String,
        offset_base: u32,
        diagnostics: Vec<Diagnostic>,
        fixed: usize,
    ) -> Self {
        let line_index = LineIndex::new(&text);
        Self {
            name,
            text,
            offset_base,
            line_index,
            diagnostics,
            fixed,
            fail_on: Severity::Warning,
            line_base: 0,
            continues: false,
        }
    }

    /// A window of a large file: `line_base` lines of it come before
    /// `text` (its bytes before are `offset_base`); `continues` for all
    /// windows but the first.
    pub fn window(mut self, line_base: u32, continues: bool) -> Self {
        self.line_base = line_base;
        self.continues = continues;
        self
    }

    /// The same report judged at `fail_on`.
    pub fn with_fail_on(mut self, fail_on: Severity) -> Self {
        self.fail_on = fail_on;
        self
    }

    /// Whether a finding is at or above the file's `fail_on`.
    pub fn fails(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity >= self.fail_on)
    }

    /// The position of `offset` as the contract writes it.
    pub fn position(&self, offset: TextSize) -> json::Position {
        let pos = self.line_index.line_column(offset, &self.text);
        json::Position {
            offset: u64::from(self.offset_base) + u64::from(offset.to_u32()),
            line: pos.line + self.line_base,
            column: pos.column,
            utf16: pos.utf16,
        }
    }
}

/// Counts for the summary line.
#[derive(Default)]
pub struct Totals {
    pub files: usize,
    /// Files with one finding or more.
    pub files_with_findings: usize,
    /// Whether the file being counted (over its windows) was counted in
    /// `files_with_findings`.
    current_has_findings: bool,
    pub diagnostics: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub safe_fixes: usize,
    pub unsafe_fixes: usize,
    pub fixed: usize,
}

impl Totals {
    pub fn of(reports: &[FileReport]) -> Self {
        let mut totals = Totals::default();
        for report in reports {
            totals.add(report);
        }
        totals
    }

    /// Counts one more file.
    pub fn add(&mut self, report: &FileReport) {
        if !report.continues {
            self.files += 1;
            self.current_has_findings = false;
        }
        if !report.diagnostics.is_empty() && !self.current_has_findings {
            self.files_with_findings += 1;
            self.current_has_findings = true;
        }
        self.fixed += report.fixed;
        for d in &report.diagnostics {
            self.diagnostics += 1;
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            match d.fix.as_ref().map(|f| f.safety) {
                Some(crate::diagnostic::Safety::Safe) => self.safe_fixes += 1,
                Some(crate::diagnostic::Safety::Unsafe) => self.unsafe_fixes += 1,
                None => {}
            }
        }
    }
}

/// Writes reports as they come, in the order given, keeping only what the
/// format's ending needs: counts for the human summary and the JSON
/// summary, the results for SARIF (whose log is one document), never a
/// file's text.
pub enum ReportWriter {
    Human {
        style: human::Style,
        totals: Totals,
        fix: bool,
    },
    Json(json::JsonStream),
    Jsonl,
    Sarif(Vec<serde_json::Value>),
    Github,
}

impl ReportWriter {
    pub fn new(format: Format, style: human::Style, fix: bool) -> Self {
        match format {
            Format::Human => ReportWriter::Human {
                style,
                totals: Totals::default(),
                fix,
            },
            Format::Json => ReportWriter::Json(json::JsonStream::default()),
            Format::Jsonl => ReportWriter::Jsonl,
            Format::Sarif => ReportWriter::Sarif(Vec::new()),
            Format::Github => ReportWriter::Github,
        }
    }

    pub fn file(
        &mut self,
        out: &mut dyn std::io::Write,
        report: &FileReport,
    ) -> std::io::Result<()> {
        match self {
            ReportWriter::Human { style, totals, .. } => {
                totals.add(report);
                human::write_diagnostics(out, report, style)
            }
            ReportWriter::Json(stream) => stream.file(out, report),
            ReportWriter::Jsonl => json::write_jsonl_file(out, report),
            ReportWriter::Sarif(results) => {
                results.extend(sarif::results(report));
                Ok(())
            }
            ReportWriter::Github => github::write_github_file(out, report),
        }
    }

    /// Ends the output; `rules` are every rule of the run with the rule
    /// files that explain it (SARIF's table), read only for SARIF.
    pub fn finish<'a>(
        self,
        out: &mut dyn std::io::Write,
        rules: impl Iterator<
            Item = (
                &'a crate::rule::RuleMeta,
                &'a crate::rules::file::LoadedRules,
            ),
        >,
    ) -> std::io::Result<()> {
        match self {
            ReportWriter::Human { style, totals, fix } => {
                human::write_summary(out, &totals, fix, &style)
            }
            ReportWriter::Json(stream) => stream.finish(out),
            ReportWriter::Sarif(results) => sarif::write_log(out, rules, results),
            ReportWriter::Jsonl | ReportWriter::Github => Ok(()),
        }
    }
}
