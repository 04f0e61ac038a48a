//! Large files linted a window at a time: the same findings, at the same
//! lines, columns and byte offsets, as linting the whole file, for rules
//! that judge within a paragraph. `MTLINT_WINDOW` makes the windows small.

use std::path::Path;
use std::process::{Command, Output};

use crate::{code, stderr, stdout};

/// Rules that judge a paragraph at a time, so windows cannot change them.
const LOCAL: &str = "name.misspelling,typography.multiple-spaces,typography.missing-space,\
typography.space-before-punctuation,encoding.mojibake,name.digit-placeholder";

fn run(path: &Path, window: Option<&str>, format: &str) -> Output {
    run_with(path, window, &["--format", format])
}

fn run_with(path: &Path, window: Option<&str>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mtlint"));
    command
        .args(["check", "--select", LOCAL])
        .args(args)
        .arg(path)
        .env("NO_COLOR", "1")
        .env_remove("MTLINT_WINDOW");
    if let Some(window) = window {
        command.env("MTLINT_WINDOW", window);
    }
    command.output().expect("mtlint runs")
}

/// An article dump: a BOM, CRLF in places, emoji and Cyrillic before the
/// findings, so that offsets, lines and UTF-16 columns all have to agree.
fn dump() -> String {
    let mut text = String::from("\u{feff}");
    for i in 0..400 {
        let ending = if i % 3 == 0 { "\r\n" } else { "\n" };
        text.push_str(&format!(
            "Article {i} 😀 «Київ». Anthony Blinken met  the press at the UN.A theme{ending}\
             came up in GXNUMX talks , they said.{ending}{ending}"
        ));
    }
    text
}

/// The dump with bytes that are not UTF-8 at its end, as `dump.txt` in
/// `dir`.
fn broken_dump(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("dump.txt");
    let mut bytes = dump().into_bytes();
    bytes.extend_from_slice(b"\xFF\xFE broken\n");
    std::fs::write(&path, &bytes).unwrap();
    path
}

#[test]
fn windows_give_the_same_findings_as_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.txt");
    std::fs::write(&path, dump()).unwrap();
    let whole = run(&path, None, "jsonl");
    let windowed = run(&path, Some("2048"), "jsonl");
    assert_eq!(code(&whole), 1, "{}", stderr(&whole));
    assert_eq!(code(&windowed), 1, "{}", stderr(&windowed));
    assert!(stdout(&whole).lines().count() > 1500);
    assert_eq!(stdout(&windowed), stdout(&whole));
    // One file in the JSON report and the summary, not one per window.
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&path, Some("2048"), "json"))).unwrap();
    assert_eq!(json["files"].as_array().unwrap().len(), 1);
    assert_eq!(json["summary"]["files"], 1);
    let human = stdout(&run(&path, Some("2048"), "human"));
    assert!(
        human.contains("in 1 file"),
        "{}",
        human.lines().last().unwrap()
    );
}

#[test]
fn a_large_file_that_is_not_utf8_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = broken_dump(dir.path());
    let out = run(&path, Some("2048"), "jsonl");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("dump.txt"), "{}", stderr(&out));
    assert!(stderr(&out).contains("not UTF-8"), "{}", stderr(&out));
}

#[test]
fn a_large_file_is_fixed_a_window_at_a_time_as_the_whole_file_would_be() {
    let dir = tempfile::tempdir().unwrap();
    let whole_path = dir.path().join("whole.txt");
    let windowed_path = dir.path().join("windowed.txt");
    std::fs::write(&whole_path, dump()).unwrap();
    std::fs::write(&windowed_path, dump()).unwrap();
    let args = ["--fix", "--format", "jsonl"];
    let whole = run_with(&whole_path, None, &args);
    let windowed = run_with(&windowed_path, Some("2048"), &args);
    assert_eq!(code(&whole), 1, "{}", stderr(&whole));
    assert_eq!(code(&windowed), 1, "{}", stderr(&windowed));
    // What is left is reported at the same places in the fixed file.
    assert!(!stdout(&whole).is_empty());
    let same = stdout(&windowed).replace("windowed.txt", "whole.txt") == stdout(&whole);
    assert!(same, "the windowed report differs from the whole file's");
    let fixed = std::fs::read(&whole_path).unwrap();
    assert_ne!(fixed, dump().into_bytes());
    assert!(fixed.starts_with(b"\xEF\xBB\xBF"), "the BOM is kept");
    assert_eq!(std::fs::read(&windowed_path).unwrap(), fixed);
    // Nothing is left to fix, so a second run writes nothing.
    let before = std::fs::metadata(&windowed_path)
        .unwrap()
        .modified()
        .unwrap();
    let again = run_with(&windowed_path, Some("2048"), &args);
    assert_eq!(code(&again), 1, "{}", stderr(&again));
    assert_eq!(
        std::fs::metadata(&windowed_path)
            .unwrap()
            .modified()
            .unwrap(),
        before
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 2, "no temporary file is left");
}

#[test]
fn a_large_file_that_cannot_be_read_whole_is_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = broken_dump(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    let out = run_with(&path, Some("2048"), &["--fix"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("dump.txt: not fixed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
