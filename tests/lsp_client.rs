//! `mtlint lsp` under a real client: pygls's `LanguageClient` (PyPI,
//! pygls==2.1.1) runs `tests/clients/lsp_client.py`, which opens an
//! article, applies a quick fix and the fix-all action with pygls's own
//! UTF-16 text document, sends the edits back as an editor does, hovers
//! over a finding and shuts the server down.
//!
//! Without a Python that imports pygls (`python3`, or `MTLINT_PYTHON`) the
//! test says so on stderr and passes; CI installs pygls and names it in
//! `MTLINT_REQUIRE_CLIENTS` (`pygls`), which makes a missing client a
//! failure.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::{client_available, python, python_imports, root};

/// A Python with pygls, if there is one.
fn python_with_pygls() -> Option<PathBuf> {
    let program = python();
    let found = python_imports("pygls.lsp.client, lsprotocol");
    client_available(
        "lsp_client::a_real_client_gets_diagnostics_fixes_and_hovers",
        "pygls",
        found,
        "pygls is not installed (pip install pygls==2.1.1)",
    )
    .then_some(program)
}

#[test]
fn a_real_client_gets_diagnostics_fixes_and_hovers() {
    let Some(python) = python_with_pygls() else {
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
