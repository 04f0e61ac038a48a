//! Integration tests: the `mtlint` binary as users and integrations see it.
//!
//! One test binary: the modules are the files beside this one.

mod architecture;
mod bad_inputs;
mod cli;
mod fixpoint;
mod fuzz_smoke;
mod json;
mod lsp_client;
mod mojibake_eval;
mod pre_commit;
mod properties;
mod readme;
mod rule_fixtures;
mod sarif;
mod sarif_multitool;
mod snapshots;
mod spark_batch;
mod windows;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root: fixtures and rules are found from here.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `mtlint` with the given arguments, run from the repository root, with
/// colour off.
pub fn mtlint(args: &[&str]) -> Output {
    mtlint_in(&root(), args, None)
}

/// `mtlint` with the given arguments and standard input.
pub fn mtlint_stdin(args: &[&str], stdin: &[u8]) -> Output {
    mtlint_in(&root(), args, Some(stdin))
}

pub fn mtlint_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mtlint starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    pipe.write_all(stdin.unwrap_or_default())
        .expect("stdin is written");
    drop(pipe);
    child.wait_with_output().expect("mtlint finishes")
}

pub fn code(output: &Output) -> i32 {
    output.status.code().expect("mtlint exits normally")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Whether a test that drives a real client (pre-commit, pygls, PySpark,
/// the SARIF Multitool) can run. Without the client it says so on stderr,
/// past the harness's capture, so a skip is never silent, and the test
/// passes; a client named in `MTLINT_REQUIRE_CLIENTS` (a comma-separated
/// list, as CI sets it for the clients it installed) must be found.
pub fn client_available(test: &str, client: &str, found: bool, missing: &str) -> bool {
    if found {
        return true;
    }
    let required = std::env::var("MTLINT_REQUIRE_CLIENTS").unwrap_or_default();
    assert!(
        !required.split(',').any(|c| c.trim() == client),
        "{test}: {missing}, and MTLINT_REQUIRE_CLIENTS names {client}"
    );
    let _ = writeln!(std::io::stderr(), "{test}: SKIPPED, {missing}");
    false
}

/// The Python that runs the client scripts: `MTLINT_PYTHON`, else `python3`.
pub fn python() -> PathBuf {
    std::env::var_os("MTLINT_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("python3"))
}

/// Whether [`python`] can import `modules` (a Python import list).
pub fn python_imports(modules: &str) -> bool {
    Command::new(python())
        .args(["-c", &format!("import {modules}")])
        .output()
        .is_ok_and(|o| o.status.success())
}
