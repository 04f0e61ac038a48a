//! Exit codes, standard input, `--diff` and `--fix`.

use std::fs;
use std::time::{Duration, SystemTime};

use crate::{code, mtlint, mtlint_in, mtlint_stdin, stderr, stdout};

const GLUED: &str = "The leaders met at the United Nations.A theme was raised.\n";
const CLEAN: &str = "The leaders met at the United Nations. A theme was raised.\n";

#[test]
fn clean_text_exits_0() {
    let out = mtlint_stdin(&["check", "-"], CLEAN.as_bytes());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "All clear (1 file checked).\n");
}

#[test]
fn findings_exit_1() {
    let out = mtlint_stdin(&["check", "-"], GLUED.as_bytes());
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains("typography.missing-space"));
}

#[test]
fn an_opt_in_rule_runs_only_when_named() {
    let text = "UN Secretary-General Antonio Guterres spoke.\n";
    let run = |args: &[&str]| {
        let out = mtlint_stdin(args, text.as_bytes());
        assert!(code(&out) < 2, "{}", stderr(&out));
        stdout(&out).contains("name.diacritics")
    };
    assert!(!run(&["check", "--fail-on", "info", "-"]));
    assert!(!run(&[
        "check",
        "--fail-on",
        "info",
        "--select",
        "name",
        "-"
    ]));
    assert!(run(&[
        "check",
        "--fail-on",
        "info",
        "--select",
        "name.diacritics",
        "-"
    ]));
    assert!(run(&[
        "check",
        "--fail-on",
        "info",
        "--extend-select",
        "name.diacritics",
        "-"
    ]));
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("mtlint.toml"),
        "extend-select = [\"name.diacritics\"]\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.txt"), text).unwrap();
    let out = mtlint_in(dir.path(), &["check", "a.txt"], None);
    assert!(stdout(&out).contains("name.diacritics"), "{}", stdout(&out));
    // `--select` replaces the config's selection and its extension.
    let out = mtlint_in(dir.path(), &["check", "--select", "name", "a.txt"], None);
    assert!(
        !stdout(&out).contains("name.diacritics"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn fail_on_raises_the_threshold() {
    // Trailing whitespace is info: it fails only with --fail-on info.
    let text = "A line with a space at the end. \n";
    assert_eq!(code(&mtlint_stdin(&["check", "-"], text.as_bytes())), 0);
    let out = mtlint_stdin(&["check", "--fail-on", "info", "-"], text.as_bytes());
    assert_eq!(code(&out), 1);
    let out = mtlint_stdin(&["check", "--fail-on", "error", "-"], GLUED.as_bytes());
    assert_eq!(code(&out), 0);
}

#[test]
fn missing_path_exits_2_naming_it() {
    let out = mtlint(&["check", "no/such/article.txt"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("no/such/article.txt"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unknown_rule_in_select_exits_2() {
    let out = mtlint_stdin(&["check", "--select", "typography.nope", "-"], b"");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("typography.nope"), "{}", stderr(&out));
}

#[test]
fn usage_error_exits_2() {
    assert_eq!(code(&mtlint(&["check", "--format", "xml"])), 2);
    assert_eq!(code(&mtlint(&["check", "--date", "2024-13-40", "-"])), 2);
}

#[test]
fn invalid_rule_file_exits_2_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.toml"),
        "[[rule]]\nid = \"name.example\"\nkind = \"pattern\"\ncolour = \"red\"\n",
    )
    .unwrap();
    let rules = dir.path().to_str().unwrap();
    let out = mtlint_stdin(&["check", "--rules", rules, "-"], b"");
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("bad.toml:4:1"), "{err}");
    assert!(err.contains("colour"), "{err}");
}

#[test]
fn user_rule_directory_adds_rules() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("house.toml"),
        r#"
[[rule]]
id = "name.house-style"
kind = "substitution"
summary = "Our house spelling of the capital."
message = "House style spells it `{right}`."
table = { "Kiev" = "Kyiv" }
flag = [{ text = "He flew to Kiev.", fixed = "He flew to Kyiv." }]
allow = ["He flew to Kyiv."]
"#,
    )
    .unwrap();
    let rules = dir.path().to_str().unwrap();
    let out = mtlint_stdin(&["check", "--rules", rules, "-"], b"Back in Kiev today.\n");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).contains("name.house-style"));
    let out = mtlint(&["rules", "--rules", rules]);
    assert!(stdout(&out).contains("name.house-style"));
}

#[test]
fn stdin_is_reported_under_stdin_filename() {
    let out = mtlint_stdin(
        &["check", "--stdin-filename", "wire/story.txt", "-"],
        GLUED.as_bytes(),
    );
    assert!(
        stdout(&out).starts_with("wire/story.txt:1:"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn fix_stdin_prints_only_the_fixed_text() {
    let out = mtlint_stdin(&["check", "--fix", "-"], GLUED.as_bytes());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), CLEAN);
}

#[test]
fn diff_prints_a_patch_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, GLUED).unwrap();
    let out = mtlint_in(dir.path(), &["check", "--diff", "a.txt"], None);
    assert_eq!(code(&out), 1);
    let diff = stdout(&out);
    assert!(diff.contains("--- a/a.txt\n+++ b/a.txt\n"), "{diff}");
    assert!(
        diff.contains("-The leaders met at the United Nations.A theme"),
        "{diff}"
    );
    assert!(
        diff.contains("+The leaders met at the United Nations. A theme"),
        "{diff}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), GLUED);
}

#[test]
fn fix_twice_changes_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    let text = "He said it twice: the the vote.   Then\r\nhe left.A new day. \r\n";
    fs::write(&path, text).unwrap();

    let out = mtlint_in(dir.path(), &["check", "--fix", "."], None);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let once = fs::read(&path).unwrap();
    assert_eq!(
        String::from_utf8(once.clone()).unwrap(),
        "He said it twice: the vote. Then\r\nhe left. A new day.\r\n"
    );

    // Back-date the file: a second run must not write it at all.
    let old = SystemTime::now() - Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let out = mtlint_in(dir.path(), &["check", "--fix", "."], None);
    assert_eq!(code(&out), 0);
    assert_eq!(fs::read(&path).unwrap(), once);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), old);
}

#[test]
fn fix_keeps_bom_and_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(
        &path,
        [b"\xEF\xBB\xBF".as_slice(), GLUED.as_bytes()].concat(),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    }
    let out = mtlint_in(dir.path(), &["check", "--fix", "a.txt"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let bytes = fs::read(&path).unwrap();
    assert_eq!(
        bytes,
        [b"\xEF\xBB\xBF".as_slice(), CLEAN.as_bytes()].concat()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}

#[test]
fn fix_keeps_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    let encode = |s: &str| -> Vec<u8> {
        let mut out = vec![0xFF, 0xFE];
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    };
    fs::write(&path, encode(GLUED)).unwrap();
    let out = mtlint_in(dir.path(), &["check", "--fix", "a.txt"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(fs::read(&path).unwrap(), encode(CLEAN));
}

#[test]
fn binary_and_empty_files_are_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), b"").unwrap();
    fs::write(dir.path().join("blob.txt"), b"\x00\x01\x02PK\x00\x00junk").unwrap();
    let out = mtlint_in(dir.path(), &["check", "."], None);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stderr(&out).contains("blob.txt"), "{}", stderr(&out));
}

#[test]
fn hidden_and_other_extensions_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".cache")).unwrap();
    fs::write(dir.path().join(".cache/a.txt"), GLUED).unwrap();
    fs::write(dir.path().join("b.html"), GLUED).unwrap();
    let out = mtlint_in(dir.path(), &["check", "."], None);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let out = mtlint_in(dir.path(), &["check", "--extension", "html", "."], None);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
}

#[test]
fn rules_lists_every_rule_as_json() {
    let out = mtlint(&["rules", "--format", "json"]);
    assert_eq!(code(&out), 0);
    let listing: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = listing["rules"].as_array().unwrap();
    assert!(rules.len() >= 5);
    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        let category = rule["category"].as_str().unwrap();
        assert!(id.starts_with(&format!("{category}.")), "{id}");
        assert!(["error", "warning", "info"].contains(&rule["severity"].as_str().unwrap()));
        assert!(rule["summary"].as_str().unwrap().ends_with('.'));
    }
}

#[test]
fn legacy_input_is_reported_and_fixed_in_its_own_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    let text = "Президент України Володимир Зеленський заявив, що армія тримає фронт.Сьогодні міністр оборони сказав те саме журналістам у Києві.\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    fs::write(&path, &bytes).unwrap();

    let out = mtlint_in(dir.path(), &["check", "--format", "jsonl", "a.txt"], None);
    let report = stdout(&out);
    assert!(report.contains("encoding.legacy-input"), "{report}");
    assert!(report.contains("windows-1251"), "{report}");
    assert!(report.contains("typography.missing-space"), "{report}");

    let out = mtlint_in(dir.path(), &["check", "--fix", "a.txt"], None);
    assert_eq!(code(&out), 1, "legacy-input stays: {}", stdout(&out));
    let fixed = text.replace("фронт.Сьогодні", "фронт. Сьогодні");
    let (expected, _, _) = encoding_rs::WINDOWS_1251.encode(&fixed);
    assert_eq!(fs::read(&path).unwrap(), expected.as_ref());
}

#[test]
fn github_format_writes_one_annotation_per_diagnostic() {
    let jsonl = mtlint(&["check", "--format", "jsonl", "fixtures/seeds"]);
    let github = mtlint(&["check", "--format", "github", "fixtures/seeds"]);
    assert_eq!(code(&github), 1, "{}", stderr(&github));
    let annotation = regex::Regex::new(
        r"^::(?:error|warning|notice) file=[^,:]+,line=[1-9]\d*,col=[1-9]\d*,endLine=[1-9]\d*,endColumn=[1-9]\d*,title=mtlint \([a-z]+\.[a-z0-9-]+\)::[^\r\n]+$",
    )
    .expect("valid regex");
    let lines: Vec<String> = stdout(&github).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), stdout(&jsonl).lines().count());
    for line in &lines {
        assert!(annotation.is_match(line), "not an annotation: {line}");
    }
    // A name or message with the runner's syntax in it is escaped.
    let out = mtlint_stdin(
        &[
            "check",
            "--format",
            "github",
            "--stdin-filename",
            "a,b:c.txt",
            "-",
        ],
        b"Half the 100% of\r\nvotes were counted.A recount followed.\n",
    );
    let text = stdout(&out);
    assert!(text.starts_with("::"), "{text}");
    assert!(text.contains("file=a%2Cb%3Ac.txt,"), "{text}");
    assert_eq!(
        text.lines().count(),
        text.matches("::").count() / 2,
        "{text}"
    );
}

#[test]
fn rules_explain_prints_the_documentation_and_examples() {
    let out = mtlint(&["rules", "--explain", "translation.stray-capital"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("translation.stray-capital (translation, warning, fixable)\n"),
        "{text}"
    );
    assert!(text.contains("Two kinds of word"), "{text}");
    assert!(
        text.contains(
            "Flagged:\n  - Estonia calls for stronger measures, including A far-reaching"
        ),
        "{text}"
    );
    assert!(text.contains("Left alone:\n"), "{text}");
    // A rule from a rule file shows the examples the file gives.
    let out = mtlint(&["rules", "--explain", "translation.calque"]);
    assert!(stdout(&out).contains("Defined in rules/translation/calque.toml."));
    assert!(stdout(&out).contains("Writes about it AP News."));
    let out = mtlint(&["rules", "--explain", "name.no-such-rule"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no rule `name.no-such-rule`"));
}

/// The summary counts the files with findings and the files checked, as
/// ruff does: "in 1 of 3 files", not "in 3 files".
#[test]
fn the_summary_counts_files_with_findings_and_files_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "The the minister left.\n").unwrap();
    fs::write(dir.path().join("b.txt"), "The minister left.\n").unwrap();
    fs::write(dir.path().join("c.txt"), "The envoy stayed.\n").unwrap();
    let out = mtlint_in(dir.path(), &["check", "."], None);
    assert!(
        stdout(&out).contains("Found 1 diagnostic in 1 of 3 files checked ("),
        "{}",
        stdout(&out)
    );
    let out = mtlint_in(dir.path(), &["check", "a.txt"], None);
    assert!(
        stdout(&out).contains("Found 1 diagnostic in 1 file ("),
        "{}",
        stdout(&out)
    );
}

/// A rule reports its first 1,000 findings in a text, then one that counts
/// the rest; a run of one word is one finding.
#[test]
fn findings_of_one_rule_are_capped_per_text() {
    let text = "The the end.\n".repeat(1500) + "It was word word word word here.\n";
    let out = mtlint_stdin(&["check", "--format", "json", "-"], text.as_bytes());
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let found = report["files"][0]["diagnostics"].as_array().unwrap();
    let doubled: Vec<&str> = found
        .iter()
        .filter(|d| d["rule"] == "typography.doubled-word")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(doubled.len(), 1001);
    assert!(
        doubled[1000].starts_with("501 more `typography.doubled-word` findings"),
        "{}",
        doubled[1000]
    );
    // `--fix` is not capped.
    let out = mtlint_stdin(&["check", "--fix", "-"], text.as_bytes());
    assert_eq!(
        stdout(&out),
        "The end.\n".repeat(1500) + "It was word here.\n"
    );
}

/// A mistyped rule id or category is answered with the nearest one, as
/// cargo answers a mistyped subcommand.
#[test]
fn a_mistyped_rule_id_gets_the_nearest_one() {
    let out = mtlint(&["rules", "--explain", "name.near-mis"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("did you mean `name.near-miss`?"),
        "{}",
        stderr(&out)
    );
    let out = mtlint_stdin(&["check", "--select", "nmae", "-"], b"Text.\n");
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("did you mean `name`?"),
        "{}",
        stderr(&out)
    );
    // Nothing near: no guess.
    let out = mtlint(&["rules", "--explain", "zzzz.qqqqqq"]);
    assert!(!stderr(&out).contains("did you mean"), "{}", stderr(&out));
}

/// A mistake in mtlint.toml is reported at its line and column, when the
/// file is read: a rule id under per-path-ignores too, though no file the
/// run lints is under that path.
#[test]
fn config_mistakes_name_the_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), CLEAN).unwrap();
    for (config, expected) in [
        (
            "select = [\"nmae\"]\n",
            "mtlint.toml:1:11: select: `nmae` is neither a rule id nor a category (see `mtlint rules`); did you mean `name`?",
        ),
        (
            "[per-path-ignores]\n\"wire/**\" = [\"typography.doubled-wrod\"]\n",
            "mtlint.toml:2:14: per-path-ignores: `typography.doubled-wrod` is neither",
        ),
        (
            "[per-path-ignores]\n\"wire/{a\" = [\"junk\"]\n",
            "mtlint.toml:2:1: per-path-ignores: `wire/{a` is not a valid glob",
        ),
        ("date = \"2022-13-40\"\n", "mtlint.toml:1:8: `date = \"2022-13-40\"` is not a date"),
    ] {
        fs::write(dir.path().join("mtlint.toml"), config).unwrap();
        let out = mtlint_in(dir.path(), &["check", "a.txt"], None);
        assert_eq!(code(&out), 2, "{config}: {}", stdout(&out));
        let said = stderr(&out);
        assert!(said.contains(expected), "{config}: {said}");
    }
}

#[test]
fn mtlint_toml_is_found_above_and_flags_win() {
    let root = tempfile::tempdir().unwrap();
    let desk = root.path().join("desk");
    fs::create_dir_all(desk.join("house")).unwrap();
    fs::write(desk.join("article.txt"), GLUED).unwrap();
    let lint = |args: &[&str]| {
        let mut all = vec!["check"];
        all.extend_from_slice(args);
        all.push("article.txt");
        mtlint_in(&desk, &all, None)
    };
    // No config: the glued sentence fails the run.
    assert_eq!(code(&lint(&[])), 1);
    // A config in the directory above: only errors fail the run.
    fs::write(root.path().join("mtlint.toml"), "fail-on = \"error\"\n").unwrap();
    assert_eq!(code(&lint(&[])), 0);
    // The flag wins over the file.
    assert_eq!(code(&lint(&["--fail-on", "warning"])), 1);
    // ignore in the file, and --select on the command line.
    fs::write(
        root.path().join("mtlint.toml"),
        "ignore = [\"typography.missing-space\"]\n",
    )
    .unwrap();
    assert_eq!(code(&lint(&[])), 0);
    let out = lint(&["--select", "typography", "--format", "jsonl"]);
    assert_eq!(stdout(&out), "", "the file's ignore still applies");
    // --config names another file; a wrong key is an error naming it.
    fs::write(desk.join("strict.toml"), "fail-on = \"info\"\nselct = []\n").unwrap();
    let out = lint(&["--config", "strict.toml"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("strict.toml:2"), "{}", stderr(&out));
}

#[test]
fn suppressions_by_allow_list_sidecar_and_comment() {
    let dir = tempfile::tempdir().unwrap();
    let article = "Anthony Blinken met Dmitry Kuleba.\n\
                   <!-- mtlint-disable-next-line typography.doubled-word -->\n\
                   The the talks went on.\n\
                   The the talks ended at the United Nations.A theme was raised.\n";
    fs::write(dir.path().join("a.md"), article).unwrap();
    let rules = |out: &std::process::Output| -> Vec<String> {
        stdout(out)
            .lines()
            .map(|l| {
                let d: serde_json::Value = serde_json::from_str(l).unwrap();
                format!(
                    "{} {}",
                    d["rule"].as_str().unwrap(),
                    d["text"].as_str().unwrap()
                )
            })
            .collect()
    };
    let lint = |args: &[&str]| {
        let mut all = vec!["check", "--format", "jsonl"];
        all.extend_from_slice(args);
        all.push("a.md");
        mtlint_in(dir.path(), &all, None)
    };
    let before = rules(&lint(&[]));
    assert!(
        before.contains(&"name.misspelling Anthony Blinken".to_owned()),
        "{before:?}"
    );
    assert_eq!(
        before
            .iter()
            .filter(|r| r.starts_with("typography.doubled-word"))
            .count(),
        1,
        "the comment suppresses line 3 only: {before:?}"
    );

    // The allow-list of the config, and a sidecar entry matched by text.
    fs::write(
        dir.path().join("mtlint.toml"),
        "allow = [\"Anthony Blinken\"]\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("a.md.mtlint-ignore.toml"),
        "[[ignore]]\nrule = \"typography.missing-space\"\ntext = \"Nations.A\"\nreason = \"a quoted slogan\"\n\n\
         [[ignore]]\nrule = \"name.near-miss\"\ntext = \"Denys Shmyal\"\n",
    )
    .unwrap();
    let after = rules(&lint(&[]));
    assert!(
        !after.iter().any(|r| r.contains("Anthony Blinken")),
        "{after:?}"
    );
    assert!(
        !after
            .iter()
            .any(|r| r.starts_with("typography.missing-space")),
        "{after:?}"
    );
    assert!(
        after.contains(&"name.misspelling Dmitry Kuleba".to_owned()),
        "{after:?}"
    );
    // The stale sidecar entry is reported, at the article's start.
    assert!(
        after.contains(&"name.unused-suppression ".to_owned()),
        "{after:?}"
    );

    // --fix leaves every suppressed finding alone, and a second run changes nothing.
    assert_eq!(code(&lint(&["--fix"])), 1);
    let fixed = fs::read_to_string(dir.path().join("a.md")).unwrap();
    assert!(
        fixed.starts_with("Anthony Blinken met Dmytro Kuleba."),
        "{fixed}"
    );
    assert!(fixed.contains("-->\nThe the talks went on."), "{fixed}");
    assert!(fixed.contains("Nations.A theme"), "{fixed}");
    assert!(fixed.contains("\nThe talks ended"), "{fixed}");
    lint(&["--fix"]);
    assert_eq!(fs::read_to_string(dir.path().join("a.md")).unwrap(), fixed);

    // A sidecar naming no rule is an error naming the file.
    fs::write(
        dir.path().join("a.md.mtlint-ignore.toml"),
        "[[ignore]]\nrule = \"name.nearmiss\"\ntext = \"x\"\n",
    )
    .unwrap();
    let out = lint(&[]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("a.md.mtlint-ignore.toml: `name.nearmiss` is not a rule id"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn each_file_gets_its_nearest_config_and_per_path_ignores() {
    let root = tempfile::tempdir().unwrap();
    for dir in ["desk", "desk/wire", "archive"] {
        fs::create_dir_all(root.path().join(dir)).unwrap();
    }
    for file in ["desk/a.txt", "desk/wire/b.txt", "archive/c.txt"] {
        fs::write(root.path().join(file), GLUED).unwrap();
    }
    // The desk ignores missing spaces in wire copy; the archive fails only
    // on errors.
    fs::write(
        root.path().join("desk/mtlint.toml"),
        "[per-path-ignores]\n\"wire/**\" = [\"typography.missing-space\"]\n\"*.md\" = [\"junk\"]\n",
    )
    .unwrap();
    fs::write(
        root.path().join("archive/mtlint.toml"),
        "fail-on = \"error\"\n",
    )
    .unwrap();
    let out = mtlint_in(root.path(), &["check", "--format", "json", "."], None);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let file = |name: &str| {
        report["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} in {report}"))
            .clone()
    };
    assert_eq!(file("a.txt")["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(file("b.txt")["diagnostics"], serde_json::json!([]));
    let c = file("c.txt");
    assert_eq!(c["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(c["publishable"], true, "the archive fails only on errors");
    assert_eq!(file("a.txt")["publishable"], false);
    assert_eq!(code(&out), 1, "a.txt fails the run");

    // The archive alone passes; --fail-on on the command line wins.
    let out = mtlint_in(root.path(), &["check", "archive"], None);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let out = mtlint_in(
        root.path(),
        &["check", "--fail-on", "warning", "archive"],
        None,
    );
    assert_eq!(code(&out), 1);

    // A bad glob is an error naming the config, line and column.
    fs::write(
        root.path().join("desk/mtlint.toml"),
        "[per-path-ignores]\n\"wire/[\" = [\"junk\"]\n",
    )
    .unwrap();
    let out = mtlint_in(root.path(), &["check", "desk"], None);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("mtlint.toml:2:1: per-path-ignores"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn batch_agrees_with_check_on_the_seed_articles() {
    let mut seeds: Vec<_> = fs::read_dir(crate::root().join("fixtures/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    let mut input = String::new();
    for seed in &seeds {
        let text = fs::read_to_string(seed).unwrap();
        let record = serde_json::json!({ "id": seed.file_name().unwrap().to_str(), "text": text });
        input.push_str(&record.to_string());
        input.push('\n');
    }
    input.push_str("{\"id\": \"broken\"\n");
    // `check` reads the seeds' mtlint.toml; a pipeline names its config.
    let config = crate::root().join("fixtures/seeds/mtlint.toml");
    let out = mtlint_stdin(
        &["batch", "--config", config.to_str().unwrap()],
        input.as_bytes(),
    );
    assert_eq!(code(&out), 0, "findings do not fail a pipeline stage");
    assert!(stderr(&out).contains(&format!("{} records", seeds.len() + 1)));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), seeds.len() + 1);
    assert!(lines.last().unwrap()["error"].is_string());
    for (seed, line) in seeds.iter().zip(&lines) {
        let check = mtlint(&["check", "--format", "jsonl", seed.to_str().unwrap()]);
        let expected: Vec<(String, String)> = stdout(&check)
            .lines()
            .map(|l| {
                let d: serde_json::Value = serde_json::from_str(l).unwrap();
                (d["rule"].to_string(), d["text"].to_string())
            })
            .collect();
        let got: Vec<(String, String)> = line["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["rule"].to_string(), d["text"].to_string()))
            .collect();
        assert_eq!(got, expected, "{}", seed.display());
        assert_eq!(line["id"], seed.file_name().unwrap().to_str().unwrap());
    }
}

#[test]
fn check_over_many_files_flags_the_lines_they_share() {
    let dir = tempfile::tempdir().unwrap();
    let article = |n: usize| {
        format!(
            "Home / World / Europe\n\nThe harbour authority said ship number {n} would leave the port at dawn after the storm.\n\nViews: {}\n",
            n * 37
        )
    };
    for n in 1..=3 {
        fs::write(dir.path().join(format!("{n}.txt")), article(n)).unwrap();
    }
    let run = |args: &[&str]| {
        let out = mtlint_in(dir.path(), args, None);
        assert!(code(&out) < 2, "{}", stderr(&out));
        stdout(&out).matches("junk.recurring-line").count()
    };
    let select = [
        "check",
        "--select",
        "junk.recurring-line",
        "--format",
        "jsonl",
    ];
    // Three files share a menu line and a counter whose number differs.
    assert_eq!(run(&[&select[..], &["."]].concat()), 6);
    // The same run, one file at a time, has nothing to compare with; so
    // has a run of two.
    assert_eq!(run(&[&select[..], &["1.txt"]].concat()), 0);
    assert_eq!(run(&[&select[..], &["1.txt", "2.txt"]].concat()), 0);
    // A byte-identical copy is not a fourth article.
    fs::write(dir.path().join("4.txt"), article(3)).unwrap();
    let out = mtlint_in(dir.path(), &[&select[..], &["."]].concat(), None);
    assert!(
        stdout(&out).contains("recurs in 3 of the 3 articles"),
        "{}",
        stdout(&out)
    );
}
