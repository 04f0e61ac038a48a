//! `--format json` parsed into typed structs, as an integration would: every
//! diagnostic's `text` is the file's bytes from `start` to `end`, and its
//! line, column and UTF-16 column agree with that offset.

use std::fs;
use std::path::Path;

use mtlint::source::{Loaded, SourceFile};
use serde::Deserialize;

use crate::{code, mtlint_in, root, stderr};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    version: u32,
    files: Vec<FileEntry>,
    summary: Summary,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEntry {
    path: String,
    publishable: bool,
    diagnostics: Vec<Diagnostic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Summary {
    files: usize,
    publishable: usize,
    diagnostics: usize,
    by_category: std::collections::BTreeMap<String, usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Diagnostic {
    rule: String,
    category: String,
    severity: String,
    message: String,
    start: Position,
    end: Position,
    text: String,
    fix: Option<Fix>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fix {
    description: String,
    safety: String,
    edits: Vec<Edit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    start: Position,
    end: Position,
    #[allow(dead_code, reason = "parsed to check the shape only")]
    replacement: String,
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Position {
    offset: usize,
    line: usize,
    column: usize,
    utf16: usize,
}

/// The position of `offset` in `text`, computed here without the crate's
/// line index: LF, CRLF and a lone CR end a line.
fn expected_position(text: &str, offset: usize) -> Position {
    let before = &text[..offset];
    let mut line = 1;
    let mut line_start = 0;
    let bytes = before.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends_line = b == b'\n' || (b == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n'));
        if ends_line {
            line += 1;
            line_start = i + 1;
        }
    }
    let in_line = &before[line_start..];
    Position {
        offset,
        line,
        column: in_line.chars().count() + 1,
        utf16: in_line.encode_utf16().count(),
    }
}

/// Runs `check --format json` in `dir` over `args` and checks every
/// diagnostic against the files' text. Returns the number checked.
fn check_offsets(dir: &Path, args: &[&str]) -> usize {
    let mut full = vec!["check", "--format", "json"];
    full.extend_from_slice(args);
    let out = mtlint_in(dir, &full, None);
    assert!(code(&out) < 2, "{}", stderr(&out));
    let report: Report = serde_json::from_slice(&out.stdout).expect("the contract's JSON");
    assert_eq!(report.version, 1);
    assert_eq!(report.summary.files, report.files.len());
    let total: usize = report.files.iter().map(|f| f.diagnostics.len()).sum();
    assert_eq!(report.summary.diagnostics, total);
    assert_eq!(report.summary.by_category.values().sum::<usize>(), total);
    // The verdict at the default --fail-on (warning): only info findings.
    for file in &report.files {
        let publishable = file.diagnostics.iter().all(|d| d.severity == "info");
        assert_eq!(file.publishable, publishable, "{}", file.path);
    }
    let publishable = report.files.iter().filter(|f| f.publishable).count();
    assert_eq!(report.summary.publishable, publishable);

    for file in &report.files {
        let bytes = fs::read(dir.join(&file.path)).unwrap();
        // Offsets count the bytes on disk for UTF-8 (a BOM included); for
        // UTF-16 they count the UTF-8 text it was transcoded to.
        let text = match bytes.as_slice() {
            [0xFF, 0xFE, rest @ ..] => String::from_utf16(
                &rest
                    .chunks(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .collect::<Vec<_>>(),
            )
            .unwrap(),
            _ => match String::from_utf8(bytes) {
                Ok(text) => text,
                // A legacy encoding: offsets count the UTF-8 it became.
                Err(_) => match SourceFile::read(&dir.join(&file.path)).unwrap() {
                    Loaded::Text(source) => source.text,
                    Loaded::Binary => unreachable!("binary files are not reported"),
                },
            },
        };
        // A BOM is not a column: positions are counted after it.
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        for d in &file.diagnostics {
            let where_ = format!("{}: {} at {:?}", file.path, d.rule, d.start);
            assert_eq!(d.text, text[d.start.offset..d.end.offset], "{where_}");
            assert!(d.rule.starts_with(&format!("{}.", d.category)), "{where_}");
            assert!(["error", "warning", "info"].contains(&d.severity.as_str()));
            assert!(
                !d.message.is_empty() && !d.message.contains('\n'),
                "{where_}"
            );
            for p in [&d.start, &d.end] {
                let mut expected = expected_position(&text[bom..], p.offset - bom);
                expected.offset += bom;
                assert_eq!(*p, expected, "{where_}");
            }
            if let Some(fix) = &d.fix {
                assert!(["safe", "unsafe"].contains(&fix.safety.as_str()));
                assert!(!fix.description.is_empty());
                for e in &fix.edits {
                    assert!(e.start.offset <= e.end.offset && e.end.offset <= text.len());
                }
            }
        }
    }
    total
}

#[test]
fn fixtures_offsets_match_their_bytes() {
    let checked = check_offsets(&root(), &["fixtures"]);
    assert!(checked > 0, "the fixtures have diagnostics to check");
}

#[test]
fn crlf_bom_emoji_and_utf16_offsets_match() {
    let dir = tempfile::tempdir().unwrap();
    let body =
        "🇺🇦 Kyiv 😀 said  the the result.A new day. \r\nLine two.B \u{201c}\r\r\nΣ ok.Next\n";
    fs::write(dir.path().join("crlf.txt"), body).unwrap();
    fs::write(
        dir.path().join("bom.txt"),
        [b"\xEF\xBB\xBF".as_slice(), body.as_bytes()].concat(),
    )
    .unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(body.encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(dir.path().join("utf16.txt"), utf16).unwrap();
    let checked = check_offsets(dir.path(), &["."]);
    // Each file has a doubled word, a double space, glued sentences and
    // trailing whitespace at least.
    assert!(checked >= 3 * 4, "only {checked} diagnostics");
}

#[test]
fn jsonl_has_one_diagnostic_a_line_with_its_path() {
    let out = mtlint_in(
        &root(),
        &["check", "--format", "jsonl", "fixtures/seeds"],
        None,
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.is_empty());
    for line in text.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(value["path"]
            .as_str()
            .unwrap()
            .starts_with("fixtures/seeds/"));
        assert!(value["rule"].is_string() && value["start"]["offset"].is_u64());
    }
}

#[test]
fn the_verdict_follows_fail_on() {
    for (fail_on, failing) in [
        ("info", &["info", "warning", "error"][..]),
        ("warning", &["warning", "error"][..]),
        ("error", &["error"][..]),
    ] {
        let out = crate::mtlint(&[
            "check",
            "--format",
            "json",
            "--fail-on",
            fail_on,
            "fixtures",
        ]);
        let report: Report = serde_json::from_slice(&out.stdout).expect("the contract's JSON");
        let mut publishable = 0;
        for file in &report.files {
            let expected = !file
                .diagnostics
                .iter()
                .any(|d| failing.contains(&d.severity.as_str()));
            assert_eq!(file.publishable, expected, "{} at {fail_on}", file.path);
            publishable += usize::from(expected);
        }
        assert_eq!(report.summary.publishable, publishable);
        // The fixtures hold clean files and files that fail at each level.
        assert!(
            publishable > 0 && publishable < report.files.len(),
            "{fail_on}: {publishable}"
        );
    }
}

/// Every key mtlint writes in `--format json`, batch and `rules --format
/// json`, and every category, is in `docs/output-format.md`: the document
/// integrations read is kept current with the code.
#[test]
fn the_output_format_document_names_every_key_and_category() {
    fn keys(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    out.insert(key.clone());
                    keys(value, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }
    let doc = fs::read_to_string(root().join("docs/output-format.md")).unwrap();
    let mut found = std::collections::BTreeSet::new();
    let text = b"Russian President Lavrov met Dmitry Kuleba.\n";
    let json = mtlint_in(&root(), &["check", "--format", "json", "-"], Some(text));
    let records = br#"{"id": 1, "text": "GXNUMX and Dmitry Kuleba."}
not json
"#;
    let batch = mtlint_in(&root(), &["batch", "--fix"], Some(records));
    let rules = mtlint_in(&root(), &["rules", "--format", "json"], None);
    for output in [&json, &batch, &rules] {
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(line) {
                keys(&value, &mut found);
            }
        }
    }
    let whole: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    keys(&whole, &mut found);
    for category in mtlint::diagnostic::Category::ALL.map(|c| c.as_str()) {
        assert!(
            doc.contains(&format!("| {category} |")),
            "docs/output-format.md has no row for the category `{category}`"
        );
        found.remove(category);
    }
    assert!(found.len() > 20, "too few keys read: {found:?}");
    let missing: Vec<&String> = found
        .iter()
        .filter(|key| !doc.contains(&format!("\"{key}\"")) && !doc.contains(&format!("`{key}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "keys mtlint writes that docs/output-format.md does not name: {missing:?}"
    );
}
