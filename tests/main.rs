//! Integration tests: the `mtlint` binary as users and integrations see it.
//!
//! One test binary: the modules are the files beside this one.

mod cli;
mod fixpoint;
mod json;
mod lsp_client;
mod mojibake_eval;
mod pre_commit;
mod readme;
mod rule_fixtures;
mod sarif;
mod snapshots;
mod spark_batch;

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
