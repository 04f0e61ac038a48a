//! The JSON wire format of `docs/output-format.md`, version 1.
//!
//! `--format json` writes one object:
//!
//! ```text
//! { "version": 1,
//!   "files": [ { "path": "...", "publishable": B, "diagnostics": [ D, ... ] } ],
//!   "summary": { "files": N, "publishable": N, "diagnostics": N, "by_category": { "encoding": N, ... } } }
//! ```
//!
//! `publishable` is the verdict at `--fail-on`: true when no diagnostic of
//! the file is at or above it (added in 0.x without a version bump: a new
//! key, which readers of version 1 ignore).
//!
//! `--format jsonl` writes one `D` per line with `"path"` added. A `D` is
//! `{rule, category, severity, message, start, end, text, fix}`; `start` and
//! `end` are positions `{offset, line, column, utf16}`: `offset` a 0-based
//! byte offset into the file as stored (a UTF-8 BOM included; for another
//! encoding, into the UTF-8 text it was transcoded to), `line` and `column`
//! 1-based with columns in Unicode scalar values, `utf16` a 0-based column
//! in UTF-16 code units. `text` is the flagged text; `fix` is `null` or
//! `{description, safety, edits: [{start, end, replacement}]}`.
//!
//! A rule reports at most 1,000 `D` in one text, then one without a fix
//! that counts the rest (`lint::MAX_PER_RULE`); the summary counts what is
//! reported.
//!
//! These types are the wire format only; they change with the version.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::FileReport;
use crate::diagnostic::{Category, Diagnostic, Safety, Severity};

pub const VERSION: u32 = 1;

#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub offset: u64,
    pub line: u32,
    pub column: u32,
    pub utf16: u32,
}

#[derive(Serialize)]
pub struct JsonEdit<'a> {
    pub start: Position,
    pub end: Position,
    pub replacement: &'a str,
}

#[derive(Serialize)]
pub struct JsonFix<'a> {
    pub description: &'a str,
    pub safety: Safety,
    pub edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<&'a str>,
    pub rule: &'a str,
    pub category: Category,
    pub severity: Severity,
    pub message: &'a str,
    pub start: Position,
    pub end: Position,
    pub text: &'a str,
    pub fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    /// Files with no diagnostic at or above `--fail-on`.
    publishable: usize,
    diagnostics: usize,
    by_category: BTreeMap<&'static str, usize>,
}

pub fn diagnostic<'a>(
    report: &'a FileReport,
    d: &'a Diagnostic,
    with_path: bool,
) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        path: with_path.then_some(report.name.as_str()),
        rule: &d.rule,
        category: d.category,
        severity: d.severity,
        message: &d.message,
        start: report.position(d.range.start()),
        end: report.position(d.range.end()),
        text: &report.text[d.range.to_std()],
        fix: d.fix.as_ref().map(|fix| JsonFix {
            description: &fix.description,
            safety: fix.safety,
            edits: fix
                .edits
                .iter()
                .map(|e| JsonEdit {
                    start: report.position(e.range.start()),
                    end: report.position(e.range.end()),
                    replacement: &e.replacement,
                })
                .collect(),
        }),
    }
}

/// Writes the report; a file is publishable when none of its diagnostics
/// is at or above its `fail_on`, the severity that fails the run.
pub fn write_json(out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    let mut stream = JsonStream::default();
    for report in reports {
        stream.file(out, report)?;
    }
    stream.finish(out)
}

/// `--format json` written a file at a time, so that a run over many files
/// holds only the counts and one file's diagnostics: the same bytes as the
/// whole document pretty printed at once. The windows of a large file
/// (reports that `continues`) make one file entry.
#[derive(Default)]
pub struct JsonStream {
    files: usize,
    publishable: usize,
    diagnostics: usize,
    by_category: BTreeMap<&'static str, usize>,
    /// The file being written: its path, verdict and pretty-printed
    /// diagnostics.
    pending: Option<(String, bool, Vec<String>)>,
}

/// `value` pretty printed, each line after the first indented by `indent`.
fn indented(value: &impl Serialize, indent: &str) -> io::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    Ok(text.replace('\n', &format!("\n{indent}")))
}

impl JsonStream {
    pub fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        for d in &report.diagnostics {
            *self.by_category.entry(d.category.as_str()).or_default() += 1;
            self.diagnostics += 1;
        }
        let verdict = !report.fails();
        let rendered = report
            .diagnostics
            .iter()
            .map(|d| indented(&diagnostic(report, d, false), "        "))
            .collect::<io::Result<Vec<_>>>()?;
        match &mut self.pending {
            Some((_, publishable, diagnostics)) if report.continues => {
                *publishable &= verdict;
                diagnostics.extend(rendered);
            }
            _ => {
                self.flush(out)?;
                self.pending = Some((report.name.clone(), verdict, rendered));
            }
        }
        Ok(())
    }

    /// Writes the pending file entry.
    fn flush(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let Some((path, publishable, diagnostics)) = self.pending.take() else {
            return Ok(());
        };
        if self.files == 0 {
            write!(out, "{{\n  \"version\": {VERSION},\n  \"files\": [\n")?;
        } else {
            out.write_all(b",\n")?;
        }
        self.files += 1;
        self.publishable += usize::from(publishable);
        write!(
            out,
            "    {{\n      \"path\": {},\n      \"publishable\": {publishable},\n      \"diagnostics\": ",
            serde_json::to_string(&path)?
        )?;
        if diagnostics.is_empty() {
            out.write_all(b"[]")?;
        } else {
            out.write_all(b"[\n")?;
            for (i, d) in diagnostics.iter().enumerate() {
                if i > 0 {
                    out.write_all(b",\n")?;
                }
                out.write_all(b"        ")?;
                out.write_all(d.as_bytes())?;
            }
            out.write_all(b"\n      ]")?;
        }
        out.write_all(b"\n    }")
    }

    pub fn finish(mut self, out: &mut dyn Write) -> io::Result<()> {
        self.flush(out)?;
        if self.files == 0 {
            write!(out, "{{\n  \"version\": {VERSION},\n  \"files\": [],\n")?;
        } else {
            out.write_all(b"\n  ],\n")?;
        }
        for category in Category::ALL {
            self.by_category.entry(category.as_str()).or_insert(0);
        }
        let summary = Summary {
            files: self.files,
            publishable: self.publishable,
            diagnostics: self.diagnostics,
            by_category: self.by_category,
        };
        write!(out, "  \"summary\": {}\n}}\n", indented(&summary, "  ")?)
    }
}

pub fn write_jsonl(out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    reports.iter().try_for_each(|r| write_jsonl_file(out, r))
}

/// One file's diagnostics, a line each, serialised into a buffer of our
/// own and written some tens of KB at a time, not a token at a time
/// through `dyn Write`.
pub fn write_jsonl_file(out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
    const FLUSH_AT: usize = 1 << 16;
    let mut buffer = Vec::with_capacity(FLUSH_AT + 4096);
    for d in &report.diagnostics {
        serde_json::to_writer(&mut buffer, &diagnostic(report, d, true))?;
        buffer.push(b'\n');
        if buffer.len() >= FLUSH_AT {
            out.write_all(&buffer)?;
            buffer.clear();
        }
    }
    out.write_all(&buffer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::lint::Linter;
    use crate::rule::Settings;
    use crate::rules::Registry;

    #[derive(Serialize)]
    struct JsonFile<'a> {
        path: &'a str,
        publishable: bool,
        diagnostics: Vec<JsonDiagnostic<'a>>,
    }

    /// The whole document, serialised at once: what the stream must equal.
    #[derive(Serialize)]
    struct Whole<'a> {
        version: u32,
        files: Vec<JsonFile<'a>>,
        summary: Summary,
    }

    fn whole(reports: &[FileReport]) -> String {
        let mut by_category: BTreeMap<&'static str, usize> =
            Category::ALL.iter().map(|c| (c.as_str(), 0)).collect();
        let files: Vec<JsonFile> = reports
            .iter()
            .map(|r| {
                for d in &r.diagnostics {
                    *by_category.entry(d.category.as_str()).or_default() += 1;
                }
                JsonFile {
                    path: &r.name,
                    publishable: !r.fails(),
                    diagnostics: r
                        .diagnostics
                        .iter()
                        .map(|d| diagnostic(r, d, false))
                        .collect(),
                }
            })
            .collect();
        let summary = Summary {
            files: reports.len(),
            publishable: reports.iter().filter(|r| !r.fails()).count(),
            diagnostics: reports.iter().map(|r| r.diagnostics.len()).sum(),
            by_category,
        };
        let mut text = serde_json::to_string_pretty(&Whole {
            version: VERSION,
            files,
            summary,
        })
        .unwrap();
        text.push('\n');
        text
    }

    fn report(name: &str, text: &str) -> FileReport {
        let registry = Registry::builtin().unwrap();
        let enabled = registry.select(&[], &[]).unwrap();
        let linter = Linter::new(registry, enabled, Settings::default());
        let diagnostics = linter.lint(text);
        FileReport::new(name.to_owned(), text.to_owned(), 0, diagnostics, 0)
            .with_fail_on(Severity::Warning)
    }

    #[test]
    fn the_stream_writes_the_whole_document() {
        for reports in [
            vec![],
            vec![report("a.txt", "Clean text.\n")],
            vec![
                report("a.txt", "Anthony Blinken said  so .\n"),
                report("b.txt", "Clean text.\n"),
                report("c.txt", "РєР ° РЅР ° Р »РІ here.\n"),
            ],
        ] {
            let mut out = Vec::new();
            write_json(&mut out, &reports).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole(&reports));
        }
    }
}
