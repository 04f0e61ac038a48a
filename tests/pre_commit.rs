//! The pre-commit hooks of `.pre-commit-hooks.yaml`, run by the real
//! `pre-commit` (PyPI) in a temporary git repository of articles: a commit
//! of a damaged article is blocked with the diagnostics shown, a clean one
//! goes through, and `mtlint-fix` repairs what it can.
//!
//! pre-commit clones this repository at HEAD and builds mtlint with cargo,
//! so the test sees the hooks as committed. Without `pre-commit` on PATH
//! (or in `MTLINT_PRE_COMMIT`) the test says so on stderr and passes; CI
//! installs it and names it in `MTLINT_REQUIRE_CLIENTS` (`pre-commit`),
//! which makes a missing client a failure.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::{client_available, root};

/// The program to run, if it is installed.
fn pre_commit() -> Option<PathBuf> {
    let program = std::env::var_os("MTLINT_PRE_COMMIT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("pre-commit"));
    let found = Command::new(&program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    client_available(
        "pre_commit::hooks_block_damaged_articles",
        "pre-commit",
        found,
        "pre-commit is not installed (pip install pre-commit==4.7.0)",
    )
    .then_some(program)
}

fn run(dir: &Path, program: &Path, args: &[&str], cache: &Path) -> Output {
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(dir)
        .env("PRE_COMMIT_HOME", cache)
        // pre-commit's cargo build must not wait on the lock of the build
        // directory that this test runs from.
        .env("CARGO_TARGET_DIR", cache.join("target"))
        .env("NO_COLOR", "1")
        .env("GIT_AUTHOR_NAME", "mtlint test")
        .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
        .env("GIT_COMMITTER_NAME", "mtlint test")
        .env("GIT_COMMITTER_EMAIL", "test@example.invalid");
    command.output().expect("the program starts")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn hooks_block_damaged_articles() {
    let Some(pre_commit) = pre_commit() else {
        return;
    };
    let git = Path::new("git");
    let head = Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(root())
        .output()
        .expect("git runs");
    assert!(head.status.success(), "mtlint's repository has a HEAD");
    let head = String::from_utf8_lossy(&head.stdout).trim().to_owned();
    // Built hook environments are kept between runs, one per revision.
    let cache = root().join("target").join("pre-commit-home");
    fs::create_dir_all(&cache).expect("target/ is writable");

    let repo = tempfile::tempdir().expect("a temporary directory");
    let dir = repo.path();
    let ok = |output: Output| {
        assert!(output.status.success(), "{}", text(&output));
        output
    };
    ok(run(dir, git, &["init", "-q"], &cache));
    fs::write(
        dir.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {head}\n    hooks:\n      - id: mtlint\n",
            root().display()
        ),
    )
    .unwrap();
    ok(run(dir, git, &["add", "."], &cache));
    ok(run(dir, git, &["commit", "-q", "-m", "config"], &cache));
    ok(run(dir, &pre_commit, &["install"], &cache));

    // A damaged article is blocked, with mtlint's diagnostics in the output.
    fs::write(
        dir.join("article.txt"),
        "Estonia wants stronger measures, including A far-reaching embargo.\n",
    )
    .unwrap();
    ok(run(dir, git, &["add", "article.txt"], &cache));
    let blocked = run(dir, git, &["commit", "-m", "damaged"], &cache);
    assert!(!blocked.status.success(), "{}", text(&blocked));
    assert!(
        text(&blocked).contains("translation.stray-capital"),
        "{}",
        text(&blocked)
    );
    let log = run(dir, git, &["rev-list", "--count", "HEAD"], &cache);
    assert_eq!(String::from_utf8_lossy(&log.stdout).trim(), "1");

    // The same article, corrected, goes through.
    fs::write(
        dir.join("article.txt"),
        "Estonia wants stronger measures, including a far-reaching embargo.\n",
    )
    .unwrap();
    ok(run(dir, git, &["add", "article.txt"], &cache));
    ok(run(dir, git, &["commit", "-q", "-m", "clean"], &cache));

    // mtlint-fix applies the safe fixes; pre-commit fails the run because
    // the file changed, and the next run passes.
    fs::write(
        dir.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {head}\n    hooks:\n      - id: mtlint-fix\n",
            root().display()
        ),
    )
    .unwrap();
    fs::write(
        dir.join("glued.txt"),
        "The leaders met at the United Nations.A theme was raised.\n",
    )
    .unwrap();
    ok(run(dir, git, &["add", "."], &cache));
    let fixed = run(dir, &pre_commit, &["run", "--all-files"], &cache);
    assert!(!fixed.status.success(), "{}", text(&fixed));
    assert_eq!(
        fs::read_to_string(dir.join("glued.txt")).unwrap(),
        "The leaders met at the United Nations. A theme was raised.\n"
    );
    ok(run(dir, &pre_commit, &["run", "--all-files"], &cache));
}
