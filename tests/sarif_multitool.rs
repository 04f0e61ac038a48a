//! `--format sarif` checked by Microsoft's SARIF Multitool (npm,
//! `@microsoft/sarif-multitool@5.7.0`), the validator that SARIF viewers
//! and GitHub code scanning are measured against: `validate` with its SARIF
//! rules and its GitHub rules (`--rule-kind Sarif Gh`) at every level.
//!
//! The log comes from articles with awkward names (a space, Cyrillic, a
//! comma, a colon and a percent sign, and an absolute path) beside a copy
//! of the fixtures. A result of level error fails the test. A warning fails
//! it too unless it is one we know and accept ([`accepted_warning`]). Notes
//! are only printed: they ask for what mtlint has no honest way to give
//! (see docs/output-format.md).
//!
//! Without the Multitool (`sarif-multitool` on PATH, or the program in
//! `MTLINT_SARIF_MULTITOOL`) the test says so on stderr and passes; CI
//! installs it and names it in `MTLINT_REQUIRE_CLIENTS`
//! (`sarif-multitool`), which makes a missing tool a failure.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::{client_available, code, mtlint_in, root, stderr, stdout};

const TEST: &str = "sarif_multitool::the_multitool_finds_no_errors_in_sarif_output";

/// The program to run, if it is installed.
fn multitool() -> Option<PathBuf> {
    let program = std::env::var_os("MTLINT_SARIF_MULTITOOL")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("sarif-multitool"));
    let found = Command::new(&program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    client_available(
        TEST,
        "sarif-multitool",
        found,
        "the SARIF Multitool is not installed \
         (npm install @microsoft/sarif-multitool@5.7.0, then MTLINT_SARIF_MULTITOOL)",
    )
    .then_some(program)
}

/// One finding of the Multitool: its rule, its level and its message.
#[derive(Debug)]
struct Finding {
    rule: String,
    level: String,
    message: String,
}

/// `validate` on `dir/name`: the findings of its log. The npm launcher
/// hands its arguments to a shell, so they are kept to plain words and
/// names relative to `dir`.
fn validate(program: &Path, dir: &Path, name: &str) -> Vec<Finding> {
    let output = Command::new(program)
        .args(["validate", name, "--output", "validation.sarif"])
        .args(["--log", "ForceOverwrite"])
        .args(["--level", "Error", "Warning", "Note"])
        .args(["--rule-kind", "Sarif", "Gh"])
        .current_dir(dir)
        .output()
        .expect("the Multitool starts");
    let console = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "the Multitool failed:\n{console}");
    let log = fs::read_to_string(dir.join("validation.sarif")).expect("the Multitool wrote a log");
    let log: Value = serde_json::from_str(&log).expect("its log is JSON");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().cloned().unwrap_or_default();
    results
        .iter()
        .map(|result| {
            let id = result["ruleId"].as_str().expect("a rule id").to_owned();
            let rule = rules.iter().find(|r| r["id"] == id.as_str());
            // A result without a level takes its rule's, else "warning".
            let level = result["level"]
                .as_str()
                .or_else(|| rule.and_then(|r| r["defaultConfiguration"]["level"].as_str()))
                .unwrap_or("warning")
                .to_owned();
            let message_id = result["message"]["id"].as_str().unwrap_or_default();
            let mut message = rule
                .and_then(|r| r["messageStrings"][message_id]["text"].as_str())
                .unwrap_or(message_id)
                .to_owned();
            let arguments = result["message"]["arguments"].as_array();
            for (i, argument) in arguments.into_iter().flatten().enumerate() {
                let argument = argument.as_str().unwrap_or_default();
                message = message.replace(&format!("{{{i}}}"), argument);
            }
            Finding {
                rule: format!("{id}/{message_id}"),
                level,
                message,
            }
        })
        .collect()
}

/// The warnings the test accepts, each with its reason.
fn accepted_warning(finding: &Finding) -> bool {
    // The tool's informationUri comes from Cargo.toml's `homepage` or
    // `repository`, and mtlint has neither yet: none is invented.
    finding.rule == "SARIF2005/Warning_ProvideToolnformationUri"
        && env!("CARGO_PKG_HOMEPAGE").is_empty()
        && env!("CARGO_PKG_REPOSITORY").is_empty()
}

/// `(rule, level)` → how many, for the report on stderr.
fn counts(findings: &[Finding]) -> BTreeMap<(String, String), usize> {
    let mut counts = BTreeMap::new();
    for f in findings {
        *counts.entry((f.level.clone(), f.rule.clone())).or_default() += 1;
    }
    counts
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn the_multitool_finds_no_errors_in_sarif_output() {
    let Some(program) = multitool() else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let articles = work.path().join("articles");
    fs::create_dir_all(articles.join("dir,a:b")).unwrap();
    fs::write(articles.join("my article.txt"), "The the minister left.\n").unwrap();
    fs::write(
        articles.join("статья.txt"),
        "The talks in GenÃ¨ve went on.\n",
    )
    .unwrap();
    fs::write(
        articles.join("dir,a:b/100% x.txt"),
        "He said that that the the talks failed.\n",
    )
    .unwrap();
    copy_dir(&root().join("fixtures"), &articles.join("fixtures"));
    // A path outside the working directory is reported as a `file:` URI.
    let elsewhere = work.path().join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    let outside = elsewhere.join("news item.txt");
    fs::write(&outside, "The the minister left.\n").unwrap();

    let out = mtlint_in(
        &articles,
        &[
            "check",
            "--format",
            "sarif",
            ".",
            outside.to_str().expect("a UTF-8 temporary path"),
        ],
        None,
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let sarif = stdout(&out);
    // Every awkward name has findings, so its URI is in the log.
    let log: Value = serde_json::from_str(&sarif).expect("SARIF is JSON");
    let uris: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    for name in [
        "my%20article.txt",
        "%D1%81%D1%82",
        "dir,a%3Ab/100%25%20x.txt",
    ] {
        assert!(uris.iter().any(|u| u.contains(name)), "no result in {name}");
    }
    assert!(uris.iter().any(|u| u.starts_with("file:///")));
    fs::write(work.path().join("mtlint.sarif"), &sarif).unwrap();

    let findings = validate(&program, work.path(), "mtlint.sarif");
    let mut report = String::from("SARIF Multitool findings on mtlint's log:\n");
    for ((level, rule), n) in counts(&findings) {
        report.push_str(&format!("  {level:7} {rule}: {n}\n"));
    }
    let _ = write!(std::io::stderr(), "{report}");
    let failing: Vec<String> = findings
        .iter()
        .filter(|f| f.level == "error" || (f.level == "warning" && !accepted_warning(f)))
        .map(|f| format!("{} {}: {}", f.level, f.rule, f.message))
        .collect();
    assert!(failing.is_empty(), "{}\n{report}", failing.join("\n"));

    // The validator is not a rubber stamp: the same log without the rules'
    // help and with a raw space in a URI fails.
    let mut damaged = log;
    for rule in damaged["runs"][0]["tool"]["driver"]["rules"]
        .as_array_mut()
        .expect("rules")
    {
        rule.as_object_mut().expect("a rule").remove("help");
    }
    damaged["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"] = Value::from("my article.txt");
    fs::write(work.path().join("damaged.sarif"), damaged.to_string()).unwrap();
    let errors: Vec<String> = validate(&program, work.path(), "damaged.sarif")
        .into_iter()
        .filter(|f| f.level == "error")
        .map(|f| f.rule)
        .collect();
    assert!(
        errors.iter().any(|r| r == "GH2012/Error_MissingHelp"),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|r| r.starts_with("SARIF1002/")),
        "{errors:?}"
    );
}
