//! SARIF 2.1.0 output (`--format sarif`) for code-scanning dashboards.
//! Columns are Unicode code points (`columnKind: unicodeCodePoints`), as in
//! the JSON format; regions also carry byte offsets.
//!
//! Each rule carries its explanation (`mtlint rules --explain`) as
//! `fullDescription` and `help`, which GitHub code scanning shows beside an
//! alert. `informationUri` is the package's `homepage`, else its
//! `repository` (Cargo.toml), and is left out while neither is set; rules
//! have no `helpUri`, since no page per rule exists: their help is in the
//! log itself.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::FileReport;
use crate::diagnostic::Severity;
use crate::explain::Explanation;
use crate::rule::RuleMeta;
use crate::rules::file::LoadedRules;

/// Where users learn about mtlint: the `homepage` of Cargo.toml, else its
/// `repository`; none while both are unset (cargo sets them empty).
pub fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|uri| !uri.is_empty())
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `rules`: each rule of the run with the rule files that explain it.
pub fn write_sarif<'a>(
    out: &mut dyn Write,
    reports: &[FileReport],
    rules: impl Iterator<Item = (&'a RuleMeta, &'a LoadedRules)>,
) -> io::Result<()> {
    let results = reports.iter().flat_map(results).collect();
    write_log(out, rules, results)
}

/// The URI reference (RFC 3986) of the file a report names: a relative
/// path stays relative, an absolute one becomes a `file:` URI, and every
/// byte outside the characters a path segment may hold is percent-encoded
/// ("my article.txt" → "my%20article.txt"). A colon is encoded too: in a
/// relative reference's first segment it would read as a scheme.
pub fn artifact_uri(name: &str) -> String {
    let path = name.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    let (mut uri, rest) = if drive {
        (format!("file:///{}", &path[..2]), &path[2..])
    } else if path.starts_with('/') {
        ("file://".to_owned(), path.as_str())
    } else {
        (String::new(), path.as_str())
    };
    for &b in rest.as_bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@/".contains(&b);
        if keep {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
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
                    "artifactLocation": { "uri": artifact_uri(&report.name) },
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
                    "artifactLocation": { "uri": artifact_uri(&report.name) },
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
    rules: impl Iterator<Item = (&'a RuleMeta, &'a LoadedRules)>,
    results: Vec<Value>,
) -> io::Result<()> {
    let rules: Vec<Value> = rules
        .map(|(meta, loaded)| {
            let explanation = Explanation::new(meta, loaded);
            json!({
                "id": meta.id,
                "shortDescription": { "text": meta.summary },
                "fullDescription": { "text": explanation.description() },
                "help": {
                    "text": explanation.text(),
                    "markdown": explanation.markdown(),
                },
                "defaultConfiguration": { "level": level(meta.severity) },
                "properties": { "category": meta.category.as_str() },
            })
        })
        .collect();
    let mut driver = json!({
        "name": "mtlint",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    if let Some(uri) = information_uri() {
        driver["informationUri"] = Value::from(uri);
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::artifact_uri;

    #[test]
    fn artifact_uris_encode_what_a_path_segment_cannot_hold() {
        assert_eq!(artifact_uri("./my article.txt"), "./my%20article.txt");
        assert_eq!(artifact_uri("a:b/100%.txt"), "a%3Ab/100%25.txt");
        assert_eq!(
            artifact_uri("/srv/news/é.txt"),
            "file:///srv/news/%C3%A9.txt"
        );
        assert_eq!(
            artifact_uri("C:\\news\\a b.txt"),
            "file:///C:/news/a%20b.txt"
        );
        assert_eq!(artifact_uri("plain/path-1_2.txt"), "plain/path-1_2.txt");
    }
}
