//! The JSON wire format of CONTRACT.md, version 1.
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
pub struct JsonEdit {
    pub start: Position,
    pub end: Position,
    pub replacement: String,
}

#[derive(Serialize)]
pub struct JsonFix {
    pub description: String,
    pub safety: Safety,
    pub edits: Vec<JsonEdit>,
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
    pub fix: Option<JsonFix>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    /// The verdict: no diagnostic at or above `--fail-on`.
    publishable: bool,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    /// Files with no diagnostic at or above `--fail-on`.
    publishable: usize,
    diagnostics: usize,
    by_category: BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    summary: Summary,
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
            description: fix.description.clone(),
            safety: fix.safety,
            edits: fix
                .edits
                .iter()
                .map(|e| JsonEdit {
                    start: report.position(e.range.start()),
                    end: report.position(e.range.end()),
                    replacement: e.replacement.clone(),
                })
                .collect(),
        }),
    }
}

/// Writes the report; a file is publishable when none of its diagnostics
/// is at or above its `fail_on`, the severity that fails the run.
pub fn write_json(out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    let mut by_category = BTreeMap::new();
    let mut publishable = 0;
    for category in Category::ALL {
        by_category.insert(category.as_str(), 0);
    }
    let mut total = 0;
    let files = reports
        .iter()
        .map(|report| {
            for d in &report.diagnostics {
                *by_category.entry(d.category.as_str()).or_default() += 1;
                total += 1;
            }
            let verdict = !report.fails();
            publishable += usize::from(verdict);
            JsonFile {
                path: &report.name,
                publishable: verdict,
                diagnostics: report
                    .diagnostics
                    .iter()
                    .map(|d| diagnostic(report, d, false))
                    .collect(),
            }
        })
        .collect();
    let report = JsonReport {
        version: VERSION,
        files,
        summary: Summary {
            files: reports.len(),
            publishable,
            diagnostics: total,
            by_category,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

pub fn write_jsonl(out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    for report in reports {
        for d in &report.diagnostics {
            serde_json::to_writer(&mut *out, &diagnostic(report, d, true))?;
            writeln!(out)?;
        }
    }
    Ok(())
}
