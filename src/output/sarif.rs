//! SARIF 2.1.0 output (`--format sarif`) for code-scanning dashboards.
//! Columns are Unicode code points (`columnKind: unicodeCodePoints`), as in
//! the JSON format; regions also carry byte offsets.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::FileReport;
use crate::diagnostic::Severity;
use crate::rule::RuleMeta;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub fn write_sarif<'a>(
    out: &mut dyn Write,
    reports: &[FileReport],
    rules: impl Iterator<Item = &'a RuleMeta>,
) -> io::Result<()> {
    let results = reports.iter().flat_map(results).collect();
    write_log(out, rules, results)
}

/// One file's results: what a run keeps of each file until the log is
/// written, instead of the file's text.
pub fn results(report: &FileReport) -> Vec<Value> {
    let mut results = Vec::new();
    for d in &report.diagnostics {
        let start = report.position(d.range.start());
        let end = report.position(d.range.end());
        let mut result = json!({
            "ruleId": d.rule,
            "level": level(d.severity),
            "message": { "text": d.message },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": { "uri": report.name.replace('\\', "/") },
                    "region": {
                        "startLine": start.line,
                        "startColumn": start.column,
                        "endLine": end.line,
                        "endColumn": end.column,
                        "byteOffset": start.offset,
                        "byteLength": end.offset - start.offset,
                        "snippet": { "text": &report.text[d.range.to_std()] },
                    }
                }
            }],
        });
        if let Some(fix) = &d.fix {
            let replacements: Vec<Value> = fix
                .edits
                .iter()
                .map(|e| {
                    let s = report.position(e.range.start());
                    let t = report.position(e.range.end());
                    json!({
                        "deletedRegion": { "byteOffset": s.offset, "byteLength": t.offset - s.offset },
                        "insertedContent": { "text": e.replacement },
                    })
                })
                .collect();
            result["fixes"] = json!([{
                "description": { "text": format!("{} ({} fix)", fix.description, fix.safety.as_str()) },
                "artifactChanges": [{
                    "artifactLocation": { "uri": report.name.replace('\\', "/") },
                    "replacements": replacements,
                }],
            }]);
        }
        results.push(result);
    }
    results
}

/// The log, with the rule table and every file's results.
pub fn write_log<'a>(
    out: &mut dyn Write,
    rules: impl Iterator<Item = &'a RuleMeta>,
    results: Vec<Value>,
) -> io::Result<()> {
    let rules: Vec<Value> = rules
        .map(|meta| {
            json!({
                "id": meta.id,
                "shortDescription": { "text": meta.summary },
                "defaultConfiguration": { "level": level(meta.severity) },
                "properties": { "category": meta.category.as_str() },
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "mtlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}
