//! The matrix of bad inputs: whatever a scraper or a file system hands
//! mtlint, it gives a clear message and the right exit code, never a panic,
//! and `--fix` writes a whole file or none.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::{code, mtlint_in, mtlint_stdin, stderr, stdout};

/// A sentence with one safe fix ("Nations.A" → "Nations. A").
const GLUED: &str = "The leaders met at the United Nations.A theme was raised.";
const CLEAN: &str = "The leaders met at the United Nations. A theme was raised.";

fn utf16(text: &str, little: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    for unit in units {
        out.extend(if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

fn cp1251(text: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1251.encode(text).0.into_owned()
}

/// What `check` and `check --fix` must do with one input.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    /// The exit status of `check`.
    check: i32,
    /// A phrase `check`'s stderr must hold (empty: stderr must be empty).
    says: &'static str,
    /// The file after `--fix`, or `None` when it must stay as it was.
    fixed: Option<Vec<u8>>,
    /// The exit status of `check --fix`.
    fix: i32,
    /// A phrase the `--fix` run's stderr must hold (empty: must be empty).
    fix_says: &'static str,
}

fn matrix() -> Vec<Case> {
    let crlf_glued = format!("{GLUED}\r\nSecond line.\nThird line.\rLast.\r\n");
    let crlf_clean = format!("{CLEAN}\r\nSecond line.\nThird line.\rLast.\r\n");
    let russian = "Министр иностранных дел России Сергей Лавров заявил журналистам, что переговоры продолжатся.\n";
    let ukrainian = "Міністр закордонних справ України Дмитро Кулеба заявив журналістам.\n";
    let mut invalid_middle = format!("{ukrainian}{GLUED} ").into_bytes();
    invalid_middle.extend_from_slice(b"\xFF\xFE tail.\n");
    let mut truncated_end = format!("{GLUED} Київ").into_bytes();
    truncated_end.extend_from_slice(&"я".as_bytes()[..1]);
    // One line of 10 MB: sentences with no break between paragraphs.
    let long_line =
        "The talks went on for hours, and nothing was agreed. ".repeat(190_000) + "End.\n";
    vec![
        Case {
            name: "empty",
            bytes: Vec::new(),
            check: 0,
            says: "",
            fixed: None,
            fix: 0,
            fix_says: "",
        },
        Case {
            name: "only whitespace",
            bytes: b" \n\t\n\r\n   ".to_vec(),
            // Three lines of only whitespace: info, which does not fail.
            check: 0,
            says: "",
            fixed: Some(b"\n\n\r\n".to_vec()),
            fix: 0,
            fix_says: "",
        },
        Case {
            name: "NUL bytes",
            bytes: b"Some text\x00with NUL\x00 bytes.A b\x00".to_vec(),
            check: 0,
            says: "binary file",
            fixed: None,
            fix: 0,
            fix_says: "binary file",
        },
        Case {
            name: "invalid UTF-8 in the middle",
            bytes: invalid_middle,
            check: 1,
            says: "",
            fixed: None,
            fix: 2,
            fix_says: "not valid UTF-8 when it was read",
        },
        Case {
            name: "UTF-8 cut off at the end",
            bytes: truncated_end,
            check: 1,
            says: "",
            fixed: None,
            fix: 2,
            fix_says: "not valid UTF-8 when it was read",
        },
        Case {
            name: "UTF-16LE with BOM",
            bytes: utf16(GLUED, true, true),
            check: 1,
            says: "",
            fixed: Some(utf16(CLEAN, true, true)),
            fix: 0,
            fix_says: "",
        },
        Case {
            name: "UTF-16BE with BOM",
            bytes: utf16(GLUED, false, true),
            check: 1,
            says: "",
            fixed: Some(utf16(CLEAN, false, true)),
            fix: 0,
            fix_says: "",
        },
        Case {
            name: "UTF-16LE without BOM",
            bytes: utf16(GLUED, true, false),
            check: 1,
            says: "",
            fixed: Some(utf16(CLEAN, true, false)),
            fix: 0,
            fix_says: "",
        },
        Case {
            name: "UTF-16BE without BOM",
            bytes: utf16(GLUED, false, false),
            check: 1,
            says: "",
            fixed: Some(utf16(CLEAN, false, false)),
            fix: 0,
            fix_says: "",
        },
        Case {
            name: "UTF-16 with an odd byte at the end",
            bytes: [utf16(GLUED, true, true), b"x".to_vec()].concat(),
            check: 1,
            says: "",
            fixed: None,
            fix: 2,
            fix_says: "not valid UTF-16LE when it was read",
        },
        Case {
            name: "cp1251",
            bytes: [cp1251(russian), cp1251(GLUED)].concat(),
            check: 1,
            says: "",
            fixed: Some([cp1251(russian), cp1251(CLEAN)].concat()),
            // Fixed in its own encoding; encoding.legacy-input still warns.
            fix: 1,
            fix_says: "",
        },
        Case {
            name: "mixed CRLF, LF and CR",
            bytes: crlf_glued.into_bytes(),
            check: 1,
            says: "",
            fixed: Some(crlf_clean.into_bytes()),
            fix: 0,
            fix_says: "",
        },
        Case {
            name: "a 10 MB line",
            bytes: [GLUED.as_bytes(), b" ", long_line.as_bytes()].concat(),
            check: 1,
            says: "",
            fixed: Some([CLEAN.as_bytes(), b" ", long_line.as_bytes()].concat()),
            fix: 0,
            fix_says: "",
        },
        Case {
            // A scraper's repeated cell: one finding, one fix.
            name: "one word repeated over a 10 MB line",
            bytes: ("word ".repeat(2_000_000) + "\n").into_bytes(),
            check: 1,
            says: "",
            fixed: Some(b"word\n".to_vec()),
            fix: 0,
            fix_says: "",
        },
    ]
}

/// Runs `mtlint <args> article.txt` and checks its exit status and that
/// its stderr holds `says` (or is empty when `says` is).
fn expect(dir: &Path, case: &Case, args: &[&str], status: i32, says: &str) {
    let what = format!("{} ({})", case.name, args.join(" "));
    let out = mtlint_in(dir, &[args, &["article.txt"]].concat(), None);
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert_eq!(code(&out), status, "{what}: {}{err}", stdout(&out));
    if says.is_empty() {
        assert!(err.is_empty(), "{what}: {err}");
    } else {
        assert!(err.contains(says), "{what}: {err}");
    }
}

fn check_case(dir: &Path, case: &Case) {
    let path = dir.join("article.txt");
    fs::write(&path, &case.bytes).unwrap();
    expect(dir, case, &["check"], case.check, case.says);
    expect(dir, case, &["check", "--fix"], case.fix, case.fix_says);
    let after = fs::read(&path).unwrap();
    let expected = case.fixed.as_ref().unwrap_or(&case.bytes);
    assert!(
        after == *expected,
        "{}: the file after --fix is not as expected",
        case.name
    );
    // Nothing left beside it.
    let names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["article.txt"], "{}", case.name);
}

#[test]
fn every_bad_input_gets_a_clear_answer_and_fix_writes_all_or_nothing() {
    for case in matrix() {
        let dir = tempfile::tempdir().unwrap();
        check_case(dir.path(), &case);
    }
}

#[test]
fn a_symlink_loop_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("a")).unwrap();
    fs::write(dir.path().join("a/article.txt"), GLUED).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("..", dir.path().join("a/loop")).unwrap();
        std::os::unix::fs::symlink("self.txt", dir.path().join("a/self.txt")).unwrap();
    }
    let out = mtlint_in(dir.path(), &["check", "."], None);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(stdout(&out).matches("typography.missing-space").count(), 1);
    // A symlink named on the command line is read through; one that loops
    // is an error that names it.
    #[cfg(unix)]
    {
        let out = mtlint_in(dir.path(), &["check", "a/self.txt"], None);
        assert_eq!(code(&out), 2);
        assert!(stderr(&out).contains("a/self.txt"), "{}", stderr(&out));
    }
}

/// Runs `mtlint` as an unprivileged user where the tests run as root, so
/// that a file's permissions mean something.
#[cfg(unix)]
fn unprivileged(dir: &Path, args: &[&str]) -> std::process::Output {
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let mut command = if is_root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        c.arg(env!("CARGO_BIN_EXE_mtlint"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_mtlint"))
    };
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("mtlint starts")
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_that_names_it_and_the_rest_is_linted() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::write(dir.path().join("a.txt"), GLUED).unwrap();
    fs::write(dir.path().join("b.txt"), GLUED).unwrap();
    fs::set_permissions(dir.path().join("a.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    let out = unprivileged(dir.path(), &["check", "."]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("a.txt") && err.contains("Permission denied"),
        "{err}"
    );
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("b.txt"),
        "the readable file is still linted: {report}"
    );
}

#[test]
fn a_read_only_file_is_not_fixed_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, GLUED).unwrap();
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();
    let out = mtlint_in(dir.path(), &["check", "--fix", "a.txt"], None);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("a.txt: not fixed: the file is read-only"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), GLUED);
}

#[cfg(unix)]
#[test]
fn a_file_in_a_read_only_directory_is_not_fixed_and_says_why() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("locked");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join("a.txt"), GLUED).unwrap();
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o555)).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(sub.join("a.txt"), fs::Permissions::from_mode(0o666)).unwrap();
    let out = unprivileged(dir.path(), &["check", "--fix", "locked/a.txt"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("locked/a.txt: not fixed") && err.contains("Permission denied"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(sub.join("a.txt")).unwrap(), GLUED);
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn fix_through_a_symlink_replaces_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("target.txt"), GLUED).unwrap();
    std::os::unix::fs::symlink("target.txt", dir.path().join("link.txt")).unwrap();
    let out = mtlint_in(dir.path(), &["check", "--fix", "link.txt"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let link = fs::symlink_metadata(dir.path().join("link.txt")).unwrap();
    assert!(link.file_type().is_symlink());
    assert_eq!(
        fs::read_to_string(dir.path().join("target.txt")).unwrap(),
        CLEAN
    );
}

#[test]
fn files_that_disappear_during_the_run_are_errors_that_name_them() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        fs::write(dir.path().join(format!("{i:03}.txt")), GLUED).unwrap();
    }
    let child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(["check", "--format", "jsonl", "."])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    for i in (0..400).rev().step_by(2) {
        let _ = fs::remove_file(dir.path().join(format!("{i:03}.txt")));
    }
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    // However the race went: each file is reported or named in an error.
    let reported = stdout(&out)
        .lines()
        .filter(|l| l.contains("missing-space"))
        .count();
    let missing: Vec<&str> = err.lines().collect();
    for line in &missing {
        assert!(
            line.starts_with("mtlint: error: ") && line.contains("No such file"),
            "{line}"
        );
    }
    assert!(
        reported + missing.len() >= 200,
        "{reported} + {}",
        missing.len()
    );
    assert_eq!(code(&out), if missing.is_empty() { 1 } else { 2 });
}

#[test]
fn standard_input_closed_or_empty() {
    // Empty standard input is an empty article.
    let out = mtlint_stdin(&["check", "-"], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // Standard input not open at all reads as empty (the Rust runtime
    // opens /dev/null in its place), and so does a writer that closes
    // early: what arrived is linted.
    let out = Command::new("sh")
        .args([
            "-c",
            &format!("exec '{}' check - <&-", env!("CARGO_BIN_EXE_mtlint")),
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new("sh")
        .args([
            "-c",
            &format!(
                "(printf '%s' '{GLUED}'; exit 0) | '{}' check --stdin-filename cut.txt -",
                env!("CARGO_BIN_EXE_mtlint")
            ),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("cut.txt:1:"));
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    use std::io::{BufRead, BufReader};
    // More output than a pipe holds, so mtlint is still writing when the
    // reader leaves.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        fs::write(dir.path().join(format!("{i:03}.txt")), GLUED).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(["check", "--format", "jsonl", "."])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader was dropped: the pipe is closed.
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with('{'), "{first}");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_fix_killed_at_any_moment_leaves_the_old_file_or_the_new_one() {
    use std::time::Instant;
    let dir = tempfile::tempdir().unwrap();
    let old: String = (0..5_000).map(|i| format!("{i}. {GLUED}\n\n")).collect();
    let path = dir.path().join("article.txt");
    fs::write(&path, &old).unwrap();
    let started = Instant::now();
    let out = mtlint_in(dir.path(), &["check", "--fix", "article.txt"], None);
    let full = started.elapsed();
    assert!(code(&out) < 2, "{}", stderr(&out));
    let new = fs::read_to_string(&path).unwrap();
    assert_ne!(new, old);

    let (mut saw_old, mut saw_new) = (false, false);
    // Kills from the start to well past the time a whole run took (a busy
    // machine is slower), until one came too late to stop the fix.
    for step in 0..=40u32 {
        if saw_new {
            break;
        }
        fs::write(&path, &old).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
            .args(["check", "--fix", "article.txt"])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full * step / 10);
        let _ = child.kill();
        child.wait().unwrap();
        let now = fs::read_to_string(&path).unwrap();
        assert!(
            now == old || now == new,
            "a killed fix left a third text ({} bytes)",
            now.len()
        );
        saw_old |= now == old;
        saw_new |= now == new;
    }
    assert!(saw_old && saw_new, "the kills did not span the run");
}

#[test]
fn rule_file_mistakes_name_the_file_line_column_and_what_to_do() {
    use mtlint::rules::Registry;
    let rule = |body: &str| {
        format!(
            "# a comment\n[[rule]]\nid = \"typography.house\"\nkind = \"pattern\"\nsummary = \"A rule.\"\nmessage = \"{{0}}\"\n{body}"
        )
    };
    let cases = [
        (
            "an unknown key",
            rule("pattern = 'x'\nflag = [{ text = \"x\" }]\nallow = [\"y\"]\nsevrity = \"info\"\n"),
            "house.toml:10:1",
            &["unknown field `sevrity`", "expected one of"][..],
        ),
        (
            "a wrong type",
            rule("pattern = 'x'\nflag = [{ text = \"x\" }]\nallow = \"y\"\n"),
            "house.toml:9:9",
            &["invalid type", "sequence"][..],
        ),
        (
            "a regex that does not compile",
            rule("pattern = '(x'\nflag = [{ text = \"x\" }]\nallow = [\"y\"]\n"),
            "house.toml:7:11",
            &["typography.house", "unclosed group"][..],
        ),
        (
            "an example that fails",
            rule("pattern = 'x'\nflag = [{ text = \"x\" }, { text = \"z\" }]\nallow = [\"y\"]\n"),
            "house.toml:8:",
            &["typography.house", "`z`"][..],
        ),
    ];
    for (what, text, at, says) in cases {
        let error = match Registry::with_rule_texts(&[("house.toml", &text)]) {
            Ok(_) => panic!("{what}: loaded"),
            Err(error) => error.to_string(),
        };
        assert!(error.starts_with(at), "{what}: {error}");
        for phrase in says {
            assert!(
                error.contains(phrase),
                "{what}: `{phrase}` missing from: {error}"
            );
        }
    }
}
