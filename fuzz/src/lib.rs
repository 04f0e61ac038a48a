//! The invariants mtlint's fuzz targets check, one function a target.
//!
//! `fuzz_targets/*.rs` hand each input to these functions under libFuzzer;
//! `tests/fuzz_smoke.rs` includes this file and runs the same functions
//! over the seed corpus (`fuzz/corpus/<target>/`) on every `cargo test`.
//! A broken invariant is a panic, which is what both of them report.

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::OnceLock;

use mtlint::diagnostic::{Diagnostic, Fix, Safety};
use mtlint::fix::apply_fixes;
use mtlint::lint::{Article, Linter};
use mtlint::output::json::write_json;
use mtlint::output::FileReport;
use mtlint::rule::Settings;
use mtlint::rules::Registry;
use mtlint::source::{Encoding, Loaded, SourceFile};
use mtlint::window::WindowReader;

/// The article as `mtlint check` lints a file: in the encoding it came in.
fn article(source: &SourceFile) -> Article<'static> {
    Article {
        encoding: source.encoding,
        ..Article::default()
    }
}

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let registry = Registry::builtin().expect("the built-in rules load");
        let enabled = registry.select(&[], &[]).expect("no selection");
        Linter::new(registry, enabled, Settings::default())
    })
}

fn decode(data: &[u8]) -> Option<SourceFile> {
    match SourceFile::from_bytes(PathBuf::from("fuzz.txt"), data).expect("inputs are small") {
        Loaded::Text(source) => Some(source),
        Loaded::Binary => None,
    }
}

/// Arbitrary bytes → decode → document → every rule. No panic; every range
/// lies inside the text on char boundaries; every position of the JSON
/// output agrees with the text; windows of the bytes cover them exactly.
pub fn lint(data: &[u8]) {
    windows(data);
    let Some(source) = decode(data) else { return };
    round_trip(data, &source);
    let diagnostics = linter().lint_with(&source.text, &article(&source));
    check_diagnostics(&source.text, &diagnostics);
    check_json(&source, diagnostics);
}

/// Arbitrary bytes → `--fix` (safe fixes; with the first byte odd, the
/// unsafe ones too). Bytes outside the edits of a pass stay as they were;
/// fixing converges; fixing the result again changes nothing; the result
/// can be stored in the file's encoding or the reason is given.
pub fn fix(data: &[u8]) {
    let Some(source) = decode(data) else { return };
    let unsafe_fixes = data.first().is_some_and(|b| b & 1 == 1);
    let linter = linter();

    // One pass by hand, to see that only the edits change the text.
    let diagnostics = linter.lint_with(&source.text, &article(&source));
    let fixes: Vec<&Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| unsafe_fixes || f.safety == Safety::Safe)
        .collect();
    let (once, _) = apply_fixes(&source.text, &fixes);
    check_only_edits_changed(&source.text, &once, &fixes);

    let outcome = linter.fix_with(&source.text, unsafe_fixes, &article(&source));
    assert!(
        outcome.converged,
        "fixing did not converge on {:?}",
        source.text
    );
    check_diagnostics(&outcome.text, &outcome.diagnostics);
    let again = linter.fix_with(&outcome.text, unsafe_fixes, &article(&source));
    assert_eq!(again.fixed, 0, "a second --fix applied fixes");
    assert_eq!(again.text, outcome.text, "a second --fix changed the text");

    // What is written reads back as the fixed text, in the same encoding
    // and with the same BOM; a file read with losses is never written.
    match source.encode(&outcome.text) {
        Ok(bytes) => {
            assert!(source.lossless, "a lossy file would be written");
            if source.encoding == Encoding::Utf8 || source.bom {
                let back = decode(&bytes).expect("a fixed article is still text");
                assert_eq!(back.text, outcome.text);
                assert_eq!((back.encoding, back.bom), (source.encoding, source.bom));
            }
        }
        Err(e) => assert!(!source.lossless || e.to_string().contains("cannot store")),
    }
}

/// Arbitrary bytes as a rule file. It loads or fails at a `file:line:column`
/// inside the file; a loaded file lints its own text without a panic.
pub fn rule_file(data: &[u8]) {
    let Ok(contents) = std::str::from_utf8(data) else {
        return;
    };
    match Registry::with_rule_texts(&[("fuzz.toml", contents)]) {
        Ok(registry) => {
            let enabled = registry.select(&[], &[]).expect("no selection");
            let linter = Linter::new(registry, enabled, Settings::default());
            let diagnostics = linter.lint(contents);
            check_diagnostics(contents, &diagnostics);
        }
        Err(e) => {
            if e.path == "fuzz.toml" {
                let lines = contents.split('\n').count().max(1);
                assert!(
                    e.line >= 1 && e.line as usize <= lines + 1,
                    "error line {} outside a file of {lines} lines: {e}",
                    e.line
                );
                assert!(e.column >= 1, "{e}");
            }
            assert!(!e.message.trim().is_empty(), "an error without a message");
        }
    }
}

/// Ranges and edits inside `text`, on char boundaries, edits in order and
/// apart.
fn check_diagnostics(text: &str, diagnostics: &[Diagnostic]) {
    let inside = |start: usize, end: usize| {
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    for d in diagnostics {
        let (start, end) = (d.range.start().to_usize(), d.range.end().to_usize());
        assert!(
            inside(start, end),
            "{} at {start}..{end} of {}",
            d.rule,
            text.len()
        );
        assert!(!d.message.is_empty(), "{} without a message", d.rule);
        if let Some(fix) = &d.fix {
            let mut last_end = 0;
            for edit in &fix.edits {
                let (s, e) = (edit.range.start().to_usize(), edit.range.end().to_usize());
                assert!(
                    inside(s, e),
                    "{}: edit at {s}..{e} of {}",
                    d.rule,
                    text.len()
                );
                assert!(
                    s >= last_end,
                    "{}: edits overlap or are out of order",
                    d.rule
                );
                last_end = e;
            }
        }
    }
}

/// `after` is `before` with some of the fixes' edits made and every other
/// byte kept: walking the edits in order, the text between them is the
/// same on both sides.
fn check_only_edits_changed(before: &str, after: &str, fixes: &[&Fix]) {
    if before == after {
        return;
    }
    let mut edits: Vec<_> = fixes.iter().flat_map(|f| f.edits.iter()).collect();
    edits.sort_by_key(|e| (e.range.start(), e.range.end()));
    // The longest common prefix and suffix must reach an edit: a change
    // outside every edit would show there.
    let prefix = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = before
        .bytes()
        .rev()
        .zip(after.bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let first = edits.first().expect("the text changed without an edit");
    let last_end = edits
        .iter()
        .map(|e| e.range.end().to_usize())
        .max()
        .unwrap_or(0);
    assert!(
        prefix >= first.range.start().to_usize().min(before.len()),
        "a byte before the first edit changed"
    );
    assert!(
        suffix >= before.len() - last_end,
        "a byte after the last edit changed"
    );
    // Between the edits: every gap of `before` is found, in order, in `after`.
    let mut at = 0;
    let mut from = 0;
    for edit in &edits {
        let start = edit.range.start().to_usize();
        if start > at {
            let gap = &before[at..start];
            let found = after[from..]
                .find(gap)
                .unwrap_or_else(|| panic!("the text between edits changed: {gap:?}"));
            from += found + gap.len();
        }
        at = at.max(edit.range.end().to_usize());
    }
}

/// The JSON output of one report: each `text` is the slice of the article
/// its offsets name, and line and columns agree with counting by hand.
fn check_json(source: &SourceFile, diagnostics: Vec<Diagnostic>) {
    let base = source.offset_base() as u64;
    let report = FileReport::new(
        "fuzz.txt".into(),
        source.text.clone(),
        source.offset_base(),
        diagnostics,
        0,
    );
    let mut out = Vec::new();
    write_json(&mut out, std::slice::from_ref(&report)).expect("writing to memory");
    let json: serde_json::Value = serde_json::from_slice(&out).expect("the output is JSON");
    let text = &source.text;
    for d in json["files"][0]["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
    {
        let offset = |p: &serde_json::Value| (p["offset"].as_u64().unwrap() - base) as usize;
        let (start, end) = (offset(&d["start"]), offset(&d["end"]));
        assert_eq!(d["text"].as_str().unwrap(), &text[start..end]);
        for (key, at) in [("start", start), ("end", end)] {
            let (line, column, utf16) = position(text, at);
            let p = &d[key];
            assert_eq!(
                (
                    p["line"].as_u64().unwrap(),
                    p["column"].as_u64().unwrap(),
                    p["utf16"].as_u64().unwrap()
                ),
                (line, column, utf16),
                "{key} of {} at byte {at}",
                d["rule"]
            );
        }
    }
}

/// Line (1-based; `\n`, `\r\n` and a lone `\r` end a line), column in
/// scalar values (1-based) and in UTF-16 units (0-based) of byte `at`.
fn position(text: &str, at: usize) -> (u64, u64, u64) {
    let before = &text[..at];
    let mut line = 1;
    let mut line_start = 0;
    let bytes = before.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends = b == b'\n' || (b == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n'));
        if ends {
            line += 1;
            line_start = i + 1;
        }
    }
    let rest = &before[line_start..];
    (
        line,
        rest.chars().count() as u64 + 1,
        rest.encode_utf16().count() as u64,
    )
}

/// Decoding and encoding back give the bytes read, or the file is known
/// to be lossy and is never written.
fn round_trip(data: &[u8], source: &SourceFile) {
    match source.encoding {
        Encoding::Utf8Lossy => assert!(!source.lossless),
        Encoding::Utf8 => assert!(source.lossless),
        _ => {}
    }
    match source.encode(&source.text) {
        Ok(bytes) => assert_eq!(bytes, data, "{} did not round-trip", source.encoding),
        Err(_) => assert!(!source.lossless, "a lossless file cannot be written back"),
    }
}

/// Windows of the bytes, of a size taken from the input: they cover the
/// file exactly, each starts where the one before ended, and each ends a
/// line (or the file).
fn windows(data: &[u8]) {
    let size = 1 + data.first().map_or(0, |&b| b as usize % 64);
    let mut reader =
        WindowReader::new(Cursor::new(data), PathBuf::from("fuzz.txt")).with_window(size);
    let mut joined = Vec::new();
    let start = data.strip_prefix(b"\xEF\xBB\xBF").map_or(0, |_| 3);
    let mut expected_offset = start as u64;
    loop {
        match reader.next_window() {
            Ok(Some(window)) => {
                assert_eq!(window.offset, expected_offset, "windows leave a gap");
                assert!(!window.text.is_empty(), "an empty window");
                expected_offset += window.text.len() as u64;
                joined.extend_from_slice(window.text.as_bytes());
                let rest = &data[expected_offset as usize..];
                assert!(
                    rest.is_empty() || window.text.ends_with('\n'),
                    "a window ends inside a line"
                );
            }
            Ok(None) => break,
            Err(e) => {
                assert!(
                    std::str::from_utf8(data).is_err(),
                    "valid UTF-8 failed: {e}"
                );
                return;
            }
        }
    }
    assert_eq!(joined, &data[start..], "windows do not cover the file");
}
