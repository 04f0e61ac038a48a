//! `mtlint batch` as a stage of a real Apache Spark job: PySpark (PyPI,
//! pyspark==4.3.0, with Java 17) in local mode runs
//! `tests/clients/spark_batch.py`, which pipes every partition of a JSON
//! Lines file of the fixtures through `mtlint batch`. The collected output
//! must equal a direct `mtlint batch` run, record for record (less `line`,
//! which counts lines within each partition).
//!
//! Without a Python that imports pyspark (`python3`, or `MTLINT_PYTHON`)
//! or without `java`, the test says so on stderr and passes; CI installs
//! pyspark and names it in `MTLINT_REQUIRE_CLIENTS` (`pyspark`), which
//! makes a missing client a failure.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{client_available, mtlint_stdin, python, python_imports, root, stdout};

/// A Python with pyspark, if there is one and Java too.
fn python_with_spark() -> Option<PathBuf> {
    let program = python();
    let spark = python_imports("pyspark");
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    client_available(
        "spark_batch::a_spark_job_gives_what_batch_gives",
        "pyspark",
        spark && java,
        &format!("needs pyspark (pip install pyspark==4.3.0: {spark}) and java 17 ({java})"),
    )
    .then_some(program)
}

/// Every UTF-8 fixture as a record `{"id": path, "text": contents}`.
fn fixture_records() -> String {
    let mut paths = Vec::new();
    collect(&root().join("fixtures"), &mut paths);
    paths.sort();
    let mut records = String::new();
    for path in paths {
        let Ok(text) = fs::read_to_string(&path) else {
            continue; // a fixture in a legacy encoding
        };
        let id = path.strip_prefix(root()).unwrap().display().to_string();
        records.push_str(&serde_json::json!({ "id": id, "text": text }).to_string());
        records.push('\n');
    }
    records
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

fn without_line(output: &str) -> Vec<serde_json::Value> {
    output
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v.as_object_mut().unwrap().remove("line");
            v
        })
        .collect()
}

#[test]
fn a_spark_job_gives_what_batch_gives() {
    let Some(python) = python_with_spark() else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("articles.jsonl");
    let output = work.path().join("linted.jsonl");
    let records = fixture_records();
    fs::write(&input, &records).unwrap();
    // Each partition counts the lines its own records share
    // (junk.recurring-line), so that rule is left out of the comparison:
    // every other finding of a record depends on the record alone.
    let independent = ["--ignore", "junk.recurring-line"];
    let job = Command::new(python)
        .arg(root().join("tests/clients/spark_batch.py"))
        .arg(env!("CARGO_BIN_EXE_mtlint"))
        .arg(&input)
        .arg(&output)
        .args(independent)
        .current_dir(work.path())
        .output()
        .expect("python starts");
    assert!(
        job.status.success(),
        "the Spark job failed:\n{}\n{}",
        String::from_utf8_lossy(&job.stdout),
        String::from_utf8_lossy(&job.stderr)
    );
    let report = String::from_utf8_lossy(&job.stdout);
    assert!(report.contains("in 3 partitions"), "{report}");
    let direct = mtlint_stdin(&[&["batch"][..], &independent].concat(), records.as_bytes());
    let expected = without_line(&stdout(&direct));
    let got = without_line(&fs::read_to_string(&output).unwrap());
    assert_eq!(got.len(), records.lines().count());
    assert!(
        got == expected,
        "the Spark job's records differ from a direct run"
    );
}
