//! `mtlint lsp` under a real client: pygls's `LanguageClient` (PyPI,
//! pygls==2.1.1) runs `tests/clients/lsp_client.py`, which opens an
//! article, applies a quick fix and the fix-all action with pygls's own
//! UTF-16 text document, sends the edits back as an editor does, hovers
//! over a finding and shuts the server down.
//!
//! Without a Python that imports pygls (`python3`, or `MTLINT_PYTHON`) the
//! test says so on stderr and passes; CI installs pygls and sets
//! `MTLINT_REQUIRE_CLIENTS=1`, which makes a missing client a failure.

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use crate::root;

/// A Python with pygls, or why the test is skipped.
fn python() -> Option<PathBuf> {
    let program = std::env::var_os("MTLINT_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("python3"));
    let found = Command::new(&program)
        .args(["-c", "import pygls.lsp.client, lsprotocol"])
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some(program);
    }
    assert!(
        std::env::var_os("MTLINT_REQUIRE_CLIENTS").is_none(),
        "pygls is required (MTLINT_REQUIRE_CLIENTS) but {} cannot import it",
        program.display()
    );
    // Written past the test harness's capture, so a skip is never silent.
    let _ = writeln!(
        std::io::stderr(),
        "lsp_client::a_real_client_gets_diagnostics_fixes_and_hovers: SKIPPED, pygls is not installed (pip install pygls==2.1.1)"
    );
    None
}

#[test]
fn a_real_client_gets_diagnostics_fixes_and_hovers() {
    let Some(python) = python() else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    // The article's date comes from the project config, as in an editor.
    fs::write(work.path().join("mtlint.toml"), "date = \"2022-09-21\"\n").unwrap();
    let output = Command::new(python)
        .arg(root().join("tests/clients/lsp_client.py"))
        .arg(env!("CARGO_BIN_EXE_mtlint"))
        .arg(work.path())
        .output()
        .expect("python starts");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the client failed:\n{stdout}\n{stderr}"
    );
    let report: serde_json::Value = serde_json::from_str(stdout.trim()).expect("a JSON report");
    assert_eq!(report["ok"], true);
    let text = report["text"].as_str().unwrap();
    assert!(
        text.contains("Nations. A theme") && text.contains("\nThe delegates"),
        "{text}"
    );
    // The unsafe title fix is offered, never applied by fix-all.
    assert!(text.contains("Russian President Lavrov"), "{text}");
}
